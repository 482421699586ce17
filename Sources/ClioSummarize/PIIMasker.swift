import Foundation

/// Replaces personal details in free text with placeholders: `[EMAIL]`, `[URL]`, `[IP]`,
/// `[PHONE]`, `[NUMBER]` (card-like and long account or ID numbers), `[HANDLE]` and `[NAME]`.
///
/// The passes run from the most to the least specific shape, so a URL's digits are not read
/// as a phone number and an email's `@user` is not read as a handle. Names are found two ways:
/// after a cue ("my name is", "Dear", "Regards,", "Dr." and their equivalents in several
/// languages), and by a compact built-in list of common first names and surnames when
/// capitalised. The masker errs towards masking: a lost topical word costs less than a leak.
public struct PIIMasker: Sendable {
    public init() {}

    public func mask(_ text: String) -> String {
        var s = text
        if s.isEmpty { return s }
        // Cheap byte checks first: most texts have no '@' or '://', and a regex pass over a
        // text that cannot match costs as much as one that does.
        let bytes = Bytes(s)
        if bytes.has("://") || bytes.has("www.") || bytes.has("WWW.") { s = PIIMasker.replace(Patterns.url, in: s) { _ in "[URL]" } }
        if bytes.has("@") { s = PIIMasker.replace(Patterns.email, in: s) { _ in "[EMAIL]" } }
        if bytes.has(":") {
            s = PIIMasker.replace(Patterns.ipv6, in: s) { match in PIIMasker.looksLikeIPv6(match) ? "[IP]" : nil }
        }
        if bytes.hasDigit {
            s = PIIMasker.replace(Patterns.ipv4, in: s) { match in PIIMasker.looksLikeIPv4(match) ? "[IP]" : nil }
        }
        if bytes.has(".") { s = PIIMasker.replace(Patterns.domain, in: s) { _ in "[URL]" } }
        if bytes.hasDigit { s = PIIMasker.replace(Patterns.digits, in: s) { match in PIIMasker.classifyDigits(match) } }
        if bytes.has("@") { s = PIIMasker.replace(Patterns.handle, in: s) { _ in "[HANDLE]" } }
        s = maskNames(s, hasNonASCII: bytes.hasNonASCII)
        return s
    }

    /// Byte-level facts about a text, for skipping regex passes that cannot match.
    struct Bytes {
        let utf8: [UInt8]
        init(_ text: String) { utf8 = Array(text.utf8) }
        var hasDigit: Bool { utf8.contains { $0 >= 0x30 && $0 <= 0x39 } }
        var hasNonASCII: Bool { utf8.contains { $0 >= 0x80 } }
        func has(_ needle: StaticString) -> Bool {
            let n = needle.utf8CodeUnitCount
            guard n > 0, utf8.count >= n else { return false }
            let first = needle.utf8Start[0]
            var i = 0
            while i <= utf8.count - n {
                if utf8[i] == first {
                    var j = 1
                    while j < n && utf8[i + j] == needle.utf8Start[j] { j += 1 }
                    if j == n { return true }
                }
                i += 1
            }
            return false
        }
    }

    // MARK: numbers

    /// Decides what a run of digits and separators is: a phone number, an account/card-like
    /// number, or an ordinary number (quantities, years, dates, decimals), which stays.
    static func classifyDigits(_ match: String) -> String? {
        let digitCount = match.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }.count
        let groups = match.split(whereSeparator: { !("0"..."9").contains($0) }).map(String.init)
        let hasPlus = match.hasPrefix("+")
        let hasParens = match.contains("(")
        let separators = Set(match.filter { $0 == " " || $0 == "-" || $0 == "." || $0 == "/" })
        if digitCount < 7 { return nil }
        // Dates and decimals: 2024-03-02, 02.03.2024, 3.14159.
        if groups.count == 3 && separators.count == 1 && !separators.contains(" ")
            && ((groups[0].count == 4 && groups[1].count <= 2 && groups[2].count <= 2)
                || (groups[0].count <= 2 && groups[1].count <= 2 && (groups[2].count == 4 || groups[2].count == 2)))
        {
            return nil
        }
        if groups.count == 2 && separators == ["."] && !hasPlus { return nil }
        // A list of years or other four-digit quantities separated by spaces: "2019 2020 2021".
        if separators == [" "] && groups.allSatisfy({ $0.count == 4 && (Int($0).map { $0 >= 1000 && $0 <= 2999 } ?? false) })
            && groups.count <= 3
        {
            return nil
        }
        if hasPlus && digitCount >= 8 && digitCount <= 15 { return "[PHONE]" }
        if hasParens && digitCount <= 15 { return "[PHONE]" }
        // Card-like: 13–19 digits, as one run or in groups of four.
        if digitCount >= 13 && digitCount <= 19 && (groups.count == 1 || groups.dropLast().allSatisfy { $0.count == 4 }) {
            return "[NUMBER]"
        }
        if groups.count >= 2 && digitCount >= 7 && digitCount <= 13 { return "[PHONE]" }
        if groups.count == 1 && digitCount >= 8 { return "[NUMBER]" }
        if digitCount > 13 { return "[NUMBER]" }
        return nil
    }

    static func looksLikeIPv4(_ match: String) -> Bool {
        let parts = match.split(separator: ".")
        return parts.count == 4 && parts.allSatisfy { Int($0).map { $0 <= 255 } ?? false }
    }

    /// A time like `10:30:45` has colons too; an IPv6 address has `::` or at least five of them.
    static func looksLikeIPv6(_ match: String) -> Bool {
        let colons = match.filter { $0 == ":" }.count
        guard match.contains("::") || colons >= 5 else { return false }
        guard colons >= 2 else { return false }
        // At least one group with a hex letter or more than two digits, so "1::2" in prose is rare.
        return match.split(separator: ":").contains { $0.count >= 3 || $0.contains(where: { $0.isLetter }) } || colons >= 5
            || match == "::1"
    }

    // MARK: names

    func maskNames(_ text: String, hasNonASCII: Bool = true) -> String {
        var s = text
        s = PIIMasker.replace(Patterns.nameAfterCue, in: s, group: 1) { name in PIIMasker.trimNameWords(name) }
        s = PIIMasker.replace(Patterns.nameAfterSignOff, in: s, group: 1) { name in PIIMasker.trimNameWords(name) }
        s = PIIMasker.replace(Patterns.nameAfterTitle, in: s, group: 1) { name in PIIMasker.trimNameWords(name) }
        s = PIIMasker.replace(Patterns.nameAfterRelation, in: s, group: 1) { name in PIIMasker.trimNameWords(name) }
        if Bytes(s).has(" here") {
            s = PIIMasker.replace(Patterns.nameBeforeHere, in: s, group: 1) { name in PIIMasker.trimNameWords(name) }
        }
        if hasNonASCII {
            s = PIIMasker.replace(Patterns.cjkName, in: s, group: 1) { _ in "[NAME]" }
            s = PIIMasker.replace(Patterns.cjkNameBeforeCue, in: s, group: 1) { _ in "[NAME]" }
            s = PIIMasker.replace(Patterns.latinNameInCJK, in: s, group: 1) { name in PIIMasker.trimNameWords(name) }
            s = PIIMasker.replace(Patterns.latinNameInCJK, in: s, group: 2) { name in PIIMasker.trimNameWords(name) }
        }
        s = maskListedNames(s)
        return s
    }

    /// `[NAME]` for the leading name words of a cue's capture, keeping any words after the
    /// first stop word ("I'm Anna Because" → "[NAME] Because"); nil when the first word is not a name.
    static func trimNameWords(_ capture: String) -> String? {
        var words = capture.split(separator: " ", omittingEmptySubsequences: true)
        // "Hello, I'm Ann": the greeting's capture starts at "I'm"; the name comes after it.
        var lead: [Substring] = []
        while let first = words.first, selfWords.contains(first.lowercased()) {
            lead.append(first)
            words.removeFirst()
        }
        let prefix = lead.isEmpty ? "" : lead.joined(separator: " ") + " "
        var nameCount = 0
        for word in words {
            if NameLists.notNames.contains(word.lowercased()) { break }
            nameCount += 1
        }
        if nameCount == 0 { return nil }
        let rest = words.dropFirst(nameCount).joined(separator: " ")
        return prefix + (rest.isEmpty ? "[NAME]" : "[NAME] " + rest)
    }

    private static let selfWords: Set<String> = ["i'm", "i’m", "i", "am", "my", "name", "is", "this"]

    /// Masks capitalised words from the built-in name lists, with a capitalised word right
    /// after a first name (the surname) and before a listed surname (the first name).
    func maskListedNames(_ text: String) -> String {
        let ns = text as NSString
        let matches = Patterns.capitalisedWord.matches(in: text, range: NSRange(location: 0, length: ns.length))
        if matches.isEmpty { return text }
        let words = matches.map { ns.substring(with: $0.range) }
        var isName = [Bool](repeating: false, count: words.count)
        func adjacent(_ i: Int, _ j: Int) -> Bool {
            let gap = matches[i].range.location + matches[i].range.length
            let between = ns.substring(with: NSRange(location: gap, length: matches[j].range.location - gap))
            return !between.isEmpty && between.allSatisfy { $0 == " " }
        }
        for (i, word) in words.enumerated() {
            var key = word.lowercased()
            // "Anna's" is Anna.
            if key.hasSuffix("'s") || key.hasSuffix("’s") { key = String(key.dropLast(2)) }
            if NameLists.notNames.contains(key) { continue }
            if i > 0 && adjacent(i - 1, i) && NameLists.placePrefixes.contains(words[i - 1].lowercased()) { continue }
            if NameLists.firstNames.contains(key) {
                isName[i] = true
                if i + 1 < words.count && adjacent(i, i + 1) && !NameLists.notNames.contains(words[i + 1].lowercased()) {
                    isName[i + 1] = true
                }
            } else if NameLists.surnames.contains(key) {
                isName[i] = true
                if i > 0 && adjacent(i - 1, i) && !NameLists.notNames.contains(words[i - 1].lowercased()) {
                    isName[i - 1] = true
                }
            }
        }
        guard isName.contains(true) else { return text }
        var result = ""
        var cursor = 0
        var i = 0
        while i < words.count {
            guard isName[i] else {
                i += 1
                continue
            }
            var j = i
            while j + 1 < words.count && isName[j + 1] && adjacent(j, j + 1) { j += 1 }
            let startLocation = matches[i].range.location
            let endLocation = matches[j].range.location + matches[j].range.length
            result += ns.substring(with: NSRange(location: cursor, length: startLocation - cursor))
            result += "[NAME]"
            if let suffix = ["'s", "’s"].first(where: { words[j].hasSuffix($0) }) { result += suffix }
            cursor = endLocation
            i = j + 1
        }
        result += ns.substring(from: cursor)
        return result
    }

    // MARK: helpers

    /// Replaces each match (or its capture `group`) with what `transform` returns; nil keeps it.
    static func replace(
        _ regex: NSRegularExpression, in text: String, group: Int = 0, _ transform: (String) -> String?
    ) -> String {
        let ns = text as NSString
        let matches = regex.matches(in: text, range: NSRange(location: 0, length: ns.length))
        if matches.isEmpty { return text }
        var result = ""
        var cursor = 0
        for match in matches {
            let range = match.range(at: group)
            if range.location == NSNotFound || range.location < cursor { continue }
            guard let replacement = transform(ns.substring(with: range)) else { continue }
            result += ns.substring(with: NSRange(location: cursor, length: range.location - cursor))
            result += replacement
            cursor = range.location + range.length
        }
        result += ns.substring(from: cursor)
        return result
    }
}

/// The compiled patterns, built once.
enum Patterns {
    static func make(_ pattern: String, _ options: NSRegularExpression.Options = []) -> NSRegularExpression {
        // The patterns are constants; a failure here is a programming error caught by the tests.
        try! NSRegularExpression(pattern: pattern, options: options)
    }

    static let url = make(#"(?i)\b(?:https?://|ftp://|www\.)[^\s<>"'\]\[)(]*[^\s<>"'\]\[)(.,;:!?]"#)
    static let email = make(#"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}"#)
    static let ipv4 = make(#"(?<![\d.])\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?![\d.]*\d)"#)
    static let ipv6 = make(#"(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){1,7}(?::?[0-9A-Fa-f]{1,4}|:)(?::[0-9A-Fa-f]{1,4}){0,6}(?![\w:])|(?<![\w:])::(?:[0-9A-Fa-f]{1,4})(?::[0-9A-Fa-f]{1,4}){0,6}(?![\w:])"#)
    /// Bare domains with a common top-level domain ("example.com/page"); file names like
    /// `main.py` are left alone because `.py` is not in the list.
    static let domain = make(
        #"(?i)(?<![\w@.\-/])(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+(?:com|org|net|edu|gov|info|biz|co\.uk|uk|de|fr|es|nl|ru|jp|cn|br|au|ca|ch|se|io|ai|dev|app)\b(?:/[^\s<>"']*[^\s<>"'.,;:!?)])?"#)
    /// Digits with single separators, optionally led by `+` or wrapped in parentheses.
    static let digits = make(#"(?<![\w.])\+?\(?\d+\)?(?:[ \-./]?\(?\d+\)?)*(?![\w])"#)
    static let handle = make(#"(?<![\w@.\[])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?\b"#)
    static let capitalisedWord = make(#"(?<![\p{L}\p{M}\[])\p{Lu}[\p{Ll}\p{M}'’\-]*\p{Ll}(?![\p{L}\p{M}\]])"#)

    static let nameWord = #"\p{Lu}[\p{L}\p{M}'’\-]*[\p{L}\p{M}]"#
    static let nameWords = "(\(nameWord)(?:[ \\t]+\(nameWord)){0,2})"

    static let nameAfterCue = make(
        #"(?i:\b(?:my name is|my name's|my full name is|i am|i'm|i’m|call me|me llamo|mi nombre es|yo soy|je m'appelle|je m’appelle|mon nom est|je suis|ich heiße|ich heisse|mein name ist|ich bin|mi chiamo|il mio nome è|meu nome é|me chamo|chamo-me|eu sou|ik ben|mijn naam is|ik heet|dear|hi|hello|hey|hola|bonjour|salut|hallo|ciao|olá|oi|querido|querida|cher|chère|liebe|lieber|caro|cara|beste)\b[,:]?[ \t]+)"#
            + nameWords)
    static let nameAfterSignOff = make(
        #"(?i:\b(?:thanks|thank you|many thanks|regards|best regards|kind regards|warm regards|best wishes|best|cheers|sincerely|yours truly|yours|saludos|un saludo|atentamente|gracias|cordialement|merci|bien à vous|mit freundlichen grüßen|viele grüße|grüße|danke|cordiali saluti|saluti|grazie|obrigado|obrigada|atenciosamente|abraços|met vriendelijke groet|groeten|bedankt)(?:[,!.]|[ \t]*\n)[ \t]*(?:\n[ \t]*)?(?:[-–—][ \t]*)?)"#
            + nameWords)
    static let nameAfterTitle = make(
        #"(?:\b(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Sr|Sra|Srta|Mme|Mlle|Herr|Frau|Monsieur|Madame|Signor|Signora|Dott|Dhr|Mevr)\.?[ \t]+)"#
            + nameWords)
    /// Names after a relation: "my colleague Ann Lee", "my wife, Sara", "mi amigo Juan".
    static let nameAfterRelation = make(
        #"(?i:\b(?:my|our|his|her|their|mi|mis|mon|ma|mes|mein|meine|meinem|meiner|il mio|la mia|meu|minha|mijn)[ \t]+(?:colleague|coworker|co-worker|friend|best friend|wife|husband|partner|boss|manager|son|daughter|mother|father|mom|mum|dad|brother|sister|neighbour|neighbor|teacher|client|customer|girlfriend|boyfriend|fiancé|fiancée|fiance|fiancee|cousin|uncle|aunt|grandson|granddaughter|grandmother|grandfather|landlord|tenant|doctor|lawyer|student|employee|amigo|amiga|esposa|esposo|marido|mujer|jefe|jefa|hijo|hija|madre|padre|hermano|hermana|collègue|ami|amie|femme|mari|patron|fils|fille|mère|père|frère|sœur|kollege|kollegin|freund|freundin|frau|mann|chef|chefin|sohn|tochter|mutter|vater|bruder|schwester|collega|amico|moglie|figlio|figlia|colega|esposa|filho|filha|collega|vriend|vriendin|vrouw|man)[,:]?[ \t]+)"#
            + nameWords)
    /// "Ann Lee here." at the start of a line or sentence.
    static let nameBeforeHere = make(#"(?:^|(?<=[.!?\n]\s)|(?<=\n))"# + nameWords + #"(?=[ \t]+here\b)"#, [.anchorsMatchLines])

    /// Names after a self-introduction in Chinese, Japanese or Korean; "私は…" alone is too
    /// often followed by a noun ("私は学生です") to count as a cue.
    static let cjkName = make(
        #"(?:我叫|我的名字是|我的名字叫|私の名前は|名前は|제 이름은)[ \t]*(\p{Han}{2,4}|\p{Katakana}{2,8}|\p{Hangul}{2,4})"#)
    /// A Latin-script name in CJK text: "我是Anna Berg。", "Anna Bergです。".
    static let latinNameInCJK = make(
        #"(?:我是|我叫|我的名字是|私は|僕は|名前は|저는|제 이름은)[ \t]*"# + nameWords + "|" + nameWords + #"[ \t]*(?=です|と申します|と言います|입니다|이에요)"#)
    static let cjkNameBeforeCue = make(#"(\p{Han}{1,4}|\p{Katakana}{2,8})(?=と申します)"#)
}
