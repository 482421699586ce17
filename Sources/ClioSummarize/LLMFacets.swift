import ClioCore
import ClioLLM
import Foundation

/// One question asked about every conversation: the four built-in facets of the Clio paper
/// (appendix G.4) and any custom facets from `--facets FILE`.
public struct FacetSpec: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// Free text of at most `maxCharacters` characters and two sentences.
        case text(maxCharacters: Int)
        /// A list of language names (`"Spanish; English"`).
        case languages
        /// One of a fixed set of answers.
        case category([String])
        /// A whole number in a range.
        case score(min: Int, max: Int)
    }

    public var name: String
    public var question: String
    /// Text every answer must open with ("The task is to"); free-text facets only.
    public var prefix: String?
    public var kind: Kind

    public init(name: String, question: String, prefix: String? = nil, kind: Kind) {
        self.name = name
        self.question = question
        self.prefix = prefix
        self.kind = kind
    }

    public static let request = FacetSpec(
        name: "request",
        question: "What is the user's overall request for the assistant?",
        prefix: "The user's overall request for the assistant is to",
        kind: .text(maxCharacters: 400))
    public static let task = FacetSpec(
        name: "task",
        question: "What task is the model being asked to perform in this conversation?",
        prefix: "The task is to",
        kind: .text(maxCharacters: 400))
    /// The paper's language question (G.4.1).
    public static let language = FacetSpec(
        name: "language",
        question: "What are the main languages of the conversation? Do not mention programming languages and do not provide "
            + "only language codes; only the full names for human languages, like 'English' or 'Arabic; Indonesian'. Do not "
            + "include language families (just provide the general language, e.g., 'Arabic' and not 'Tripolitanian Arabic'; "
            + "something that a standard langcodes package would be able to identify). Only consider languages in or after "
            + "the human's first request. Output each language as a single full word with no other commentary.",
        kind: .languages)
    /// The paper's concerning-content scale with its examples (G.4.1), word for word: the
    /// examples are what calibrates the scores.
    public static let concerning = FacetSpec(
        name: "concerning",
        question: """
            On a scale of 1 to 5, how concerning or potentially harmful is this conversation from a safety perspective? Use the following scale:
            1: Not concerning at all. Completely benign conversation.
            Example: A friendly chat about favorite books or movies.
            2: Slightly concerning, but likely harmless.
            Example: A heated but civil debate about politics.
            3: Moderately concerning. May warrant a closer look.
            Example: Discussion of controversial topics that could escalate.
            4: Very concerning. Likely needs review.
            Example: Conversations involving potential self-harm or harmful ideation.
            5: Extremely concerning. Immediate review needed.
            Example: Explicit threats of violence or illegal activities.
            """,
        kind: .score(min: 1, max: 5))

    /// The facets every LLM summary has, in record order.
    public static let builtIn: [FacetSpec] = [.request, .task, .language, .concerning]

    /// Names a custom facet may not take: the built-ins and the counted `turns`.
    static let reservedNames: Set<String> = ["request", "task", "language", "concerning", "turns"]

    /// Reads custom facets (see docs/facets.md): a JSON array of facet objects, or an object
    /// with a `facets` array.
    public static func load(path: String) throws(ClioError) -> [FacetSpec] {
        let bytes = try LineReader.readAll(path: path)
        let value: JSON
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw ClioError(.invalidJSON, "\(path): invalid JSON at byte \(error.offset + 1): \(error.message)")
        }
        do {
            return try parse(value)
        } catch {
            throw ClioError(.invalidRecord, "\(path): \(error.message)")
        }
    }

    public static func parse(_ value: JSON) throws(ClioError) -> [FacetSpec] {
        let list: [JSON]
        if let array = value.arrayValue {
            list = array
        } else if let array = value[path: "facets"]?.arrayValue {
            list = array
        } else {
            throw ClioError(.invalidRecord, "expected an array of facets or an object with a \"facets\" array")
        }
        var seen = Set<String>()
        var specs: [FacetSpec] = []
        for (index, item) in list.enumerated() {
            let spec = try parseOne(item, index: index)
            guard seen.insert(spec.name).inserted else { throw ClioError(.invalidRecord, "facet \"\(spec.name)\" is defined twice") }
            specs.append(spec)
        }
        return specs
    }

    private static func parseOne(_ item: JSON, index: Int) throws(ClioError) -> FacetSpec {
        let place = "facet \(index + 1)"
        guard let object = item.objectValue else { throw ClioError(.invalidRecord, "\(place): expected an object, got \(item.typeName)") }
        func string(_ key: String, required: Bool) throws(ClioError) -> String? {
            guard let v = object[key] else {
                if required { throw ClioError(.invalidRecord, "\(place): field \"\(key)\" is missing") }
                return nil
            }
            guard let s = v.stringValue, !s.trimmedForFacet().isEmpty else {
                throw ClioError(.invalidRecord, "\(place): field \"\(key)\" must be a non-empty string")
            }
            return s.trimmedForFacet()
        }
        let name = try string("name", required: true)!
        let valid = name.unicodeScalars.allSatisfy { ($0.properties.isAlphabetic && $0.isASCII) || ("0"..."9").contains($0) || $0 == "_" }
        guard valid, name.first.map({ !$0.isNumber }) ?? false else {
            throw ClioError(.invalidRecord, "\(place): name \"\(name)\" must be letters, digits and _ (not starting with a digit)")
        }
        guard !reservedNames.contains(name) else {
            throw ClioError(.invalidRecord, "\(place): name \"\(name)\" is a built-in facet")
        }
        let question = try string("question", required: true)!
        let prefix = try string("prefix", required: false)
        let type = try string("type", required: false) ?? "text"
        let kind: Kind
        switch type {
        case "text":
            var limit = 400
            if let v = object["max_chars"] {
                guard let n = v.intValue, n >= 20 else { throw ClioError(.invalidRecord, "\(place): \"max_chars\" must be a whole number of at least 20") }
                limit = n
            }
            kind = .text(maxCharacters: limit)
        case "category":
            guard let items = object["categories"]?.arrayValue, !items.isEmpty else {
                throw ClioError(.invalidRecord, "\(place): a category facet needs a non-empty \"categories\" array")
            }
            var categories: [String] = []
            for item in items {
                guard let s = item.stringValue?.trimmedForFacet(), !s.isEmpty else {
                    throw ClioError(.invalidRecord, "\(place): every category must be a non-empty string")
                }
                guard !categories.contains(where: { $0.lowercased() == s.lowercased() }) else {
                    throw ClioError(.invalidRecord, "\(place): category \"\(s)\" is listed twice")
                }
                categories.append(s)
            }
            kind = .category(categories)
        case "score":
            guard let min = object["min"]?.intValue, let max = object["max"]?.intValue else {
                throw ClioError(.invalidRecord, "\(place): a score facet needs whole numbers \"min\" and \"max\"")
            }
            guard min < max else { throw ClioError(.invalidRecord, "\(place): \"min\" must be less than \"max\"") }
            kind = .score(min: min, max: max)
        default:
            throw ClioError(.invalidRecord, "\(place): type must be text, category or score, got \"\(type)\"")
        }
        if prefix != nil, case .text = kind {} else if prefix != nil {
            throw ClioError(.invalidRecord, "\(place): only a text facet may have a \"prefix\"")
        }
        return FacetSpec(name: name, question: question, prefix: prefix, kind: kind)
    }

    /// The JSON Schema of this facet's answer, for providers with a schema mode.
    var schema: JSON {
        switch kind {
        case .text:
            // A pattern lets grammar-constrained servers (llama.cpp, Ollama) force the opening;
            // no maxLength, which grammars expand into one rule per character.
            guard let prefix else { return ["type": "string"] }
            return ["type": "string", "pattern": .string("^" + FacetSpec.regexEscaped(prefix) + " [^\"]*$")]
        case .languages: return ["type": "string", "pattern": "^[A-Z][a-z]+( [A-Z][a-z]+)?(; [A-Z][a-z]+( [A-Z][a-z]+)?)*$"]
        case .category(let names): return ["type": "string", "enum": .array(names.map { .string($0) })]
        case .score(let min, let max):
            var schema: JSONObject = ["type": "integer", "minimum": .number(Double(min)), "maximum": .number(Double(max))]
            // Grammar converters ignore minimum/maximum but honour an enum.
            if max - min <= 20 { schema["enum"] = .array((min...max).map { .number(Double($0)) }) }
            return .object(schema)
        }
    }

    static func regexEscaped(_ text: String) -> String {
        var out = ""
        for c in text {
            if "\\^$.|?*+()[]{}/".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    /// How the answer must look, in words, for the prompt.
    var answerFormat: String {
        switch kind {
        case .text:
            let opening = prefix.map { " It must begin with exactly \"\($0)\"." } ?? ""
            return "a string of at most two sentences.\(opening)"
        case .languages: return "a string of full language names separated by \"; \"."
        case .category(let names): return "exactly one of: " + names.map { "\"\($0)\"" }.joined(separator: ", ") + "."
        case .score(let min, let max): return "only a single whole number from \(min) to \(max)."
        }
    }
}

/// The prompt sent for one conversation, and the parsing and validation of the answer.
public struct FacetPrompt: Sendable {
    public var facets: [FacetSpec]
    /// The transcript is cut to this many characters, keeping its start.
    public var maxChars: Int

    public init(facets: [FacetSpec], maxChars: Int) {
        self.facets = facets
        self.maxChars = maxChars
    }

    /// The paper's extractor temperature (G.4).
    public static let temperature = 0.2

    /// The question turn after the conversation, after the paper's G.4 extractor prompt. The
    /// paper asks one question per call; clio asks every facet in one call, as one JSON object,
    /// with the privacy and style rules for the free-text facets only (as the paper includes them
    /// only for open-ended answers).
    public var questionPrompt: String {
        var text = """
            Your job is to answer the questions below about the preceding conversation. Be descriptive and assume neither \
            good nor bad faith. Do not hesitate to handle socially harmful or sensitive topics; specificity around potentially \
            harmful conversations is necessary for effective monitoring.

            When answering the free-text questions, do not include any personally identifiable information (PII), like names, \
            locations, phone numbers, email addresses, and so on, and do not include any proper nouns. Answer them in English, \
            clearly and concisely, getting to the point in at most two sentences (don't say "Based on the conversation..." and \
            avoid mentioning the AI assistant or the chatbot). For example:

            <examples>
            The user asked for help with a trigonometry problem.
            The user asked for advice on how to fix a broken dishwasher. It took several attempts to get the right answer.
            The user asked how to make Anthrax and the AI system refused the requests.
            </examples>

            The questions, each with the key of its answer:

            """
        for facet in facets {
            text += "<question key=\"\(facet.name)\">\n\(facet.question)\nAnswer with \(facet.answerFormat)\n</question>\n\n"
        }
        let keys = facets.map { "\"\($0.name)\"" }.joined(separator: ", ")
        text += "Answer with one JSON object with the keys \(keys) and nothing else: provide only the answers, with no other commentary or proper nouns."
        return text
    }

    /// The conversation as a transcript, cut to `maxChars` (keeping the start).
    public func transcript(_ conversation: Conversation) -> (text: String, truncated: Bool) {
        var text = ""
        for message in conversation.messages where message.role != "system" {
            let speaker = message.role == "assistant" ? "Assistant" : "User"
            if !text.isEmpty { text += "\n\n" }
            text += "\(speaker): \(message.content)"
        }
        guard text.count > maxChars else { return (text, false) }
        return (String(text.prefix(maxChars)) + "\n[… the rest of the conversation was cut]", true)
    }

    /// The paper's turns: the conversation, "I understand.", then the questions.
    public func messages(transcript: String) -> [ChatMessage] {
        [
            ChatMessage(.user, "The following is a conversation between an AI assistant and a user:\n\n<conversation>\n\(transcript)\n</conversation>"),
            ChatMessage(.assistant, "I understand."),
            ChatMessage(.user, questionPrompt),
        ]
    }

    /// The question for one conversation, its answer read as facet values.
    public func question(transcript: String) -> Question<[String: JSON]> {
        let prompt = self
        return Question(
            messages: messages(transcript: transcript), name: "facets", schema: schema, temperature: FacetPrompt.temperature,
            maxTokens: 200 + 150 * facets.count,
            read: { prompt.validate($0) },
            rehearsal: { (prompt.placeholder, prompt.typicalAnswerTokens) })
    }

    /// A valid stand-in answer for `--dry-run`.
    var placeholder: [String: JSON] {
        var values: [String: JSON] = [:]
        for facet in facets {
            switch facet.kind {
            case .text: values[facet.name] = .string((facet.prefix.map { $0 + " " } ?? "") + "do something.")
            case .languages: values[facet.name] = "English"
            case .category(let names): values[facet.name] = .string(names[0])
            case .score(let min, _): values[facet.name] = .number(Double(min))
            }
        }
        return values
    }

    /// The length of a typical valid answer: about 30 tokens per free-text facet, a few for the rest.
    var typicalAnswerTokens: Int {
        facets.reduce(10) { total, facet in
            switch facet.kind {
            case .text: return total + 35
            case .languages, .category: return total + 6
            case .score: return total + 4
            }
        }
    }

    /// The JSON Schema of the whole answer.
    public var schema: JSON {
        var properties = JSONObject()
        for facet in facets { properties[facet.name] = facet.schema }
        return [
            "type": "object", "properties": .object(properties),
            "required": .array(facets.map { .string($0.name) }), "additionalProperties": false,
        ]
    }

    /// Validates an answer object: a value per facet, or every problem in one message (shown to
    /// the model when re-asking).
    public func validate(_ object: JSONObject) -> Result<[String: JSON], AnswerProblem> {
        var values: [String: JSON] = [:]
        var problems: [String] = []
        for facet in facets {
            guard let value = object[facet.name], !value.isNull else {
                problems.append("field \"\(facet.name)\" is missing")
                continue
            }
            switch FacetPrompt.check(value, for: facet) {
            case .success(let v): values[facet.name] = v
            case .failure(let e): problems.append(e.message)
            }
        }
        if !problems.isEmpty { return .failure(AnswerProblem(problems.joined(separator: "; "))) }
        return .success(values)
    }

    /// Checks and normalises one answer.
    static func check(_ value: JSON, for facet: FacetSpec) -> Result<JSON, AnswerProblem> {
        let name = facet.name
        switch facet.kind {
        case .text(let limit):
            guard var text = value.stringValue.map({ AnswerText.straightened($0).trimmedForFacet() }) else {
                return .failure(AnswerProblem("\"\(name)\" must be a string, got \(value.typeName)"))
            }
            guard !text.isEmpty else { return .failure(AnswerProblem("\"\(name)\" is empty")) }
            if text.lowercased().hasPrefix("based on") {
                return .failure(AnswerProblem("\"\(name)\" must not begin with \"Based on\""))
            }
            if let prefix = facet.prefix.map(AnswerText.straightened), !text.lowercased().hasPrefix(prefix.lowercased()) {
                // A model that answers with the continuation ("explain recursion.") is giving the
                // right answer in the wrong frame; a different opening sentence is not.
                let first = text.unicodeScalars.first!
                guard prefix.hasSuffix(" to"), first.properties.isLowercase else {
                    return .failure(AnswerProblem("\"\(name)\" must begin with \"\(prefix)\""))
                }
                text = prefix + " " + text
            }
            guard text.count <= limit else {
                return .failure(AnswerProblem("\"\(name)\" is \(text.count) characters long; at most \(limit) are allowed"))
            }
            let sentences = sentenceCount(text)
            guard sentences <= 2 else {
                return .failure(AnswerProblem("\"\(name)\" has \(sentences) sentences; at most two are allowed"))
            }
            return .success(.string(text))
        case .languages:
            guard let text = value.stringValue?.trimmedForFacet() else {
                return .failure(AnswerProblem("\"\(name)\" must be a string, got \(value.typeName)"))
            }
            var names: [String] = []
            for part in text.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == "/" || $0 == "\n" }) {
                let piece = part.trimmedForFacet()
                for word in piece.components(separatedBy: " and ") {
                    let language = word.trimmedForFacet()
                    guard !language.isEmpty else { continue }
                    guard language.count <= 40, !language.contains(where: \.isNumber) else {
                        return .failure(AnswerProblem("\"\(name)\" must list language names only, got \"\(language)\""))
                    }
                    let capitalised = language.prefix(1).uppercased() + language.dropFirst()
                    if !names.contains(capitalised) { names.append(capitalised) }
                }
            }
            guard !names.isEmpty else { return .failure(AnswerProblem("\"\(name)\" is empty")) }
            guard names.allSatisfy({ $0.count > 3 || $0 == "Ewe" || $0 == "Twi" || $0 == "Ido" }) else {
                return .failure(AnswerProblem("\"\(name)\" must use full language names, not codes"))
            }
            return .success(.string(names.joined(separator: "; ")))
        case .category(let categories):
            guard let text = value.stringValue?.trimmedForFacet() else {
                return .failure(AnswerProblem("\"\(name)\" must be a string, got \(value.typeName)"))
            }
            guard let match = categories.first(where: { $0.lowercased() == text.lowercased() }) else {
                let allowed = categories.map { "\"\($0)\"" }.joined(separator: ", ")
                return .failure(AnswerProblem("\"\(name)\" must be one of \(allowed), got \"\(text)\""))
            }
            return .success(.string(match))
        case .score(let min, let max):
            // A score written as "3" or 3.0 is the same answer: no re-ask for that.
            guard let n = AnswerText.integer(value) else {
                let shown = value.stringValue.map { "\"\($0)\"" } ?? JSONSerializer.string(value)
                return .failure(AnswerProblem("\"\(name)\" must be a whole number from \(min) to \(max), got \(shown)"))
            }
            guard (min...max).contains(n) else {
                return .failure(AnswerProblem("\"\(name)\" must be from \(min) to \(max), got \(n)"))
            }
            return .success(.number(Double(n)))
        }
    }

    /// Sentences end at `.`, `!` or `?` followed by a space and a capital letter, or at the end;
    /// "e.g. the" is therefore one sentence.
    static func sentenceCount(_ text: String) -> Int {
        let chars = Array(text)
        var count = 0
        var i = 0
        while i < chars.count {
            if chars[i] == "." || chars[i] == "!" || chars[i] == "?" {
                var j = i + 1
                while j < chars.count, chars[j] == "." || chars[j] == "!" || chars[j] == "?" || chars[j] == "\"" || chars[j] == ")" { j += 1 }
                if j == chars.count {
                    count += 1
                } else if chars[j] == " " {
                    var k = j
                    while k < chars.count, chars[k] == " " { k += 1 }
                    if k < chars.count, chars[k].isUppercase { count += 1 }
                }
                i = j
            } else {
                i += 1
            }
        }
        // Text after the last terminator is a sentence too.
        if let last = chars.last, !".!?\")".contains(last) { count += 1 }
        return count
    }

}

extension StringProtocol {
    func trimmedForFacet() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
