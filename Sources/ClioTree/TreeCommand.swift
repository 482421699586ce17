#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ClioCore

/// `clio-tree`: cluster records in, a readable tree out.
public struct TreeCommand: Command {
    public static let name = "clio-tree"
    public static let help = """
        usage: clio-tree [options] [file ...]

        Shows the cluster records written by clio-label as a tree: each cluster's name, description
        and size, children under their parents, largest first. Lines whose "kind" is not "cluster"
        are ignored. Reads the files given, or standard input when there are none or for '-'.

        options:
          --format F        text, markdown, json or html (default text); html is one
                            self-contained page: tree, map, per-cluster details, charts
          --title TEXT      the HTML report's title (default "Clio report")
          --depth N         show at most N levels (default: all)
          --width N         wrap text descriptions to N columns (default: the terminal's width,
                            else $COLUMNS, else 80)
          --color WHEN      auto, always or never (default auto: only on a terminal, and not when
                            NO_COLOR is set)
          --skip-invalid    skip malformed records with a warning instead of stopping
          -q, --quiet       no notes or warnings on standard error
          -h, --help        show this help
          --version         show the version

        example:
          clio-summarize chats.jsonl | clio-embed | clio-cluster | clio-label | clio-tree --depth 2
          clio-tree --format markdown clusters.jsonl > clusters.md
          clio-tree --format html --title "Support bot, May" clusters.jsonl > report.html
        """

    public enum Format: String, Sendable { case text, markdown, json, html }
    public enum ColorMode: String, Sendable { case auto, always, never }

    public var paths: [String] = []
    public var format = Format.text
    public var depth: Int?
    public var width: Int?
    public var color = ColorMode.auto
    public var skipInvalid = false
    public var title = "Clio report"

    public init(arguments: [String]) throws(UsageError) {
        var scanner = ArgumentScanner(arguments)
        while let option = try scanner.nextOption() {
            switch option {
            case "--format":
                let value = try scanner.value(for: option)
                guard let f = Format(rawValue: value) else {
                    throw UsageError("option --format must be one of text, markdown, json, html, got '\(value)'")
                }
                format = f
            case "--depth": depth = try scanner.int(for: option, min: 1)
            case "--width": width = try scanner.int(for: option, min: 1)
            case "--color", "--colour": color = ColorMode(rawValue: try scanner.choice(for: option, ["auto", "always", "never"]))!
            case "--title": title = try scanner.value(for: option)
            case "--skip-invalid": skipInvalid = try scanner.flag(option)
            case "-q", "--quiet": _ = try scanner.flag(option)
            default: throw scanner.unknown(option)
            }
        }
        paths = scanner.positionals
    }

    /// The renderer for the chosen format, with the terminal facts decided here.
    public func renderer(environment: [String: String] = TreeCommand.environment(), stdoutIsTerminal: Bool = isatty(1) != 0) -> TreeRenderer {
        switch format {
        case .text:
            let useColor: Bool
            switch color {
            case .always: useColor = true
            case .never: useColor = false
            case .auto: useColor = stdoutIsTerminal && (environment["NO_COLOR"] ?? "").isEmpty
            }
            let columns = width ?? (stdoutIsTerminal ? TreeCommand.terminalWidth() : nil)
                ?? environment["COLUMNS"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? 80
            return TextRenderer(depth: depth, width: columns, color: useColor)
        case .markdown:
            return MarkdownRenderer(depth: depth)
        case .json, .html:
            return JSONTreeRenderer(depth: depth)
        }
    }

    public func run(output: OutputWriter) throws {
        let reader = RecordInput(paths: paths, skipInvalid: skipInvalid)
        var builder = ClusterTreeBuilder()
        var clusterRecords: [JSONObject] = []
        try reader.forEach { record, location in
            try builder.add(record, at: location)
            if format == .html && record["kind"]?.stringValue == "cluster" { clusterRecords.append(record) }
        }
        // Built in every format: it checks for cycles and dangling parents with line numbers.
        let tree = try builder.build()
        if format == .html {
            let page = try HTMLReport.render(records: clusterRecords, title: title)
            try output.write(page)
            Diagnostics.note("wrote an HTML report of \(page.utf8.count) bytes (\(clusterRecords.count) clusters)")
            return
        }
        try output.write(renderer().render(tree))
    }

    /// Columns of the terminal on standard output, if it is one and says.
    static func terminalWidth() -> Int? {
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    public static func environment() -> [String: String] {
        var result: [String: String] = [:]
        for key in ["NO_COLOR", "COLUMNS"] {
            if let value = getenv(key) { result[key] = String(cString: value) }
        }
        return result
    }
}
