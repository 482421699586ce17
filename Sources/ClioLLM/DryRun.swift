import ClioCore
import Foundation

/// The calls a `--dry-run` would have made, counted per step with estimated tokens.
///
/// Every question is built exactly as in a real run; questions whose answer is already in the
/// cache are left out (a real run would not pay for them). Input tokens are estimated from the
/// messages (`TokenEstimate`), output tokens from a typical answer of each kind; thinking tokens
/// of reasoning models are not included.
public final class DryRunLedger: @unchecked Sendable {
    public struct Step: Equatable, Sendable {
        public var name: String
        public var calls = 0
        public var inputTokens = 0
        public var outputTokens = 0
    }

    private let lock = Mutex()
    private var steps: [Step] = []
    private var served = 0

    public init() {}

    public func record(step: String, messages: [ChatMessage], answerTokens: Int) {
        let input = TokenEstimate.messages(messages)
        lock.withLock {
            if let i = steps.firstIndex(where: { $0.name == step }) {
                steps[i].calls += 1
                steps[i].inputTokens += input
                steps[i].outputTokens += answerTokens
            } else {
                steps.append(Step(name: step, calls: 1, inputTokens: input, outputTokens: answerTokens))
            }
        }
    }

    /// A question answered from the cache: no call.
    public func recordCached() { lock.withLock { served += 1 } }

    public var snapshot: (steps: [Step], cached: Int) { lock.withLock { (steps, served) } }

    /// The table printed by `--dry-run`.
    public func report(model: String, price: LLMOptions.Price?) -> String {
        let (steps, cached) = snapshot
        var rows = [["step", "calls", "input tokens", "output tokens"] + (price == nil ? [] : ["cost"])]
        var total = Step(name: "total")
        for step in steps + [Step(name: "")] {
            let s = step.name.isEmpty ? total : step
            var row = [s.name, Self.grouped(s.calls), Self.grouped(s.inputTokens), Self.grouped(s.outputTokens)]
            if let price { row.append(Self.dollars(price.cost(input: s.inputTokens, output: s.outputTokens))) }
            rows.append(row)
            if !step.name.isEmpty {
                total.calls += step.calls
                total.inputTokens += step.inputTokens
                total.outputTokens += step.outputTokens
            }
        }
        let widths = (0..<rows[0].count).map { c in rows.map { $0[c].count }.max()! }
        var text = "dry run for \(model): no calls were made\n"
        for (r, row) in rows.enumerated() {
            let cells = row.enumerated().map { c, cell in
                c == 0 ? cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[c] - cell.count) + cell
            }
            text += cells.joined(separator: "  ") + "\n"
            if r == 0 || r == rows.count - 2 { text += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
        }
        text += "\(Self.grouped(cached)) question\(cached == 1 ? " is" : "s are") answered from the cache and left out. "
        text += "Tokens are estimates (about 4 characters of English per token); thinking tokens are not included.\n"
        return text
    }

    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }

    public static func dollars(_ amount: Double) -> String {
        amount < 0.01 && amount > 0 ? String(format: "$%.4f", amount) : String(format: "$%.2f", amount)
    }
}

/// A tokenizer-free estimate of how many tokens a text is: about four characters per token for
/// ASCII (BPE vocabularies' usual rate for English and code), two per token for other alphabetic
/// scripts, one per token for Chinese, Japanese and Korean characters.
public enum TokenEstimate {
    public static func text(_ text: String) -> Int {
        var units = 0.0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0..<0x80: units += 0.25
            case 0x3040...0x30FF, 0x3400...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF: units += 1
            default: units += 0.5
            }
        }
        return Int(units.rounded(.up))
    }

    /// A chat request: each message's text plus a few tokens of framing.
    public static func messages(_ messages: [ChatMessage]) -> Int {
        messages.reduce(3) { $0 + 4 + text($1.content) }
    }
}
