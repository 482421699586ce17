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
        if bytes.hasDigit {
            // Addresses before bare numbers, so a house number stays with its street.
            for pattern in Patterns.addresses {
                s = PIIMasker.replace(pattern, in: s) { match in PIIMasker.classifyAddress(match) }
            }
            s = PIIMasker.replace(Patterns.idToken, in: s) { match in PIIMasker.classifyIDToken(match) }
            s = PIIMasker.replace(Patterns.digits, in: s) { match in PIIMasker.classifyDigits(match) }
        }
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

    /// `[NUMBER]` for a token that mixes letters (or dashes) with at least six digits, such as
    /// `ACC991580955`, `ID-4417-2291`, an IBAN or a passport number; nil for resolutions,
    /// quantities with a unit (`150000km`) and tokens that carry an ISO date (model names).
    static func classifyIDToken(_ token: String) -> String? {
        let digitCount = token.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }.count
        guard digitCount >= 6 else { return nil }
        let ns = token as NSString
        let whole = NSRange(location: 0, length: ns.length)
        if Patterns.resolution.firstMatch(in: token, range: whole) != nil { return nil }
        if Patterns.quantityWithUnit.firstMatch(in: token, range: whole) != nil { return nil }
        if Patterns.isoDate.firstMatch(in: token, range: whole) != nil { return nil }
        return "[NUMBER]"
    }

    /// `[ADDRESS]` for a street address; a Chinese match keeps the verb or preposition the
    /// pattern swept up in front of the city ("我住在…" keeps "在"), and an English match whose
    /// words read as prose ("20 minute drive", "3 times close") is kept.
    static func classifyAddress(_ match: String) -> String? {
        if let first = match.unicodeScalars.first, first.properties.isIdeographic {
            let chars = Array(match)
            let stopAt = chars.firstIndex { "省市区县路街道巷弄".contains($0) } ?? 0
            var keep = 0
            for (i, c) in chars.prefix(stopAt).enumerated() where "在是到于址往".contains(c) { keep = i + 1 }
            // The city or street needs at least two characters of its own.
            if keep > 0 && stopAt - keep < 2 { keep = 0 }
            return String(chars.prefix(keep)) + "[ADDRESS]"
        }
        guard let first = match.unicodeScalars.first, ("0"..."9").contains(first) else { return "[ADDRESS]" }
        // "12 rue de la Paix": French forms put the street word first and are not prose.
        let words = match.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).dropFirst()
        guard let streetIndex = words.firstIndex(where: { Self.englishStreetWords.contains($0.lowercased().trimmingCharacters(in: ["."])) })
        else { return "[ADDRESS]" }
        let between = words[words.startIndex..<streetIndex]
        if between.contains(where: { Self.addressStopWords.contains($0.lowercased()) }) { return nil }
        if Self.ambiguousStreetWords.contains(words[streetIndex].lowercased()) {
            if !between.allSatisfy({ $0.first?.isUppercase ?? false }) { return nil }
        }
        return "[ADDRESS]"
    }

    static let englishStreetWords: Set<String> = [
        "street", "st", "avenue", "ave", "road", "rd", "lane", "ln", "drive", "dr", "boulevard", "blvd", "way",
        "court", "ct", "place", "pl", "terrace", "close", "crescent", "parkway", "highway", "hwy",
    ]
    /// Street words that are also everyday words; the words before them must be capitalised.
    static let ambiguousStreetWords: Set<String> = ["way", "court", "place", "pl", "close", "drive", "dr", "st", "ct"]
    static let addressStopWords: Set<String> = [
        "of", "the", "a", "an", "and", "or", "to", "in", "on", "at", "by", "for", "from", "with", "into", "onto",
        "down", "up", "off", "along", "across", "near", "my", "your", "our", "their", "his", "her", "its",
        "times", "time", "minute", "minutes", "min", "hour", "hours", "mile", "miles", "km", "kilometres",
        "kilometers", "block", "blocks", "more", "other", "different", "lane", "cups", "cup", "days", "weeks",
        "years", "people", "steps", "step", "ways",
    ]

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
        s = PIIMasker.replace(Patterns.nameBeforeWriting, in: s, group: 1) { name in
            name.split(separator: " ").contains { NameLists.notNames.contains($0.lowercased()) } ? nil : "[NAME]"
        }
        s = PIIMasker.replace(Patterns.lowercaseNameAfterStrongCue, in: s, group: 1) { name in PIIMasker.trimNameWords(name) }
        s = PIIMasker.replace(Patterns.lowercaseNameAfterWeakCue, in: s, group: 1) { name in
            guard let first = name.split(separator: " ").first, NameLists.firstNames.contains(String(first)) else { return nil }
            return PIIMasker.trimNameWords(name)
        }
        if Bytes(s).has(" here") {
            s = PIIMasker.replace(Patterns.nameBeforeHere, in: s, group: 1) { name in PIIMasker.trimNameWords(name) }
        }
        if hasNonASCII {
            s = PIIMasker.replace(Patterns.cjkName, in: s, group: 1) { _ in "[NAME]" }
            s = PIIMasker.replace(Patterns.cjkNameBeforeCue, in: s, group: 1) { _ in "[NAME]" }
            s = PIIMasker.replace(Patterns.chineseNameAfterWoShi, in: s, group: 1) { _ in "[NAME]" }
            s = PIIMasker.replace(Patterns.japaneseNameBeforeDesu, in: s, group: 1) { _ in "[NAME]" }
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
    /// The boundaries name alphabetic scripts rather than `\w`, because CJK text puts digits
    /// right against ideographs ("我的账号是2813073855。") and ICU counts those as word characters.
    /// Digits after "letters-" belong to a token that `idToken` has already judged.
    static let digits = make(#"(?<![\p{Latin}\p{Greek}\p{Cyrillic}\p{N}_.])(?<!\p{Latin}-)\+?\(?\d+\)?(?:[ \-./]?\(?\d+\)?)*(?![\p{Latin}\p{Greek}\p{Cyrillic}\p{N}_])"#)
    /// A token of Latin letters, digits and inner dashes with at least one letter and one
    /// digit; `classifyIDToken` decides from the digit count.
    static let idToken = make(
        #"(?<![\p{Latin}\p{N}_\-.:/@#])(?=[A-Za-z0-9\-]*[A-Za-z])(?=[A-Za-z0-9\-]*[0-9])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?![\p{Latin}\p{N}_\-@]|[.:/][\p{Latin}\p{N}])"#)
    static let resolution = make(#"^\d{3,5}[xX]\d{3,5}$"#)
    static let quantityWithUnit = make(#"^\d+(?:km|mi|kg|g|mg|ml|mAh|mah|GB|MB|KB|TB|gb|mb|kb|tb|ms|px|k|m|s|h|min|Hz|kHz|MHz|GHz|kWh|kw|kW|rpm|th|st|nd|rd)$"#)
    /// An ISO date inside a token, dashed anywhere or compact at the end ("…-20240620"); a bare
    /// run of digits is not read as a date, since a random account number often contains one.
    static let isoDate = make(#"(?:19|20)\d{2}-\d{2}-\d{2}|-(?:19|20)\d{2}(?:0\d|1[0-2])[0-3]\d$"#)

    /// Text after a street address: ", City" with one or two capitalised words.
    static let cityTail = #"(?:,[ \t]*\p{Lu}[\p{L}\p{M}'’\-]+(?:[ \t]+\p{Lu}[\p{L}\p{M}'’\-]+)?)?"#
    static let streetName = #"\p{Lu}[\p{L}\p{M}'’\-]*"#
    static let streetLink = #"(?:(?:de|del|la|las|los|el|da|das|do|dos|di|della|du|des|le)[ \t]+|[ld]['’])*"#
    /// Street addresses, most specific first: French, Spanish/Portuguese/Italian, German,
    /// Chinese, then English ("221B Baker Street", "164 oakwood avenue, Portland").
    static let addresses: [NSRegularExpression] = [
        make(#"(?<![\p{L}\p{N}])\d{1,4}(?:[ \t]*(?:bis|ter))?,?[ \t]+(?i:rue|avenue|boulevard|bd|place|allée|impasse|chemin|quai|route|cours|square)[ \t]+"#
            + streetLink + streetName + "(?:[ \t]+" + streetLink + streetName + "){0,3}" + cityTail),
        make(#"\b(?:[Cc]alle|[Aa]venida|Avda\.?|Av\.|Paseo|Plaza|Camino|Carretera|Ronda|[Rr]ua|Travessa|Praça|Alameda|Estrada|Largo|Via|Viale|Piazza|Corso)[ \t]+"#
            + streetLink + streetName + "(?:[ \t]+" + streetLink + streetName + "){0,3}"
            + #",?[ \t]+(?:n[º°o]\.?[ \t]*)?\d{1,5}[A-Za-z]?(?![\p{N}\p{L}])"# + cityTail),
        make(#"(?<![\p{L}])(?:\p{Lu}[\p{L}\p{M}\-]*[ \t]+)?\p{Lu}[\p{L}\p{M}\-]*(?:straße|strasse|Straße|Strasse|str\.|weg|Weg|allee|Allee|platz|Platz|gasse|Gasse|damm|Damm|ufer|Ufer)[ \t]+\d{1,4}[a-z]?(?![\p{N}\p{L}])"#
            + cityTail),
        make(#"(?:\p{Han}{2,3}[省市])?(?:\p{Han}{1,4}[区县])?\p{Han}{1,6}?(?:路|街|大道|道|巷|弄)[ \t]*\d{1,5}[ \t]*号(?:[ \t]*\d{1,5}[ \t]*室)?"#),
        make(#"(?<![\p{L}\p{N}])\d{1,5}[A-Za-z]?[ \t]+(?:[\p{L}\p{M}'’\-]+[ \t]+){1,3}(?i:street|st\.?|avenue|ave\.?|road|rd\.?|lane|ln\.?|drive|dr\.?|boulevard|blvd\.?|way|court|ct\.?|place|pl\.?|terrace|close|crescent|parkway|highway|hwy)(?![\p{L}])"#
            + cityTail),
    ]

    static let handle = make(#"(?<![\w@.\[])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?\b"#)
    static let capitalisedWord = make(#"(?<![\p{L}\p{M}\[])\p{Lu}[\p{Ll}\p{M}'’\-]*\p{Ll}(?![\p{L}\p{M}\]])"#)

    static let nameWord = #"\p{Lu}[\p{L}\p{M}'’\-]*[\p{L}\p{M}]"#
    static let nameWords = "(\(nameWord)(?:[ \\t]+\(nameWord)){0,2})"

    static let nameAfterCue = make(
        #"(?i:\b(?:my name is|my name's|my full name is|i am|i'm|i’m|call me|me llamo|mi nombre es|yo soy|soy|sou o|sou a|sou|je m'appelle|je m’appelle|mon nom est|je suis|ich heiße|ich heisse|mein name ist|ich bin|mi chiamo|il mio nome è|meu nome é|me chamo|chamo-me|eu sou|ik ben|mijn naam is|ik heet|dear|hi|hello|hey|hola|bonjour|salut|hallo|ciao|olá|oi|querido|querida|cher|chère|liebe|lieber|caro|cara|beste)\b[,:]?[ \t]+)"#
            + nameWords)
    /// After "Thanks!" or "Danke." the next capitalised word usually starts a sentence
    /// ("Danke! Kannst du…"), so there the name must stand alone on its line.
    static let nameAfterSignOff = make(
        #"(?i:\b(?:thanks|thank you|many thanks|regards|best regards|kind regards|warm regards|best wishes|best|cheers|sincerely|yours truly|yours|saludos|un saludo|atentamente|gracias|cordialement|merci|bien à vous|mit freundlichen grüßen|viele grüße|grüße|danke|cordiali saluti|saluti|grazie|obrigado|obrigada|atenciosamente|abraços|met vriendelijke groet|groeten|bedankt)(?:,|[!.](?=[ \t]*\n|[ \t]*\p{Lu}[\p{L}\p{M}'’\-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}'’\-]*){0,2}[ \t]*(?:$|\n))|[ \t]*\n)[ \t]*(?:\n[ \t]*)?(?:[-–—][ \t]*)?)"#
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
    /// "我是王伟。": after 我是 (which also introduces "我是学生"), only two or three ideographs that
    /// start with a common surname and end the clause count as a name.
    static let chineseNameAfterWoShi = make(
        #"我是[ \t]*([王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文]\p{Han}{1,2})(?=[。，,.!！?？、；;\s]|$)"#)
    /// "私は佐藤です。": a katakana name, or a common family name, before です; "私は学生です" stays.
    static let japaneseNameBeforeDesu = make(
        #"(?:私は|僕は|わたしは)[ \t]*(\p{Katakana}[\p{Katakana}ー・]{1,10}|(?:佐藤|鈴木|高橋|田中|伊藤|渡辺|渡部|山本|中村|小林|加藤|吉田|山田|佐々木|山口|松本|井上|木村|林|斎藤|清水|山崎|森|池田|橋本|阿部|石川|山下|中島|石井|小川|前田|岡田|長谷川|藤田|後藤|近藤|村上|遠藤|青木|坂本|斉藤|福田|太田|西村|藤井|金子|岡本|藤原|三浦|中野|原田|松田|竹内|小野|田村|中山|和田|石田|上田|森田|原|柴田|酒井|工藤|横山|宮崎|宮本|内田|高木|安藤|谷口|大野|丸山|今井|高田|藤本|武田|村田|上野|杉山|増田|平野|大塚|千葉|久保|松井|小島|岩崎|桜井|野口|松尾|野村|木下|菊地|佐野|大西|杉本|新井)\p{Han}{0,3})(?=です|と申します|といいます|と言います)"#)
    /// "This is Ann Lee writing": the words before writing/speaking/here, in any case, since
    /// casual text writes names in lower case and the trailing word makes the cue unambiguous.
    static let nameBeforeWriting = make(
        #"(?i:\bthis is)[ \t]+(\p{L}[\p{L}\p{M}'’\-]*(?:[ \t]+\p{L}[\p{L}\p{M}'’\-]*){0,2}?)(?=[ \t]*,?[ \t]+(?i:writing|speaking|here|again)\b)"#)
    /// Casual text writes names in lower case; after a cue that can only introduce a name, the
    /// next one or two lower-case words are the name (up to a stop word).
    static let lowercaseNameAfterStrongCue = make(
        #"(?i:\b(?:my name is|my name's|my full name is|me llamo|mi nombre es|je m'appelle|je m’appelle|mon nom est|ich heiße|ich heisse|mein name ist|mi chiamo|meu nome é|me chamo|mijn naam is|ik heet))[ \t]+(\p{Ll}[\p{L}\p{M}'’\-]*(?:[ \t]+\p{Ll}[\p{L}\p{M}'’\-]*)?)"#)
    /// After a cue that also introduces other words ("i'm tired"), a lower-case name counts only
    /// when its first word is a listed first name.
    static let lowercaseNameAfterWeakCue = make(
        #"(?i:\b(?:i'm|i’m|i am|soy|sou|je suis|ich bin|dear|hi|hello|hey|regards,|thanks,|cheers,|best,|cordialement,|viele grüße,|saludos,|obrigado,|obrigada,))[ \t]+(\p{Ll}[\p{L}\p{M}'’\-]*(?:[ \t]+\p{Ll}[\p{L}\p{M}'’\-]*)?)"#)
    static let cjkNameBeforeCue = make(#"(\p{Han}{1,4}|\p{Katakana}{2,8})(?=と申します)"#)
}
