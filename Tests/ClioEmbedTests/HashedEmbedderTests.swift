import Testing
@testable import ClioEmbed

@Test func hashedVectorsHaveUnitLengthAndTheRequestedSize() {
    for dimension in [16, 512, 1000] {
        let v = HashedEmbedder(dimension: dimension).embed("Help me write a cover letter")
        #expect(v.count == dimension)
        #expect(abs(v.reduce(0.0) { $0 + Double($1) * Double($1) } - 1) < 1e-5)
    }
}

@Test func textWithoutWordsGetsTheZeroVector() {
    #expect(HashedEmbedder(dimension: 8).embed(" ?! ").allSatisfy { $0 == 0 })
}

@Test func similarTextsAreCloserThanUnrelatedOnes() {
    let e = HashedEmbedder()
    let a = e.embed("How do I reverse a list in Python?")
    let b = e.embed("reversing a python list")
    let c = e.embed("Write a poem about autumn leaves falling")
    #expect(cosine(a, b) > cosine(a, c) + 0.2)
}

@Test func caseAndPunctuationDoNotChangeTheVector() {
    let e = HashedEmbedder()
    #expect(e.embed("Reverse a LIST, in Python!") == e.embed("reverse a list in python"))
}

@Test func fnv1aCoreMatchesPublishedTestVectors() {
    // The published 64-bit FNV-1a values, before the final mixing step.
    #expect(fnv1aCore("") == 0xcbf2_9ce4_8422_2325)
    #expect(fnv1aCore("a") == 0xaf63_dc4c_8601_ec8c)
    #expect(fnv1aCore("foobar") == 0x8594_4171_f739_67e8)
}
