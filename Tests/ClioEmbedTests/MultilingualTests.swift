import ClioTestSupport
import ClioCore
import Foundation
import Testing
@testable import ClioEmbed

/// One line of Fixtures/multilingual-reference.jsonl, written by
/// scripts/make-multilingual-fixture.py from sentence-transformers and tokenizers.
struct MultilingualItem {
    var text: String
    var ids: [Int32]
    var normalized: String
    var variants: [String: [Int32]]
    var embedding: [Float]
}

extension Fixtures {
    /// The small model of the fixture: paraphrase-multilingual-MiniLM-L12-v2's kind, made small.
    static let multilingualDirectory = directory + "/multilingual"

    static func multilingualReference() throws -> [MultilingualItem] {
        let bytes = try LineReader.readAll(path: directory + "/multilingual-reference.jsonl")
        var items: [MultilingualItem] = []
        func ids(_ json: JSON?) -> [Int32] { json?.arrayValue?.compactMap(\.intValue).map(Int32.init) ?? [] }
        for line in bytes.split(separator: 0x0A) where !line.isEmpty {
            let json = try JSONParser.parse(Array(line))
            var variants: [String: [Int32]] = [:]
            for (name, value) in json[path: "variants"]?.objectValue ?? JSONObject() { variants[name] = ids(value) }
            items.append(MultilingualItem(
                text: json[path: "text"]!.stringValue!, ids: ids(json[path: "ids"]), normalized: json[path: "normalized"]!.stringValue!,
                variants: variants, embedding: json[path: "embedding"]!.arrayValue!.map { Float($0.doubleValue!) }))
        }
        return items
    }

    static func multilingualTokenizer(maxLength: Int = 128) throws -> SentencePieceTokenizer {
        try SentencePieceTokenizer(file: multilingualDirectory + "/tokenizer.json", maxLength: maxLength)
    }

    static func multilingualEmbedder() throws -> MiniLMEmbedder {
        try MiniLMEmbedder(directory: multilingualDirectory, files: .multilingual)
    }
}

func describe(_ text: String) -> String { String(text.debugDescription.prefix(70)) }

@Test func multilingualFixtureCoversAtLeastTenScripts() throws {
    var scripts: Set<String> = []
    for item in try Fixtures.multilingualReference() {
        for s in item.text.unicodeScalars where s.properties.isAlphabetic {
            scripts.insert(LanguageMix.script(of: s.value) ?? "Latin")
        }
    }
    // Latin, Greek, Cyrillic, Hebrew, Arabic, Devanagari, Thai, Han, kana, Hangul, and more.
    #expect(scripts.count >= 10, "\(scripts.sorted())")
}

@Test func sentencePieceTokenIDsMatchSentenceTransformersOnEveryText() throws {
    let tokenizer = try Fixtures.multilingualTokenizer()
    let items = try Fixtures.multilingualReference()
    #expect(items.count >= 300)
    var mismatches: [String] = []
    for item in items {
        let ids = tokenizer.encode(item.text)
        if ids != item.ids { mismatches.append("\(describe(item.text)): got \(ids.prefix(16)), want \(item.ids.prefix(16))") }
    }
    #expect(mismatches.isEmpty, "\(mismatches.count) of \(items.count) differ:\n\(mismatches.prefix(8).joined(separator: "\n"))")
}

@Test func precompiledNormalizerMatchesTheReferenceNormalizer() throws {
    let tokenizer = try Fixtures.multilingualTokenizer()
    let items = try Fixtures.multilingualReference()
    var mismatches: [String] = []
    for item in items where tokenizer.normalize(item.text) != item.normalized {
        mismatches.append("\(describe(item.text)): got \(describe(tokenizer.normalize(item.text))), want \(describe(item.normalized))")
    }
    #expect(mismatches.isEmpty, "\(mismatches.count) of \(items.count) differ:\n\(mismatches.prefix(8).joined(separator: "\n"))")
    // The fixture must exercise it: full-width letters, ligatures and odd spaces change.
    #expect(items.filter { $0.normalized != $0.text }.count >= 20)
}

/// tokenizer-variants.json holds the pipeline parts of older serialisations of the XLM-R
/// tokenizer; "$PRECOMPILED" stands for the fixture's own Precompiled normalizer.
func tokenizerVariants() throws -> [(name: String, json: JSON)] {
    let main = try JSONParser.parse(LineReader.readAll(path: Fixtures.multilingualDirectory + "/tokenizer.json"))
    let precompiled: JSON = {
        let normalizer = main[path: "normalizer"]!
        if normalizer[path: "type"]?.stringValue == "Precompiled" { return normalizer }
        return normalizer[path: "normalizers"]!.arrayValue!.first { $0[path: "type"]?.stringValue == "Precompiled" }!
    }()
    func resolve(_ value: JSON) -> JSON {
        switch value {
        case .string("$PRECOMPILED"): return precompiled
        case .array(let items): return .array(items.map(resolve))
        case .object(let o): return .object(JSONObject(o.members.map { (key: $0.key, value: resolve($0.value)) }))
        default: return value
        }
    }
    let variants = try JSONParser.parse(LineReader.readAll(path: Fixtures.multilingualDirectory + "/tokenizer-variants.json"))
    return variants.objectValue!.members.map { name, parts in
        var json = main.objectValue!
        for (key, value) in parts.objectValue! { json[key] = resolve(value) }
        return (name, .object(json))
    }
}

@Test func olderSerialisationsOfTheTokenizerGiveTheirReferenceIDs() throws {
    let items = try Fixtures.multilingualReference()
    let variants = try tokenizerVariants()
    #expect(variants.count >= 2)
    for (name, json) in variants {
        let tokenizer = try SentencePieceTokenizer(json: json, maxLength: 128, source: name)
        var mismatches: [String] = []
        for item in items {
            let want = try #require(item.variants[name])
            let ids = tokenizer.encode(item.text)
            if ids != want { mismatches.append("\(describe(item.text)): got \(ids.prefix(16)), want \(want.prefix(16))") }
        }
        #expect(mismatches.isEmpty, "\(name): \(mismatches.count) differ:\n\(mismatches.prefix(6).joined(separator: "\n"))")
    }
    // The variants differ from the main pipeline somewhere, or they would test nothing new.
    for (name, _) in variants {
        #expect(items.contains { $0.variants[name] != $0.ids }, "\(name) tokenizes every text like the main file")
    }
}

@Test(TestResource.multilingualFixture.enabled) func multilingualVectorsMatchSentenceTransformersWithCosineAtLeast0_99999() throws {
    let embedder = try Fixtures.multilingualEmbedder()
    let items = try Fixtures.multilingualReference()
    // From the reference ids, so this checks the encoder and pooling alone.
    let vectors = embedder.embed(tokenIDs: items.map(\.ids))
    #expect(vectors.allSatisfy { $0.count == 32 })
    let worst = lowestCosine(vectors, items.map { ($0.text, $0.embedding) })
    #expect(worst.cosine >= 0.99999, "lowest cosine \(worst.cosine) for \(describe(worst.text))")
}

@Test(TestResource.multilingualFixture.enabled) func multilingualTextsEmbedLikeTheReferenceEndToEnd() throws {
    let embedder = try Fixtures.multilingualEmbedder()
    let items = try Fixtures.multilingualReference()
    let vectors = embedder.embed(items.map(\.text))
    let worst = lowestCosine(vectors, items.map { ($0.text, $0.embedding) })
    #expect(worst.cosine >= 0.99999, "lowest cosine \(worst.cosine) for \(describe(worst.text))")
    // Distinct texts get distinct vectors: a wrong token would show.
    #expect(cosine(vectors[0], vectors[1]) < 0.99)
}

@Test(TestResource.multilingualFixture.enabled) func multilingualEmbedderTakesItsNameLengthAndShapeFromItsFiles() throws {
    let embedder = try Fixtures.multilingualEmbedder()
    #expect(embedder.name == "paraphrase-multilingual-MiniLM-L12-v2")
    #expect(embedder.dimension == 32)
    #expect(embedder.tokenizer.maxLength == 128)
    #expect(embedder.model.layers.count == 3)
    #expect(embedder.cacheIdentity == ["paraphrase-multilingual-MiniLM-L12-v2", "32"])
}

@Test func sentencePieceTruncationAtAnyCutMatchesTokenizingTheWholeText() throws {
    let tokenizer = try Fixtures.multilingualTokenizer(maxLength: 16)
    // Texts long enough for the growing-prefix path (8 x 16 scalars), with spaces to cut at.
    let texts = [String(repeating: "naïve café ", count: 40), String(repeating: "Привет  мир ", count: 30),
                 String(repeating: "x", count: 300) + " tail", "short " + String(repeating: "你好", count: 200) + " end",
                 String(repeating: "a <mask> ", count: 50), String(repeating: "w ", count: 70) + String(repeating: "z", count: 90)]
    for text in texts {
        var all: [Int32] = []
        for word in tokenizer.words(text) {
            switch word {
            case .added(let id): all.append(id)
            case .text(let piece): tokenizer.model.encode(piece, into: &all)
            }
        }
        let want = tokenizer.prefix + all.prefix(16 - tokenizer.prefix.count - tokenizer.suffix.count) + tokenizer.suffix
        #expect(tokenizer.encode(text) == want, "\(describe(text))")
        #expect(tokenizer.encode(text).count <= 16)
    }
}
