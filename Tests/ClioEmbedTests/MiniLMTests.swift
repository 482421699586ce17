import ClioCore
import ClioTestSupport
import Foundation
import CClioKernels
import Testing
@testable import ClioEmbed

@Test(TestResource.miniLM.enabled) func vectorsMatchSentenceTransformersWithCosineAtLeast0_99999() throws {
    let embedder = try Fixtures.miniLM()
    let items = try Fixtures.reference()
    // Embedded from the reference ids, so this checks the encoder even if a tokenizer bug exists
    // (the tokenizer has its own test).
    let vectors = embedder.embed(tokenIDs: items.map(\.ids))
    #expect(vectors.allSatisfy { $0.count == 384 })
    let worst = lowestCosine(vectors, items.map { ($0.text, $0.embedding) })
    #expect(worst.cosine >= 0.99999, "lowest cosine \(worst.cosine) for \(worst.text.debugDescription.prefix(80))")
}

@Test(TestResource.miniLM.enabled) func embeddingTextsGivesTheSameVectorsAsTheReference() throws {
    let embedder = try Fixtures.miniLM()
    let items = Array(try Fixtures.reference().prefix(40))
    let vectors = embedder.embed(items.map(\.text))
    for (item, vector) in zip(items, vectors) {
        #expect(cosine(vector, item.embedding) >= 0.99999, "\(item.text.debugDescription.prefix(60))")
    }
}

@Test(TestResource.miniLM.enabled) func vectorsDoNotDependOnWhatElseIsInTheBatch() throws {
    let embedder = try Fixtures.miniLM()
    let texts = ["short", "a somewhat longer sentence about cats and dogs", String(repeating: "long text ", count: 80)]
    let together = embedder.embed(texts)
    for (i, text) in texts.enumerated() {
        let alone = embedder.embed([text])[0]
        #expect(cosine(alone, together[i]) > 0.999999)
    }
}

@Test(TestResource.miniLM.enabled) func vectorsHaveUnitLength() throws {
    let embedder = try Fixtures.miniLM()
    for v in embedder.embed(["hello world", "", "🙂"]) {
        let norm = v.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
        #expect(abs(norm - 1) < 1e-5)
    }
}

// The vectors above come from the best kernels this CPU has; the others must give the same. The
// portable path runs at -O0 in debug builds, so it gets a few short texts, AVX2 a sample with the
// longest.
@Test(TestResource.miniLM.enabled) func everyOtherInstructionSetGivesTheReferenceVectorsToo() throws {
    let dir = try Fixtures.modelDirectory()
    let items = try Fixtures.reference()
    for isa in kernelISAs.dropLast() {
        let embedder = try MiniLMEmbedder(directory: dir, isa: isa)
        let chosen = isa == Int32(CLIO_ISA_SCALAR)
            ? Array(items.filter { $0.ids.count <= 12 }.prefix(4))
            : Array(items.prefix(30)) + items.sorted { $0.ids.count > $1.ids.count }.prefix(5)
        let vectors = embedder.embed(tokenIDs: chosen.map(\.ids))
        let worst = lowestCosine(vectors, chosen.map { ($0.text, $0.embedding) })
        #expect(!chosen.isEmpty && worst.cosine >= 0.99999, "isa \(isa): lowest cosine \(worst.cosine) for \(worst.text.debugDescription.prefix(80))")
    }
}

/// Numbers at the edges (issue 16): a config.json size of 0 or past 2^24 gave a negative
/// index (`vocabSize - 1`) or products of sizes that overflow; it is refused with the file.
@Test(arguments: [#"{"vocab_size":0}"#, #"{"vocab_size":9000000000000000}"#, #"{"max_position_embeddings":-1}"#, #"{"hidden_size":4294967296,"num_attention_heads":1}"#])
func miniLMConfigWithImpossibleSizesIsAnError(config: String) throws {
    let path = temporaryPath("config.json")
    defer { unlink(path) }
    try Data(config.utf8).write(to: URL(fileURLWithPath: path))
    #expect(throws: ClioError.self) { try MiniLMConfig(path: path) }
}
