import ClioTestSupport
import Testing
import ClioCluster
import ClioCore
import ClioLLM
import Foundation
@testable import ClioLabel

/// Counts the calls that reach the real model (the cache sits in front of it).
final class CountingModel: ChatModel, @unchecked Sendable {
    let base: any ChatModel
    private let lock = Mutex()
    private var count = 0
    init(_ base: any ChatModel) { self.base = base }
    var spec: ModelSpec { base.spec }
    var calls: Int { lock.withLock { count } }
    func complete(_ request: ChatRequest) throws -> ChatResponse {
        lock.withLock { count += 1 }
        return try base.complete(request)
    }
}

/// Against a real OpenAI-compatible server (scripts/llama-server.sh: SmolLM2-135M), on the
/// example conversations summarized extractively, embedded with the hashed embedder and
/// clustered. Needs `CLIO_TEST_LLM_URL` and the executables built (`swift build`).
@Suite struct LLMIntegrationTests {

    /// The directory of the built executables: where the test bundle lives.
    static var binaries: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
    }

    static var repository: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    /// Runs a built tool; input from a file so a large output cannot block on a full pipe.
    static func pipe(_ tool: String, _ arguments: [String], stdin: Data?) throws -> Data {
        var arguments = arguments
        var inputPath: String?
        if let stdin {
            let path = temporaryPath("label-llm-in-\(tool).jsonl")
            try stdin.write(to: URL(fileURLWithPath: path))
            inputPath = path
            arguments.append(path)
        }
        defer { if let inputPath { try? FileManager.default.removeItem(atPath: inputPath) } }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "\(binaries)/\(tool)")
        process.arguments = arguments
        let output = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }

    /// Embedded example records with a `cluster` from k-means (ClioCluster's, as clio-cluster uses).
    static func clusteredExamples(k: Int) throws -> String {
        let summaries = try pipe("clio-summarize", ["\(repository)/examples/conversations.jsonl"], stdin: nil)
        let embedded = try pipe("clio-embed", ["--model", "hash", "--dimension", "64"], stdin: summaries)
        var records: [JSONObject] = []
        var vectors: [Float] = []
        for line in String(decoding: embedded, as: UTF8.self).split(separator: "\n") {
            let record = try JSONParser.parse(String(line)).objectValue!
            vectors += try VectorCodec.decode(record["embedding"]!, field: "embedding")
            records.append(record)
        }
        var options = KMeansOptions(k: k)
        options.seed = 1
        let result = kmeans(points: vectors, count: records.count, dimension: vectors.count / records.count, options: options)
        for i in records.indices { records[i]["cluster"] = .number(Double(result.assignments[i])) }
        return lines(records)
    }

    @Test(TestResource.llmServer.enabled)
    func aSmallModelGivesAValidHierarchyAndARerunIsServedFromTheCache() throws {
        let url = try TestResource.llmServer.require()
        guard FileManager.default.isExecutableFile(atPath: "\(Self.binaries)/clio-summarize") else {
            Issue.record("build the executables first (swift build): \(Self.binaries)/clio-summarize is missing")
            return
        }
        let input = try Self.clusteredExamples(k: 6)
        let records = input.split(separator: "\n").map { try! JSONParser.parse(String($0)).objectValue! }
        let cache = temporaryPath("label-llm")
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let arguments = ["--model", "openai:smollm2", "--base-url", url, "--cache", cache, "-j", "2", "--attempts", "2",
                         "--samples", "5", "--contrast", "3", "--top", "2", "--children", "3", "--embed-model", "hash"]
        var outputs: [String] = []
        var calls: [Int] = []
        for _ in 0..<2 {
            var command = try LabelCommand(arguments: arguments)
            let spec = command.llm.spec!
            let counting = CountingModel(spec.makeModel(client: HTTPClient(maxConnections: 2, timeout: 300)))
            command.chatModel = counting
            let output = try runCommand(command, input: input)
            outputs.append(output)
            calls.append(counting.calls)
        }
        let clusters = outputs[0].split(separator: "\n").map { try! JSONParser.parse(String($0)).objectValue! }
        var options = LabelOptions()
        options.hierarchy.top = 2
        checkTree(clusters, total: records.count, top: 2)
        #expect(clusters.allSatisfy { (try? AnswerCheck.name($0["name"]!.stringValue!).get()) == $0["name"]!.stringValue! })
        #expect(calls[0] > 0)
        #expect(calls[1] == 0, "the rerun made \(calls[1]) calls")
        #expect(outputs[1] == outputs[0])
    }
}
