// JSON parser and serializer: any bytes parse or fail with an error; what parses serializes to
// text that parses back to the same value, and serializing that again gives the same bytes.
@testable import ClioCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let value = try? JSONParser.parse(bytes) else { return 0 }
    let text = JSONSerializer.bytes(value)
    guard let again = try? JSONParser.parse(text) else { fatalError("serialized JSON does not parse: \(String(decoding: text, as: UTF8.self))") }
    guard JSONSerializer.bytes(again) == text else { fatalError("serialization is not stable") }
    _ = JSONSerializer.pretty(value)
    return 0
}
