import Testing
@testable import ClioLLM
