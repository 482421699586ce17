// Vector decoding: JSON arrays and `f32le:` base64 strings, whatever the bytes. The raw input
// is also tried as the text after `f32le:` and through clio-cluster's streaming decoder.
@testable import ClioCore
@testable import ClioCluster

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let value = try? JSONParser.parse(bytes), let vector = try? VectorCodec.decode(value, field: "vector") {
        _ = VectorCodec.encode(vector, compact: true)
    }
    let text = String(decoding: bytes, as: UTF8.self)
    _ = try? VectorCodec.decode(.string("f32le:" + text), field: "vector")
    _ = Base64.decode(text)
    var floats: [Float] = []
    _ = bytes.withUnsafeBufferPointer { Base64.appendFloats($0, to: &floats) }
    return 0
}
