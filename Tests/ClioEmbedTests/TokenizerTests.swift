import ClioTestSupport
import Testing
@testable import ClioEmbed

@Test(TestResource.miniLM.enabled) func tokenIDsMatchTheReferenceTokenizerForEveryFixtureText() throws {
    let tokenizer = try BertTokenizer(vocabFile: Fixtures.modelDirectory() + "/vocab.txt", maxLength: 256)
    let items = try Fixtures.reference()
    #expect(items.count >= 200)
    var mismatches: [String] = []
    for item in items {
        let ids = tokenizer.encode(item.text)
        if ids != item.ids {
            mismatches.append("\(item.text.debugDescription.prefix(80)): got \(ids.prefix(20)), want \(item.ids.prefix(20))")
        }
    }
    #expect(mismatches.isEmpty, "\(mismatches.count) of \(items.count) texts differ:\n\(mismatches.prefix(10).joined(separator: "\n"))")
}

@Test(TestResource.miniLM.enabled) func longTextsAreTruncatedTo256TokensIncludingTheSpecials() throws {
    let tokenizer = try BertTokenizer(vocabFile: Fixtures.modelDirectory() + "/vocab.txt", maxLength: 256)
    let ids = tokenizer.encode(String(repeating: "word ", count: 1000))
    #expect(ids.count == 256)
    #expect(ids.first == tokenizer.classifier)
    #expect(ids.last == tokenizer.separator)
}

@Test func wordPieceSplitsGreedilyAndMarksContinuations() throws {
    let vocabulary = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "un", "##aff", "##able", "aff", "!", "##a"]
    let tokenizer = try BertTokenizer(vocabulary: vocabulary)
    // "unaffable" -> un ##aff ##able; "xyz" has no piece -> [UNK]; "!" is punctuation.
    #expect(tokenizer.encode("Unaffable xyz!") == [2, 4, 5, 6, 1, 8, 3])
}

@Test func wordsLongerThan100CharactersBecomeUnknown() throws {
    let tokenizer = try BertTokenizer(vocabulary: ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "a", "##a"])
    #expect(tokenizer.encode(String(repeating: "a", count: 100)).count == 102)
    #expect(tokenizer.encode(String(repeating: "a", count: 101)) == [2, 1, 3])
}

@Test func vocabularyWithoutSpecialTokensIsRejected() {
    #expect(throws: (any Error).self) { try BertTokenizer(vocabulary: ["a", "b"]) }
}

@Test(TestResource.miniLM.enabled) func truncationAtAnyCutMatchesTokenizingTheWholeText() throws {
    let tokenizer = try BertTokenizer(vocabFile: Fixtures.modelDirectory() + "/vocab.txt", maxLength: 16)
    // Reference: every word of the whole text, then the first 14 pieces.
    let texts = ["unbelievably long words like antidisestablishmentarianism " + String(repeating: "x", count: 200),
                 String(repeating: "naïve café ", count: 40), String(repeating: "你好", count: 100),
                 String(repeating: "a", count: 127) + " b c d e f g h i j k l m n o p"]
    for text in texts {
        let all = BertTokenizer.words(text).flatMap { tokenizer.wordPiece($0) }
        let want = [tokenizer.classifier] + all.prefix(14) + [tokenizer.separator]
        #expect(tokenizer.encode(text) == want, "\(text.prefix(40))")
    }
}
