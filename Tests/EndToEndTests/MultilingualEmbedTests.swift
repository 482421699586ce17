import ClioTestSupport
import Foundation
import Testing

/// clio-embed's multilingual model and its notice about the English one, run as a user runs them.
struct MultilingualEmbedTests {
    static let examples = Clio.packageRoot.appendingPathComponent("examples/conversations.jsonl").path
    /// The small stand-in model of scripts/make-multilingual-fixture.py.
    static let fixture = Clio.packageRoot.appendingPathComponent("Tests/ClioEmbedTests/Fixtures/multilingual").path

    static func occurrences(of needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    /// The example data is 14% Spanish, Chinese, Japanese, German and French; its extractive
    /// summaries keep those languages. (Needs the MiniLM weights: scripts/get-model.sh.)
    @Test(TestResource.miniLM.enabled) func englishModelOnMixedLanguageSummariesSaysSoOnceAndNamesTheMultilingualModel() throws {
        _ = try TestResource.miniLM.require()
        let run = try Clio.shell("clio-summarize -q '\(Self.examples)' | clio-embed --model minilm --no-cache > /dev/null")
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(Self.occurrences(of: "--model multilingual", in: run.stderr) == 1, "\(run.stderr)")
        #expect(run.stderr.contains("are not in English ("), "\(run.stderr)")
        #expect(run.stderr.contains("Chinese"), "\(run.stderr)")

        let quiet = try Clio.shell("clio-summarize -q '\(Self.examples)' | clio-embed -q --model minilm --no-cache > /dev/null")
        #expect(quiet.exitCode == 0)
        #expect(!quiet.stderr.contains("multilingual"))
    }

    @Test(TestResource.miniLM.enabled) func englishSummariesAndOtherModelsGetNoLanguageNotice() throws {
        _ = try TestResource.miniLM.require()
        let english = (0..<30).map { #"{"facets":{"request":"How do I fix error \#($0) in my Python code?"}}"# }.joined(separator: "\n") + "\n"
        let run = try Clio.run("clio-embed", ["--model", "minilm", "--no-cache"], stdin: english)
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("multilingual"), "\(run.stderr)")
        // The hashed embedder makes no claim about languages.
        let hashed = try Clio.shell("clio-summarize -q '\(Self.examples)' | clio-embed --model hash > /dev/null")
        #expect(hashed.exitCode == 0)
        #expect(!hashed.stderr.contains("multilingual"), "\(hashed.stderr)")
    }

    @Test(TestResource.multilingualFixture.enabled) func multilingualModelEmbedsFromAModelDirectoryAndSaysWhereItIs() throws {
        let status = try Clio.run("clio-embed", ["--model", "multilingual", "--model-dir", Self.fixture, "--model-status"])
        #expect(status.exitCode == 0, "\(status.stderr)")
        #expect(status.stdout.hasPrefix("paraphrase-multilingual-MiniLM-L12-v2: \(Self.fixture)\nkernels: "), "\(status.stdout)")

        let run = try Clio.shell(
            "clio-summarize -q '\(Self.examples)' | head -40 | clio-embed --model multilingual --model-dir '\(Self.fixture)' --no-cache")
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.lines.count == 40)
        let record = try JSONSerialization.jsonObject(with: Data(run.lines[0].utf8)) as? [String: Any]
        let model = record?["embedding_model"] as? [String: Any]
        #expect(model?["name"] as? String == "paraphrase-multilingual-MiniLM-L12-v2")
        #expect((record?["embedding"] as? [Double])?.count == 32)
        #expect(!run.stderr.contains("--model multilingual"), "\(run.stderr)")
    }

    @Test func missingMultilingualModelIsAnErrorThatSaysHowToGetIt() throws {
        let empty = temporaryDirectory("e2e-empty")
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let status = try Clio.run("clio-embed", ["--model", "multilingual", "--model-dir", empty, "--model-status"])
        #expect(status.exitCode == 1)
        #expect(status.stderr.contains("paraphrase-multilingual-MiniLM-L12-v2 is not installed (looked in \(empty))"), "\(status.stderr)")
        let run = try Clio.run("clio-embed", ["--model", "multilingual", "--model-dir", empty], stdin: #"{"facets":{"request":"x"}}"# + "\n")
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("lacks config.json, tokenizer.json, model.safetensors"), "\(run.stderr)")
    }
}
