import ClioTestSupport
import ClioCore
import Foundation
import Testing
@testable import ClioEmbed

/// Runs clio-embed in-process on `input` (written to a file) and returns its standard output
/// and the error it stopped with, if any.
func runEmbed(_ arguments: [String], input: String) throws -> (lines: [String], error: (any Error)?, inputPath: String) {
    let inputPath = temporaryPath("in.jsonl"), outputPath = temporaryPath("out.jsonl")
    try Data(input.utf8).write(to: URL(fileURLWithPath: inputPath))
    defer {
        unlink(outputPath)
        unlink(inputPath)
    }
    let fd = open(outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    let writer = OutputWriter(fd: fd)
    var failure: (any Error)?
    do {
        let command = try EmbedCommand(arguments: arguments + ["--quiet", inputPath])
        try command.run(output: writer)
    } catch {
        failure = error
    }
    try? writer.flush()
    close(fd)
    let text = try String(contentsOfFile: outputPath, encoding: .utf8)
    return (text.split(separator: "\n").map(String.init), failure, inputPath)
}

func parse(_ line: String) throws -> JSONObject {
    try JSONParser.parse(Array(line.utf8)).objectValue!
}

@Test func recordsKeepTheirFieldsInOrderAndGainEmbeddingAndModel() throws {
    let input = #"{"z":1,"facets":{"request":"fix my code","task":"t"},"a":[true,null],"id":"x"}"# + "\n"
    let run = try runEmbed(["--model", "hash", "--dimension", "64"], input: input)
    #expect(run.error == nil)
    let record = try parse(run.lines[0])
    #expect(record.keys == ["z", "facets", "a", "id", "embedding", "embedding_model"])
    #expect(record["facets"] == .object(["request": "fix my code", "task": "t"]))
    #expect(record["a"] == .array([.bool(true), .null]))
    #expect(record["embedding"]?.arrayValue?.count == 64)
    #expect(record["embedding_model"] == .object(["name": "hash-v1", "dimension": 64, "field": "facets.request"]))
}

@Test func missingFieldStopsWithItsLineNumberAfterWritingEarlierRecords() throws {
    let input = #"{"text":"one"}"# + "\n\n" + #"{"text":"two"}"# + "\n" + #"{"other":"three"}"# + "\n" + #"{"text":"four"}"# + "\n"
    let run = try runEmbed(["--model", "hash", "--field", "text"], input: input)
    #expect(run.lines.count == 2)
    let error = try #require(run.error as? ClioError)
    #expect(error.description == "\(run.inputPath):4: field \"text\" is missing")
}

@Test func nonStringFieldIsAnError() throws {
    let run = try runEmbed(["--model", "hash", "--field", "text"], input: #"{"text":42}"# + "\n")
    let error = try #require(run.error as? ClioError)
    #expect(error.message == "field \"text\" must be a string, got a number")
}

@Test func skipInvalidDropsBadRecordsAndKeepsTheRestInOrder() throws {
    let input = [#"{"id":1,"text":"a"}"#, "{broken", #"{"id":2}"#, #"{"id":3,"text":"c"}"#].joined(separator: "\n") + "\n"
    let run = try runEmbed(["--model", "hash", "--field", "text", "--skip-invalid", "--batch", "1"], input: input)
    #expect(run.error == nil)
    #expect(try run.lines.map { try parse($0)["id"] } == [1, 3])
}

@Test func compactVectorsDecodeToTheSameNumbers() throws {
    let input = #"{"text":"the same words"}"# + "\n"
    let plain = try runEmbed(["--model", "hash", "--field", "text"], input: input)
    let compact = try runEmbed(["--model", "hash", "--field", "text", "--compact-vectors"], input: input)
    let a = try VectorCodec.decode(parse(plain.lines[0])["embedding"]!, field: "embedding")
    let b = try VectorCodec.decode(parse(compact.lines[0])["embedding"]!, field: "embedding")
    #expect(try parse(compact.lines[0])["embedding"]?.stringValue?.hasPrefix("f32le:") == true)
    #expect(a == b)
}

@Test(TestResource.miniLM.enabled) func cachedVectorsAreReusedAndIdenticalToComputedOnes() throws {
    let embedder = try Fixtures.miniLM()
    let dir = temporaryPath("cache")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let cache = try ContentCache(directory: dir)
    let pipeline = EmbedPipeline(embedder: embedder, cache: cache, field: "text", compact: false)
    let texts = ["first text", "second text", "first text"]
    let computed = try pipeline.vectors(texts)
    #expect(cache.writes == 3)
    let again = try pipeline.vectors(texts)
    #expect(cache.hits == 3)
    #expect(again == computed)
    #expect(computed[0] == computed[2])
}

@Test func badOptionsAreUsageErrors() {
    #expect(throws: UsageError.self) { try EmbedCommand(arguments: ["--model", "word2vec"]) }
    #expect(throws: UsageError.self) { try EmbedCommand(arguments: ["--dimension", "8"]) }
    #expect(throws: UsageError.self) { try EmbedCommand(arguments: ["--model", "minilm", "--dimension", "8"]) }
    #expect(throws: UsageError.self) { try EmbedCommand(arguments: ["--model", "multilingual", "--dimension", "8"]) }
    #expect(throws: UsageError.self) { try EmbedCommand(arguments: ["--batch", "0"]) }
    #expect(throws: UsageError.self) { try EmbedCommand(arguments: ["--field", "a..b"]) }
    #expect(throws: UsageError.self) { try EmbedCommand(arguments: ["--no-cache", "--cache", "/tmp/x"]) }
}

@Test func missingModelDirectorySaysHowToGetTheWeights() throws {
    let dir = temporaryPath("empty-model")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    #expect {
        _ = try Embedders.make(.miniLM, modelDir: dir)
    } throws: { error in
        let message = (error as? ClioError)?.message ?? ""
        return message.contains("scripts/get-model.sh") && message.contains("--model hash") && message.contains("vocab.txt")
    }
}

@Test func brokenJSONLineStopsWithItsLineNumberAfterWritingEarlierRecords() throws {
    let input = #"{"text":"one"}"# + "\n" + #"{"text":"two"}"# + "\n{broken\n" + #"{"text":"four"}"# + "\n"
    let run = try runEmbed(["--model", "hash", "--field", "text"], input: input)
    #expect(run.lines.count == 2)
    let error = try #require(run.error as? ClioError)
    #expect(error.description.hasPrefix("\(run.inputPath):3: invalid JSON"))
}

@Test func multilingualModelIsNamedByAliasAndItsFiles() throws {
    #expect(try EmbedderSpec(model: "multilingual", dimension: nil) == .multilingual)
    #expect(try EmbedderSpec(model: "paraphrase-multilingual-MiniLM-L12-v2", dimension: nil) == .multilingual)
    #expect(EmbedderSpec.multilingual.localModel?.required == ["config.json", "tokenizer.json", "model.safetensors"])
    #expect(EmbedderSpec.hash(dimension: 8).localModel == nil)
}

@Test(TestResource.multilingualFixture.enabled) func multilingualModelDirectoryWithoutItsTokenizerSaysWhatIsMissing() throws {
    let dir = temporaryPath("half-model")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    for file in ["config.json", "model.safetensors"] {
        try FileManager.default.copyItem(atPath: Fixtures.multilingualDirectory + "/" + file, toPath: dir + "/" + file)
    }
    let message = modelErrorMessage { _ = try Embedders.make(.multilingual, modelDir: dir) }
    #expect(message.contains("lacks tokenizer.json of paraphrase-multilingual-MiniLM-L12-v2"), "\(message)")
}

@Test(TestResource.multilingualFixture.enabled) func multilingualRecordsNameTheirModelAndCarryTheReferenceVectors() throws {
    let items = try Fixtures.multilingualReference().filter { LanguageMix.dominantScript($0.text) != nil }.prefix(6)
    let input = items.map { JSONSerializer.string(.object(["text": .string($0.text)])) + "\n" }.joined()
    let run = try runEmbed(["--model", "multilingual", "--model-dir", Fixtures.multilingualDirectory, "--no-cache", "--field", "text"],
                           input: input)
    #expect(run.error == nil)
    #expect(run.lines.count == items.count)
    for (line, item) in zip(run.lines, items) {
        let record = try parse(line)
        #expect(record["embedding_model"] == .object(["name": "paraphrase-multilingual-MiniLM-L12-v2", "dimension": 32, "field": "text"]))
        let vector = try VectorCodec.decode(record["embedding"]!, field: "embedding")
        #expect(cosine(vector, item.embedding) >= 0.99999, "\(describe(item.text))")
    }
}

@Test func moduleStacksOtherThanMeanPoolingAreRefused() throws {
    let dir = temporaryPath("modules")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try FileManager.default.createDirectory(atPath: dir + "/1_Pooling", withIntermediateDirectories: true)
    func write(_ file: String, _ text: String) throws { try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/" + file)) }
    let modules = #"[{"idx":0,"name":"0","path":"","type":"sentence_transformers.models.Transformer"},"#
        + #"{"idx":1,"name":"1","path":"1_Pooling","type":"sentence_transformers.models.Pooling"}]"#
    try write("modules.json", modules)
    try write("1_Pooling/config.json", #"{"pooling_mode_cls_token": true, "pooling_mode_mean_tokens": false}"#)
    #expect(modelErrorMessage { try SentenceTransformerModules.check(directory: dir) }.contains("pooling pooling_mode_cls_token is not supported"))
    try write("1_Pooling/config.json", #"{"embedding_dimension": 32, "pooling_mode": "max"}"#)
    #expect(modelErrorMessage { try SentenceTransformerModules.check(directory: dir) }.contains("pooling mode max is not supported"))
    try write("1_Pooling/config.json", #"{"embedding_dimension": 32, "pooling_mode": "mean", "include_prompt": true}"#)
    #expect(modelErrorMessage { try SentenceTransformerModules.check(directory: dir) } == "")
    try write("modules.json", String(modules.dropLast()) + #",{"idx":2,"name":"2","path":"2_Dense","type":"sentence_transformers.models.Dense"}]"#)
    #expect(modelErrorMessage { try SentenceTransformerModules.check(directory: dir) }.contains("module sentence_transformers.models.Dense is not supported"))
}

@Test(TestResource.miniLM.enabled) func modelStatusNamesTheDirectoryAndTheKernelsTheCPUGets() throws {
    let dir = try Fixtures.modelDirectory()
    let run = try runEmbed(["--model-status", "--model-dir", dir], input: "")
    #expect(run.error == nil)
    #expect(run.lines.first == "\(LocalModel.miniLM.name): \(dir)")
    // What /proc/cpuinfo says this CPU has decides the kernels (Linux; elsewhere only the form).
    var expected = "kernels: "
    if let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8), ProcessInfo.processInfo.environment["CLIO_KERNEL_ISA"] == nil {
        let flags = Set(info.split(whereSeparator: \.isWhitespace).map(String.init))
        expected += flags.contains("avx512f") ? "avx512" : flags.contains("avx2") && flags.contains("fma") ? "avx2" : "scalar"
    }
    #expect(run.lines.count == 2 && run.lines[1].hasPrefix(expected), "\(run.lines)")
}

/// Numbers at the edges (issue 16): `--timeout 1e300` was accepted and trapped converting to
/// the socket's whole seconds.
@Test func embedTimeoutPastADayIsAUsageError() {
    #expect(throws: UsageError("option --timeout must be at most 86400.0, got 1e+300")) {
        try EmbedCommand(arguments: ["--model", "api", "--timeout", "1e300"])
    }
}
