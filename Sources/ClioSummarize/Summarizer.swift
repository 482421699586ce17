import Foundation
import ClioCore

/// What became of one conversation in a summarizer.
public enum SummaryResult: Sendable {
    /// Valid facets; `truncated` when the conversation was cut to `--max-chars`, `tries` 1 when
    /// the first answer was valid.
    case success(Facets, truncated: Bool, tries: Int)
    /// No facets after every try, or a call that failed for good: reported, listed in
    /// `--errors`, and the run exits 1 after the last record.
    case failure(reason: String)
    /// A record the summarizer cannot take: the bad-record policy applies (stop, or skip with
    /// `--skip-invalid`).
    case invalid(ClioError)
    /// The run cannot go on (a provider rejecting the configuration).
    case fatal(ClioError)
    /// Nothing to summarise (the run decides this before asking the summarizer): counted by
    /// reason and listed in `--errors`, not a failure.
    case skipped(SkipReason)
}

/// Turns one conversation into its facets: the strategy of clio-summarize's one run loop
/// (`SummarizeRun`). The extractive summarizer is the offline default; `LLMSummarizer` asks a
/// model. `summary(of:)` is called from several worker threads at once.
public protocol Summarizer: Sendable {
    /// The `summarizer` object written with every record (`{"name":…,"version":…}`).
    var descriptor: JSON { get }
    /// The facets of one conversation that has user text, or what became of it.
    func summary(of conversation: Conversation) -> SummaryResult
    /// Text after the counts in the progress line ("12 calls, 3 cached"), or "".
    func progressDetail() -> String
    /// The summarizer's own figures for the closing line, after the run's counts.
    func closingDetails() -> [String]
    /// A dry run writes `dryRunReport()` (the calls a real run would make) instead of records.
    var isDryRun: Bool { get }
    func dryRunReport() -> String
}

extension Summarizer {
    public func progressDetail() -> String { "" }
    public func closingDetails() -> [String] { [] }
    public var isDryRun: Bool { false }
    public func dryRunReport() -> String { "" }
}

/// Builds facets from the conversation's own words: the user's first request, condensed and
/// stripped of personal details, in the paper's form "The user's overall request for the
/// assistant is to …". No model, no network; the same input always gives the same output.
public struct ExtractiveSummarizer: Summarizer {
    public static let version = 1
    /// The longest extract kept in a facet, before the fixed prefix.
    public var maxExtract = 240
    /// `--max-chars`: the conversation is cut to this many characters before it is read.
    public var maxChars = 20_000
    public let masker = PIIMasker()
    public let languages = LanguageGuesser()

    public init(maxChars: Int = 20_000) { self.maxChars = maxChars }

    public var descriptor: JSON { ["name": "extractive", "version": .number(Double(ExtractiveSummarizer.version))] }

    public func summary(of conversation: Conversation) -> SummaryResult {
        let (cut, truncated) = SummarizeCommand.truncate(conversation, maxChars: maxChars)
        do throws(ClioError) {
            return .success(try summarize(cut), truncated: truncated, tries: 1)
        } catch {
            // The cut can leave no user text (a long system prompt first): invalid, as before.
            return .invalid(error)
        }
    }

    /// The facets of `conversation` as it is (no cut); an `invalidRecord` error when it has no
    /// user text.
    public func summarize(_ conversation: Conversation) throws(ClioError) -> Facets {
        let userTexts = conversation.messages.filter { $0.role == "user" }.map(\.content)
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard let first = userTexts.first else {
            throw ClioError(.invalidRecord, "conversation has no user text to summarise")
        }
        // A very short opener ("hi", "quick question") says little; borrow from later turns.
        // Each message is masked on its own: a sign-off ends its message, not the conversation.
        // A name a cue introduced in one of them is masked in the others.
        var used = [String(first.prefix(4000))]
        var sourceLength = first.count
        for later in userTexts.dropFirst() where sourceLength < 80 {
            used.append(String(later.prefix(4000)))
            sourceLength += 1 + later.count
        }
        let masked = String(masker.mask(conversation: used).joined(separator: "\n").prefix(4000))
        let languageSample = userTexts.joined(separator: "\n")
        let language = languages.guess(String(languageSample.prefix(LanguageGuesser.sampleLimit)))
        var extract = ExtractiveSummarizer.extract(from: masked, limit: maxExtract)
        if extract.isEmpty {
            // Only a greeting or an introduction: keep what there is rather than nothing.
            extract = String(masked.prefix(maxExtract)).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let phrase: String
        if language.hasPrefix("English") || language == "Unknown" {
            phrase = ExtractiveSummarizer.requestPhrase(extract)
        } else {
            // The same frame as English requests, and no language name in it: the language is
            // its own facet, and a shared word such as "Spanish" would pull every Spanish
            // request into one cluster whatever its topic.
            phrase = "help with: \"\(extract)\""
        }
        let concern = ConcernScorer.score(String(languageSample.prefix(8000)))
        return Facets(
            request: "The user's overall request for the assistant is to \(phrase)",
            task: "The task is to \(phrase)",
            language: language, concerning: concern, turns: conversation.userTurns)
    }

    // MARK: extraction

    /// Sentences of `text`, split at end punctuation followed by a space and at line breaks.
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        let scalars = Array(text.unicodeScalars)
        var i = 0
        func flush() {
            let trimmed = current.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { result.append(trimmed) }
            current = ""
        }
        while i < scalars.count {
            let c = scalars[i]
            if c == "\n" || c == "\r" {
                flush()
            } else {
                current.unicodeScalars.append(c)
                let isEnd = c == "." || c == "!" || c == "?"
                let isCJKEnd = c == "。" || c == "！" || c == "？"
                let nextIsSpace = i + 1 >= scalars.count || scalars[i + 1] == " " || scalars[i + 1] == "\n"
                // "Dr." and "e.g." are not ends; a period after one short word rarely is.
                // "J. R. Ortega": an initial before another initial.
                let initialFollows = c == "." && i + 3 < scalars.count && scalars[i + 2].properties.isUppercase && scalars[i + 3] == "."
                    && current.dropLast().last.map { $0.isUppercase } == true && !(current.dropLast().dropLast().last.map { $0.isLetter } ?? false)
                if isCJKEnd || (isEnd && nextIsSpace && !endsWithAbbreviation(current) && !initialFollows && !(c == "." && numberFollows(scalars, after: i) && endsWithNumberSign(current))
                    && !(c == "." && ordinalBeforeMonth(current, scalars, after: i))) {
                    flush()
                }
            }
            i += 1
        }
        flush()
        return result
    }

    /// Whether the period after `i` is a German ordinal's before a month: "am 17. Juni", "des 3. Mai".
    static func ordinalBeforeMonth(_ current: String, _ scalars: [Unicode.Scalar], after i: Int) -> Bool {
        let digits = current.dropLast().reversed().prefix(while: \.isNumber)
        guard (1...2).contains(digits.count), current.dropLast(digits.count + 1).last.map({ !$0.isLetter && !$0.isNumber }) ?? true else { return false }
        var word = ""
        var j = i + 1
        while j < scalars.count, scalars[j] == " " { j += 1 }
        while j < scalars.count, scalars[j].properties.isAlphabetic { word.unicodeScalars.append(scalars[j]); j += 1 }
        return germanMonths.contains(word.lowercased())
    }

    /// Whether a digit or a placeholder (`[NUMBER]`) comes next after the spaces after `i`.
    static func numberFollows(_ scalars: [Unicode.Scalar], after i: Int) -> Bool {
        var j = i + 1
        while j < scalars.count, scalars[j] == " " { j += 1 }
        guard j < scalars.count else { return false }
        return ("0"..."9").contains(scalars[j]) || scalars[j] == "[" || scalars[j] == "#"
    }

    /// Whether `text` ends with an abbreviation of "number" ("Policy no.", "Kd.-Nr.", "Acct.",
    /// "Ref.", "Tel."), which a number follows in the same sentence.
    static func endsWithNumberSign(_ text: String) -> Bool {
        ends(text, withOneOf: ["no.", "n.", "nr.", "nº.", "n°.", "nos.", "num.", "acct.", "ref.", "tel.", "art.", "vol.", "p.", "pp.", "fig.", "ch."]) { !$0.isLetter }
    }

    /// Also the French "M." (monsieur) and a middle initial after a first name or another
    /// initial ("John M. Keynes", "J. R. Ortega"); a capital alone elsewhere is as often a list
    /// item ("A. Introduction", "House B.").
    static func endsWithAbbreviation(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        if let last = words.last, last.count == 2, last.first!.isUppercase, last.first!.isLetter {
            if last == "M." { return true }
            if words.count >= 2, let previous = words.dropLast().last.map({ $0.drop { "'\"‘“(".contains($0) } }),
                previous == "[NAME]" || streetWordsBeforeInitial.contains(previous.lowercased())
                    || NameLists.firstNames.contains(previous.lowercased()) && previous.first?.isUppercase == true
                    || previous.count == 2 && previous.first!.isUppercase && previous.last == "."
            {
                return true
            }
        }
        // "22 r. de la République", "v. appia nuova": street words of one letter, in lower case only ("85 V." ends a sentence).
        if let last = words.last, last == "r." || last == "v." { return true }
        return ends(text, withOneOf: abbreviations) { $0 == " " }
    }

    /// Titles, Latin abbreviations and address abbreviations ("Ctra. A-367 km 4", "bât. C",
    /// "Fraz. San Martino"), after which a period ends no sentence.
    static let abbreviations = [
        "mr.", "mrs.", "ms.", "dr.", "prof.", "e.g.", "i.e.", "etc.", "vs.", "sr.", "sra.", "srta.", "st.", "mme.", "mlle.", "dott.",
        "sig.", "dra.", "sig.ra.", "ctra.", "avda.", "av.", "bât.", "bat.", "fraz.", "loc.", "pta.", "esc.", "int.", "pral.", "p.za",
        "v.le", "c.so", "bte.", "apt.", "str.",
        // Street words of other forms, for the rest of the address after them: "Gta. de Bilbao 1",
        // "22 r. de la République", "Estr. Nacional 125", "Av. Brig. Faria Lima".
        "gta.", "estr.", "trav.", "brig.", "imp.", "bd.", "blvd.", "ave.", "rd.", "pl.", "pza.", "l.go", "lg.", "c.da",
        "urb.", "edif.", "bloq.", "dpto.", "depto.", "apto.", "conj.", "imm.", "appt.", "sc.", "gral.", "pje.", "calz.",
    ]
    /// Street words before which a capital and a period is an initial of the street's name: "Via G. Verdi".
    static let streetWordsBeforeInitial: Set<String> = ["via", "viale", "corso", "piazza", "largo", "rua", "avenida", "av.", "calle", "rue", "avenue", "plaza", "praça"]
    /// German months, after which a number's period is an ordinal of a date ("Straße des 17. Juni").
    static let germanMonths: Set<String> = ["januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"]

    /// Whether lowercased `text` ends with one of `abbreviations` standing alone: at the start or
    /// after a character `separates` accepts.
    static func ends(_ text: String, withOneOf abbreviations: [String], after separates: (Character) -> Bool) -> Bool {
        let lower = text.lowercased()
        return abbreviations.contains { abbreviation in
            guard lower.hasSuffix(abbreviation) else { return false }
            let before = lower.dropLast(abbreviation.count)
            return before.last.map(separates) ?? true
        }
    }

    /// Words that open greetings, introductions and sign-offs, which say nothing about the task.
    static let smallTalk = [
        "hi", "hello", "hey", "dear", "thanks", "thank you", "regards", "best", "cheers", "sincerely", "good morning",
        "good evening", "my name is", "i'm [name]", "i am [name]", "this is [name]", "hola", "bonjour", "hallo", "ciao",
        "olá", "me llamo", "je m'appelle", "ich heiße", "mi chiamo", "[name]",
    ]

    static let requestSignals = [
        "?", "can you", "could you", "would you", "will you", "please", "help", "how ", "what ", "why ", "need",
        "want", "would like", "i'd like", "looking for", "trying to", "write", "explain", "give me", "suggest",
        "recommend", "plan", "create", "make", "fix", "show me", "tell me", "¿", "puedes", "podrías", "pouvez",
        "peux", "können", "kannst", "puoi", "può", "pode", "kun je", "kunt u", "吗", "请", "怎么", "如何", "ください",
        "教えて", "どう",
    ]

    /// Picks the sentences that carry the request: the first that reads like one, plus the
    /// next when short; small talk and lines that are only personal details are dropped.
    static func extract(from text: String, limit: Int) -> String {
        let all = sentences(text).map(stripIntroduction).filter { !$0.isEmpty }
        let useful = all.filter { sentence in
            let lower = sentence.lowercased()
            let words = lower.split(separator: " ")
            if smallTalk.contains(where: { lower.hasPrefix($0) }) && sentence.count < 60 && !lower.contains("?") {
                return false
            }
            // Contact lines: "You can reach me at [EMAIL] or [PHONE]." say nothing about the task.
            let contacts = words.filter { $0.contains("[email]") || $0.contains("[phone]") || $0.contains("[handle]") }.count
            if contacts > 0 && words.count <= 12 { return false }
            let placeholders = words.filter { $0.contains("[") && $0.contains("]") }.count
            if placeholders > 0 && words.count <= 6 { return false }
            return !words.allSatisfy { $0.hasPrefix("[") }
        }
        let pool = useful.isEmpty ? all : useful
        var picked: [String] = []
        if let index = pool.firstIndex(where: { s in requestSignals.contains { s.lowercased().contains($0) } }) {
            // A short context sentence before the request often names the topic ("My tomato plants wilt.").
            if index > 0 && pool[index - 1].count < 100 && pool[index].count < 120 { picked.append(pool[index - 1]) }
            picked.append(pool[index])
            if picked.count == 1 && index + 1 < pool.count && pool[index].count + pool[index + 1].count < 160 {
                picked.append(pool[index + 1])
            }
        } else {
            picked = Array(pool.prefix(2))
        }
        var result = picked.joined(separator: " ")
        if result.count > limit {
            var cut = String(result.prefix(limit))
            if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
                cut = String(cut[..<space])
            }
            result = cut.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:-")) + "…"
        }
        return result
    }

    /// Removes a leading greeting or self-introduction fragment ("Hi! I am [NAME], …",
    /// "[NAME] here. …") so the extract starts at the request.
    static func stripIntroduction(_ sentence: String) -> String {
        let ns = sentence as NSString
        guard let match = introduction.firstMatch(in: sentence, range: NSRange(location: 0, length: ns.length)),
            match.range.length > 0
        else { return sentence }
        return ns.substring(from: match.range.length).trimmingCharacters(in: .whitespaces)
    }

    private static let introduction = Patterns.make(
        #"^(?:(?i:hi|hello|hey|dear|good (?:morning|afternoon|evening))(?: there| all| team)?[!,.]?\s*)?(?:(?i:my name is|my name's|i am|i'm|i’m|this is)\s+\[NAME\](?:\s+here)?[!,.:;]?\s*|\[NAME\](?:\s+here)?(?:[!,.:;：，、]\s*|\s*$)|\[NAME\]\s+here\b\s*)|^(?i:hi|hello|hey)(?i: there| all| team| assistant| chatgpt| gpt| claude| bot| everyone| guys| folks)?[!,.]\s*"#)

    // MARK: phrasing (English)

    /// Leading forms of a request and how each becomes a verb phrase after "is to".
    private static let openers: [(prefix: String, replacement: String)] = [
        ("can you please help me to ", "help them "), ("can you please help me ", "help them "),
        ("could you please help me to ", "help them "), ("could you please help me ", "help them "),
        ("can you help me to ", "help them "), ("can you help me ", "help them "),
        ("could you help me to ", "help them "), ("could you help me ", "help them "),
        ("would you help me ", "help them "), ("please help me to ", "help them "), ("please help me ", "help them "),
        ("help me to ", "help them "), ("help me ", "help them "),
        ("can you please ", ""), ("could you please ", ""), ("would you please ", ""), ("can you ", ""),
        ("could you ", ""), ("would you ", ""), ("will you ", ""), ("please ", ""),
        ("how do i ", "explain how to "), ("how can i ", "explain how to "), ("how should i ", "explain how to "),
        ("how would i ", "explain how to "), ("how do you ", "explain how to "), ("how to ", "explain how to "),
        ("i need help with ", "help with "), ("i need help ", "help "), ("i need to ", "help them "),
        ("i need ", "provide "), ("i want to ", "help them "), ("i would like to ", "help them "),
        ("i'd like to ", "help them "), ("i would like ", "provide "), ("i'd like ", "provide "),
        ("i'm looking for ", "find "), ("i am looking for ", "find "), ("i'm trying to ", "help them "),
        ("i am trying to ", "help them "), ("i want ", "provide "),
    ]

    /// The extract as a verb phrase: a known request opener is rewritten ("How do I fix …" →
    /// "explain how to fix …"), questions become "answer the question …", anything else
    /// "help with: …"; first-person words become third-person.
    static func requestPhrase(_ extract: String) -> String {
        var text = extract.trimmingCharacters(in: .whitespacesAndNewlines)
        let lower = text.lowercased()
        var phrase: String
        if let opener = openers.first(where: { lower.hasPrefix($0.prefix) }) {
            phrase = opener.replacement + String(text.dropFirst(opener.prefix.count))
        } else if let verb = lower.split(separator: " ").first, imperatives.contains(String(verb)) {
            phrase = String(lower.prefix(1)) + String(text.dropFirst())
        } else if ["what ", "what's ", "why ", "which ", "where ", "when ", "who ", "is ", "are ", "does ", "do ", "should ", "how "]
            .contains(where: { lower.hasPrefix($0) })
        {
            phrase = "answer the question: " + text
        } else {
            // Lowercase a sentence-initial common word, never a name or a product.
            if let first = text.first, first.isUppercase, let word = lower.split(separator: " ").first,
                NameLists.notNames.contains(String(word)) || imperatives.contains(String(word)), word != "i"
            {
                text = first.lowercased() + text.dropFirst()
            }
            phrase = "help with: " + text
        }
        phrase = thirdPerson(phrase)
        // Reported speech: a question inside the phrase becomes a statement, unless the phrase
        // is the question itself.
        if !phrase.hasPrefix("answer the question") { phrase = phrase.replacingOccurrences(of: "? ", with: ". ") }
        phrase = capitaliseSentences(phrase)
        while let last = phrase.last, ".?!".contains(last) { phrase.removeLast() }
        return phrase + "."
    }

    /// Uppercases the first letter after a sentence end (". they need" → ". They need").
    static func capitaliseSentences(_ text: String) -> String {
        var result = ""
        var capitaliseNext = false
        var previous: Character = " "
        for character in text {
            if capitaliseNext && character.isLetter {
                result += character.uppercased()
                capitaliseNext = false
            } else {
                if !character.isWhitespace { capitaliseNext = false }
                result.append(character)
            }
            if character.isWhitespace && ".!?".contains(previous) { capitaliseNext = true }
            previous = character
        }
        return result
    }

    /// Verbs that open a direct instruction ("Write a poem …"), kept as the phrase itself.
    private static let imperatives: Set<String> = [
        "write", "explain", "create", "make", "give", "list", "tell", "show", "translate", "summarize", "summarise",
        "fix", "help", "find", "suggest", "recommend", "plan", "generate", "draft", "describe", "compare", "calculate",
        "convert", "design", "build", "edit", "proofread", "rewrite", "review", "debug", "teach", "outline", "compose",
        "prepare", "improve", "check", "correct", "optimize", "optimise", "refactor", "analyze", "analyse", "recommend",
    ]

    private static let pronouns: [String: String] = [
        "i": "they", "i'm": "they are", "i’m": "they are", "i've": "they have", "i’ve": "they have", "i'd": "they would",
        "i’d": "they would", "i'll": "they will", "i’ll": "they will", "me": "them", "my": "their", "mine": "theirs",
        "myself": "themselves", "am": "are",
    ]

    /// Rewrites first-person words ("my code" → "their code"); "am" only after "I".
    static func thirdPerson(_ text: String) -> String {
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        for index in words.indices {
            let word = words[index]
            let core = word.trimmingCharacters(in: CharacterSet(charactersIn: ".,;:!?()\"'"))
            let key = core.lowercased()
            guard let replacement = pronouns[key] else { continue }
            if key == "am" && (index == 0 || words[index - 1].lowercased() != "they") { continue }
            if key == "i" && core != "I" { continue }
            words[index] = word.replacingOccurrences(of: core, with: replacement)
        }
        return words.joined(separator: " ").replacingOccurrences(of: "they am ", with: "they are ")
            .replacingOccurrences(of: "am they ", with: "are they ")
    }
}

/// A small keyword heuristic for `facets.concerning` (1–5): 1 by default; 2 for mildly risky
/// topics (hacking, drugs, cheating); 3 for self-harm, weapons and malware; 4 for mass-harm
/// topics (explosives, chemical or biological weapons, killing people). A second distinct
/// strong hit raises the score by one, to at most 5. It flags for review; it does not judge.
public enum ConcernScorer {
    static let levels: [(level: Int, phrases: [String])] = [
        (4, ["bomb", "bombs", "explosive*", "detonat*", "nerve agent*", "sarin", "ricin", "anthrax",
             "bioweapon*", "chemical weapon*", "mass shooting*", "kill someone", "kill him", "kill her", "kill them",
             "kill people", "murder*", "child abuse", "terroris*", "bomba", "explosivo*", "matar a"]),
        (3, ["suicid*", "kill myself", "self-harm*", "self harm*", "hurt myself", "end my life", "overdos*", "malware",
             "ransomware", "keylogger*", "hack into", "phishing", "weapon*", "firearm*", "meth", "methamphetamine",
             "fentanyl", "heroin", "cocaine", "launder*", "selbstmord"]),
        (2, ["hack", "hacking", "hacked", "exploit*", "crack password*", "steal*", "stolen", "drugs", "cheat on",
             "revenge", "illegal*", "without permission", "bypass*", "piracy", "pirated", "harass*", "stalk", "stalking"]),
    ]

    /// The phrases as word lists; a last word ending in `*` matches any word it starts.
    private static let compiled: [(level: Int, words: [String], prefix: Bool)] = levels.flatMap { level, phrases in
        phrases.map { phrase in
            let prefix = phrase.hasSuffix("*")
            let words = (prefix ? String(phrase.dropLast()) : phrase).split(separator: " ").map(String.init)
            return (level, words, prefix)
        }
    }

    public static func score(_ text: String) -> Int {
        let words = ConcernScorer.words(text)
        var best = 1
        var strongHits = 0
        for phrase in compiled where contains(words, phrase.words, prefix: phrase.prefix) {
            best = max(best, phrase.level)
            if phrase.level >= 3 { strongHits += 1 }
        }
        if strongHits >= 2 && best >= 3 { best = min(5, best + 1) }
        return best
    }

    /// Lowercased words: runs of letters, digits, `-` and `'` inside a word.
    static func words(_ text: String) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || ((scalar == "-" || scalar == "'") && !current.isEmpty) {
                current.append(scalar)
            } else if !current.isEmpty {
                result.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { result.append(String(current)) }
        return result
    }

    /// True when the phrase's words occur in a row ("hack*" matches "hacking", not "shack";
    /// "meth" does not match "methods").
    static func contains(_ words: [String], _ phrase: [String], prefix: Bool) -> Bool {
        guard !phrase.isEmpty, words.count >= phrase.count else { return false }
        let last = phrase.count - 1
        outer: for start in 0...(words.count - phrase.count) {
            for (offset, part) in phrase.enumerated() {
                let word = words[start + offset]
                if offset == last && prefix ? !word.hasPrefix(part) : word != part { continue outer }
            }
            return true
        }
        return false
    }
}
