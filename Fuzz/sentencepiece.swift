// The SentencePiece (Unigram) tokenizer on any text, with the multilingual test fixture's
// tokenizer.json (CLIO_FUZZ_SENTENCEPIECE, set by scripts/fuzz.sh).
import Foundation
@testable import ClioEmbed

let tokenizer: SentencePieceTokenizer = {
    let path = ProcessInfo.processInfo.environment["CLIO_FUZZ_SENTENCEPIECE"] ?? "Tests/ClioEmbedTests/Fixtures/multilingual/tokenizer.json"
    do { return try SentencePieceTokenizer(file: path, maxLength: 64) } catch { fatalError("cannot load \(path): \(error)") }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let ids = tokenizer.encode(String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self))
    guard ids.count <= 64 else { fatalError("\(ids.count) ids") }
    return 0
}
