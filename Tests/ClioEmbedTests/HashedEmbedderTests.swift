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

@Test func hashedVectorsMatchAnIndependentPythonImplementation() throws {
    // Fixtures/hash-reference.jsonl: `python3 scripts/make-embed-fixture.py --hash`.
    let bytes = try LineReader.readAll(path: Fixtures.directory + "/hash-reference.jsonl")
    var checked = 0
    for line in bytes.split(separator: 0x0A) where !line.isEmpty {
        let json = try JSONParser.parse(Array(line))
        let text = json[path: "text"]!.stringValue!, dimension = json[path: "dimension"]!.intValue!
        var want = [Float](repeating: 0, count: dimension)
        for pair in json[path: "nonzero"]!.arrayValue! {
            want[pair[path: "0"]!.intValue!] = Float(pair[path: "1"]!.doubleValue!)
        }
        let got = HashedEmbedder(dimension: dimension).embed(text)
        let worst = zip(got, want).map { abs($0 - $1) }.max() ?? 0
        #expect(worst < 1e-6, "\(text.prefix(60)): max difference \(worst)")
        checked += 1
    }
    #expect(checked >= 50)
}

import ClioCore
