import ClioTestSupport
import ClioCore
import Foundation
import Testing
@testable import ClioEmbed

/// Writes a safetensors file by hand: header length, JSON header, little-endian data.
func writeSafetensors(_ path: String, header: String, data: [UInt8]) throws {
    var bytes: [UInt8] = []
    let h = Array(header.utf8)
    for i in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: UInt64(h.count) >> UInt64(8 * i))) }
    bytes += h + data
    try Data(bytes).write(to: URL(fileURLWithPath: path))
}


@Test func safetensorsReadsF32F16AndBF16Tensors() throws {
    // F32 [1.5, -2]; F16 [1, -0.5, 65504, 2^-24]; BF16 [1, -3].
    let f32: [UInt8] = [0x00, 0x00, 0xC0, 0x3F, 0x00, 0x00, 0x00, 0xC0]
    let f16: [UInt8] = [0x00, 0x3C, 0x00, 0xB8, 0xFF, 0x7B, 0x01, 0x00]
    let bf16: [UInt8] = [0x80, 0x3F, 0x40, 0xC0]
    let header = """
        {"__metadata__":{"format":"pt"},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},\
        "b":{"dtype":"F16","shape":[2,2],"data_offsets":[8,16]},"c":{"dtype":"BF16","shape":[2],"data_offsets":[16,20]}}
        """
    let path = temporaryPath("t.safetensors")
    defer { unlink(path) }
    try writeSafetensors(path, header: header, data: f32 + f16 + bf16)
    let file = try SafetensorsFile(path: path)
    #expect(try file.floats("a") == [1.5, -2])
    #expect(try file.floats("b", shape: [2, 2]) == [1, -0.5, 65504, Float(sign: .plus, exponent: -24, significand: 1)])
    #expect(try file.floats("c") == [1, -3])
    #expect(throws: ClioError.self) { try file.floats("b", shape: [4]) }
    #expect(throws: ClioError.self) { try file.floats("missing") }
}

@Test func truncatedSafetensorsFileIsReportedAsDamaged() throws {
    let path = temporaryPath("short.safetensors")
    defer { unlink(path) }
    try writeSafetensors(path, header: #"{"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}"#, data: [0, 0, 0, 0])
    #expect {
        _ = try SafetensorsFile(path: path)
    } throws: { error in
        (error as? ClioError)?.message.contains("outside the file") == true
    }
}

@Test func garbageIsNotASafetensorsFile() throws {
    let path = temporaryPath("garbage")
    defer { unlink(path) }
    try Data("not a model at all".utf8).write(to: URL(fileURLWithPath: path))
    #expect(throws: ClioError.self) { _ = try SafetensorsFile(path: path) }
}

/// Numbers at the edges (issue 16): a shape whose element count overflows trapped in
/// `count * size`; a non-integer shape entry was dropped, giving the tensor another shape.
@Test(arguments: [
    #"[4294967296,4294967296,4]"#, #"[9007199254740991,1024]"#, #"[2,"x"]"#, #"[2,1.5]"#, #"[-2,-2]"#, #"[2,null]"#,
])
func safetensorsHeaderWithAnImpossibleShapeIsAnError(shape: String) {
    let header = #"{"a":{"dtype":"F32","shape":"# + shape + #","data_offsets":[0,16]}}"#
    #expect(throws: ClioError.self) { try SafetensorsFile.parseHeader(Array(header.utf8), dataLength: 16) }
}

@Test func safetensorsHeaderWithAGoodShapeParses() throws {
    let header = #"{"a":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]}}"#
    let tensors = try SafetensorsFile.parseHeader(Array(header.utf8), dataLength: 16)
    #expect(tensors["a"]?.shape == [2, 2])
}
