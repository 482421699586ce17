/// A JSON value that keeps object keys in the order they were written.
///
/// Records pass through every stage, so a stage must be able to read a line, change the few
/// fields it owns and write the rest back unchanged and in order. `Codable` loses key order
/// and unknown fields; this type keeps both.
public enum JSON: Equatable, Sendable {
    case null
    case bool(Bool)
    /// A number that round-trips through `Double`.
    case number(Double)
    /// A number kept exactly as written because a `Double` would change it
    /// (integers with more than 15 significant digits, such as 64-bit ids).
    case rawNumber(String)
    case string(String)
    case array([JSON])
    case object(JSONObject)
}

/// A JSON object: an ordered list of members. Lookup is linear, which is faster than hashing
/// for the handful of keys a record has.
public struct JSONObject: Equatable, Sendable, Sequence, ExpressibleByDictionaryLiteral {
    public var members: [(key: String, value: JSON)]

    public init() { members = [] }
    public init(_ members: [(key: String, value: JSON)]) { self.members = members }
    public init(dictionaryLiteral elements: (String, JSON)...) {
        members = elements.map { (key: $0.0, value: $0.1) }
    }

    public var count: Int { members.count }
    public var keys: [String] { members.map(\.key) }
    public func makeIterator() -> IndexingIterator<[(key: String, value: JSON)]> { members.makeIterator() }

    /// Reading returns the first member with the key. Writing replaces that member in place,
    /// appends a new key at the end, or removes the member when given nil.
    public subscript(key: String) -> JSON? {
        get {
            for member in members where member.key == key { return member.value }
            return nil
        }
        set {
            if let index = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append((key: key, value: newValue))
            }
        }
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members.count == rhs.members.count
            && zip(lhs.members, rhs.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

extension JSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSON...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSON)...) {
        self = .object(JSONObject(elements.map { (key: $0.0, value: $0.1) }))
    }
    public init(nilLiteral: ()) { self = .null }
}

extension JSON {
    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    public var doubleValue: Double? {
        switch self {
        case .number(let d): return d
        case .rawNumber(let s): return Double(s)
        default: return nil
        }
    }
    /// The value as an `Int` when it is a whole number in range.
    /// The largest count a record or an option may give (2^40, about 10^12): far above any real
    /// number of conversations, and small enough that sums and products of counts with sizes
    /// and dimensions cannot overflow `Int` (2^40 × 2^23 < 2^63).
    public static let largestCount = 1 << 40

    /// A whole number from 0 to `largestCount`, or nil: sizes and counts read from records.
    public var countValue: Int? {
        guard let n = intValue, n >= 0, n <= JSON.largestCount else { return nil }
        return n
    }

    public var intValue: Int? {
        switch self {
        case .number(let d):
            guard d.rounded() == d, abs(d) < 9.0e15 else { return nil }
            return Int(d)
        case .rawNumber(let s): return Int(s)
        default: return nil
        }
    }
    public var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    public var arrayValue: [JSON]? { if case .array(let a) = self { return a } else { return nil } }
    public var objectValue: JSONObject? { if case .object(let o) = self { return o } else { return nil } }
    public var isNull: Bool { self == .null }

    /// A short name of the value's type, for error messages ("expected a string, got a number").
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number, .rawNumber: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The value at a dotted path such as `facets.request`; array elements by index (`messages.0`).
    public subscript(path path: String) -> JSON? {
        var current = self
        for part in path.split(separator: ".", omittingEmptySubsequences: false) {
            switch current {
            case .object(let o):
                guard let next = o[String(part)] else { return nil }
                current = next
            case .array(let a):
                guard let i = Int(part), a.indices.contains(i) else { return nil }
                current = a[i]
            default:
                return nil
            }
        }
        return current
    }

    /// Sets the value at a dotted path, creating intermediate objects as needed.
    public mutating func set(path: String, to value: JSON?) {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        JSON.set(&self, parts[...], value)
    }

    private static func set(_ target: inout JSON, _ parts: ArraySlice<String>, _ value: JSON?) {
        guard let first = parts.first else {
            target = value ?? .null
            return
        }
        var object = target.objectValue ?? JSONObject()
        if parts.count == 1 {
            object[first] = value
        } else {
            var child = object[first] ?? .object(JSONObject())
            set(&child, parts.dropFirst(), value)
            object[first] = child
        }
        target = .object(object)
    }
}
