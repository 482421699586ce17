import Testing
@testable import ClioLabel
