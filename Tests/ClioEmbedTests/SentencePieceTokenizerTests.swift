import ClioTestSupport
import ClioCore
import Foundation
import Testing
@testable import ClioEmbed

/// A tokenizer.json written in the test: `vocab` as [piece, score] pairs (ids in order), and the
/// other parts as JSON text.
func craftedTokenizer(_ vocab: [(String, Double)], unknown: Int = 0, normalizer: String = "null",
                      preTokenizer: String = "null", postProcessor: String = "null", addedTokens: String = "[]",
                      maxLength: Int = 64) throws -> SentencePieceTokenizer {
    try SentencePieceTokenizer(json: craftedJSON(vocab, unknown: unknown, normalizer: normalizer, preTokenizer: preTokenizer,
                                                 postProcessor: postProcessor, addedTokens: addedTokens),
                               maxLength: maxLength, source: "crafted.json")
}

func craftedJSON(_ vocab: [(String, Double)], unknown: Int = 0, normalizer: String = "null", preTokenizer: String = "null",
                 postProcessor: String = "null", addedTokens: String = "[]", model: String? = nil) throws -> JSON {
    let pairs = vocab.map { JSONSerializer.string(.array([.string($0.0), .number($0.1)])) }.joined(separator: ",")
    let text = """
        {"version":"1.0","added_tokens":\(addedTokens),"normalizer":\(normalizer),"pre_tokenizer":\(preTokenizer),
        "post_processor":\(postProcessor),"model":\(model ?? #"{"type":"Unigram","unk_id":\#(unknown),"vocab":[\#(pairs)]}"#)}
        """
    return try JSONParser.parse(text)
}

/// The message of the model error `body` throws, or "" when it throws none.
func modelErrorMessage(_ body: () throws -> Void) -> String {
    do {
        try body()
        return ""
    } catch {
        return (error as? ClioError)?.message ?? "\(error)"
    }
}

@Test func viterbiPicksTheSegmentationWithTheHighestTotalScore() throws {
    // "abc": a+b+c = -3, ab+c = -2.5, a+bc = -1.5 (best), abc = -4.
    let t = try craftedTokenizer([("<unk>", 0), ("a", -1), ("b", -1), ("c", -1), ("ab", -1.5), ("bc", -0.5), ("abc", -4)])
    #expect(t.encode("abc") == [1, 5])
    // Cheaper whole piece wins when it is the best.
    let u = try craftedTokenizer([("<unk>", 0), ("a", -1), ("b", -1), ("c", -1), ("ab", -1.5), ("bc", -0.5), ("abc", -1)])
    #expect(u.encode("abc") == [6])
}

@Test func viterbiTiesKeepThePathFoundFirst() throws {
    // ab (-2) and a+b (-1 + -1) tie: the piece reaching the end first, from the earliest start, stays.
    let t = try craftedTokenizer([("<unk>", 0), ("a", -1), ("b", -1), ("ab", -2)])
    #expect(t.encode("ab") == [3])
}

@Test func runsOfUnknownCharactersBecomeOneUnknownID() throws {
    let t = try craftedTokenizer([("a", -1), ("<unk>", 0), ("b", -1)], unknown: 1)
    #expect(t.encode("a?b") == [0, 1, 2])
    #expect(t.encode("a??é😀b") == [0, 1, 2])
    #expect(t.encode("?a?") == [1, 0, 1])
}

@Test func aCharacterOnlyALongerPieceCoversCompetesWithTheUnknown() throws {
    // "é" has no piece of its own, but "éa" is one: é a takes it; é alone is unknown.
    let t = try craftedTokenizer([("<unk>", 0), ("a", -1), ("éa", -3)])
    #expect(t.encode("éa") == [2])
    #expect(t.encode("éé") == [0])
}

@Test func repeatedPiecesTakeTheLastID() throws {
    let t = try craftedTokenizer([("<unk>", 0), ("x", -1), ("y", -1), ("x", -1)])
    #expect(t.encode("xyx") == [3, 2, 3])
}

@Test func metaspaceMarksWordStartsAndKeepsRunsOfSpacesWithTheNextWord() throws {
    let legacy = PreTokenizer.metaspace(replacement: "▁", prepend: true, split: true)
    #expect(legacy.apply("a  b c") == ["▁a", "▁▁b", "▁c"])
    #expect(legacy.apply("▁x y ") == ["▁x", "▁y", "▁"])
    #expect(legacy.apply("") == [])
    #expect(PreTokenizer.metaspace(replacement: "▁", prepend: false, split: true).apply("a b") == ["a", "▁b"])
    #expect(PreTokenizer.metaspace(replacement: "▁", prepend: true, split: false).apply("a b") == ["▁a▁b"])
    #expect(PreTokenizer.whitespaceSplit.apply(" a\tb\u{3000}c  ") == ["a", "b", "c"])
}

@Test func replaceHandlesLiteralsAndRunsOfOneCharacter() throws {
    let squeeze = try #require(ReplacePattern(regex: " {2,}"))
    #expect(squeeze.replace(in: "a  b   c d", with: [" "]) == "a b c d")
    #expect(ReplacePattern(regex: "x+")?.replace(in: "axxxbx", with: ["y"]) == "ayby")
    #expect(ReplacePattern(regex: #"\.{2}"#)?.replace(in: ".....", with: ["!"]) == "!!.")
    #expect(ReplacePattern.literal(Array("``".unicodeScalars)).replace(in: "``q``", with: ["\""]) == "\"q\"")
    // Regexes beyond one repeated character are refused, not guessed at.
    #expect(ReplacePattern(regex: #"\A +| +\z"#) == nil)
    #expect(ReplacePattern(regex: "[ab]+") == nil)
    #expect(ReplacePattern(regex: #"\s+"#) == nil)
}

@Test func addedTokensAreMatchedBeforeTheModelWithTheirStripRules() throws {
    let vocab: [(String, Double)] = [("<s>", 0), ("</s>", 0), ("<unk>", 0), ("<mask>", 0), ("▁", -2), ("a", -1), ("b", -1),
                                     ("▁a", -1), ("▁b", -1), ("<", -1), ("m", -1)]
    let added = """
        [{"id":0,"content":"<s>","special":true},{"id":1,"content":"</s>","special":true},
         {"id":3,"content":"<mask>","lstrip":true,"special":true}]
        """
    let t = try craftedTokenizer(vocab, unknown: 2, preTokenizer: #"{"type":"Metaspace","replacement":"▁","add_prefix_space":true}"#,
                                 postProcessor: #"{"type":"RobertaProcessing","cls":["<s>",0],"sep":["</s>",1]}"#,
                                 addedTokens: added)
    // <mask> eats the spaces before it; </s> in the text is the token, not its characters.
    #expect(t.encode("a  <mask> b") == [0, 7, 3, 8, 1])
    #expect(t.encode("a</s>b") == [0, 7, 1, 8, 1])
    #expect(t.encode("<ma") == [0, 4, 9, 10, 5, 1])
}

@Test func templatePostProcessorAddsItsSpecialTokensAndTruncationKeepsThem() throws {
    let template = """
        {"type":"TemplateProcessing","single":[{"SpecialToken":{"id":"<s>","type_id":0}},{"Sequence":{"id":"A","type_id":0}},
        {"SpecialToken":{"id":"</s>","type_id":0}}],"special_tokens":{"<s>":{"id":"<s>","ids":[0],"tokens":["<s>"]},
        "</s>":{"id":"</s>","ids":[1],"tokens":["</s>"]}}}
        """
    let t = try craftedTokenizer([("<s>", 0), ("</s>", 0), ("<unk>", 0), ("▁x", -1)], unknown: 2,
                                 preTokenizer: #"{"type":"Metaspace","replacement":"▁","prepend_scheme":"always","split":true}"#,
                                 postProcessor: template, maxLength: 5)
    #expect(t.encode("x x") == [0, 3, 3, 1])
    #expect(t.encode(String(repeating: "x ", count: 50)) == [0, 3, 3, 3, 1])
    #expect(t.encode("") == [0, 1])
}

@Test func brokenTokenizerFilesAreRefusedWithTheirPathAndReason() throws {
    let dir = temporaryPath("broken-tokenizer")
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/tokenizer.json"
    try Data("{\"model\": [".utf8).write(to: URL(fileURLWithPath: path))
    let notJSON = modelErrorMessage { _ = try SentencePieceTokenizer(file: path, maxLength: 128) }
    #expect(notJSON.hasPrefix("\(path) is not valid JSON"), "\(notJSON)")
    let missing = modelErrorMessage { _ = try SentencePieceTokenizer(file: dir + "/absent.json", maxLength: 128) }
    #expect(missing.contains("absent.json"), "\(missing)")

    let vocab: [(String, Double)] = [("<unk>", 0), ("a", -1)]
    let cases: [(json: JSON, says: String)] = [
        (try craftedJSON(vocab, model: #"{"type":"BPE","vocab":{},"merges":[]}"#), "model type BPE is not supported (expected Unigram)"),
        (try craftedJSON(vocab, model: #"{"type":"Unigram","unk_id":0,"vocab":[["a"]]}"#), "vocab entry 0 is not a [piece, score] pair"),
        (try craftedJSON(vocab, unknown: 7), "unk_id is missing or outside the vocabulary of 2"),
        (try craftedJSON(vocab, model: #"{"type":"Unigram","unk_id":0,"vocab":[["a",0]],"byte_fallback":true}"#), "byte_fallback is not supported"),
        (try craftedJSON(vocab, normalizer: #"{"type":"BertNormalizer"}"#), "normalizer BertNormalizer is not supported"),
        (try craftedJSON(vocab, normalizer: #"{"type":"Replace","pattern":{"Regex":"[0-9]+"},"content":""}"#), "Replace pattern"),
        (try craftedJSON(vocab, normalizer: #"{"type":"Precompiled","precompiled_charsmap":"@@@"}"#), "precompiled_charsmap is not base64"),
        // A trie of 0x01000000 bytes announced in a blob of 8.
        (try craftedJSON(vocab, normalizer: #"{"type":"Precompiled","precompiled_charsmap":"AAAAAQAAAAA="}"#), "has a trie of 16777216 bytes"),
        (try craftedJSON(vocab, preTokenizer: #"{"type":"ByteLevel"}"#), "pre_tokenizer ByteLevel is not supported"),
        (try craftedJSON(vocab, preTokenizer: #"{"type":"Metaspace","replacement":"▁","prepend_scheme":"first"}"#), "prepend_scheme first"),
        (try craftedJSON(vocab, postProcessor: #"{"type":"TemplateProcessing","single":[{"SpecialToken":{"id":"<s>"}},{"Sequence":{"id":"A"}}],"special_tokens":{}}"#),
         "uses <s>, which special_tokens does not define"),
        (try craftedJSON(vocab, postProcessor: #"{"type":"RobertaProcessing","cls":["<s>",5],"sep":["</s>",1]}"#), "id 5 is outside the vocabulary"),
        (try craftedJSON(vocab, addedTokens: #"[{"id":1}]"#), "added_tokens entry 0 lacks an id or content"),
        // Numbers at the edges (issue 16): an id past Int32 trapped converting to Int32.
        (try craftedJSON(vocab, addedTokens: #"[{"id":4294967296,"content":"x"}]"#), "added_tokens entry 0 has id 4294967296, outside"),
        (try craftedJSON(vocab, addedTokens: #"[{"id":-1,"content":"x"}]"#), "added_tokens entry 0 has id -1, outside"),
        (try JSONParser.parse(#"{"normalizer":null}"#), "has no \"model\""),
    ]
    for (json, says) in cases {
        let message = modelErrorMessage { _ = try SentencePieceTokenizer(json: json, maxLength: 128, source: "t.json") }
        #expect(message.hasPrefix("t.json: ") && message.contains(says), "got \(message.debugDescription), want \(says)")
    }
}

@Test func precompiledCharsMapRejectsReplacementsThatAreNotUTF8() {
    // Trie of one unit (4 bytes), then a pool with an invalid byte.
    let blob: [UInt8] = [4, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0]
    let message = modelErrorMessage { _ = try PrecompiledCharsMap(bytes: blob, source: "x.json") }
    #expect(message == "x.json: the replacements of precompiled_charsmap are not UTF-8")
}
