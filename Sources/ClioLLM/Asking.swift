import ClioCore
import Foundation

/// Why a model's answer cannot be used, said so that it can be shown to the model when re-asking.
public struct AnswerProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// One question whose answer is a JSON object: the messages, the answer's JSON Schema (sent to
/// providers with structured outputs), and how an answer is read and checked.
public struct Question<Value: Sendable>: Sendable {
    public var messages: [ChatMessage]
    /// Names the schema for providers that want a name; also the step `--dry-run` counts under.
    public var name: String
    public var schema: JSON
    public var temperature: Double?
    /// Tokens a valid answer needs (the model's profile adds room for thinking).
    public var maxTokens: Int
    /// Reads a candidate answer; a failure says what to fix.
    public var read: @Sendable (JSONObject) -> Result<Value, AnswerProblem>
    /// Stands in for the model's answer in `--dry-run`: a plausible value, so the run goes on
    /// asking what it would ask, and the estimated length of a real answer in tokens.
    public var rehearsal: @Sendable () -> (value: Value, tokens: Int)

    public init(messages: [ChatMessage], name: String, schema: JSON, temperature: Double?, maxTokens: Int,
                read: @escaping @Sendable (JSONObject) -> Result<Value, AnswerProblem>,
                rehearsal: @escaping @Sendable () -> (value: Value, tokens: Int)) {
        self.messages = messages
        self.name = name
        self.schema = schema
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.read = read
        self.rehearsal = rehearsal
    }
}

/// What became of a question.
public enum Asked<Value: Sendable>: Sendable {
    /// A valid answer; `tries` is 1 when the first answer was valid.
    case answered(Value, tries: Int)
    /// No valid answer after every try, or a call that failed for good.
    case failed(reason: String)

    public var value: Value? {
        if case .answered(let v, _) = self { return v }
        return nil
    }
}

/// Asks a question until an answer is valid, the one way every stage does it.
///
/// An answer that does not parse or does not pass `read` is shown back to the model with its
/// problems, and the question is asked again, up to `attempts` answers in all. An answer cut at
/// the output limit is asked for again with twice the limit; an empty answer or a refusal is
/// asked for again as it was (never with an empty assistant turn, which Anthropic and Gemini
/// reject). A call that failed after the HTTP layer's own retries ends the question; a
/// configuration error (`LLMError.Kind.configuration`) is thrown, because every other question
/// would fail the same way.
///
/// The answers of a question go into the cache only once one of them is valid, so a rerun
/// serves every answered question from the cache and asks afresh for the failed ones.
public struct Asker: Sendable {
    public let model: CachedChatModel
    public let attempts: Int
    /// Set for `--dry-run`: questions are counted here and answered by their rehearsal.
    public let ledger: DryRunLedger?

    public init(model: CachedChatModel, attempts: Int = 3, ledger: DryRunLedger? = nil) {
        self.model = model
        self.attempts = max(1, attempts)
        self.ledger = ledger
    }

    /// The text sent after an answer that cannot be used.
    public static func reask(_ problem: String) -> String {
        "That answer cannot be used: \(problem). Answer again with only the corrected JSON object."
    }

    public func ask<Value>(_ question: Question<Value>) throws(LLMError) -> Asked<Value> {
        if let ledger { return rehearse(question, ledger) }
        var messages = question.messages
        var limit = question.maxTokens
        var pending: [CachedChatModel.PendingEntry] = []
        var problem = ""
        for tryNumber in 1...attempts {
            let options = ChatOptions(temperature: question.temperature, maxTokens: limit, format: .json(name: question.name, schema: question.schema))
            let response: ChatResponse
            do {
                response = try model.complete(ChatRequest(messages: messages, options: options), pending: &pending)
            } catch let error as LLMError {
                switch error.kind {
                case .configuration: throw error
                case .cut:
                    problem = error.message
                    limit *= 2
                    continue
                case .emptyAnswer, .refused:
                    problem = error.message
                    continue
                default:
                    return .failed(reason: error.message)
                }
            } catch {
                return .failed(reason: "\(error)")
            }
            switch AnswerText.object(response.text).flatMap(question.read) {
            case .success(let value):
                model.commit(pending)
                return .answered(value, tries: tryNumber)
            case .failure(let p):
                problem = p.message
                messages.append(ChatMessage(.assistant, response.text))
                messages.append(ChatMessage(.user, Asker.reask(p.message)))
            }
        }
        return .failed(reason: "no valid answer after \(attempts) tr\(attempts == 1 ? "y" : "ies"): \(problem)")
    }
}

extension Asker {
    /// A dry run's answer: the cached one when the first request is in the cache (no call),
    /// else the rehearsal, counted as one call.
    func rehearse<Value>(_ question: Question<Value>, _ ledger: DryRunLedger) -> Asked<Value> {
        let options = ChatOptions(temperature: question.temperature, maxTokens: question.maxTokens, format: .json(name: question.name, schema: question.schema))
        if let cached = model.cachedResponse(ChatRequest(messages: question.messages, options: options)),
           case .success(let value) = AnswerText.object(cached.text).flatMap(question.read) {
            ledger.recordCached()
            return .answered(value, tries: 1)
        }
        let (value, tokens) = question.rehearsal()
        ledger.record(step: question.name, messages: question.messages, answerTokens: tokens)
        return .answered(value, tries: 1)
    }
}

/// Finding the JSON object in a model's answer. With structured outputs the answer is the object;
/// without, small models wrap it in prose or code fences, so the first balanced `{…}` that parses
/// as an object is taken.
public enum AnswerText {
    public static func object(_ answer: String) -> Result<JSONObject, AnswerProblem> {
        let bytes = Array(answer.utf8)
        var start = 0
        var lastProblem = "no JSON object found in the answer"
        while let open = bytes[start...].firstIndex(of: UInt8(ascii: "{")) {
            if let close = matchingBrace(bytes, from: open) {
                do {
                    let value = try JSONParser.parse(bytes[open...close])
                    if let object = value.objectValue { return .success(object) }
                } catch {
                    lastProblem = "the JSON object in the answer is invalid: \(error.message)"
                }
            } else {
                lastProblem = "the JSON object in the answer is not closed"
            }
            start = open + 1
        }
        return .failure(AnswerProblem(lastProblem))
    }

    /// The index of the `}` closing the `{` at `open`, skipping braces inside strings.
    static func matchingBrace(_ bytes: [UInt8], from open: Int) -> Int? {
        var depth = 0
        var inString = false
        var escaped = false
        var i = open
        while i < bytes.count {
            let b = bytes[i]
            if inString {
                if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") { inString = false }
            } else if b == UInt8(ascii: "\"") {
                inString = true
            } else if b == UInt8(ascii: "{") {
                depth += 1
            } else if b == UInt8(ascii: "}") {
                depth -= 1
                if depth == 0 { return i }
            }
            i += 1
        }
        return nil
    }

    /// A string field, with the forms models write for it accepted: surrounding whitespace
    /// trimmed, curly apostrophes and quotes made straight.
    public static func string(_ object: JSONObject, _ key: String) -> Result<String, AnswerProblem> {
        guard let value = object[key], !value.isNull else { return .failure(AnswerProblem("field \"\(key)\" is missing")) }
        guard let text = value.stringValue else {
            return .failure(AnswerProblem("field \"\(key)\" must be a string, got \(value.typeName)"))
        }
        return .success(straightened(text).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// A whole number, also when written as a string ("3") or as 3.0.
    public static func integer(_ value: JSON) -> Int? {
        if let n = value.intValue { return n }
        if let text = value.stringValue?.trimmingCharacters(in: .whitespaces) {
            if let n = Int(text) { return n }
            if let d = Double(text), d.rounded() == d, abs(d) < 1e9 { return Int(d) }
        }
        return nil
    }

    /// Curly apostrophes and quotes as their straight forms.
    public static func straightened(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x2018 && $0.value <= 0x201F }) else { return text }
        var out = String.UnicodeScalarView()
        for c in text.unicodeScalars {
            switch c.value {
            case 0x2018, 0x2019, 0x201A, 0x201B: out.append("'")
            case 0x201C, 0x201D, 0x201E, 0x201F: out.append("\"")
            default: out.append(c)
            }
        }
        return String(out)
    }
}
