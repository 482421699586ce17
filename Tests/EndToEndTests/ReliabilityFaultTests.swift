import ClioTestSupport
import Foundation
import Testing

/// Faults around the tools rather than in their input: files that cannot be read, models that are
/// missing or damaged, caches that cannot be written, servers that refuse connections. Each must be
/// a clear error with the right exit status and nothing half-written on standard output.
@Suite(.serialized) struct ReliabilityFaultTests {
    init() { _ = Reliability.pipeSignalIgnored }

    static let arguments: [String: [String]] = [
        "clio-embed": ["--model", "hash", "--no-cache"], "clio-cluster": ["-k", "2"], "clio-tree": [],
        "clio-summarize": [], "clio-label": [],
    ]

    @Test(arguments: ToolConventionTests.tools)
    func aMissingInputFileIsAnErrorNamingTheFile(_ tool: String) throws {
        let path = "/nonexistent-\(UUID().uuidString).jsonl"
        let run = try Clio.run(tool, Self.arguments[tool, default: []] + [path])
        #expect(run.exitCode == 1)
        #expect(run.stderr.hasPrefix("\(tool): error: "), "\(run.stderr)")
        #expect(run.stderr.contains(path))
        #expect(run.stdout.isEmpty)
    }

    @Test(arguments: ToolConventionTests.tools)
    func aDirectoryGivenAsInputIsAnErrorNamingIt(_ tool: String) throws {
        let dir = try Reliability.scratch("dir-input")
        let run = try Clio.run(tool, Self.arguments[tool, default: []] + [dir])
        #expect(run.exitCode == 1)
        #expect(run.stderr.hasPrefix("\(tool): error: "), "\(run.stderr)")
        #expect(run.stderr.contains(dir))
        #expect(!run.stderr.contains("Fatal error"))
        #expect(run.stdout.isEmpty)
    }

    @Test func aMissingModelFolderIsAnErrorThatSaysHowToInstallIt() throws {
        let dir = try Reliability.scratch("no-model")
        let run = try Clio.run("clio-embed", ["--model", "minilm", "--model-dir", dir], stdin: Reliability.summaries(0..<3))
        #expect(run.exitCode == 1)
        #expect(run.stderr.hasPrefix("clio-embed: error: "), "\(run.stderr)")
        #expect(run.stderr.contains("get-model"))
        #expect(run.stdout.isEmpty)
    }

    /// A safetensors file cut short or full of noise, as from an interrupted download.
    @Test(arguments: ["truncated", "noise", "huge-header", "empty"])
    func aDamagedModelFileIsAnErrorNotACrash(_ damage: String) throws {
        let dir = try Reliability.scratch("bad-model-\(damage)")
        let config = """
            {"hidden_size":384,"num_attention_heads":12,"num_hidden_layers":6,"intermediate_size":1536,\
            "max_position_embeddings":512,"vocab_size":30522,"layer_norm_eps":1e-12,"model_type":"bert"}
            """
        try config.write(toFile: dir + "/config.json", atomically: true, encoding: .utf8)
        try "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\nthe\nuser\n".write(toFile: dir + "/vocab.txt", atomically: true, encoding: .utf8)
        var bytes: [UInt8]
        switch damage {
        case "truncated":
            let header = Array(
                #"{"embeddings.word_embeddings.weight":{"dtype":"F32","shape":[30522,384],"data_offsets":[0,46881792]}}"#.utf8)
            bytes = withUnsafeBytes(of: UInt64(header.count).littleEndian, Array.init) + header + [UInt8](repeating: 0, count: 4096)
        case "noise":
            var generator = SystemRandomNumberGenerator()
            bytes = (0..<100_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        case "huge-header":
            bytes = withUnsafeBytes(of: UInt64.max.littleEndian, Array.init) + Array("{}".utf8)
        default:
            bytes = []
        }
        _ = FileManager.default.createFile(atPath: dir + "/model.safetensors", contents: Data(bytes))
        let run = try Clio.run("clio-embed", ["--model", "minilm", "--model-dir", dir, "--no-cache"], stdin: Reliability.summaries(0..<3))
        #expect(run.exitCode == 1, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("clio-embed: error: "), "\(run.stderr)")
        #expect(!run.stderr.contains("Fatal error"))
        #expect(run.stdout.isEmpty)
    }

    @Test(TestResource.miniLM.enabled)
    func aCachePathThatIsAFileIsAnErrorBeforeAnyOutput() throws {
        let dir = try Reliability.scratch("cache-file")
        _ = FileManager.default.createFile(atPath: dir + "/cache", contents: Data("x".utf8))
        let run = try Clio.run("clio-embed", ["--model", "minilm", "--cache", dir + "/cache"], stdin: Reliability.summaries(0..<3))
        #expect(run.exitCode == 1)
        #expect(run.stderr.hasPrefix("clio-embed: error: "), "\(run.stderr)")
        #expect(run.stderr.contains(dir + "/cache"))
        #expect(run.stdout.isEmpty)
    }

    /// A 64 KiB tmpfs holds a few dozen entries; the run must warn and finish with the same output.
    @Test(TestResource.miniLM.enabled, .enabled(if: getuid() == 0, "needs root (mount)"))
    func aFullCacheDiskWarnsOnceAndTheOutputIsUnchanged() throws {
        let dir = try Reliability.scratch("full-cache")
        let mount = try Clio.shell("mount -t tmpfs -o size=64k tmpfs '\(dir)'")
        try #require(mount.exitCode == 0, "cannot mount a tmpfs: \(mount.stderr)")
        defer { _ = try? Clio.shell("umount '\(dir)'") }
        let input = Reliability.summaries(0..<80)
        let reference = try Clio.run("clio-embed", ["--model", "minilm", "--no-cache"], stdin: input)
        let run = try Clio.run("clio-embed", ["--model", "minilm", "--cache", dir + "/embeddings"], stdin: input)
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout == reference.stdout)
        let warnings = run.stderr.split(separator: "\n").filter { $0.contains("no space left") }
        #expect(warnings.count == 1, "\(run.stderr)")
        #expect(Reliability.cacheEntries(dir + "/embeddings").damaged.isEmpty)
    }

    @Test(TestResource.miniLM.enabled, .enabled(if: getuid() == 0, "needs root (mount)"))
    func aReadOnlyCacheIsEitherAClearErrorOrIgnoredWithAWarning() throws {
        let dir = try Reliability.scratch("ro-cache")
        let mount = try Clio.shell("mount -t tmpfs -o size=64k,ro tmpfs '\(dir)'")
        try #require(mount.exitCode == 0, "cannot mount a tmpfs: \(mount.stderr)")
        defer { _ = try? Clio.shell("umount '\(dir)'") }
        let input = Reliability.summaries(0..<5)
        let reference = try Clio.run("clio-embed", ["--model", "minilm", "--no-cache"], stdin: input)
        let run = try Clio.run("clio-embed", ["--model", "minilm", "--cache", dir + "/embeddings"], stdin: input)
        if run.exitCode == 0 {
            #expect(run.stdout == reference.stdout)
            #expect(run.stderr.contains("warning"), "\(run.stderr)")
        } else {
            #expect(run.exitCode == 1)
            #expect(run.stderr.hasPrefix("clio-embed: error: "), "\(run.stderr)")
            #expect(run.stderr.contains(dir))
            #expect(run.stdout.isEmpty)
        }
    }

    static let llmPathBuilt: Bool = (try? Clio.run("clio-summarize", ["--help"]).stdout.contains("--base-url")) ?? false

    /// Nothing listens on port 1: every request is refused at once.
    @Test(.enabled(if: llmPathBuilt, "clio-summarize has no LLM path yet"))
    func aServerThatRefusesConnectionsIsAClearErrorAndNoGarbage() throws {
        let input = (0..<3).map { #"{"id":"c-\#($0)","messages":[{"role":"user","content":"How do I bake bread?"}]}"# }
            .joined(separator: "\n") + "\n"
        let run = try Clio.run(
            "clio-summarize", ["--model", "openai:any", "--base-url", "http://127.0.0.1:1/v1", "--no-cache"], stdin: input,
            environment: ["OPENAI_API_KEY": "none"])
        #expect(run.exitCode == 1, "\(run.stderr)")
        #expect(run.stderr.contains("clio-summarize: error: "), "\(run.stderr)")
        #expect(!run.stderr.contains("Fatal error"))
        for line in run.lines {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) is [String: Any], "\(line)")
        }
    }
}
