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
               clio-tree --compare [options] OLD.jsonl NEW.jsonl
               clio-tree --trend week|month [--last N] [options] [file ...]

        Shows the cluster records written by clio-label as a tree: each cluster's name, description
        and size, children under their parents, largest first. Lines whose "kind" is not "cluster"
        are ignored. Reads the files given, or standard input when there are none or for '-'.

        --compare shows what changed between two periods' records: each cluster's size and share of
        all conversations in both, the change in percentage points with a 95% interval, new and
        vanished clusters, largest change first. --trend shows conversations per week or month for
        each top-level cluster (from the records' stats.weeks) and which grew fastest lately.
        See docs/monitoring.md.

        options:
          --format F        text, markdown, json or html (default text); html is one
                            self-contained page: tree, map, per-cluster details, charts
          --title TEXT      the HTML report's title (default "Clio report")
          --depth N         show at most N levels (default: all; with --trend, 1)
          --compare         the two files are the earlier and the later period; show what changed
          --match M         how --compare pairs clusters: id (same id and name, the default) or
                            centroid (nearest centroids, for two independent runs; approximate)
          --trend UNIT      week or month: the series per top-level cluster
          --last N          with --trend: rank growth over the last N periods (default 4 weeks,
                            3 months): the change in share from the first to the last of them
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
          clio-tree --compare week1/clusters.jsonl week2/clusters.jsonl
          clio-tree --trend month --format markdown clusters.jsonl
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
    public var compare = false
    public var matching = ComparisonMatching.idAndName
    public var trend: TrendUnit?
    public var last: Int?

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
            case "--compare": compare = try scanner.flag(option)
            case "--match": matching = .init(rawValue: try scanner.choice(for: option, ["id", "centroid"]))!
            case "--trend": trend = .init(rawValue: try scanner.choice(for: option, ["week", "month"]))!
            case "--last": last = try scanner.int(for: option, min: 2)
            case "-q", "--quiet": _ = try scanner.flag(option)
            default: throw scanner.unknown(option)
            }
        }
        paths = scanner.positionals
        if compare {
            guard paths.count == 2 else {
                throw UsageError("--compare needs two files, the earlier period's and the later one's, got \(paths.count)")
            }
            guard paths != ["-", "-"] else { throw UsageError("--compare can read only one of its two files from standard input") }
            guard trend == nil else { throw UsageError("--compare and --trend cannot be used together") }
        } else if matching != .idAndName {
            throw UsageError("--match applies only with --compare")
        }
        if last != nil && trend == nil { throw UsageError("--last applies only with --trend") }
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
        if compare { return try runCompare(output: output) }
        let (input, summary) = try read(paths)
        try render(input, output: output)
        // The tree is on the terminal before the line that closes it.
        try output.flush()
        summary.print()
    }

    private func render(_ input: ClusterTreeBuilder, output: OutputWriter) throws {
        if let trend {
            let series = try ClusterTrend(
                forest: try Self.report(input), unit: trend, last: last ?? trend.defaultLast, depth: depth ?? 1)
            switch format {
            case .text: try output.write(series.text())
            case .markdown: try output.write(series.markdown())
            case .json: try output.write(series.json())
            case .html: try writeHTML(HTMLReport.render(forest: series.forest, title: title, trend: series), series.forest, output)
            }
            return
        }
        if format == .html {
            let forest = try Self.report(input)
            return try writeHTML(HTMLReport.render(forest: forest, title: title), forest, output)
        }
        try output.write(renderer().render(try input.build()))
    }

    private func runCompare(output: OutputWriter) throws {
        let comparison = try ClusterComparison(
            before: try period(paths[0]), after: try period(paths[1]), matching: matching, depth: depth)
        switch format {
        case .text: try output.write(comparison.text())
        case .markdown: try output.write(comparison.markdown())
        case .json: try output.write(comparison.json())
        case .html:
            let forest = comparison.after.forest
            try writeHTML(HTMLReport.render(forest: forest, title: title, comparison: comparison), forest, output)
        }
        let (matched, new, vanished) = comparison.counts
        Diagnostics.note("compared \(comparison.rows.count) clusters: \(matched) in both periods, \(new) new, \(vanished) vanished")
    }

    private func writeHTML(_ page: String, _ forest: ReportForest, _ output: OutputWriter) throws {
        try output.write(page)
        Diagnostics.note("wrote an HTML report of \(page.utf8.count) bytes (\(forest.clusters.count) clusters)")
    }

    /// Reads cluster records, checking each one's id, parent and size with its file and line
    /// (duplicate ids too). Every view then links them into its one forest: the text, Markdown
    /// and JSON views as a `ClusterTree`, the others as a `ReportForest`.
    private func read(_ paths: [String]) throws -> (input: ClusterTreeBuilder, summary: RunSummary) {
        let reader = RecordInput(paths: paths, skipInvalid: skipInvalid)
        var builder = ClusterTreeBuilder()
        var others = 0
        try reader.forEach { record, location in
            if try !builder.add(record, at: location) { others += 1 }
        }
        var summary = reader.summary(written: builder.records.count, writtenNoun: "clusters")
        summary.skip("not cluster records", count: others)
        return (builder, summary)
    }

    /// The records decoded for the HTML report, --compare and --trend; a broken link is reported
    /// at its file and line.
    private static func report(_ input: ClusterTreeBuilder) throws(ClioError) -> ReportForest {
        try ReportForest(records: input.records, locations: input.locations)
    }

    /// One period of --compare; its errors name the file (those with a line already do).
    private func period(_ path: String) throws -> ReportPeriod {
        let source = path == "-" ? "<stdin>" : path
        let input = try read([path]).input
        do {
            return ReportPeriod(source: source, forest: try Self.report(input))
        } catch {
            if error.location != nil { throw error }
            throw ClioError(error.code, "\(source): \(error.message)")
        }
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
