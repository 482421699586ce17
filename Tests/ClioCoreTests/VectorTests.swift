import Foundation
import ClioTestSupport
import Testing
@testable import ClioCore

@Suite struct VectorCodecTests {
    @Test func bothEncodingsDecodeToTheSameFloats() throws {
        let vector: [Float] = [0.1, -2.5, 3e-8, 1, 0, 123456.79]
        for compact in [false, true] {
            let json = VectorCodec.encode(vector, compact: compact)
            let reparsed = try JSONParser.parse(JSONSerializer.string(json))
            #expect(try VectorCodec.decode(reparsed, field: "embedding") == vector)
        }
    }

    @Test func nonNumbersAndNonFiniteValuesAreRejected() {
        #expect(throws: ClioError.self) { try VectorCodec.decode(["a"], field: "embedding") }
        #expect(throws: ClioError.self) { try VectorCodec.decode([1e300], field: "embedding") }
        #expect(throws: ClioError.self) { try VectorCodec.decode("f32le:!!!!", field: "embedding") }
    }

    @Test func compactVectorsDecodeStraightFromBytesAsTheCodecDoes() throws {
        var rng = SeededGenerator(seed: 3)
        for count in [0, 1, 2, 3, 7, 384] {
            let vector = (0..<count).map { _ in Float(Int64(rng.next() % 2_000_001) - 1_000_000) / 7919 }
            guard case .string(let text) = VectorCodec.encode(vector, compact: true) else { Issue.record("not a string"); return }
            var decoded: [Float] = [9]
            let ok = Array(text.utf8).withUnsafeBufferPointer { Base64.appendFloats($0, to: &decoded) }
            #expect(ok)
            #expect(decoded == [9] + vector)
        }
        for bad in ["f32le:AAAA", "f32le:AAAAAA==!", "x32le:AACAPw==", "f32le:AACAfw==", "f32le:AAC=APw="] {
            var decoded: [Float] = [1]
            let ok = Array(bad.utf8).withUnsafeBufferPointer { Base64.appendFloats($0, to: &decoded) }
            #expect(!ok, "\(bad)")
            #expect(decoded == [1])
        }
    }

    @Test func base64MatchesKnownEncodings() {
        #expect(Base64.encode(Array("foobar".utf8)) == "Zm9vYmFy")
        #expect(Base64.encode(Array("fo".utf8)) == "Zm8=")
        #expect(Base64.decode("Zm9vYg==") == Array("foob".utf8))
        #expect(Base64.decode("Zm9v!") == nil)
    }
}
