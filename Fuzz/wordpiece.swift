// The WordPiece (BERT) tokenizer on any text, with MiniLM's vocabulary when the model is
// installed (CLIO_FUZZ_VOCAB, set by scripts/fuzz.sh) and a small built-in one otherwise.
import Foundation
@testable import ClioEmbed

let tokenizer: BertTokenizer = {
    if let path = ProcessInfo.processInfo.environment["CLIO_FUZZ_VOCAB"], let loaded = try? BertTokenizer(vocabFile: path, maxLength: 64) {
        return loaded
    }
    let words = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "the", "un", "##aff", "##able", "a", "##b", "é", "##s", "中", ",", "."]
    return try! BertTokenizer(vocabulary: words, maxLength: 64)  // safe: the list holds the special tokens
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let ids = tokenizer.encode(String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self))
    guard ids.count >= 2, ids.count <= 64 else { fatalError("\(ids.count) ids") }
    return 0
}
