import ClioTestSupport
import ClioCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import ClioLabel

/// Seeded, so random fixtures are the same on every run.
typealias SplitMix = SeededGenerator

extension SeededGenerator {
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    mutating func unit() -> Float { Float(next() >> 40) / Float(1 << 24) }
}

/// A clustered record as clio-cluster writes it.
func clustered(id: String, cluster: Int, embedding: [Float], user: String? = nil, createdAt: String? = nil,
               request: String = "The user's overall request for the assistant is to do something.",
               language: String? = "English", concerning: Int? = 1, turns: Int? = 1) -> JSONObject {
    var record: JSONObject = ["id": .string(id)]
    if let user { record["user"] = .string(user) }
    if let createdAt { record["created_at"] = .string(createdAt) }
    var facets: JSONObject = ["request": .string(request)]
    if let language { facets["language"] = .string(language) }
    if let concerning { facets["concerning"] = .number(Double(concerning)) }
    if let turns { facets["turns"] = .number(Double(turns)) }
    record["facets"] = .object(facets)
    record["embedding"] = .array(embedding.map { .number(Double($0)) })
    record["cluster"] = .number(Double(cluster))
    return record
}

/// The offline strategy with the k-means member grouping: for fixtures of raw points in a
/// plane (some at the origin), where the default's cosine distances between centres say little.
let memberGrouping = LabelStrategy(namer: OfflineNamer(), grouper: CentroidGrouper(method: .members))

func labelInput(_ records: [JSONObject]) throws -> LabelInput {
    var input = LabelInput()
    for record in records { try input.add(record) }
    return input
}

/// Runs `clio-label` over `input` written to a file; returns stdout and the input's path.
func runLabel(_ arguments: [String], input: String) throws -> (output: String, inputPath: String) {
    let inPath = temporaryFile(input)
    let outPath = temporaryFile("", suffix: ".out")
    defer { unlink(outPath) }
    let command = try LabelCommand(arguments: arguments + [inPath])
    let fd = open(outPath, O_WRONLY | O_TRUNC)
    defer { close(fd) }
    let output = OutputWriter(fd: fd)
    do {
        try command.run(output: output)
    } catch {
        unlink(inPath)
        throw error
    }
    try output.flush()
    unlink(inPath)
    return (readFile(outPath), inPath)
}

func lines(_ records: [JSONObject]) -> String {
    records.map { JSONSerializer.string(.object($0)) + "\n" }.joined()
}
