// The HTTP/1.1 response parser: any bytes, with the connection open or closed, give an answer,
// a need for more bytes, or an error. The first byte picks open or closed.
@testable import ClioLLM

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let outcome = HTTPResponseParser.parse(bytes, closed: data[0] & 1 == 1)
    if case .complete(let status, _, let body) = outcome {
        guard (100...999).contains(status), body.count <= bytes.count else { fatalError("impossible response") }
    }
    return 0
}
