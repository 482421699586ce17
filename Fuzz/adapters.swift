// The input adapters (messages, Claude, ChatGPT, ShareGPT) from raw bytes: a JSON line read
// as each format and as the format it is detected as. Errors are fine; a trap is not.
@testable import ClioCore
@testable import ClioSummarize

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard case .object(let record)? = try? JSONParser.parse(bytes) else { return 0 }
    for format in [InputFormat.messages, .claude, .chatgpt, .sharegpt] {
        if let conversation = try? format.conversation(from: record) { _ = conversation.userTurns }
    }
    if let format = InputFormat.detect(record) { _ = try? format.conversation(from: record) }
    return 0
}
