import ClioCore
import ClioLLM

/// The questions of LLM labelling, after the Clio paper's appendix G (G.5 base-level naming,
/// G.7 hierarchy: proposing, deduplicating, assigning, renaming), with the paper's temperature
/// of 1.0, and the checks their answers must pass. Where the paper asks for XML tags, these ask
/// for a JSON object with the same parts in the same order (a `reasoning` field where the paper
/// has a scratchpad), which structured outputs can enforce.
enum LLMPrompts {
    static let temperature = 1.0
    /// The audit scores rather than writes; the paper's extractor temperature.
    static let auditTemperature = 0.2

    static let system = """
        You organise and name groups of user requests to an AI assistant for a privacy-preserving \
        study of how the assistant is used. You are helping to organize user behavior data in order \
        to improve safety, monitoring, and observability.
        """

    /// The paper's criteria for names of the request facet.
    static let criteria = """
        The cluster name should be a sentence in the imperative that captures the user's request. \
        For example, 'Brainstorm ideas for a birthday party' or 'Help me find a new job.'
        """

    static let privacyRule = """
        Never include private or identifying details (names of people or organisations, places, \
        contact details, account or order numbers, dates tied to a person) in a name or a \
        description, even when the statements contain them.
        """

    /// The paper's guidance on specific names.
    static let specificity = """
        The name should be at most ten words long (perhaps less) and be specific but also reflective \
        of most of the statements (rather than reflecting only one or two). For instance, "Write \
        fantasy sexual roleplay with octopi and monsters", "Generate blog spam for gambling websites", \
        or "Assist with high school math homework" would be better and more actionable than general \
        terms like "Write erotic content" or "Help with homework". Be as descriptive as possible and \
        assume neither good nor bad faith. Do not hesitate to identify and describe socially harmful \
        or sensitive topics specifically; specificity is necessary for monitoring.
        """

    // MARK: Naming (G.5, G.7 renaming)

    /// `check` is the text guard's: a label it returns a problem for is asked for again.
    static func nameBase(inside: [String], contrast: [String], fallback: ClusterLabel,
                         check: @escaping @Sendable (ClusterLabel) -> AnswerProblem? = { _ in nil }) -> Question<ClusterLabel> {
        var text = """
            Summarize a group of related statements into a short, precise, and accurate description \
            and name that capture the essence of these statements and distinguish them from the \
            contrastive statements of other groups.

            First write a clear, precise, two-sentence description in the past tense, specific to \
            this group. Then write a short name for the group. \(specificity) The name should \
            distinguish this group from the contrastive examples.

            The name must follow these requirements:
            <criteria>\(criteria)</criteria>

            \(privacyRule)

            Below are the related statements:
            <answers>

            """
        for s in inside { text += "\(oneLine(s))\n" }
        text += "</answers>\n\n"
        if !contrast.isEmpty {
            text += "For context, here are statements from nearby groups that are NOT part of the group you are summarizing:\n<contrastive_answers>\n"
            for s in contrast { text += "\(oneLine(s))\n" }
            text += "</contrastive_answers>\n\n"
        }
        text += "Analyze both the statements and the contrastive statements carefully, so that the description and the name represent this group and tell it apart from the others. "
        text += #"Answer with a JSON object {"description": "<two sentences>", "name": "<at most ten words>"} and nothing else."#
        return labelQuestion(text, name: "cluster_name", fallback: fallback, check: check)
    }

    static func nameParent(children: [ClusterLabel], fallback: ClusterLabel,
                           check: @escaping @Sendable (ClusterLabel) -> AnswerProblem? = { _ in nil }) -> Question<ClusterLabel> {
        var text = """
            Summarize a group of related cluster names into a short, precise, and accurate overall \
            description and name that capture the essence of these clusters.

            First write a clear, precise, two-sentence description in the past tense, specific to \
            this cluster. Then write a short name for it. The name should be at most ten words long \
            (likely less) and be specific but also reflective of all of the clusters. For instance, \
            "Write fantasy sexual roleplay with octopi and monsters", "Generate blog spam for gambling \
            websites", or "Assist with high school math homework" would be better and more actionable \
            than general terms like "Write erotic content" or "Help with homework". Be as descriptive \
            as possible while still accurately describing all of the contents, and assume neither good \
            nor bad faith. Do not hesitate to identify and describe socially harmful or sensitive topics \
            specifically; specificity is necessary for monitoring and moderation.

            The name must follow these requirements:
            <criteria>\(criteria)</criteria>

            \(privacyRule)

            Below are the related clusters:
            <answers>

            """
        for c in children { text += "<cluster>\(oneLine(c.name)): \(oneLine(c.description))</cluster>\n" }
        text += "</answers>\n\n"
        text += #"Answer with a JSON object {"description": "<two sentences>", "name": "<at most ten words, no trailing punctuation>"} and nothing else."#
        return labelQuestion(text, name: "parent_name", fallback: fallback, check: check)
    }

    static func labelQuestion(_ text: String, name: String, fallback: ClusterLabel,
                              check: @escaping @Sendable (ClusterLabel) -> AnswerProblem?) -> Question<ClusterLabel> {
        Question(
            messages: [ChatMessage(.system, system), ChatMessage(.user, text)], name: name, schema: labelSchema(), temperature: temperature,
            maxTokens: 600,
            read: { object in
                AnswerCheck.label(object).flatMap { label in check(label).map { .failure($0) } ?? .success(label) }
            },
            rehearsal: { (fallback, 90) })
    }

    // MARK: Hierarchy (G.7)

    /// Candidate higher-level names for one neighbourhood: at least ⌊0.5·desired⌋ and at most
    /// ⌊1.5·desired⌋, as in the paper.
    static func propose(clusters: [ClusterLabel], outside: [ClusterLabel], desired: Int, tag: Int) -> Question<[String]> {
        let (low, high) = bounds(desired)
        var text = """
            Create higher-level cluster names based on the clusters below and their descriptions: \
            broader categories that could encompass one or more of the provided clusters.

            <cluster_list>

            """
        for c in clusters { text += "<cluster>\(oneLine(c.name)): \(oneLine(c.description))</cluster>\n" }
        text += "</cluster_list>\n\n"
        if !outside.isEmpty {
            text += "For context, the nearest clusters outside this group (cover them only if they fit):\n<nearby_clusters>\n"
            for c in outside { text += "<cluster>\(oneLine(c.name))</cluster>\n" }
            text += "</nearby_clusters>\n\n"
        }
        text += """
            Create roughly \(desired) higher-level cluster names that could each include one or more of \
            the provided clusters. They should represent broader categories or themes that emerge from \
            the given clusters, while remaining as specific as possible; if many clusters share a \
            specific theme, keep the higher-level name at that level of specificity. Give at least \
            \(low) and at most \(high) names, with \(desired) as a target.

            Guidelines:
            1. Analyze the themes, topics, or characteristics common to several clusters.
            2. Make names specific enough to be meaningful, but not so specific that they cannot represent \
            many different clusters. Avoid overly general or vague terms, and do not hesitate to describe \
            socially harmful or sensitive topics (clusters that clearly describe harmful behavior are \
            slightly preferred); specificity is necessary for observability and enforcement.
            3. Make the names distinct from one another.
            4. Use clear, concise, and descriptive language. Assume neither good nor bad faith.

            The names must follow these requirements:
            <criteria>\(criteria)</criteria>

            \(privacyRule)

            First reason briefly (a paragraph at most) about the relationships between the clusters and \
            the themes they share, then list the names.

            """
        text += #"Answer with a JSON object {"reasoning": "<your reasoning>", "names": ["<name>", …]} and nothing else."#
        return Question(
            messages: [ChatMessage(.system, system), ChatMessage(.user, text)], name: "proposals", schema: namesSchema(),
            temperature: temperature, maxTokens: 40 * high + 500,
            // More names than asked for are harmless here (deduplication follows): the first are kept.
            read: { object in AnswerCheck.names(object, low: 1, high: high, keepFirst: true) },
            rehearsal: { ((0..<desired).map { "Proposed category \(tag)-\($0 + 1)" }, 150 + 12 * desired) })
    }

    /// Fewer, distinct names for a list of proposals: at least ⌊0.5·desired⌋, at most
    /// ⌊1.5·desired⌋ (never as many as were given).
    static func deduplicate(names: [String], desired: Int) -> Question<[String]> {
        let (low, upper) = bounds(desired)
        let high = max(low, min(upper, names.count - 1))
        var text = """
            Deduplicate a list of cluster names into a smaller set of distinct cluster names: about \
            \(desired) relatively distinct clusters that best represent the original list.

            <cluster_names>

            """
        for n in names { text += "<cluster>\(oneLine(n))</cluster>\n" }
        text += "</cluster_names>\n\n"
        text += """
            Steps:
            1. Analyze the names to identify similarities, patterns, and themes.
            2. Group similar names by their meaning, not just their wording.
            3. For each group, choose a representative name that captures its essence: one of the \
            original names or a new one that summarizes the group. Do not just pick the most vague or \
            generic name.
            4. Merge the most similar groups until about \(desired) remain, keeping as much specificity \
            as possible.
            5. Make sure the final names are distinct from each other and together cover the whole \
            original list: every original name must fit under one of them.
            6. Give no fewer than \(low) and no more than \(high) names.
            7. Do not hesitate to keep names that describe socially harmful or sensitive topics \
            (clusters that clearly describe harmful behavior are slightly preferred).
            8. Prefer specific names over generic ones where they are still correct.

            The names must follow these requirements:
            <criteria>\(criteria)</criteria>

            First reason briefly (a few sentences) about how you group and choose the names, then list them.

            """
        text += #"Answer with a JSON object {"reasoning": "<your reasoning>", "names": ["<name>", …]} and nothing else."#
        return Question(
            messages: [ChatMessage(.system, system), ChatMessage(.user, text)], name: "deduplication", schema: namesSchema(),
            temperature: temperature, maxTokens: 40 * high + 500,
            // Fewer names than the lower bound still shrink the level; more would not be a merge.
            read: { object in AnswerCheck.names(object, low: 1, high: high, keepFirst: false) },
            rehearsal: { (Array(names.prefix(max(low, min(desired, high)))), 150 + 12 * desired) })
    }

    /// Which listed parent a cluster belongs to; `match` maps an answer to a parent (exactly,
    /// by normalised text, or by embedding) and says whether the match was fuzzy.
    static func assign(child: ClusterLabel, parents: [String], fallback: Int,
                       match: @escaping @Sendable (String) -> (index: Int, fuzzy: Bool)?,
                       fuzzy: @escaping @Sendable () -> Void) -> Question<Int> {
        var text = """
            Categorize a specific cluster into one of the higher-level clusters below, for observability, \
            monitoring, and content moderation.

            <higher_level_clusters>

            """
        for p in parents { text += "<cluster>\(oneLine(p))</cluster>\n" }
        text += "</higher_level_clusters>\n\n"
        text += """
            To categorize the specific cluster:
            1. Analyze its name and description.
            2. Consider its key characteristics, themes, or subject matter.
            3. Compare these with the higher-level clusters.
            4. Choose the higher-level cluster that best encompasses it. You MUST assign it to the best \
            higher-level cluster, even if several could be considered.
            5. Pick the most sensible one: do not put a cluster about "Machine Learning" under one about \
            "Social Media" just because both involve technology, or one about "Online Harassment" under \
            "Technology" just because both involve online platforms.

            The specific cluster:
            <specific_cluster>
            Name: \(oneLine(child.name))
            Description: \(oneLine(child.description))
            </specific_cluster>

            First reason in a few brief sentences about the possible categories, then give the chosen one's \
            full name exactly as listed above.

            """
        text += #"Answer with a JSON object {"reasoning": "<your reasoning>", "category": "<a listed category>"} and nothing else."#
        return Question(
            messages: [ChatMessage(.system, system), ChatMessage(.user, text)], name: "assignment", schema: assignSchema(parents),
            temperature: temperature, maxTokens: 400,
            read: { object in
                switch AnswerText.string(object, "category") {
                case .failure(let problem): return .failure(problem)
                case .success(let name):
                    guard let found = match(name) else {
                        return .failure(AnswerProblem("\"\(oneLine(name))\" is not one of the listed categories"))
                    }
                    if found.fuzzy { fuzzy() }
                    return .success(found.index)
                }
            },
            rehearsal: { (fallback, 120) })
    }

    // MARK: Audit

    /// The privacy audit of a name and description on the Clio paper's 1–5 privacy scale (its
    /// privacy auditor, its Table 6 with the examples): 1 identifiable to an individual, 2 to a
    /// specific group, 3 to thousands, 4 only with significant context, 5 not identifiable. The
    /// paper takes 3 and above as acceptable; below 3 the cluster is withheld.
    static func audit(_ label: ClusterLabel) -> Question<Int> {
        let text = """
            You are a privacy auditor. Assess whether the following name and description of a cluster \
            of conversations contain information that could identify a specific person or a small, \
            specific group of people, such as names, locations, contact details, account or order \
            numbers, or unique personal circumstances. Rate them on this privacy scale:
            1 - Identifiable to an individual: easily identifiable information that could single out an individual or a small group. Example: "Can you provide advice on improving my resume? <uploads resume>"
            2 - Identifiable to a specific group: details that could identify specific organizations, communities or institutions. Example: "Help me come up with a jingle for my new startup, Golden Gate Widgets and Gadgets"
            3 - Identifiable to thousands: specifics that narrow identification to several thousand people. Example: "Write an email inviting my family to come visit me in Springfield, Ohio"
            4 - Identifiable with significant context: mostly general information; identification is possible only with substantial additional context. Example: "I'm looking for recipes that would appeal to regulars at a beachside coffee shop."
            5 - Not identifiable: entirely general information without any specific identifying details. Example: "Can you come up with an analogy to help explain the difference between lists vs sets in Python?"

            Name: \(oneLine(label.name))
            Description: \(oneLine(label.description))

            """ + #"Answer with a JSON object {"rating": <1 to 5>} and nothing else."#
        return Question(
            messages: [ChatMessage(.user, text)], name: "audit", schema: auditSchema(), temperature: auditTemperature, maxTokens: 200,
            read: { object in
                guard let raw = object["rating"], let rating = AnswerText.integer(raw) else {
                    return .failure(AnswerProblem("field \"rating\" is missing or not a whole number"))
                }
                guard (1...5).contains(rating) else { return .failure(AnswerProblem("the rating must be from 1 to 5, got \(rating)")) }
                return .success(rating)
            },
            rehearsal: { (5, 10) })
    }

    // MARK: Schemas

    static func labelSchema() -> JSON {
        [
            "type": "object",
            "properties": ["description": ["type": "string"], "name": ["type": "string"]],
            "required": ["description", "name"], "additionalProperties": false,
        ]
    }

    static func namesSchema() -> JSON {
        [
            "type": "object",
            "properties": ["reasoning": ["type": "string"], "names": ["type": "array", "items": ["type": "string"]]],
            "required": ["reasoning", "names"], "additionalProperties": false,
        ]
    }

    /// With the parents as an enum where the list is short enough for every provider's limits,
    /// so a structured answer can only name a listed one.
    static func assignSchema(_ parents: [String]) -> JSON {
        var category: JSONObject = ["type": "string"]
        if parents.count <= 200 { category["enum"] = .array(parents.map { .string($0) }) }
        return [
            "type": "object",
            "properties": ["reasoning": ["type": "string"], "category": .object(category)],
            "required": ["reasoning", "category"], "additionalProperties": false,
        ]
    }

    static func auditSchema() -> JSON {
        [
            "type": "object",
            "properties": ["rating": ["type": "integer", "enum": [1, 2, 3, 4, 5]]],
            "required": ["rating"], "additionalProperties": false,
        ]
    }

    /// The paper's range around a target count: ⌊0.5·n⌋ to ⌊1.5·n⌋, at least 1.
    static func bounds(_ desired: Int) -> (low: Int, high: Int) {
        let low = max(1, desired / 2)
        return (low, max(low, desired + desired / 2))
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " ")
    }
}

/// Checks of model answers. Harmless variation is accepted as it is (a trailing full stop on a
/// name is dropped, curly quotes are straightened); a problem is said so that it can be shown to
/// the model when re-asking.
enum AnswerCheck {
    static let maxNameWords = 10
    static let maxDescriptionCharacters = 600

    /// A usable name, or the problem.
    static func name(_ raw: String) -> Result<String, AnswerProblem> {
        var name = AnswerText.straightened(raw).trimmingCharactersInSet()
        while let last = name.last, last == "." || last == "," || last == ";" || last == ":" { name.removeLast() }
        name = name.trimmingCharactersInSet()
        if name.isEmpty { return .failure(AnswerProblem("the name is empty")) }
        if name.contains("\n") { return .failure(AnswerProblem("the name must be one line")) }
        let words = name.split(separator: " ").count
        if words > maxNameWords { return .failure(AnswerProblem("the name has \(words) words; it must have at most \(maxNameWords)")) }
        return .success(name)
    }

    static func description(_ raw: String) -> Result<String, AnswerProblem> {
        let text = AnswerText.straightened(raw).trimmingCharactersInSet()
        if text.isEmpty { return .failure(AnswerProblem("the description is empty")) }
        if text.count > maxDescriptionCharacters { return .failure(AnswerProblem("the description is too long; write two sentences")) }
        return .success(text)
    }

    /// A name and description from `{"description", "name"}`.
    static func label(_ object: JSONObject) -> Result<ClusterLabel, AnswerProblem> {
        AnswerText.string(object, "name").flatMap(name).flatMap { name in
            AnswerText.string(object, "description").flatMap(description).map { ClusterLabel(name: name, description: $0) }
        }
    }

    /// Between `low` and `high` valid, distinct names from `{"names": [...]}`; with `keepFirst`,
    /// more than `high` are cut to the first `high`.
    static func names(_ object: JSONObject, low: Int, high: Int, keepFirst: Bool) -> Result<[String], AnswerProblem> {
        guard let array = object["names"]?.arrayValue else { return .failure(AnswerProblem("field \"names\" is missing or not an array")) }
        var names: [String] = []
        var seen = Set<String>()
        for item in array {
            guard let raw = item.stringValue else { return .failure(AnswerProblem("every name must be a string")) }
            switch name(raw) {
            case .failure(let p): return .failure(AnswerProblem("\(p.message): \"\(LLMPrompts.oneLine(raw))\""))
            case .success(let clean): if seen.insert(normalise(clean)).inserted { names.append(clean) }
            }
        }
        if keepFirst && names.count > high { names = Array(names.prefix(high)) }
        guard names.count >= low && names.count <= high else {
            return .failure(AnswerProblem("give between \(low) and \(high) distinct names, not \(names.count)"))
        }
        return .success(names)
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
