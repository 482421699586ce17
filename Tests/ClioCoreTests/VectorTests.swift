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

    @Test func base64MatchesKnownEncodings() {
        #expect(Base64.encode(Array("foobar".utf8)) == "Zm9vYmFy")
        #expect(Base64.encode(Array("fo".utf8)) == "Zm8=")
        #expect(Base64.decode("Zm9vYg==") == Array("foob".utf8))
        #expect(Base64.decode("Zm9v!") == nil)
    }
}
