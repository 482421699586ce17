import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-line progress display on standard error, drawn only when standard error is a terminal
/// and redrawn at most five times a second so it never slows the work it reports.
public final class Progress: @unchecked Sendable {
    nonisolated(unsafe) private static var lineIsDrawn = false
    private static let isTerminal = isatty(2) != 0

    private let label: String
    private let total: Int?
    private let start = monotonicSeconds()
    private var lastDraw = 0.0
    private let lock = Mutex()
    public private(set) var done = 0
    /// Extra text after the counts, such as "12 cached, 1 failed".
    public var detail: () -> String = { "" }

    public init(label: String, total: Int? = nil) {
        self.label = label
        self.total = total
    }

    public var elapsed: Double { monotonicSeconds() - start }

    public func advance(by n: Int = 1) {
        lock.withLock {
            done += n
            guard Progress.isTerminal, !Diagnostics.quiet else { return }
            let now = monotonicSeconds()
            if now - lastDraw < 0.2 { return }
            lastDraw = now
            draw(now: now)
        }
    }

    private func draw(now: Double) {
        let seconds = max(now - start, 1e-9)
        let rate = Double(done) / seconds
        var text = "\(Diagnostics.toolName): \(label) \(done)"
        if let total, total > 0 {
            text += "/\(total)"
            if rate > 0 && done < total {
                text += ", eta \(formatDuration(Double(total - done) / rate))"
            }
        }
        text += String(format: ", %.1f/s", rate)
        let extra = detail()
        if !extra.isEmpty { text += ", " + extra }
        Diagnostics.writeStandardError("\r\u{1B}[K" + text)
        Progress.lineIsDrawn = true
    }

    /// Removes a drawn progress line so the next message starts on a clean line.
    public static func clearLineIfNeeded() {
        if lineIsDrawn {
            Diagnostics.writeStandardError("\r\u{1B}[K")
            lineIsDrawn = false
        }
    }
}

/// Seconds from an arbitrary fixed point, unaffected by clock changes.
public func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

public func formatDuration(_ seconds: Double) -> String {
    if seconds < 60 { return String(format: "%.1fs", seconds) }
    // An estimate from a rate near zero can be huge or infinite; Int() would trap on it.
    guard seconds < 1e9 else { return seconds.isNaN ? "?" : "over 30 years" }
    let s = Int(seconds.rounded())
    if s < 3600 { return "\(s / 60)m\(String(format: "%02d", s % 60))s" }
    return "\(s / 3600)h\(String(format: "%02d", (s % 3600) / 60))m"
}
