// The safetensors header: any JSON header against any data length (the first eight bytes).
@testable import ClioEmbed

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 8 else { return 0 }
    var length = 0
    for i in 0..<8 { length |= Int(data[i]) << (8 * i) }
    let header = Array(UnsafeBufferPointer(start: data + 8, count: size - 8))
    if let tensors = try? SafetensorsFile.parseHeader(header, dataLength: length & 0xFFFF_FFFF) {
        for info in tensors.values { _ = info.count }
    }
    return 0
}
