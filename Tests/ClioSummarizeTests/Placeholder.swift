import Testing
@testable import ClioSummarize
