import ClioCore
import Testing
@testable import ClioCluster

@Suite struct FastVectorTests {
    func scan(_ line: String, field: String = "embedding") -> (FastVector.Scan, [Float])? {
        var out: [Float] = []
        let bytes = Array(line.utf8)
        let r = bytes.withUnsafeBufferPointer {
            FastVector.scan($0, field: Array(field.utf8), watchKeys: [Array("cluster".utf8)], into: &out)
        }
        return r.map { ($0, out) }
    }

    @Test func numbersMatchTheFullParser() throws {
        var rng = SeededGenerator(seed: 21)
        var texts = ["0", "-0", "1", "-1.5", "1e-45", "1.17549435e-38", "3.4028235e38", "0.000001234", "123456789012345678901234",
                     "1.00000000000000000000001", "9007199254740993", "2.5E+3", "-7e-3", "0.1", "100000000000000000000000e-20"]
        for _ in 0..<3000 {
            let f = Float(bitPattern: UInt32(truncatingIfNeeded: rng.next()) & 0x7EFF_FFFF)
            let d = Double(bitPattern: rng.next() & 0x3FEF_FFFF_FFFF_FFFF)
            texts += ["\(f)", "\(-f)", "\(d)", String(format: "%.9g", Double(f)), String(format: "%.3e", d)]
            // Fractions of every length around the eight-digits-at-a-time reader's steps, and
            // decimals next to the midpoint between two floats, where a shortcut could round wrong.
            let digits = String((0..<Int(1 + rng.next() % 21)).map { _ in Character(String(rng.next() % 10)) })
            texts += ["0.\(digits)", "-0.000\(digits)", "\(1 + rng.next() % 99).\(digits)"]
            let g = Float(bitPattern: UInt32(truncatingIfNeeded: rng.next() % 0x3F80_0000) + 0x3000_0000)
            let midpoint = (Double(g) + Double(g.nextUp)) / 2
            texts += [String(format: "%.17g", midpoint), String(format: "%.16g", midpoint), String(format: "%.12f", midpoint)]
        }
        for text in texts {
            guard let expected = try JSONParser.parse(text).doubleValue.map(Float.init), expected.isFinite else { continue }
            let got = scan(#"{"embedding":["# + text + "]}")
            #expect(got?.1 == [expected], "\(text)")
        }
    }

    @Test func longStringsWithEscapesAndNonASCIIAreSkippedExactly() throws {
        for filler in ["", "a", "abcdefg", "abcdefgh", "abcdefghijklmnopq"] {
            let line = #"{"t":""# + filler + #"\"é\\ü"# + filler + #"","embedding":[1,2],"u":""# + filler + #""}"#
            let (s, v) = try #require(scan(line), "\(line)")
            #expect(v == [1, 2])
            #expect(Array(line.utf8)[s.closingBrace] == UInt8(ascii: "}"))
        }
    }

    @Test func keysAndTheClosingBraceAreFound() throws {
        let line = #"{"a":{"embedding":[9]},"cluster":1, "embedding" : [1, 2 ,3] , "b":[true,false,null,"x\n"]} "#
        let (s, v) = try #require(scan(line))
        #expect(v == [1, 2, 3])
        #expect(s.found && s.hasWatchedKey && !s.isEmptyObject)
        #expect(Array(line.utf8)[s.closingBrace] == UInt8(ascii: "}"))
        #expect(scan("{}")?.0.isEmptyObject == true)
        #expect(scan(#"{"x":1}"#)?.0.found == false)
    }

    @Test(arguments: [
        #"{"embedding":[1,2],"a":tru}"#, #"{"embedding":[1,2],}"#, #"{"embedding":[01]}"#, #"{"embedding":[1.]}"#,
        #"{"embedding":[1,2]"#, #"{"embedding":[1,2]} x"#, #"{"a":"\x"}"#, "{\"a\":\"\u{1}\"}", #"{"embedding":["1"]}"#,
        #"{"embedding":[1e39]}"#, #"{"emb\u0065dding":[1]}"#, #"[1]"#, #"{"a":-}"#, #"{"a" 1}"#,
        "{\"embedding\":[0.1234\u{1F}5678]}", "{\"embedding\":[0.12345678\u{1A}]}", "{\"a\":\"abcdefgh\u{1B}ijklmnop\"}",
        "{\"a\":\"abcdefghijklmn\u{1F}\"}", #"{"a":"abcdefghijk\qrstuvwxyz"}"#, #"{"a":"abcdefghijklmnopqrstuvwxyz}"#,
    ])
    func anythingUnusualFallsBackToTheFullParser(_ line: String) {
        #expect(scan(line) == nil)
    }

    @Test func invalidUTF8FallsBackToTheFullParser() {
        var bytes = Array(#"{"t":"ab","embedding":[1]}"#.utf8)
        bytes[6] = 0xFF
        var out: [Float] = []
        let r = bytes.withUnsafeBufferPointer {
            FastVector.scan($0, field: Array("embedding".utf8), watchKeys: [], into: &out)
        }
        #expect(r == nil)
        #expect(out.isEmpty)
    }
}

/// Base64.appendFloats lives with its one user, clio-cluster's fast path.
@Suite struct CompactVectorDecodingTests {
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
}
