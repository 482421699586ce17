import ClioCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A safetensors file: an 8-byte little-endian header length, a JSON header mapping each tensor
/// name to `{dtype, shape, data_offsets}`, then the raw little-endian data. The file is mapped,
/// not read, and tensors are converted to `Float` on request (F32, F16 and BF16).
public final class SafetensorsFile {
    public struct TensorInfo: Sendable {
        public var dtype: String
        public var shape: [Int]
        public var range: Range<Int>
        /// safe: `parseHeader` rejects shapes whose product overflows.
        public var count: Int { shape.reduce(1, *) }
    }

    public let path: String
    public let tensors: [String: TensorInfo]
    private let base: UnsafeRawPointer
    private let length: Int
    private let dataStart: Int

    public init(path: String) throws(ClioError) {
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw ClioError(.model, "cannot open \(path): \(systemError())") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw ClioError(.model, "cannot read \(path): \(systemError())") }
        length = Int(st.st_size)
        guard length >= 8, let map = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0), map != MAP_FAILED else {
            throw ClioError(.model, "\(path) is not a safetensors file (too short or unreadable)")
        }
        base = UnsafeRawPointer(map)
        var headerLength = 0
        for i in 0..<8 { headerLength |= Int(base.load(fromByteOffset: i, as: UInt8.self)) << (8 * i) }
        guard headerLength > 0, headerLength <= length - 8, headerLength < 100 << 20 else {
            munmap(map, length)
            throw ClioError(.model, "\(path) is not a safetensors file (bad header length)")
        }
        dataStart = 8 + headerLength
        let header = Array(UnsafeRawBufferPointer(start: base + 8, count: headerLength))
        do {
            tensors = try SafetensorsFile.parseHeader(header, dataLength: length - dataStart)
        } catch {
            munmap(map, length)
            throw ClioError(.model, "\(path) is damaged: \(error.message)")
        }
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: base), length) }

    static func parseHeader(_ bytes: [UInt8], dataLength: Int) throws(ClioError) -> [String: TensorInfo] {
        guard let json = try? JSONParser.parse(bytes), case .object(let object) = json else {
            throw ClioError(.model, "the header is not a JSON object")
        }
        var result: [String: TensorInfo] = [:]
        for (name, value) in object where name != "__metadata__" {
            // Every shape entry and offset must be a whole number: a dropped entry would give
            // the tensor another shape than the file says.
            guard let entry = value.objectValue, let dtype = entry["dtype"]?.stringValue,
                let shapeValues = entry["shape"]?.arrayValue, let offsetValues = entry["data_offsets"]?.arrayValue,
                offsetValues.count == 2
            else { throw ClioError(.model, "tensor \(name) has an invalid entry") }
            let shape = shapeValues.compactMap(\.intValue)
            let offsets = offsetValues.compactMap(\.intValue)
            guard shape.count == shapeValues.count, shape.allSatisfy({ $0 >= 0 }), offsets.count == 2 else {
                throw ClioError(.model, "tensor \(name) has an invalid entry")
            }
            guard offsets[0] >= 0, offsets[0] <= offsets[1], offsets[1] <= dataLength else {
                throw ClioError(.model, "tensor \(name) lies outside the file (truncated download?)")
            }
            // The element count is multiplied with overflow checks: a shape from the file can
            // be anything, and `TensorInfo.count` relies on this check.
            var elements = 1
            for dimension in shape {
                let (product, overflow) = elements.multipliedReportingOverflow(by: dimension)
                guard !overflow else { throw ClioError(.model, "tensor \(name) has shape \(shape), too large") }
                elements = product
            }
            let info = TensorInfo(dtype: dtype, shape: shape, range: offsets[0]..<offsets[1])
            if let size = SafetensorsFile.elementSize(dtype) {
                let (bytes, overflow) = elements.multipliedReportingOverflow(by: size)
                guard !overflow, bytes == info.range.count else {
                    throw ClioError(.model, "tensor \(name) has \(info.range.count) bytes for shape \(shape)")
                }
            }
            result[name] = info
        }
        return result
    }

    static func elementSize(_ dtype: String) -> Int? {
        switch dtype {
        case "F32", "I32", "U32": return 4
        case "F16", "BF16", "I16", "U16": return 2
        case "F64", "I64", "U64": return 8
        case "I8", "U8", "BOOL": return 1
        default: return nil
        }
    }

    /// The tensor as floats, checking its shape when `shape` is given.
    public func floats(_ name: String, shape expected: [Int]? = nil) throws(ClioError) -> [Float] {
        guard let info = tensors[name] else { throw ClioError(.model, "\(path) has no tensor \(name)") }
        if let expected, expected != info.shape {
            throw ClioError(.model, "tensor \(name) in \(path) has shape \(info.shape), expected \(expected)")
        }
        let start = base + dataStart + info.range.lowerBound
        var out = [Float](repeating: 0, count: info.count)
        switch info.dtype {
        case "F32":
            out.withUnsafeMutableBytes { dst in
                dst.copyMemory(from: UnsafeRawBufferPointer(start: start, count: info.range.count))
            }
            #if _endian(big)
            for i in out.indices { out[i] = Float(bitPattern: UInt32(littleEndian: out[i].bitPattern)) }
            #endif
        case "F16":
            for i in 0..<info.count {
                out[i] = halfToFloat(UInt16(littleEndian: start.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)))
            }
        case "BF16":
            for i in 0..<info.count {
                let bits = UInt16(littleEndian: start.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))
                out[i] = Float(bitPattern: UInt32(bits) << 16)
            }
        default:
            throw ClioError(.model, "tensor \(name) in \(path) has unsupported type \(info.dtype)")
        }
        return out
    }
}

/// IEEE 754 binary16 to Float, written out so it needs no `Float16` (absent on some platforms).
func halfToFloat(_ h: UInt16) -> Float {
    let sign = UInt32(h >> 15) << 31
    let exponent = Int(h >> 10) & 0x1F
    let mantissa = UInt32(h & 0x3FF)
    if exponent == 0 {
        // Zero or subnormal: mantissa * 2^-24.
        let value = Float(mantissa) * Float(sign: .plus, exponent: -24, significand: 1)
        return sign != 0 ? -value : value
    }
    if exponent == 31 {
        return Float(bitPattern: sign | 0x7F80_0000 | (mantissa << 13))
    }
    return Float(bitPattern: sign | UInt32(exponent - 15 + 127) << 23 | (mantissa << 13))
}
