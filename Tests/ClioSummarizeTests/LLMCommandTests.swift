import ClioCore
import ClioLLM
import Foundation
import Testing

@testable import ClioSummarize

@Suite struct LLMCommandTests {
    func options(_ arguments: [String], environment: [String: String] = [:]) throws(UsageError) -> LLMOptions {
        var options = LLMOptions()
        var scanner = ArgumentScanner(arguments)
        while let option = try scanner.nextOption() {
            guard try options.parse(option, &scanner) else { throw scanner.unknown(option) }
        }
        try options.validate(environment: environment)
        return options
    }

    @Test func llmOptionsAreParsedWithTheirDefaults() throws {
        let parsed = try options(["--model", "ollama:llama3.2", "-j", "50", "--attempts", "5", "--timeout", "30", "--no-cache", "--reasoning", "none"])
        #expect(parsed.spec?.name == "ollama:llama3.2")
        #expect(parsed.jobs == 50 && parsed.attempts == 5 && parsed.timeout == 30 && parsed.noCache && parsed.spec?.reasoning == "none")
        let command = try SummarizeCommand(arguments: ["--model", "ollama:llama3.2", "--errors", "e.jsonl"])
        #expect(command.errorsPath == "e.jsonl")
        let defaults = try options([])
        #expect(defaults.spec == nil && defaults.jobs == 16 && defaults.attempts == 3 && defaults.timeout == 300)
    }

    @Test func environmentChoosesTheModelWhenNoFlagDoes() throws {
        let parsed = try options([], environment: ["CLIO_MODEL": "anthropic:claude-3-5-haiku-latest", "ANTHROPIC_API_KEY": "k"])
        #expect(parsed.spec?.provider == .anthropic)
    }

    @Test func missingKeyIsAUsageError() {
        let error = #expect(throws: UsageError.self) { try options(["--model", "anthropic:claude-3-5-haiku-latest"]) }
        #expect(error?.message.contains("ANTHROPIC_API_KEY") == true)
    }

    @Test func facetsWithoutAModelIsAUsageError() {
        #expect(throws: UsageError.self) { try SummarizeCommand(arguments: ["--facets", "f.json"]) }
    }

    @Test func aDryRunNeedsAModelButNoKey() throws {
        #expect(throws: UsageError.self) { try options(["--dry-run"]) }
        let dry = try options(["--model", "anthropic:claude-haiku-4-5", "--dry-run", "--price", "1,5"])
        #expect(dry.spec?.apiKey == nil && dry.dryRun && dry.price == LLMOptions.Price(input: 1, output: 5))
        #expect(throws: UsageError.self) { try options(["--model", "anthropic:claude-haiku-4-5"]) }
        #expect(throws: UsageError.self) { try options(["--model", "ollama:m", "--price", "1"]) }
    }

    @Test func aReasoningLevelTheModelDoesNotTakeIsAUsageError() {
        let error = #expect(throws: UsageError.self) { try options(["--model", "openai:gpt-5-mini", "--reasoning", "none"], environment: ["OPENAI_API_KEY": "k"]) }
        #expect(error?.message.contains("minimal, low, medium, high") == true)
    }

    @Test func badFacetsFileIsAUsageError() {
        let path = tempPath("facets.json")
        try? #"[{"name":"x"}]"#.write(toFile: path, atomically: true, encoding: .utf8)
        let error = #expect(throws: UsageError.self) { try SummarizeCommand(arguments: ["--model", "ollama:m", "--facets", path]) }
        #expect(error?.message.contains("field \"question\" is missing") == true)
    }

    @Test func commandTakesTheLLMOptions() throws {
        let command = try SummarizeCommand(arguments: ["--model", "ollama:llama3.2", "-j", "4", "in.jsonl"])
        #expect(command.llm.spec?.name == "ollama:llama3.2")
        #expect(command.llm.jobs == 4)
        #expect(command.files == ["in.jsonl"])
    }
}
