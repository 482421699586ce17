/// Strings numbered 0, 1, 2, … in the order first seen, so a column of records can hold a
/// small integer per record instead of a string (users, weeks, languages, key phrases).
public struct StringNumbers: Sendable {
    /// Number → string.
    public private(set) var names: [String] = []
    private var numbers: [String: Int32] = [:]

    public init() {}

    public var count: Int { names.count }

    /// The string's number, given it a new one when first seen.
    public mutating func number(_ text: String) -> Int32 {
        if let known = numbers[text] { return known }
        let n = Int32(names.count)
        numbers[text] = n
        names.append(text)
        return n
    }

    /// The string's number if it has been seen.
    public func existing(_ text: String) -> Int32? { numbers[text] }

    public subscript(number: Int32) -> String { names[Int(number)] }
}
