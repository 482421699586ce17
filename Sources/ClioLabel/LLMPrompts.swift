import ClioCore
import ClioLLM

/// The prompts of LLM labelling (after the Clio paper, appendix G) and the checks their answers
/// must pass before they are used.
enum LLMPrompts {
    static let system = """
        You are an expert at organising and naming groups of user requests to an AI assistant. \
        You write names and descriptions that are specific, accurate and general enough that no \
        individual person or organisation could be identified from them.
        """

    static let privacyRule = """
        Never include private or identifying details (names of people or organisations, places, \
        contact details, account or order numbers, dates tied to a person) in the name or the \
        description, even when the statements contain them.
        """

    static let nameRule = """
        The name is at most ten words, an imperative sentence that says what the users asked for, \
        like "Debug memory leaks in Python data pipelines" or "Plan a week-long trip to Japan", \
        with no punctuation at its end.
        """

    /// Names one base cluster from summaries inside it and, as contrast, summaries nearest its
    /// centre from outside it.
    static func nameBase(inside: [String], contrast: [String]) -> String {
        var text = "Summarize all the statements inside the cluster into a clear, precise, two-sentence description in the past tense. Your description should be specific to this cluster.\n\n"
        text += "Statements inside the cluster:\n<positive_examples>\n"
        for s in inside { text += "- \(oneLine(s))\n" }
        text += "</positive_examples>\n\n"
        if !contrast.isEmpty {
            text += "For contrast, statements from nearby clusters that are NOT in this cluster (do not describe these):\n<contrastive_examples>\n"
            for s in contrast { text += "- \(oneLine(s))\n" }
            text += "</contrastive_examples>\n\n"
        }
        text += "Then name the cluster. \(nameRule) The name should tell this cluster apart from the contrasting statements.\n\n"
        text += privacyRule + "\n\n"
        text += #"Answer with a JSON object: {"description": "<two sentences>", "name": "<at most ten words>"}"#
        return text
    }

    /// Names a parent from the children assigned to it.
    static func nameParent(children: [ClusterLabel]) -> String {
        var text = "These clusters of user requests were grouped into one higher-level category:\n<clusters>\n"
        for c in children { text += "- \(oneLine(c.name)): \(oneLine(c.description))\n" }
        text += "</clusters>\n\n"
        text += "Write a clear, precise, two-sentence description of the category in the past tense that covers every cluster above, then name it. \(nameRule)\n\n"
        text += privacyRule + "\n\n"
        text += #"Answer with a JSON object: {"description": "<two sentences>", "name": "<at most ten words>"}"#
        return text
    }

    /// Asks one neighbourhood for candidate parent names.
    static func propose(clusters: [ClusterLabel], outside: [ClusterLabel], low: Int, high: Int) -> String {
        var text = "Here are clusters of user requests, each with a name and a description:\n<clusters>\n"
        for c in clusters { text += "- \(oneLine(c.name)): \(oneLine(c.description))\n" }
        text += "</clusters>\n\n"
        if !outside.isEmpty {
            text += "For context, nearby clusters that are not in this group:\n<nearby_clusters>\n"
            for c in outside { text += "- \(oneLine(c.name))\n" }
            text += "</nearby_clusters>\n\n"
        }
        text += "Propose between \(low) and \(high) names for higher-level categories that together cover every cluster in the group, each broader than the clusters it covers. \(nameRule)\n\n"
        text += privacyRule + "\n\n"
        text += #"Answer with a JSON object: {"names": ["<name>", …]}"#
        return text
    }

    /// Merges proposed names into fewer distinct ones.
    static func deduplicate(names: [String], low: Int, high: Int) -> String {
        var text = "Here are proposed names for higher-level categories of user requests:\n<names>\n"
        for n in names { text += "- \(oneLine(n))\n" }
        text += "</names>\n\n"
        text += "Merge them into between \(low) and \(high) distinct category names: combine names that mean the same or nearly the same thing, keep names that are clearly different, and make sure every proposed name still fits under one of yours. \(nameRule)\n\n"
        text += #"Answer with a JSON object: {"names": ["<name>", …]}"#
        return text
    }

    /// Asks which listed parent a cluster belongs to.
    static func assign(child: ClusterLabel, parents: [String]) -> String {
        var text = "Put this cluster of user requests into the one higher-level category below that fits it best.\n\n"
        text += "Cluster: \(oneLine(child.name))\nDescription: \(oneLine(child.description))\n\n"
        text += "Categories:\n<categories>\n"
        for p in parents { text += "- \(oneLine(p))\n" }
        text += "</categories>\n\n"
        text += #"Copy the category's name exactly as listed. Answer with a JSON object: {"category": "<a listed category>"}"#
        return text
    }

    /// The paper's privacy audit of a name and description.
    static func audit(_ label: ClusterLabel) -> String {
        """
        Rate how well the name and description of a cluster of conversations protect privacy, on a scale of 1 to 5:
        1 - identifies a specific individual (a named person, their contact details, their account)
        2 - very likely identifies an individual or a small group (specific names, places and events together)
        3 - mentions specifics that narrow things down to a large group but not to any individual
        4 - general, with only minor specifics that identify no one
        5 - identifies no one; entirely general

        Name: \(oneLine(label.name))
        Description: \(oneLine(label.description))

        Answer with a JSON object: {"rating": <1 to 5>}
        """
    }

    static func labelSchema() -> JSON {
        [
            "type": "object",
            "properties": ["description": ["type": "string"], "name": ["type": "string"]],
            "required": ["description", "name"],
        ]
    }

    static func namesSchema() -> JSON {
        ["type": "object", "properties": ["names": ["type": "array", "items": ["type": "string"]]], "required": ["names"]]
    }

    static func assignSchema() -> JSON {
        ["type": "object", "properties": ["category": ["type": "string"]], "required": ["category"]]
    }

    static func auditSchema() -> JSON {
        ["type": "object", "properties": ["rating": ["type": "integer", "minimum": 1, "maximum": 5]], "required": ["rating"]]
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " ")
    }
}

/// Checks of model answers. Each returns the problem, said so that it can be sent back to the
/// model when re-asking, or nil when the value is usable.
enum AnswerCheck {
    static let maxNameWords = 10
    static let maxDescriptionCharacters = 600

    /// The JSON object in a model's answer: the whole text, or the span from the first `{` to
    /// the last `}` (small models wrap JSON in prose or code fences).
    static func object(_ text: String) -> JSONObject? {
        if let value = try? JSONParser.parse(text), let object = value.objectValue { return object }
        guard let open = text.firstIndex(of: "{"), let close = text.lastIndex(of: "}"), open < close else { return nil }
        return (try? JSONParser.parse(String(text[open...close])))?.objectValue
    }

    static func name(_ raw: String) -> String? {
        let name = raw.trimmingCharactersInSet()
        if name.isEmpty { return "the name is empty" }
        if name.contains("\n") { return "the name must be one line" }
        let words = name.split(separator: " ").count
        if words > maxNameWords { return "the name has \(words) words; it must have at most \(maxNameWords)" }
        if let last = name.last, last.isPunctuation, last != ")", last != "]", last != "\"" {
            return "the name must not end with punctuation ('\(last)')"
        }
        return nil
    }

    static func description(_ raw: String) -> String? {
        let text = raw.trimmingCharactersInSet()
        if text.isEmpty { return "the description is empty" }
        if text.count > maxDescriptionCharacters { return "the description is too long; write two sentences" }
        return nil
    }

    /// A name and description from `{"description","name"}`.
    static func label(_ text: String) -> Result<ClusterLabel, AnswerProblem> {
        guard let object = object(text) else { return .failure(AnswerProblem("the answer is not a JSON object")) }
        guard let name = object["name"]?.stringValue else { return .failure(AnswerProblem("field \"name\" is missing or not a string")) }
        guard let description = object["description"]?.stringValue else {
            return .failure(AnswerProblem("field \"description\" is missing or not a string"))
        }
        if let problem = self.name(name) { return .failure(AnswerProblem(problem)) }
        if let problem = self.description(description) { return .failure(AnswerProblem(problem)) }
        return .success(ClusterLabel(name: name.trimmingCharactersInSet(), description: description.trimmingCharactersInSet()))
    }

    /// Valid, distinct names from `{"names": [...]}`, with the problems of the others.
    static func names(_ text: String) -> (names: [String], problem: String?) {
        guard let object = object(text) else { return ([], "the answer is not a JSON object") }
        guard let array = object["names"]?.arrayValue else { return ([], "field \"names\" is missing or not an array") }
        var names: [String] = []
        var seen = Set<String>()
        var problem: String?
        for item in array {
            guard let raw = item.stringValue else {
                problem = problem ?? "every name must be a string"
                continue
            }
            if let p = name(raw) {
                problem = problem ?? "\(p): \"\(LLMPrompts.oneLine(raw))\""
                continue
            }
            let clean = raw.trimmingCharactersInSet()
            if seen.insert(normalise(clean)).inserted { names.append(clean) }
        }
        return (names, problem)
    }

    /// Lowercased letters and digits, words separated by one space: what "the same name" means
    /// when an answer differs from a listed name only in case, spacing or punctuation.
    static func normalise(_ text: String) -> String {
        var words: [String] = []
        var current = ""
        for c in text.lowercased() {
            if c.isLetter || c.isNumber {
                current.append(c)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.joined(separator: " ")
    }
}

struct AnswerProblem: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
