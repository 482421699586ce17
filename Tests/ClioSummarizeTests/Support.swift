import ClioTestSupport
import Foundation
import ClioCore
@testable import ClioSummarize

/// Test helpers: records from JSON text, temporary files, and running the command.
enum Fixture {
    static func object(_ text: String) throws -> JSONObject {
        guard case .object(let object) = try JSONParser.parse(text) else { throw ClioError(.other, "fixture is not an object") }
        return object
    }

    /// Writes `text` to a new temporary file and returns its path.
    static func file(_ text: String, name: String = "input") throws -> String {
        let directory = URL(fileURLWithPath: temporaryDirectory("summarize"))
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Reads every conversation of `paths` (stops at the first error unless `skipInvalid`).
    static func conversations(_ paths: [String], format: InputFormat? = nil, skipInvalid: Bool = false) throws -> [Conversation] {
        let reader = ConversationReader(paths: paths, format: format, skipInvalid: skipInvalid)
        var result: [Conversation] = []
        while let (conversation, _) = try reader.next() { result.append(conversation) }
        return result
    }

    /// Runs clio-summarize with `arguments` and returns its output records.
    static func run(_ arguments: [String]) throws -> [JSONObject] {
        let outputPath = try file("", name: "output.jsonl")
        let fd = open(outputPath, O_WRONLY | O_TRUNC)
        defer { close(fd) }
        let writer = OutputWriter(fd: fd)
        try SummarizeCommand(arguments: ["--quiet"] + arguments).run(output: writer)
        try writer.flush()
        let text = try String(contentsOfFile: outputPath, encoding: .utf8)
        return try text.split(separator: "\n").map { try object(String($0)) }
    }

    /// The repository's examples folder, found from this file's place.
    static func examplesURL(_ file: String = #filePath) -> URL {
        URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples")
    }
}
