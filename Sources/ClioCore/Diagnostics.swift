#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a record came from: the file name as the user gave it (`<stdin>` for standard input)
/// and the 1-based line number.
public struct Location: Equatable, Sendable, CustomStringConvertible {
    public var source: String
    public var line: Int
    public init(source: String, line: Int) {
        self.source = source
        self.line = line
    }
    public var description: String { "\(source):\(line)" }
}

/// A failure the user can act on: a factual lowercase message, optionally the place in the
/// input it concerns, and a code that tools and tests can match on.
public struct ClioError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case invalidJSON = "invalid-json"
        case invalidRecord = "invalid-record"
        case io = "io"
        case model = "model"
        case network = "network"
        case cache = "cache"
        case failedRecords = "failed-records"
        case other = "other"
    }

    public var code: Code
    public var message: String
    public var location: Location?

    public init(_ code: Code, _ message: String, at location: Location? = nil) {
        self.code = code
        self.message = message
        self.location = location
    }

    /// `<stdin>:12: field "x" is missing`, or just the message when there is no place.
    public var description: String {
        if let location { return "\(location): \(message)" }
        return message
    }

    public func at(_ location: Location) -> ClioError {
        var copy = self
        if copy.location == nil { copy.location = location }
        return copy
    }
}

/// A mistake in how the tool was called; reported with a hint to `--help` and exit status 64.
public struct UsageError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Exit statuses shared by every tool (sysexits' EX_USAGE for usage errors).
public enum ExitCode {
    public static let success: Int32 = 0
    public static let failure: Int32 = 1
    public static let usage: Int32 = 64
}

/// Messages for the user on standard error, each prefixed with the tool's name.
public enum Diagnostics {
    nonisolated(unsafe) public static var toolName = "clio"
    /// Set by `--quiet`: notes and warnings are dropped, errors are always printed.
    nonisolated(unsafe) public static var quiet = false
    private static let lock = Mutex()

    public static func error(_ message: String) { emit("error: \(message)", force: true) }
    public static func warning(_ message: String) { emit("warning: \(message)") }
    /// A neutral line such as a final summary or a one-time notice.
    public static func note(_ message: String) { emit(message) }

    private static func emit(_ message: String, force: Bool = false) {
        if quiet && !force { return }
        lock.withLock {
            Progress.clearLineIfNeeded()
            writeStandardError("\(toolName): \(message)\n")
        }
    }

    /// Writes to standard error directly (unbuffered), ignoring failures.
    public static func writeStandardError(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(2, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { if n < 0 && errno == EINTR { continue } else { return } }
                offset += n
            }
        }
    }
}

/// A small pthread mutex; `Synchronization.Mutex` needs newer deployment targets on Darwin.
public final class Mutex: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    public init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }
    public func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }
}
