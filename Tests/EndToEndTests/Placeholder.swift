import Testing
@testable import ClioCore
