import ClioTestSupport
import ClioCore
import ClioLLM
import Foundation
import Testing

@testable import ClioSummarize

/// Ten small conversations of the kinds Clio sees: code, writing, advice, other languages.
private let examples: [(String, String)] = [
    ("How do I reverse a list in Python?", "Use reversed(my_list) or my_list[::-1]."),
    ("Write a haiku about autumn leaves.", "Red leaves drift and fall / whispering to the cold ground / the year exhales slow."),
    ("¿Cómo puedo mejorar mi currículum para un trabajo de enfermería?", "Destaca tu experiencia clínica y tus certificaciones."),
    ("What is the difference between TCP and UDP?", "TCP is connection-oriented and reliable; UDP is connectionless and faster."),
    ("Give me a recipe for a quick vegetarian dinner.", "Try a chickpea curry: onion, garlic, tomatoes, chickpeas and spices, 25 minutes."),
    ("Explain photosynthesis to a ten-year-old.", "Plants use sunlight to turn water and air into sugar, and they breathe out oxygen."),
    ("My SQL query is slow: SELECT * FROM orders WHERE customer_id = 5. How can I speed it up?", "Add an index on customer_id and select only the columns you need."),
    ("Translate 'good morning, how are you?' into French.", "Bonjour, comment allez-vous ?"),
    ("How should I prepare for a job interview at a bank?", "Research the role, practise common questions, and prepare examples of your work."),
    ("Wie funktioniert ein Elektromotor?", "Ein Elektromotor wandelt elektrische Energie mit Magnetfeldern in Bewegung um."),
]

@Suite struct LLMIntegrationTests {
    @Test(TestResource.llmServer.enabled)
    func realModelGivesValidFacetsOrReportedFailuresAndCachedRerun() throws {
        let base = try TestResource.llmServer.require()
        let modelName = ProcessInfo.processInfo.environment["CLIO_TEST_LLM_MODEL"] ?? "smollm2"
        let input = examples.enumerated().map { i, pair in
            Conversation(
                id: .string("ex\(i + 1)"),
                messages: [Message(role: "user", content: pair.0), Message(role: "assistant", content: pair.1)],
                record: ["id": .string("ex\(i + 1)"), "messages": []], location: Location(source: "<examples>", line: i + 1))
        }
        let cache = tempPath("cache")
        let errors = tempPath("errors.jsonl")
        func model() -> any ChatModel {
            ModelSpec(provider: .openai, model: modelName, baseURL: base).makeModel(client: HTTPClient(maxConnections: 2, timeout: 300, retry: RetryPolicy(maxTries: 3)))
        }
        let first = try runLLM(input, model: model(), cacheDir: cache, attempts: 3, errors: errors, jobs: 2, maxChars: 4000)
        let failedIDs = try String(contentsOfFile: errors, encoding: .utf8).split(separator: "\n").compactMap {
            try JSONParser.parse(String($0))[path: "id"]?.stringValue
        }
        let written = try first.lines.map { try JSONParser.parse($0) }
        let writtenIDs = written.compactMap { $0[path: "id"]?.stringValue }
        // Nothing lost, nothing twice, order kept.
        #expect((writtenIDs + failedIDs).sorted() == input.map { $0.id.stringValue! }.sorted())
        #expect(writtenIDs == input.map { $0.id.stringValue! }.filter { writtenIDs.contains($0) })
        for record in written {
            #expect(record[path: "facets.request"]?.stringValue?.hasPrefix("The user's overall request for the assistant is to") == true)
            #expect(record[path: "facets.task"]?.stringValue?.hasPrefix("The task is to") == true)
            #expect((1...5).contains(record[path: "facets.concerning"]?.intValue ?? 0))
            #expect(record[path: "summarizer.model"] == .string("openai:\(modelName)"))
        }
        let outcome = first.outcome
        print("llm integration: \(input.count) conversations, valid first try \(outcome?.firstTry ?? -1), re-asked \(outcome?.reasked ?? -1), failed \(failedIDs.count); \(first.stats.calls) calls, tokens \(first.stats.tokensIn)/\(first.stats.tokensOut)")

        // Only the records that failed may call the model again.
        let second = try runLLM(input, model: model(), cacheDir: cache, attempts: 3, errors: errors, jobs: 2, maxChars: 4000)
        if failedIDs.isEmpty {
            #expect(second.stats.calls == 0)
            #expect(second.lines == first.lines)
        }
        #expect(second.stats.cacheHits >= written.count)
    }
}
