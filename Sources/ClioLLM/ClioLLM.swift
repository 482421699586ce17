import ClioCore
