import ClioCore
import Testing

@testable import ClioLLM

@Suite struct ModelSpecTests {
    @Test func nothingConfiguredMeansNoModel() throws {
        #expect(try ModelSpec.resolve(model: nil, baseURL: nil, environment: [:]) == nil)
    }

    @Test func modelFlagWinsOverEnvironment() throws {
        let spec = try #require(try ModelSpec.resolve(model: "anthropic:claude-3-5-haiku-latest", baseURL: nil, environment: ["CLIO_MODEL": "openai:gpt-4o-mini", "ANTHROPIC_API_KEY": "k"]))
        #expect(spec.provider == .anthropic)
        #expect(spec.model == "claude-3-5-haiku-latest")
        #expect(spec.baseURL == "https://api.anthropic.com")
        #expect(spec.apiKey == "k")
    }

    @Test func environmentSuppliesModelAndBaseURL() throws {
        let spec = try #require(try ModelSpec.resolve(model: nil, baseURL: nil, environment: ["CLIO_MODEL": "openai:smol", "CLIO_BASE_URL": "http://127.0.0.1:8080/v1/"]))
        #expect(spec.name == "openai:smol")
        #expect(spec.baseURL == "http://127.0.0.1:8080/v1")
        #expect(spec.apiKey == nil)
    }

    @Test func ollamaTagKeepsItsColon() throws {
        let spec = try #require(try ModelSpec.resolve(model: "ollama:llama3.2:1b", baseURL: nil, environment: [:]))
        #expect(spec.model == "llama3.2:1b")
        #expect(spec.baseURL == "http://localhost:11434")
    }

    @Test func missingKeyIsAUsageErrorNamingTheVariable() {
        let openai = #expect(throws: UsageError.self) { try ModelSpec.resolve(model: "openai:gpt-4o-mini", baseURL: nil, environment: [:]) }
        #expect(openai?.message.contains("OPENAI_API_KEY") == true)
        let gemini = #expect(throws: UsageError.self) { try ModelSpec.resolve(model: "gemini:gemini-2.0-flash", baseURL: nil, environment: [:]) }
        #expect(gemini?.message.contains("GEMINI_API_KEY or GOOGLE_API_KEY") == true)
    }

    @Test func geminiTakesGoogleAPIKeyToo() throws {
        let spec = try ModelSpec.resolve(model: "gemini:gemini-2.0-flash", baseURL: nil, environment: ["GOOGLE_API_KEY": "g"])
        #expect(spec?.apiKey == "g")
    }

    @Test func unknownProviderAndBareNameAreUsageErrors() {
        #expect(throws: UsageError.self) { try ModelSpec.resolve(model: "mistral:large", baseURL: nil, environment: [:]) }
        #expect(throws: UsageError.self) { try ModelSpec.resolve(model: "gpt-4o", baseURL: nil, environment: [:]) }
        #expect(throws: UsageError.self) { try ModelSpec.resolve(model: "openai:", baseURL: nil, environment: ["OPENAI_API_KEY": "k"]) }
    }

    @Test func keyNeverAppearsInTheSpecsText() throws {
        let spec = try #require(try ModelSpec.resolve(model: "openai:gpt-4o-mini", baseURL: nil, environment: ["OPENAI_API_KEY": "sk-abcdef-SECRET"]))
        for text in ["\(spec)", String(reflecting: spec), spec.cacheIdentity.joined(), String(describing: Mirror(reflecting: spec).children.map(\.value))] {
            #expect(!text.contains("SECRET"))
        }
    }
}
