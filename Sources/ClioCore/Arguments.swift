/// Walks a command line one option at a time; the small part of swift-argument-parser that the
/// tools need, without the dependency.
///
///     var scanner = ArgumentScanner(arguments)
///     while let option = try scanner.nextOption() {
///         switch option {
///         case "-k": k = try scanner.int(for: option, min: 1)
///         case "--verbose": verbose = true
///         default: throw scanner.unknown(option)
///         }
///     }
///     files = scanner.positionals
///
/// `--name=value` is split into the option and its value; after `--` everything is a
/// positional argument; a lone `-` is a positional (standard input).
public struct ArgumentScanner {
    private var remaining: ArraySlice<String>
    private var inlineValue: String?
    public private(set) var positionals: [String] = []

    public init(_ arguments: [String]) { remaining = arguments[...] }

    /// The next option, collecting positionals on the way; nil at the end.
    public mutating func nextOption() throws(UsageError) -> String? {
        if let pending = inlineValue {
            throw UsageError("option takes no value: \(pending)")
        }
        while let arg = remaining.popFirst() {
            if arg == "--" {
                positionals.append(contentsOf: remaining)
                remaining = []
                return nil
            }
            if arg.hasPrefix("--"), let eq = arg.firstIndex(of: "=") {
                inlineValue = String(arg[arg.index(after: eq)...])
                return String(arg[..<eq])
            }
            if arg.hasPrefix("-") && arg != "-" {
                // Negative numbers are values, never options.
                if Double(arg) != nil { positionals.append(arg); continue }
                return arg
            }
            positionals.append(arg)
        }
        return nil
    }

    /// The value of the option just returned.
    public mutating func value(for option: String) throws(UsageError) -> String {
        if let v = inlineValue {
            inlineValue = nil
            return v
        }
        guard let v = remaining.popFirst() else { throw UsageError("option \(option) needs a value") }
        return v
    }

    /// The largest whole-number option value accepted when an option names no maximum.
    public static let largestCount = JSON.largestCount

    public mutating func int(for option: String, min: Int? = nil, max: Int? = nil) throws(UsageError) -> Int {
        let text = try value(for: option)
        guard let v = Int(text) else { throw UsageError("option \(option) needs a whole number, got '\(text)'") }
        if let min, v < min { throw UsageError("option \(option) must be at least \(min), got \(v)") }
        let max = max ?? ArgumentScanner.largestCount
        if v > max { throw UsageError("option \(option) must be at most \(max), got \(v)") }
        return v
    }

    public mutating func double(for option: String, min: Double? = nil, max: Double? = nil) throws(UsageError) -> Double {
        let text = try value(for: option)
        guard let v = Double(text), v.isFinite else { throw UsageError("option \(option) needs a number, got '\(text)'") }
        if let min, v < min { throw UsageError("option \(option) must be at least \(min), got \(v)") }
        if let max, v > max { throw UsageError("option \(option) must be at most \(max), got \(v)") }
        return v
    }

    /// A value that must be one of `choices`.
    public mutating func choice(for option: String, _ choices: [String]) throws(UsageError) -> String {
        let v = try value(for: option)
        guard choices.contains(v) else {
            throw UsageError("option \(option) must be one of \(choices.joined(separator: ", ")), got '\(v)'")
        }
        return v
    }

    /// Marks a flag that takes no value; rejects `--flag=value`.
    public mutating func flag(_ option: String) throws(UsageError) -> Bool {
        if inlineValue != nil {
            inlineValue = nil
            throw UsageError("option \(option) takes no value")
        }
        return true
    }

    public func unknown(_ option: String) -> UsageError { UsageError("unknown option \(option)") }
}
