import Testing
@testable import ClioTree
