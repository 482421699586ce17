/// Writes JSON as compact UTF-8, one value on one line (JSON Lines), keys in their stored order.
public enum JSONSerializer {
    public static func string(_ value: JSON) -> String {
        var out: [UInt8] = []
        write(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    public static func bytes(_ value: JSON) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(value, to: &out)
        return out
    }

    public static func write(_ value: JSON, to out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: nullBytes)
        case .bool(let b): out.append(contentsOf: b ? trueBytes : falseBytes)
        case .number(let d): writeNumber(d, to: &out)
        case .rawNumber(let s): out.append(contentsOf: s.utf8)
        case .string(let s): writeString(s, to: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                write(element, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            for (i, member) in object.members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                writeString(member.key, to: &out)
                out.append(UInt8(ascii: ":"))
                write(member.value, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Whole numbers print without a fraction; others in the shortest form that reads back
    /// to the same `Double`. JSON has no NaN or infinity, so those become `null`.
    public static func writeNumber(_ d: Double, to out: inout [UInt8]) {
        if !d.isFinite {
            out.append(contentsOf: nullBytes)
        } else if d.rounded() == d && abs(d) < 1e15 {
            if d == 0 && d.sign == .minus {
                out.append(contentsOf: "-0".utf8)
            } else {
                out.append(contentsOf: String(Int64(d)).utf8)
            }
        } else {
            out.append(contentsOf: d.description.utf8)
        }
    }

    /// A `Float` in its own shortest round-trip form, which is much shorter than the `Double`
    /// form of the same value; used for embedding vectors.
    public static func writeNumber(_ f: Float, to out: inout [UInt8]) {
        if !f.isFinite {
            out.append(contentsOf: nullBytes)
        } else if f.rounded() == f && abs(f) < 1e7 {
            out.append(contentsOf: String(Int32(f)).utf8)
        } else {
            out.append(contentsOf: f.description.utf8)
        }
    }

    public static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out.append(0x5C); out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C); out.append(0x5C)
            case 0x0A: out.append(0x5C); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(0x5C); out.append(UInt8(ascii: "r"))
            case 0x09: out.append(0x5C); out.append(UInt8(ascii: "t"))
            case 0..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hexDigits[Int(b >> 4)])
                out.append(hexDigits[Int(b & 0xF)])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Pretty-printed JSON with two-space indentation, for documents meant to be read.
    public static func pretty(_ value: JSON, indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent + 1)
        let closePad = String(repeating: "  ", count: indent)
        switch value {
        case .array(let elements) where !elements.isEmpty:
            let inner = elements.map { pad + pretty($0, indent: indent + 1) }.joined(separator: ",\n")
            return "[\n\(inner)\n\(closePad)]"
        case .object(let object) where object.count > 0:
            let inner = object.members.map { pad + string(.string($0.key)) + ": " + pretty($0.value, indent: indent + 1) }
                .joined(separator: ",\n")
            return "{\n\(inner)\n\(closePad)}"
        default:
            return string(value)
        }
    }
}

private let nullBytes = Array("null".utf8)
private let trueBytes = Array("true".utf8)
private let falseBytes = Array("false".utf8)
private let hexDigits = Array("0123456789abcdef".utf8)
