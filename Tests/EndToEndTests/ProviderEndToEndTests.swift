import ClioTestSupport
import Foundation
import Testing

/// The whole pipeline against the strict emulator of each provider and model family: every
/// conversation summarized, every record embedded, a named hierarchy, and not one request the
/// provider would reject — with the provider's own rate-limit replies thrown in.
@Suite struct ProviderEndToEndTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var api: ProviderEmulator.API
        var model: String
        /// An embedding model of the same provider, or nil for the hashed embedder.
        var embedding: String?
        var testDescription: String { model }
    }

    static let cases: [Case] = [
        Case(api: .openAI, model: "openai:gpt-5-mini", embedding: "openai:text-embedding-3-small"),
        Case(api: .openAI, model: "openai:gpt-5.4-mini"),
        Case(api: .openAI, model: "openai:o4-mini"),
        Case(api: .openAI, model: "openai:gpt-4.1-mini"),
        Case(api: .anthropic, model: "anthropic:claude-haiku-4-5"),
        Case(api: .anthropic, model: "anthropic:claude-opus-4-7"),
        Case(api: .anthropic, model: "anthropic:claude-3-5-haiku-latest"),
        Case(api: .gemini, model: "gemini:gemini-2.5-flash", embedding: "gemini:gemini-embedding-001"),
        Case(api: .gemini, model: "gemini:gemini-2.5-pro"),
        Case(api: .gemini, model: "gemini:gemini-3.1-flash-lite"),
        Case(api: .gemini, model: "gemini:gemini-3.1-pro"),
        Case(api: .ollama, model: "ollama:qwen3:8b", embedding: "ollama:nomic-embed-text"),
        Case(api: .ollama, model: "ollama:gpt-oss:20b"),
        Case(api: .ollama, model: "ollama:llama3.2"),
        Case(api: .lmStudio, model: "openai:qwen2.5-7b-instruct", embedding: "openai:text-embedding-nomic-embed-text-v1.5"),
        Case(api: .llamaCpp, model: "openai:smollm2"),
    ]

    static let conversations: String = {
        let all = (try? String(contentsOfFile: Clio.packageRoot.path + "/examples/conversations.jsonl", encoding: .utf8)) ?? ""
        return all.split(separator: "\n").prefix(30).joined(separator: "\n") + "\n"
    }()

    @Test(arguments: cases)
    func thePipelineRunsWithNoRejectedRequest(_ test: Case) throws {
        // Rate-limit replies on the second and ninth requests.
        let emulator = try ProviderEmulator(test.api) { $0 == 1 || $0 == 8 }
        defer { emulator.stop() }
        let cache = temporaryPath("e2e-provider")
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let env = ["OPENAI_API_KEY": ProviderEmulator.key, "ANTHROPIC_API_KEY": ProviderEmulator.key, "GEMINI_API_KEY": ProviderEmulator.key,
                   "CLIO_CACHE_DIR": cache, "CLIO_MODEL": "", "CLIO_BASE_URL": ""]
        let llm = ["--model", test.model, "--base-url", emulator.baseURL, "-j", "4"]

        let summaries = try Clio.run("clio-summarize", llm, stdin: Self.conversations, environment: env)
        #expect(summaries.exitCode == 0, "\(summaries.stderr)")
        #expect(summaries.lines.count == 30)
        #expect(summaries.lines.allSatisfy { $0.contains("\"summarizer\":{\"name\":\"llm\",\"model\":\"\(test.model)\"}") })
        #expect(summaries.stderr.contains("0 failed"), "\(summaries.stderr)")

        let embedArguments = test.embedding.map { ["--model", $0, "--base-url", emulator.baseURL, "--batch", "7"] } ?? ["--model", "hash", "--dimension", "64"]
        let embedded = try Clio.run("clio-embed", embedArguments, stdin: summaries.stdout, environment: env)
        #expect(embedded.exitCode == 0, "\(embedded.stderr)")
        #expect(embedded.lines.count == 30)

        let clustered = try Clio.run("clio-cluster", ["-k", "5"], stdin: embedded.stdout, environment: env)
        #expect(clustered.exitCode == 0, "\(clustered.stderr)")

        let labelled = try Clio.run("clio-label", llm + ["--embed-model", "hash", "--audit", "--top", "2", "--children", "3"],
                                    stdin: clustered.stdout, environment: env)
        #expect(labelled.exitCode == 0, "\(labelled.stderr)")
        #expect(labelled.stderr.contains("0 failed") && labelled.stderr.contains("0 fallbacks"), "\(labelled.stderr)")
        #expect(labelled.stdout.contains("Help with topic"))

        // llama-cpp-python refuses json_schema; each tool learns that from its first refusal, so
        // only the calls in flight then (at most -j per tool) are refused, all for that reason.
        if test.api == .llamaCpp {
            #expect(emulator.rejections.count <= 8 && emulator.rejections.allSatisfy { $0.message.contains("'json_object'") }, "\(emulator.rejections)")
        } else {
            #expect(emulator.rejections.isEmpty, "\(emulator.rejections)")
        }
        #expect(emulator.rateLimited == 2)
        #expect(emulator.answeredChats > 30)
        if test.embedding != nil { #expect(emulator.answeredEmbeddings >= 5) }
    }

    @Test func aDryRunSendsNothingAndCountsEveryCall() throws {
        let emulator = try ProviderEmulator(.openAI)
        defer { emulator.stop() }
        let cache = temporaryPath("e2e-dry")
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let env = ["CLIO_CACHE_DIR": cache, "OPENAI_API_KEY": ""]
        let dry = try Clio.run("clio-summarize", ["--model", "openai:gpt-5-mini", "--base-url", emulator.baseURL, "--dry-run", "--price", "0.25,2"],
                               stdin: Self.conversations, environment: env)
        #expect(dry.exitCode == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("facets") && dry.stdout.contains("total"))
        #expect(dry.stdout.contains("$"))
        let row = try #require(dry.stdout.split(separator: "\n").first { $0.hasPrefix("facets") })
        #expect(row.split(separator: " ").filter { !$0.isEmpty }[1] == "30")
        #expect(emulator.requests.isEmpty)
    }

    @Test func aConfigurationErrorStopsTheRunAtTheFirstRecord() throws {
        let emulator = try ProviderEmulator(.openAI)
        defer { emulator.stop() }
        let run = try Clio.run("clio-summarize", ["--model", "openai:gpt-9-mini", "--base-url", emulator.baseURL, "--no-cache", "-j", "2"],
                               stdin: Self.conversations, environment: ["OPENAI_API_KEY": ProviderEmulator.key])
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("does not exist or you do not have access to it"))
        #expect(run.stderr.components(separatedBy: "does not exist").count == 2, "one error, not one per record: \(run.stderr)")
        #expect(emulator.requests.count <= 2)
    }
}
