#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ClioCore

/// `clio-label`: clustered records in, one named cluster record per cluster at every level out.
public struct LabelCommand: Command {
    public static let name = "clio-label"
    public static let help = """
        usage: clio-label [options] [file ...]

        Names the base clusters of clustered records (see docs/FORMAT.md), groups them into a
        hierarchy and writes one cluster record per cluster at every level, level 0 first.
        Reads the files given, or standard input when there are none or for '-'.

        Naming is offline: a cluster is named after the summary of its medoid (the member nearest
        its centre) and described by its most distinctive keywords (TF-IDF against the other
        clusters of its level).

        options:
          --top N                 stop grouping when at most N top-level clusters remain (default 10)
          --children N            about N children per parent (default 10, at least 2)
          --levels N              at most N levels, the base level included (default: no limit,
                                  at least 2); the last allowed level is grouped straight to --top
          --min-conversations N   withhold clusters with fewer than N conversations (default 1)
          --min-users N           withhold clusters with fewer than N distinct users (default 1)
          --assignments FILE      also write {"id","cluster","path"} per conversation to FILE
          --centroids             write each cluster's centre as "centroid" (default off)
          --compact-vectors       write centroids as "f32le:<base64>" strings
          --keywords N            keywords per cluster (default 4)
          --seed N                seed of the k-means runs that build the hierarchy (default 0)
          --skip-invalid          skip malformed records with a warning instead of stopping
          -q, --quiet             no notes or warnings on standard error
          -h, --help              show this help
          --version               show the version

        Withheld clusters are not named: the conversations of a parent's withheld children are
        counted in one "Other (below privacy threshold)" record (withheld: true) under it.
        A group of one cluster is carried up unchanged rather than given a single-child parent.

        example:
          clio-summarize chats.jsonl | clio-embed | clio-cluster | clio-label --min-users 5 | clio-tree
        """

    public var paths: [String] = []
    public var options = LabelOptions()
    public var assignmentsPath: String?
    public var skipInvalid = false
    /// Names the clusters; the offline namer unless a caller (an LLM option) sets another.
    public var namer: any ClusterNamer = OfflineNamer()

    public init(arguments: [String]) throws(UsageError) {
        var scanner = ArgumentScanner(arguments)
        while let option = try scanner.nextOption() {
            switch option {
            case "--top": options.hierarchy.top = try scanner.int(for: option, min: 1)
            case "--children": options.hierarchy.childrenPerParent = try scanner.int(for: option, min: 2)
            case "--levels": options.hierarchy.maxLevels = try scanner.int(for: option, min: 2)
            case "--min-conversations": options.minConversations = try scanner.int(for: option, min: 1)
            case "--min-users": options.minUsers = try scanner.int(for: option, min: 1)
            case "--assignments": assignmentsPath = try scanner.value(for: option)
            case "--centroids": options.includeCentroids = try scanner.flag(option)
            case "--compact-vectors": options.compactVectors = try scanner.flag(option)
            case "--keywords": options.keywordCount = try scanner.int(for: option, min: 0, max: 20)
            case "--seed":
                let text = try scanner.value(for: option)
                guard let seed = UInt64(text) else { throw UsageError("option --seed needs a whole number from 0, got '\(text)'") }
                options.hierarchy.seed = seed
            case "--skip-invalid": skipInvalid = try scanner.flag(option)
            case "-q", "--quiet": _ = try scanner.flag(option)
            default: throw scanner.unknown(option)
            }
        }
        paths = scanner.positionals
        if let assignmentsPath, assignmentsPath.isEmpty { throw UsageError("option --assignments needs a file name") }
    }

    public func run(output: OutputWriter) throws {
        let reader = RecordInput(paths: paths, skipInvalid: skipInvalid)
        var input = LabelInput()
        try reader.forEach { record, location in try input.add(record, at: location) }
        // Open the assignments file before the work so a bad path fails fast.
        var assignmentsFile: OutputWriter?
        var assignmentsFD: Int32 = -1
        if let assignmentsPath {
            assignmentsFD = open(assignmentsPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            if assignmentsFD < 0 { throw ClioError(.io, "cannot write \(assignmentsPath): \(systemError())") }
            assignmentsFile = OutputWriter(fd: assignmentsFD)
        }
        defer { if assignmentsFD >= 0 { close(assignmentsFD) } }

        let result = try Labeler.label(input, options: options, namer: namer)
        for record in result.clusters { try output.write(record: record) }
        if let assignmentsFile {
            do {
                for record in result.assignments { try assignmentsFile.write(record: record) }
                try assignmentsFile.flush()
            } catch is BrokenPipe {
                throw ClioError(.io, "cannot write \(assignmentsPath ?? ""): \(systemError())")
            }
        }
        if options.minConversations > 1 || options.minUsers > 1 {
            Diagnostics.note(
                "withheld \(result.withheldClusters) cluster\(result.withheldClusters == 1 ? "" : "s") and "
                    + "\(result.withheldConversations) conversation\(result.withheldConversations == 1 ? "" : "s") "
                    + "below the privacy threshold (--min-conversations \(options.minConversations), --min-users \(options.minUsers))")
        }
        Diagnostics.note(
            "labelled \(input.count) conversation\(input.count == 1 ? "" : "s"): \(result.clusters.count) cluster records, "
                + "\(result.levelCount) level\(result.levelCount == 1 ? "" : "s"), \(result.topLevelCount) at the top")
    }
}
