// The PII masker on arbitrary text: its regex passes, the NSString range arithmetic of its
// name and other-script passes, and the extractive summarizer's use of it. Any output is fine;
// a trap is not, and neither is a placeholder inside a placeholder.
@testable import ClioSummarize

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let masked = PIIMasker().mask(text)
    // The input's own brackets could spell one ("[[NAME]"); only a masker's doing counts.
    if !text.contains("[") {
        for placeholder in ["[NAME]", "[ADDRESS]", "[PHONE]", "[NUMBER]", "[EMAIL]", "[URL]"] {
            precondition(!masked.contains("[" + placeholder), "a placeholder inside a placeholder")
        }
    }
    return 0
}
