/// The closing line every tool prints on standard error (unless `--quiet`): how many records it
/// read, wrote and skipped, then the tool's own figures. The one place where run summaries and
/// their plurals are formatted.
///
///     clio-summarize: read 402 records, wrote 394, skipped 6, 2 failed; 396 calls, 1.2s (openai:gpt-5-mini)
///     clio-label: read 400 records, wrote 21 cluster records, skipped 0; 2 levels, 4 at the top
public struct RunSummary: Sendable {
    /// Records read, skipped ones included.
    public var read = 0
    /// Records written.
    public var written = 0
    /// What the written records are, when they are not one per record read ("cluster records").
    public var writtenNoun: String?
    /// Records the tool could not process (counted apart from skipped ones), or nil for a tool
    /// that has no such outcome.
    public var failed: Int?
    /// Skipped records by reason, in the order the reasons first occurred.
    public private(set) var skips: [(reason: String, count: Int)] = []

    public init(read: Int = 0, written: Int = 0, writtenNoun: String? = nil) {
        self.read = read
        self.written = written
        self.writtenNoun = writtenNoun
    }

    /// A map stage's run: every record read was written, except the invalid ones skipped
    /// under `--skip-invalid`.
    public init(written: Int, skippedInvalid: Int) {
        self.init(read: written + skippedInvalid, written: written)
        skip("invalid", count: skippedInvalid)
    }

    public var skipped: Int { skips.reduce(0) { $0 + $1.count } }

    /// Counts `count` records skipped for `reason` ("invalid", "no user text").
    public mutating func skip(_ reason: String, count: Int = 1) {
        guard count > 0 else { return }
        if let i = skips.firstIndex(where: { $0.reason == reason }) {
            skips[i].count += count
        } else {
            skips.append((reason, count))
        }
    }

    /// `read 12 records, wrote 10, skipped 2` plus, after a semicolon, `details`.
    public func line(details: [String] = []) -> String {
        var text = "read \(RunSummary.count(read, "record")), wrote "
        text += writtenNoun.map { "\(written) \($0)" } ?? "\(written)"
        text += ", skipped \(skipped)"
        if let failed { text += ", \(failed) failed" }
        if !details.isEmpty { text += "; " + details.joined(separator: ", ") }
        return text
    }

    /// Which records were skipped and why, or nil when none were:
    /// `skipped 6 conversations: no user text`, or with several reasons
    /// `skipped 8 conversations: 6 no user text, 2 invalid`.
    public func skipLine(noun: String) -> String? {
        guard skipped > 0 else { return nil }
        let reasons = skips.count == 1 ? skips[0].reason : skips.map { "\($0.count) \($0.reason)" }.joined(separator: ", ")
        return "skipped \(RunSummary.count(skipped, noun)): \(reasons)"
    }

    /// Prints the closing line (a note, so `--quiet` drops it).
    public func print(details: [String] = []) { Diagnostics.note(line(details: details)) }

    /// `1 record`, `2 records`; `plural` for the irregular ones (`retry`, `retries`).
    public static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
    }
}
