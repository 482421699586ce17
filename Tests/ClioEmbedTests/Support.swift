import ClioTestSupport
import ClioCore
import Foundation
import Testing
@testable import ClioEmbed

/// One line of Fixtures/minilm-reference.jsonl, written by scripts/make-embed-fixture.py from
/// sentence-transformers.
struct ReferenceItem {
    var text: String
    var ids: [Int32]
    var embedding: [Float]
}

enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

    static func reference() throws -> [ReferenceItem] {
        let bytes = try LineReader.readAll(path: directory + "/minilm-reference.jsonl")
        var items: [ReferenceItem] = []
        for line in bytes.split(separator: 0x0A) where !line.isEmpty {
            let json = try JSONParser.parse(Array(line))
            items.append(ReferenceItem(
                text: json[path: "text"]!.stringValue!,
                ids: json[path: "ids"]!.arrayValue!.map { Int32($0.intValue!) },
                embedding: json[path: "embedding"]!.arrayValue!.map { Float($0.doubleValue!) }))
        }
        return items
    }

    /// The installed MiniLM directory (tests that call this carry `TestResource.miniLM.enabled`).
    static func modelDirectory() throws -> String { try TestResource.miniLM.require() }

    nonisolated(unsafe) static var sharedEmbedder: MiniLMEmbedder?
    static let lock = Mutex()

    /// Loaded once per test process; loading takes a moment in debug builds.
    static func miniLM() throws -> MiniLMEmbedder {
        let dir = try modelDirectory()
        return try lock.withLock {
            if let e = sharedEmbedder { return e }
            let e = try MiniLMEmbedder(directory: dir)
            sharedEmbedder = e
            return e
        }
    }
}

func cosine(_ a: [Float], _ b: [Float]) -> Double {
    var dot = 0.0, na = 0.0, nb = 0.0
    for (x, y) in zip(a, b) {
        dot += Double(x) * Double(y)
        na += Double(x) * Double(x)
        nb += Double(y) * Double(y)
    }
    return na == 0 || nb == 0 ? (na == nb ? 1 : 0) : dot / (na.squareRoot() * nb.squareRoot())
}

/// The lowest cosine between each vector and its reference, and the text it belongs to.
func lowestCosine(_ vectors: [[Float]], _ references: [(text: String, embedding: [Float])]) -> (cosine: Double, text: String) {
    var worst = (cosine: vectors.count == references.count ? 1.0 : 0.0, text: "(a different number of vectors)")
    for (vector, reference) in zip(vectors, references) {
        let c = cosine(vector, reference.embedding)
        if c < worst.cosine { worst = (c, reference.text) }
    }
    return worst
}
