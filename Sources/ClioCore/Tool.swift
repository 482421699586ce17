#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The version every tool prints for `--version`.
public let clioVersion = "0.1.0"

/// A tool's command line as a value: parsed and validated by `init(arguments:)`, which does
/// nothing else, then run. The shape of swift-argument-parser's `ParsableCommand`.
public protocol Command {
    /// The executable's name, used as the prefix of every message.
    static var name: String { get }
    /// The whole `--help` text: usage line, options with defaults, examples.
    static var help: String { get }
    init(arguments: [String]) throws(UsageError)
    func run(output: OutputWriter) throws
}

public enum Tool {
    /// Parses, runs and exits with the shared conventions: `--help` and `--version`; usage errors
    /// exit 64; runtime errors print `tool: error: file:line: message` and exit 1; a closed
    /// output pipe exits 0 quietly.
    public static func main<C: Command>(_ command: C.Type, arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        Diagnostics.toolName = C.name
        // A closed pipe must surface as EPIPE from write(2), not kill us with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let optionArguments = arguments.prefix { $0 != "--" }
        if optionArguments.contains("--help") || optionArguments.contains("-h") {
            Diagnostics.writeStandardOutput(C.help.hasSuffix("\n") ? C.help : C.help + "\n")
            exit(ExitCode.success)
        }
        if optionArguments.contains("--version") {
            Diagnostics.writeStandardOutput("\(C.name) \(clioVersion)\n")
            exit(ExitCode.success)
        }
        if optionArguments.contains("--quiet") || optionArguments.contains("-q") { Diagnostics.quiet = true }
        let parsed: C
        do {
            parsed = try C(arguments: arguments)
        } catch {
            Diagnostics.error(error.message)
            Diagnostics.writeStandardError("Run '\(C.name) --help' for usage.\n")
            exit(ExitCode.usage)
        }
        let output = OutputWriter.standardOutput()
        do {
            try parsed.run(output: output)
            try output.flush()
            Progress.clearLineIfNeeded()
            exit(ExitCode.success)
        } catch {
            exit(report(error, output: output))
        }
    }

    /// Flushes what was written before the failure (nothing good is lost), prints the error and
    /// returns the exit status it calls for.
    public static func report(_ error: any Error, output: OutputWriter) -> Int32 {
        if error is BrokenPipe { return ExitCode.success }
        do { try output.flush() } catch is BrokenPipe { return ExitCode.success } catch {}
        switch error {
        case let e as UsageError:
            Diagnostics.error(e.message)
            return ExitCode.usage
        case let e as ClioError:
            Diagnostics.error(e.description)
        default:
            Diagnostics.error("\(error)")
        }
        return ExitCode.failure
    }
}

extension Diagnostics {
    /// Writes directly to standard output (for `--help`), ignoring failures.
    public static func writeStandardOutput(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { if n < 0 && errno == EINTR { continue } else { return } }
                offset += n
            }
        }
    }
}
