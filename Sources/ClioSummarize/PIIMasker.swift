import Foundation
import ClioCore

/// Replaces personal details in free text with placeholders: `[EMAIL]`, `[URL]`, `[IP]`,
/// `[PHONE]`, `[NUMBER]` (card-like and long account or ID numbers), `[HANDLE]`, `[ADDRESS]`
/// and `[NAME]`.
///
/// The passes run from the most to the least specific shape, so a URL's digits are not read
/// as a phone number and an email's `@user` is not read as a handle. Street addresses are found
/// by shape in the forms of the languages `LanguageGuesser` names: a street word and a house
/// number in either order ("62 Calle Mayor", "Calle Mayor 62", "Hauptstraße 5", "人民路256号",
/// "2丁目8番1号"), with the units, postcodes and cities around them. Names are found three ways:
/// after a cue ("my name is", "I'm", "this is", "soy", "Dear", "Regards,", "— ", "Dr.", "我是",
/// "私は…です" and their equivalents), where everyday words after the weaker cues are let
/// through ("I'm Happy to help"); wherever else a name found so; and by a compact built-in list
/// of common first names and surnames when capitalised. docs/pii.md lists the forms and the
/// measured leaks. The masker errs towards masking: a lost topical word costs less than a leak.
public struct PIIMasker: Sendable {
    public init() {}

    /// Name words a cue introduced in one message, masked wherever they stand in the others of
    /// the same conversation ("Hi, I'm Kwame Okafor." … "Kwame again: …").
    public struct KnownNames: Sendable {
        var words: Set<String> = []
        var cjk: Set<String> = []
        public init() {}
        public var isEmpty: Bool { words.isEmpty && cjk.isEmpty }
    }

    public func mask(_ text: String) -> String {
        var known = KnownNames()
        return mask(text, known: &known)
    }

    /// The messages of one conversation, each masked on its own (a sign-off ends its message),
    /// with the names learned in any of them masked in all.
    public func mask(conversation texts: [String]) -> [String] {
        var known = KnownNames()
        var masked = texts.map { mask($0, known: &known) }
        guard texts.count > 1, !known.isEmpty else { return masked }
        // A name learned in a later message is masked in the earlier ones too.
        masked = masked.map { text in
            var s = maskListedNames(text, learned: known.words)
            for found in known.cjk where found.count >= 2 { s = s.replacingOccurrences(of: found, with: "[NAME]") }
            return s
        }
        return masked
    }

    public func mask(_ text: String, known: inout KnownNames) -> String {
        let masked = maskOnce(text, known: &known)
        // A text typed in capitals ("FRANZ XAVER HUBER, DORFPLATZ 7") is read in lower case too,
        // where the lower-case forms find what capitals hide; the reading that masks more wins.
        guard PIIMasker.isShouted(text) || PIIMasker.isCapsLockInverted(text) else { return masked }
        var knownLower = known
        let lowered = maskOnce(text.lowercased(), known: &knownLower)
        func placeholders(_ s: String) -> Int { s.components(separatedBy: "[").count }
        guard placeholders(lowered) > placeholders(masked) else { return masked }
        known = knownLower
        return lowered
    }

    func maskOnce(_ text: String, known: inout KnownNames) -> String {
        var s = text
        if s.isEmpty { return s }
        // Cheap byte checks first: most texts have no '@' or '://', and a regex pass over a
        // text that cannot match costs as much as one that does.
        var bytes = Bytes(s)
        // Full-width letters and digits ("口座番号は１２３４５６７", "ＡＢ－１２３４５") are read as
        // ASCII, so every pattern and cue below sees them; a text in which nothing is masked
        // comes back as written.
        var narrowed: String?
        if bytes.hasNonASCII, let narrow = PIIMasker.narrowedWidth(s) {
            s = narrow
            narrowed = narrow
            bytes = Bytes(s)
        }
        // For the passes whose cue needs one of a few words (masking adds none of them).
        let lower = s.lowercased()
        if bytes.has("://") || bytes.has("www.") || bytes.has("WWW.") { s = PIIMasker.replace(Patterns.url, in: s) { _ in "[URL]" } }
        if bytes.has("@") {
            s = PIIMasker.replace(Patterns.email, in: s) { _ in "[EMAIL]" }
            // "kwame.okafor@gmail": a mail provider without its domain's end.
            s = PIIMasker.replace(Patterns.emailAtProvider, in: s) { _ in "[EMAIL]" }
        }
        // Written out so as not to be read by machines: "kwame dot okafor at gmail dot com", "ana[at]example.com".
        if lower.contains("[at]") || lower.contains("(at)") || lower.contains("{at}") || lower.contains(" dot ") {
            s = PIIMasker.replace(Patterns.spelledEmail, in: s) { match in
                let lowered = match.lowercased()
                if lowered.contains("[at]") || lowered.contains("(at)") || lowered.contains("{at}") { return "[EMAIL]" }
                // With a plain "at", "look at google dot com" is a site: an address has a dotted or
                // numbered local part, or a mail provider's domain.
                guard let at = lowered.range(of: " at ") else { return nil }
                let local = lowered[..<at.lowerBound]
                let domain = lowered[at.upperBound...]
                let addressLike = local.contains(" dot ") || local.contains(where: { $0.isNumber || "._".contains($0) })
                let provider = Patterns.mailProviders.contains { domain.hasPrefix($0) }
                return addressLike || provider ? "[EMAIL]" : nil
            }
        }
        if bytes.has(":") {
            s = PIIMasker.replace(Patterns.ipv6, in: s) { match in PIIMasker.looksLikeIPv6(match) ? "[IP]" : nil }
        }
        if bytes.hasDigit {
            s = PIIMasker.replace(Patterns.ipv4, in: s) { match in PIIMasker.looksLikeIPv4(match) ? "[IP]" : nil }
        }
        if bytes.has(".") { s = PIIMasker.replace(Patterns.domain, in: s) { _ in "[URL]" } }
        if bytes.hasDigit || bytes.has("丁目") || bytes.has("番地") {
            // Addresses before bare numbers, so a house number stays with its street.
            for pattern in Patterns.addresses where pattern.mayMatch(s, bytes) {
                s = PIIMasker.replace(pattern.regex, in: s) { match in PIIMasker.classifyAddress(match, pattern.check) }
            }
        }
        if bytes.hasDigit {
            // A number a cue names ("account 4417229", "call me on 5550142") is masked even when
            // its shape alone would pass for a quantity.
            if bytes.hasNonASCII {
                // Full-width digits and separators ("０９０－１２３４－５６７８", "03（1234）5678") read
                // as their ASCII forms.
                s = PIIMasker.replace(Patterns.wideDigits, in: s) { match in
                    match.unicodeScalars.allSatisfy(\.isASCII) ? nil : PIIMasker.classifyDigits(PIIMasker.narrowed(match))
                }
            }
            s = PIIMasker.replace(Patterns.iban, in: s) { match in match.filter(\.isNumber).count >= 10 ? "[NUMBER]" : nil }
            s = PIIMasker.replace(Patterns.nationalInsurance, in: s) { _ in "[NUMBER]" }
            s = PIIMasker.replace(Patterns.ukDrivingLicence, in: s) { _ in "[NUMBER]" }
            s = PIIMasker.replace(Patterns.numberedStreet, in: s) { _ in "[ADDRESS]" }
            s = PIIMasker.replace(Patterns.eircode, in: s) { match in match.contains(where: \.isLetter) && match.dropFirst(3).contains(where: \.isLetter) ? "[ADDRESS]" : nil }
            s = PIIMasker.replace(Patterns.frenchRIB, in: s) { _ in "[NUMBER]" }
            s = PIIMasker.replace(Patterns.secretCode, in: s, group: 1) { _ in "[NUMBER]" }
            if bytes.hasNonASCII {
                s = PIIMasker.replace(Patterns.chineseCaseNumber, in: s) { _ in "[NUMBER]" }
                s = PIIMasker.replace(Patterns.chineseVillageAddress, in: s) { _ in "[ADDRESS]" }
            }
            s = PIIMasker.replace(Patterns.numberedStreetWithSide, in: s) { _ in "[ADDRESS]" }
            s = PIIMasker.replace(Patterns.phoneWithExtension, in: s) { _ in "[PHONE]" }
            s = PIIMasker.replace(Patterns.cuedPhone, in: s, group: 1) { match in PIIMasker.classifyCuedNumber(match, "[PHONE]", minDigits: 6) }
            // Identifiers with letters count too: "order #A-99817-KX", "police 7845/AB/2023".
            s = PIIMasker.replace(Patterns.cuedAccount, in: s, group: 1) { match in
                guard match.contains(where: \.isLetter) else {
                    // Four digits name an account too ("Konto 4711"), unless they are a year.
                    if match.count == 4, let year = Int(match), (1900...2099).contains(year) { return nil }
                    return PIIMasker.classifyCuedNumber(match, "[NUMBER]", minDigits: 4)
                }
                // A code of capitals and digits, as booking references are: "QX7P2M".
                if match.count <= 12, match.allSatisfy({ ($0.isUppercase && $0.isASCII) || $0.isNumber }) { return "[NUMBER]" }
                return Patterns.isoDate.firstMatch(in: match, range: NSRange(location: 0, length: (match as NSString).length)) == nil
                    ? PIIMasker.classifyCuedNumber(match, "[NUMBER]", minDigits: 4) : nil
            }
            if ["end", "termin", "finiss", "finit", "finisce"].contains(where: { lower.contains($0) }) {
                s = PIIMasker.replace(Patterns.lastDigits, in: s, group: 1) { _ in "[NUMBER]" }
            }
            // "the last four 4471", "last 4 digits: 0921": the end of a card or account number.
            if lower.contains("last") { s = PIIMasker.replace(Patterns.lastFourDigits, in: s, group: 1) { _ in "[NUMBER]" } }
            s = PIIMasker.replace(Patterns.idToken, in: s) { match in PIIMasker.classifyIDToken(match) }
            s = PIIMasker.replaceInContext(Patterns.digits, in: s) { match, text, found in
                if let placeholder = PIIMasker.classifyDigits(match) { return placeholder }
                // A number of phone length on a line of contact details ("[NAME], 3783.2567, [EMAIL]")
                // is a phone number whatever its shape.
                guard match.filter(\.isNumber).count >= 7 else { return nil }
                let line = text.substring(with: text.lineRange(for: found.range))
                if line.contains("[EMAIL]") || line.contains("[PHONE]") { return "[PHONE]" }
                // Beside an account number already masked, a long number that is no amount is one too:
                // "正しくは 普通 [NUMBER] ですが、4829137 と入力してしまいました".
                let after = text.substring(from: NSMaxRange(found.range)).trimmingCharacters(in: .whitespaces).lowercased()
                let before = text.substring(to: found.range.location).trimmingCharacters(in: .whitespaces)
                let amount = ["円", "元", "€", "$", "%", "eur", "usd", "pesos", "reais", "yen", "万", "千", "kg", "km"].contains { after.hasPrefix($0) }
                    || ["$", "€", "£", "¥", "R$"].contains { before.hasSuffix($0) }
                // Digits alone, so a date ("3/17/2023") or a version stays.
                return text.contains("[NUMBER]") && !amount && match.allSatisfy(\.isNumber) ? "[NUMBER]" : nil
            }
        }
        if bytes.has("@") { s = PIIMasker.replace(Patterns.handle, in: s) { _ in "[HANDLE]" } }
        // "my username is kwame_okafor88": an account's name after the word for it.
        if ["user", "login", "gamertag", "benutzername", "usuario", "utilisateur", "identifiant", "utente", "usuário"].contains(where: { lower.contains($0) }) {
            s = PIIMasker.replace(Patterns.cuedUsername, in: s, group: 1) { found in
                // A word alone ("my login is broken") is none: an account's name has a digit, "_" or ".".
                found.contains(where: { $0.isNumber || $0 == "_" || $0 == "." }) ? "[HANDLE]" : nil
            }
        }
        // A name written in capitals is a form's entry ("KWAME OKAFOR", "ＴＡＮＡＫＡ　ＹＵＫＩ" read narrowed):
        // two or three words of capitals that are all listed names and no words are one.
        if narrowed != nil || bytes.hasUppercaseRun { s = PIIMasker.replace(Patterns.capitalsName, in: s) { PIIMasker.listedInCapitals($0) ? "[NAME]" : nil } }
        s = maskNames(s, lower: lower, hasNonASCII: bytes.hasNonASCII, known: &known)
        if s.contains("[NAME]") { s = PIIMasker.extendNames(s) }
        s = PIIMasker.extendAddresses(s)
        s = PIIMasker.maskLooseAddresses(s)
        if bytes.hasNonASCII { s = PIIMasker.extendCJKAddresses(s) }
        return s == narrowed ? text : s
    }

    /// The cased letters of `text` and how many of them are upper case, what stands in brackets
    /// aside when `skippingPlaceholders` (a masked text's "[ADDRESS]").
    static func caseCounts(_ text: String, skippingPlaceholders: Bool) -> (upper: Int, cased: Int) {
        var upper = 0, cased = 0, inPlaceholder = false
        for scalar in text.unicodeScalars {
            if skippingPlaceholders { if scalar == "[" { inPlaceholder = true } else if scalar == "]" { inPlaceholder = false } }
            guard !inPlaceholder, scalar.properties.isCased else { continue }
            cased += 1
            if scalar.properties.isUppercase { upper += 1 }
        }
        return (upper, cased)
    }

    /// Letters only Vietnamese writes among the languages the summarizer reads: ă, ơ, ư, đ and
    /// the vowels with a hook above, a dot below or a tone over ê, ô, â (not ê, ô, â alone: French).
    static let vietnameseLetters = Set("ăơưđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĩũĂƠƯĐẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸĨŨ")
    /// An honorific or a title (`japaneseTitles`) right after `location`: "さん", "様", "先生", "部長".
    static func japaneseHonorificFollows(_ text: NSString, at location: Int) -> Bool {
        let after = text.substring(from: location).trimmingCharacters(in: CharacterSet(charactersIn: " \t　」"))
        return (["さん", "様", "さま", "くん", "君", "ちゃん", "氏"] + japaneseTitles).contains { after.hasPrefix($0) }
    }

    /// Ideographs that end as Japanese given names do ("和夫", "美咲", "拓也") and are no common
    /// Japanese or Chinese word ("息子", "上司", "野菜"): what a bare name after a relation must look like.
    static func looksLikeJapaneseGivenName(_ found: String) -> Bool {
        guard (2...3).contains(found.count), let last = found.last else { return false }
        return "子美香太郎介輔也斗翔奈菜花恵樹彦雄夫男平司真実希佳紀里乃咲結愛翼蓮陽輝悠和朗哉馬志人央葵慶修音海".contains(last)
            && !NameLists.japaneseCommonWords.contains(found) && !isChineseWord(found, strict: true) && !NameLists.japaneseNotNames.contains(found)
    }

    static func hasVietnameseLetters(_ text: String) -> Bool { text.contains(where: vietnameseLetters.contains) }
    /// Text in Vietnamese: three of its function words or more ("và", "của", "không").
    static func isVietnameseText(_ text: String) -> Bool {
        text.lowercased().split(whereSeparator: { !$0.isLetter }).filter { vietnameseFunctionWords.contains(String($0)) }.count >= 3
    }
    private static let vietnameseFunctionWords: Set<String> = [
        "và", "của", "là", "có", "không", "tôi", "bạn", "được", "cho", "với", "này", "một", "những", "các", "để", "trong", "người",
        "đã", "sẽ", "thì", "mà", "nhưng", "khi", "cũng", "rất", "làm", "gì", "như", "từ",
    ]

    /// Whether a text is written in capitals: 16 cased letters or more, nine in ten of them upper case.
    static func isShouted(_ text: String) -> Bool {
        let (upper, cased) = caseCounts(text, skippingPlaceholders: false)
        return cased >= 16 && upper * 10 >= cased * 9
    }

    /// Whether a text was typed with caps lock on by someone writing in sentence case: mostly
    /// capitals, with a word of a lower-case letter before capitals ("tHIS IS GARY PEARCE").
    static func isCapsLockInverted(_ text: String) -> Bool {
        let (upper, cased) = caseCounts(text, skippingPlaceholders: false)
        guard cased >= 16, upper * 10 >= cased * 6 else { return false }
        return text.split(whereSeparator: { !$0.isLetter }).contains { word in
            word.count >= 4 && word.first!.isLowercase && word.dropFirst().allSatisfy(\.isUppercase)
        }
    }

    /// Whether a text is written in lower case: 16 cased letters or more and at most one in a
    /// hundred upper case, placeholders aside.
    static func isLowerCaseText(_ text: String) -> Bool {
        let (upper, cased) = caseCounts(text, skippingPlaceholders: true)
        return cased >= 16 && upper * 100 <= cased
    }

    /// In a text written in lower case, a listed first name and a listed surname side by side are
    /// a name ("megan riley, [ADDRESS]", "entrega era pra joao pedro santos"), with the listed
    /// names after them; the lists hold no everyday words, so the pair is rare in prose.
    static func maskLowercaseNamePairs(_ text: String) -> String {
        let ns = text as NSString
        let tokens = Patterns.lowercaseWord.matches(in: text, range: NSRange(location: 0, length: ns.length)).map(\.range)
        guard tokens.count >= 2 else { return text }
        func word(_ i: Int) -> String { ns.substring(with: tokens[i]) }
        func adjacent(_ i: Int) -> Bool {
            let gap = NSRange(location: NSMaxRange(tokens[i]), length: tokens[i + 1].location - NSMaxRange(tokens[i]))
            return gap.length >= 1 && gap.length <= 2 && ns.substring(with: gap).allSatisfy { $0 == " " }
        }
        func plausible(_ w: String) -> Bool { !NameLists.isEverydayWord(Substring(w)) && !StopWords.all.contains(w) && !NameLists.isNoName(w) }
        func first(_ w: String) -> Bool {
            (NameLists.firstNames.contains(w) || NameLists.firstNames.contains(w.folding(options: .diacriticInsensitive, locale: nil))) && plausible(w)
        }
        func surname(_ w: String) -> Bool {
            let head = w.split(separator: "-").first.map(String.init) ?? w
            return [w, head, w.folding(options: .diacriticInsensitive, locale: nil)].contains { NameLists.surnames.contains($0) || NameLists.firstNames.contains($0) } && plausible(head)
        }
        // A run of four or more pinyin syllables is romanised Chinese ("ni ke yi shuo zhong wen ma"),
        // and one of five or more listed words is no single name either.
        func listed(_ i: Int) -> Bool { NameLists.firstNames.contains(word(i)) || NameLists.surnames.contains(word(i)) }
        func pinyin(_ i: Int) -> Bool { Patterns.pinyinSyllable.firstMatch(in: word(i), range: NSRange(location: 0, length: (word(i) as NSString).length)) != nil }
        var inLongRun = [Bool](repeating: false, count: tokens.count)
        for (test, length) in [(pinyin, 4), (listed, 5)] as [((Int) -> Bool, Int)] {
            var start = 0
            for k in tokens.indices {
                guard !(k + 1 < tokens.count && adjacent(k) && test(k) && test(k + 1)) else { continue }
                if k - start + 1 >= length && (start...k).allSatisfy(test) { for m in start...k { inLongRun[m] = true } }
                start = k + 1
            }
        }
        var spans: [NSRange] = []
        var i = 0
        while i + 1 < tokens.count {
            guard !inLongRun[i], adjacent(i), first(word(i)), surname(word(i + 1)), word(i) != word(i + 1) else {
                i += 1
                continue
            }
            var j = i + 1
            while j + 1 < tokens.count, adjacent(j), surname(word(j + 1)) { j += 1 }
            spans.append(NSRange(location: tokens[i].location, length: NSMaxRange(tokens[j]) - tokens[i].location))
            i = j + 1
        }
        guard !spans.isEmpty else { return text }
        let result = NSMutableString(string: text)
        for span in spans.reversed() { result.replaceCharacters(in: span, with: "[NAME]") }
        return result as String
    }

    /// Street addresses written loosely, which the street patterns do not take: the house number
    /// given after the street in words ("Marlpit Lane, number 43", "calle Almendros, en el número 9",
    /// "rue du Moulin, au numéro 17", "Ahornweg, Hausnummer 12", "幸福路，门牌是56号"), and addresses
    /// typed in lower case ("via nizza 45", "23 rue victor hugo", "221 maple st", "herderstr. 19").
    static func maskLooseAddresses(_ text: String) -> String {
        var s = text
        let lower = s.lowercased()
        // Without a house number: "Camino de la Ermita s/n", "Località Poggio Alto snc", "Lieu-dit
        // Les Granges", "Lote 14, Manzana C".
        if ["s/n", "s.n.", "sin número", "snc", "lieu-dit", "lieudit", "località", "contrada", "lote", "manzana", "quadra"].contains(where: { lower.contains($0) }) {
            s = replace(Patterns.addressWithoutNumber, in: s) { _ in "[ADDRESS]" }
        }
        let numberWords = ["number", "no.", "nº", "número", "numero", "numéro", "nummer", "nr.", "门牌", "門牌"]
        if numberWords.contains(where: { lower.contains($0) }) {
            s = replace(Patterns.streetThenNumberInWords, in: s) { _ in "[ADDRESS]" }
        }
        if s.rangeOfCharacter(from: .decimalDigits) != nil {
            let romance = [" che ", " di ", " per ", " il ", " sono ", " abito ", " ritiro ", " vendo "].contains { lower.contains($0) }
            s = replaceInContext(Patterns.lowercaseStreetAddress, in: s) { found, text, match in
                let words = found.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                // "3 miles down the road", "la calle hace 3 años": a street's name holds no function,
                // time or distance words, and no span of time follows its number.
                let inner = words.dropFirst().filter { !$0.first!.isNumber && $0 != "bis" && $0 != "ter" }
                guard !inner.contains(where: { !Patterns.lowercaseStreetTypes.contains($0) && !Patterns.addressParticles.contains($0)
                    && (StopWords.all.contains($0) || Patterns.timeUnits.contains($0) || Patterns.distanceWords.contains($0)) })
                else { return nil }
                let after = text.substring(from: NSMaxRange(match.range)).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).first.map { $0.lowercased() } ?? ""
                if Patterns.timeUnits.contains(after) || Patterns.distanceWords.contains(after) { return nil }
                // "via email 2 times" is English: "via" counts only in Italian text ("abito in via…") and before no English word.
                guard words.first == "via" else { return "[ADDRESS]" }
                let before = text.substring(to: match.range.location).split(whereSeparator: { $0 == " " || $0 == "\t" }).last.map { $0.lowercased() }
                let next = words.count > 1 ? words[1] : ""
                return (romance || before == "in") && !StopWords.all.contains(next) && !Patterns.notStreetsAfterVia.contains(next) ? "[ADDRESS]" : nil
            }
        }
        return s
    }

    /// The rest of a name the passes masked only in part: a last part no list holds, written
    /// straight after it ("[NAME] Huy" of "Phạm Quang Huy", "[NAME] Duc" of "Nguyen Van Duc"). A
    /// capitalised word right after `[NAME]` begins no sentence, so it is the name going on unless
    /// it is an everyday, product, service or organisation word ("[NAME] Student", "[NAME] Bank") or
    /// more capitalised words follow: "[NAME] Real Estate Company" is more likely a firm's name
    /// than a person's (on ShareGPT the looser rule took titles and products in 8 of 14 changes).
    static func extendNames(_ text: String) -> String {
        // "[NAME] P. [NAME]": a middle initial between two masked parts is the name's too.
        var text = text.contains(". [NAME]") ? replace(Patterns.initialBetweenNames, in: text) { _ in "[NAME]" } : text
        // "me llamo [NAME] ruiz", "je m'appelle [NAME] le goff", "soy [NAME] del carmen villalobos":
        // in lower case, the rest of a compound name after its masked part, as far as listed names
        // and the particles between them go.
        text = replaceInContext(Patterns.lowercaseNameRest, in: text, group: 1) { rest, whole, match in
            // Only in a sentence typed in lower case: after a capitalised name, lower-case words are
            // the sentence's own ("pero [NAME] le cae mejor").
            let start = max(0, match.range.location - 40)
            let before = whole.substring(with: NSRange(location: start, length: match.range.location - start))
            let sentence = before.split(omittingEmptySubsequences: false, whereSeparator: { ".!?\n".contains($0) }).last ?? ""
            let words = rest.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if caseCounts(String(sentence), skippingPlaceholders: true).upper > 0 {
                // In a sentence with capitals, only a listed name that is no word of any language
                // ("my old manager [NAME] taylor-evans, she", "meu filho [NAME] henrique no 6º ano").
                guard let first = words.first, first.count >= 3,
                    first.contains("-") ? NameLists.isListedName(first) && !StopWords.all.contains(first) && !NameLists.isEverydayWord(Substring(first))
                        : isListedNameAndNoWord(first)
                else { return nil }
                let tail = words.dropFirst().joined(separator: " ")
                return tail.isEmpty ? "" : " " + tail
            }
            // "de", "da", "di" are prepositions too ("ana de madrid"): after them only a listed
            // surname; after "van", "ní" any word of three letters or more that is no everyday one.
            var kept = 0, pending = 0, surnameParticle = false
            for word in words {
                if NameLists.nameParticles.contains(word) && !["y", "e", "i"].contains(word) || ["ní", "nic", "mac", "bin", "ibn"].contains(word) {
                    let previous = kept + pending > 0 ? words[kept + pending - 1] : ""
                    pending += 1
                    // "von der firma" is "from the firm": there only a listed surname.
                    surnameParticle = (surnameParticle || ["van", "von", "ter", "ten", "ní", "nic", "mac", "bin", "ibn"].contains(word))
                        && !(["der", "dem", "den"].contains(word) && previous == "von")
                    continue
                }
                let listed = NameLists.surnames.contains(word) || NameLists.firstNames.contains(word) || NameLists.isListedName(word)
                    || (pending > 0 && NameLists.surnameWords.contains(word)) || (surnameParticle && word.count >= 3 && !Patterns.relations.contains(word))
                guard listed, !NameLists.isEverydayWord(Substring(word)), !StopWords.all.contains(word) || pending > 0 && NameLists.surnames.contains(word) else { break }
                kept += pending + 1
                pending = 0
                surnameParticle = false
            }
            guard kept > 0 else { return nil }
            let tail = words.dropFirst(kept).joined(separator: " ")
            return tail.isEmpty ? "" : " " + tail
        }
        return replaceInContext(Patterns.namePartAfterName, in: text) { _, text, match in
            let word = text.substring(with: match.range(at: 1))
            let key = word.lowercased()
            guard !NameLists.isEverydayWord(Substring(word)), !NameLists.productWords.contains(key),
                !NameLists.serviceWords.contains(key), !NameLists.organisationWords.contains(key),
                !inTitleCaseLine(text, match.range(at: 1))
            else { return nil }
            return "[NAME]"
        }
    }

    /// Chinese, Japanese and Korean address parts the street patterns leave: a rural address of
    /// administrative levels without a number ("江西省赣州市于都县罗坳镇大坪村三组"), a room in a
    /// building ("グランドメゾン浜松508号室", "7栋2单元1601"), and around `[ADDRESS]` the building,
    /// floor and room after it ("[ADDRESS] 国場ビル 4F", "[ADDRESS]번지 더샵 103동 1704호") and the
    /// province before it ("충청북도 [ADDRESS]").
    static func extendCJKAddresses(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { Patterns.hanScalar($0) || (0xAC00...0xD7A3).contains($0.value) || (0x30A0...0x30FF).contains($0.value) }) else { return text }
        var s = text
        for pattern in [Patterns.chineseAddressWithoutNumber, Patterns.japaneseAddressWithoutNumber, Patterns.japaneseTownNumber, Patterns.cjkRoom] {
            s = replace(pattern, in: s) { _ in "[ADDRESS]" }
        }
        // After an address label the whole clause is the address: "地址：广东省深圳市南山区科技园A栋3单元1201".
        s = replace(Patterns.cjkAddressAfterLabel, in: s, group: 1) { found in
            found == "[ADDRESS]" || !found.contains(where: { $0.isNumber || "省市区县州镇村路街道号栋楼室都道府県丁目番[".contains($0) }) ? nil : "[ADDRESS]"
        }
        guard s.contains("[ADDRESS]") else { return s }
        s = replace(Patterns.cjkPartsAfterAddress, in: s, group: 1) { _ in "" }
        s = replace(Patterns.cjkRegionBeforeAddress, in: s, group: 1) { _ in "" }
        return s.replacingOccurrences(of: "[ADDRESS][ADDRESS]", with: "[ADDRESS]")
    }

    /// Addresses the patterns took only in part, or not at all: the rest of an address after
    /// `[ADDRESS]` — postcodes, towns, districts, a region in brackets — is folded into it
    /// ("[ADDRESS], 28826, Trarego Viggiona (VB)" → "[ADDRESS]"), and after an address cue
    /// ("living at", "vivo en", "wohne in", "Deliver to [NAME],") a run of address tokens that
    /// holds a number and a capitalised or street word is masked whole, whatever its form.
    static func extendAddresses(_ text: String) -> String {
        var s = text
        let ns = text as NSString
        var masked = ""
        var cursor = 0
        for match in Patterns.addressCue.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            var start = NSMaxRange(match.range)
            guard start >= cursor else { continue }
            var chars = Array(ns.substring(from: start).prefix(160))
            var run = addressRun(chars)
            // What the cue took for a person before the address is the street when only a number
            // follows it: "Meu novo endereço é Campo Lara Vieira, 8".
            let named = match.range(at: 1)
            if named.location != NSNotFound, !(run.length > 0 && run.hasWord), !ns.substring(with: named).hasPrefix("[") {
                start = named.location
                chars = Array(ns.substring(from: start).prefix(160))
                run = addressRun(chars)
            }
            if Patterns.weakAddressCues.contains(where: { ns.substring(with: match.range).lowercased().hasPrefix($0) }) {
                guard run.length > 0, namesAStreet(chars[run.start..<run.length]) || Patterns.streetNamedBefore(chars[run.start..<run.length]) else { continue }
            }
            // Casual text writes the whole address in lower case: "i live at 42 wallaby way sydney".
            if let length = lowercaseAddressRun(chars), length > run.length { run = (0, length, true, true) }
            guard run.length > 0, run.hasWord, run.hasNumber || namesAStreet(chars[run.start..<run.length]) else { continue }
            masked += ns.substring(with: NSRange(location: cursor, length: start - cursor)) + String(chars[..<run.start]) + "[ADDRESS]"
            cursor = start + String(chars[..<run.length]).utf16.count
        }
        if cursor > 0 { s = masked + ns.substring(from: cursor) }
        guard s.contains("[ADDRESS]") else { return s }
        var out = ""
        var rest = Substring(s)
        while let found = rest.range(of: "[ADDRESS]") {
            // The parts before it too: "Suite 1200, Salesforce Tower, [ADDRESS]", "Bât. C, [ADDRESS]".
            let before = Array(rest[..<found.lowerBound])
            out += String(before[..<addressRunStart(before)]) + "[ADDRESS]"
            rest = rest[found.upperBound...]
            // A unit's abbreviation dot left after the pattern: "[ADDRESS]. 537, Smithbury".
            let afterDot = rest.dropFirst(2)
            let lead = rest.hasPrefix(". ") && afterDot.first?.isNumber == true && afterDot.prefix(while: \.isNumber).count <= 5
                && afterDot.drop(while: \.isNumber).first == "," ? 1 : 0
            var run = addressRun(Array(rest.dropFirst(lead).prefix(160)))
            if run.length > 0 && rest.dropFirst(lead).first.map({ ", /-".contains($0) }) == true { rest = rest.dropFirst(lead + run.length) }
            // The neighbourhood and postcode after an abbreviation's dot the pattern took: "[ADDRESS]
            // (Col.). Crédito Constructor, 03940 CDMX." — a run that ends its sentence and holds a postcode.
            else if rest.hasPrefix(". "), afterDot.first?.isUppercase == true {
                run = addressRun(Array(afterDot.prefix(160)))
                let taken = afterDot.prefix(run.length)
                let ends = afterDot.dropFirst(run.length).first.map { ".\n".contains($0) } ?? true
                if run.length > 0, ends, taken.range(of: #"\b\d{4,5}\b"#, options: .regularExpression) != nil { rest = afterDot.dropFirst(run.length) }
            }
            // The lines an address goes on with, one part a line: "[ADDRESS]\nCambridge\nCB2 1RX".
            var lines = 0
            while lines < 4, rest.first == "\n" {
                let line = rest.dropFirst().prefix(while: { $0 != "\n" })
                guard continuesAnAddress(line) else { break }
                rest = rest.dropFirst(1 + line.count)
                lines += 1
            }
            // A postcode read as a phone number, before its town: "[ADDRESS], [PHONE] Santa Cruz" (5818-009).
            if let after = droppingMatch(Patterns.postcodeAsPhone, from: rest) { rest = after }
            // A town written with lower-case words before its state and postcode: "San Carlos los altos, SIN 92396".
            if let after = droppingMatch(Patterns.lowercaseTownTail, from: rest) {
                rest = after
                let more = addressRun(Array(rest.prefix(160)))
                if more.length > 0 && rest.first.map({ ", /-".contains($0) }) == true { rest = rest.dropFirst(more.length) }
            }
        }
        // A landmark after the address the folding completed: "[ADDRESS], opposite Central Market".
        return replace(Patterns.landmark, in: out + rest) { _ in "[ADDRESS]" }
    }

    /// True for a line that can only be the next part of an address written one part a line: a
    /// masked part, a postcode, or a town of one to three capitalised words that are no words of
    /// the word lists, with a postcode or not ("Cambridge", "Leeds LS6 2AB", "[ADDRESS]"); not "Thanks" or a sentence.
    static func continuesAnAddress(_ line: Substring) -> Bool {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," })
        guard (1...4).contains(words.count), !line.contains(where: { ".!?:;".contains($0) }) else { return false }
        let lower = line.lowercased()
        if Patterns.signOffs.contains(where: { lower.hasPrefix($0) }) || NameLists.greetings.contains(String(words[0].lowercased())) { return false }
        var town = 0
        for word in words {
            if word == "[ADDRESS]" || word.first?.isNumber == true && word.count <= 8 { continue }
            if word.count <= 3 && word.allSatisfy({ $0.isUppercase || $0.isNumber }) { continue }
            // Town names are no names ("London" is in `NameLists.notNames`), so only the word lists judge.
            guard word.first?.isUppercase == true, !NameLists.everydayWords.contains(word.lowercased()) else { return false }
            town += 1
        }
        return town <= 3
    }

    /// `text` without the match of `pattern` (anchored at its start) in its first 80 characters; nil
    /// when there is none.
    static func droppingMatch(_ pattern: NSRegularExpression, from text: Substring) -> Substring? {
        let head = String(text.prefix(80))
        guard let m = pattern.firstMatch(in: head, range: NSRange(location: 0, length: (head as NSString).length)) else { return nil }
        return text.dropFirst((head as NSString).substring(with: m.range).count)
    }

    /// The length of an address written in lower case at the start of `chars`, after a cue: words
    /// and numbers up to a word of prose or a clause's end, with a house number, a street word
    /// ("calle luna 7", "14 rue des lilas", "42 wallaby way sydney", "hauptstraße 5") and another
    /// word; nil when there is none.
    static func lowercaseAddressRun(_ chars: [Character]) -> Int? {
        var i = 0
        var end = 0
        var hasNumber = false, hasStreet = false, names = 0, afterNumber = 0
        var previous = ""
        func nextWord(after j: Int) -> String {
            String(chars[j...].drop(while: { $0 == " " || $0 == "," }).prefix(while: { $0.isLetter || $0.isNumber }))
        }
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\t" || c == "," || c == "/" || c == "#" {
                i += 1
                continue
            }
            var j = i
            while j < chars.count, chars[j].isLetter || chars[j].isNumber || "-'’ºª°".contains(chars[j]) || chars[j].unicodeScalars.first!.properties.generalCategory == .nonspacingMark { j += 1 }
            guard j > i else { break }
            let word = String(chars[i..<j]).lowercased()
            if Patterns.lowercaseAddressProse.contains(word) || PIIMasker.addressStopWords.contains(word) { break }
            if word.first!.isNumber {
                // One house number; a second number is prose ("via roma 15 da 3 anni"), unless a
                // unit word or a state before it names it ("ste 1000", "il 60661").
                guard word.count <= 6, !hasNumber || Patterns.addressUnitWords.contains(previous) || ["ste", "apt", "#"].contains(previous)
                    || (previous.count == 2 && word.count == 5)
                else { break }
                // A town may follow the unit's number as it follows the street's.
                if hasNumber { afterNumber = 0 }
                hasNumber = true
            } else if ["n", "s", "e", "w", "ne", "nw", "se", "sw"].contains(word) || (word.count == 2 && nextWord(after: j).count == 5 && nextWord(after: j).allSatisfy(\.isNumber)) {
                // A compass point ("500 w madison st") or a state before its ZIP code ("il 60661").
            } else if ["straße", "strasse", "str", "weg", "gasse", "allee", "platz", "ring", "damm", "ufer"].contains(where: { word.hasSuffix($0) && word.count > $0.count + 2 }) {
                // A German compound is the street and its name: "hauptstraße 5".
                hasStreet = true
                names += 1
            } else if Patterns.addressStreetWords.contains(word) || Patterns.streetTypeWords.contains(word) || PIIMasker.ambiguousStreetWords.contains(word) || PIIMasker.uspsStreetWords.plain.contains(word) {
                hasStreet = true
                if hasNumber { afterNumber += 1 }
            } else if Patterns.addressParticles.contains(word) {
                // "das", "des", "der", "de la" inside a street's name.
            } else if chars[i].isLowercase, word.count >= 3 {
                names += 1
                if hasNumber { afterNumber += 1 }
                // A town after the street ends the address: "42 wallaby way sydney".
                if afterNumber > 3 { break }
            } else {
                break
            }
            i = j
            end = j
            previous = word
            if i < chars.count, ".;!?\n".contains(chars[i]) { break }
        }
        return hasNumber && hasStreet && names >= 1 && end > 0 ? end : nil
    }

    /// True when address tokens without a house number still name a street: a street word and a
    /// capitalised name ("rue Roux", "Avenida de Lima, S/N", "Elm Street"), after an address cue.
    static func namesAStreet(_ chars: ArraySlice<Character>) -> Bool {
        let tokens = String(chars).split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
        let hasType = tokens.contains { token in
            let key = token.lowercased()
            return Patterns.streetTypeWords.contains(key.hasSuffix(".") ? String(key.dropLast()) : key) || key == "s/n"
        }
        return hasType && tokens.contains { $0.first?.isUppercase == true && !Patterns.streetTypeWords.contains($0.lowercased()) }
    }

    /// Where the address parts that end `chars` start (`chars.count` when none do): unit and
    /// building words, numbers and capitalised words inside a sentence, joined by commas or
    /// spaces, read backwards up to a word of prose, a sentence's end or a masked name.
    static func addressRunStart(_ chars: [Character]) -> Int {
        var start = chars.count
        var i = chars.count
        var lastPart = ""
        while i > 0 {
            var j = i
            while j > 0 && (chars[j - 1] == " " || chars[j - 1] == "," || chars[j - 1] == "\t") { j -= 1 }
            var k = j
            while k > 0 && !(chars[k - 1] == " " || chars[k - 1] == "," || chars[k - 1] == "\t" || chars[k - 1] == "\n") { k -= 1 }
            guard k < j else { break }
            let token = String(chars[k..<j])
            // A dash between a unit and a house number: "1207 - 850 Burrard Street".
            if token == "-" || token == "–" {
                i = k
                continue
            }
            var bare = token.hasSuffix(".") ? String(token.dropLast()) : token
            if bare.hasPrefix("#") { bare.removeFirst() }
            let lower = bare.lowercased()
            guard !bare.isEmpty, !bare.contains("["), bare.allSatisfy({ $0.isLetter || $0.isNumber || "-'’º°ª/#".contains($0) }) else { break }
            // A period ends the sentence unless it ends an abbreviation ("Bât.", "St.").
            if token.hasSuffix(".") && !(lower.count <= 3 || Patterns.addressAbbreviations.contains(lower)) { break }
            // A sentence's first word is no part ("J'habite", "Postcode"), nor a street word read
            // backwards ("Mon adresse est").
            var p = k
            while p > 0 && (chars[p - 1] == " " || chars[p - 1] == "\t") { p -= 1 }
            let opensSentence = p == 0 || ".!?:;\n\"“«'‘(".contains(chars[p - 1])
            // A particle inside a place's name read backwards: "Lugar de [ADDRESS]", "Quinta do Vale".
            let previousIsCapitalised = p > 0 && String(chars[..<p]).split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).last?.first?.isUppercase == true
            let isParticle = Patterns.addressParticles.contains(lower) && !PIIMasker.addressStopWords.contains(lower) && previousIsCapitalised && start < chars.count
            // A street word written in lower case before the street it names: "ulica [ADDRESS]".
            let isStreetWord = start == chars.count && lower.count >= 3 && bare.first!.isLowercase
                && (Patterns.streetTypeWords.contains(lower) || Patterns.streetWordsBeforeAddress.contains(lower))
            // A building's name opening the sentence: "Mimosa Court, [ADDRESS]".
            let namesABuilding = bare.first!.isUppercase && Patterns.buildingWords.contains(lastPart) && !NameLists.isNoName(lower)
            let isPart = bare.first!.isNumber || Patterns.addressUnitWords.contains(lower) || (bare.first!.isUppercase && !opensSentence) || isParticle || isStreetWord
                || namesABuilding
            guard isPart else { break }
            start = k
            i = k
            lastPart = lower
        }
        return start
    }

    /// The length in characters of the address tokens at the start of `chars` (numbers,
    /// capitalised words, placeholders, particles and street words, joined by spaces, commas,
    /// dashes, slashes or #, and a short part in brackets), up to a clause's end or another word.
    /// A letter of a script without capitals other than Chinese, Japanese and Korean (Thai,
    /// Bengali, Arabic, Persian, Hebrew, Devanagari…), whose street and town names are written as
    /// any word is: "living at 53/7 ถนนศิวะวรเวท, 59850 นครสวรรค์". Chinese, Japanese and Korean
    /// addresses have their own passes (`extendCJKAddresses`), and their prose runs on without
    /// spaces or capitals.
    static func writtenWithoutCapitals(_ c: Character) -> Bool {
        guard c.isLetter, !c.isCased, let v = c.unicodeScalars.first?.value else { return false }
        let cjk = (0x1100...0x11FF).contains(v) || (0x2E80...0x9FFF).contains(v) || (0xA960...0xA97F).contains(v)
            || (0xAC00...0xD7FF).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFFEF).contains(v)
            || v >= 0x20000
        return !cjk
    }

    static func addressRun(_ chars: [Character]) -> (start: Int, length: Int, hasNumber: Bool, hasWord: Bool) {
        var i = 0
        var start: Int?
        var end = 0
        var tokens = 0
        var hasNumber = false
        var hasWord = false
        func isWordChar(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "-" || c == "'" || c == "’" || c == "°" || c == "º" || c.unicodeScalars.first!.properties.generalCategory == .nonspacingMark }
        while i < chars.count && tokens < 14 {
            let c = chars[i]
            if c == " " || c == "\t" || c == "," || c == "#" || c == "/" || c == "–" || (c == "-" && i + 1 < chars.count && chars[i + 1] == " ") {
                i += 1
                continue
            }
            if c == "(" {
                guard let close = chars[i...].prefix(24).firstIndex(of: ")"), !chars[i..<close].contains("\n") else { break }
                if start == nil { start = i }
                i = close + 1
                end = i
                tokens += 1
                continue
            }
            if c == "[" {
                let tail = String(chars[i...].prefix(10))
                guard let placeholder = ["[ADDRESS]", "[NAME]", "[NUMBER]"].first(where: { tail.hasPrefix($0) }) else { break }
                if start == nil { start = i }
                i += placeholder.count
                end = i
                tokens += 1
                hasWord = true
                if placeholder != "[NAME]" { hasNumber = true }
                continue
            }
            guard isWordChar(c) else { break }
            var j = i
            while j < chars.count && isWordChar(chars[j]) { j += 1 }
            let word = String(chars[i..<j])
            let lower = word.lowercased()
            // "S/N." (no number) ends its sentence; "Av." and "N." do not.
            if j < chars.count && chars[j] == "." && !word.contains(where: \.isNumber) && !(i > 0 && chars[i - 1] == "/")
                && (lower.count <= 2 || Patterns.addressAbbreviations.contains(lower))
            {
                j += 1
            }
            // "s/n" ("sin número", "sem número") stands for the house number.
            if lower == "s", j + 1 < chars.count, chars[j] == "/", chars[j + 1] == "n" || chars[j + 1] == "N",
                !(j + 2 < chars.count && chars[j + 2].isLetter)
            {
                if start == nil { start = i }
                i = j + 2
                end = i
                tokens += 1
                hasNumber = true
                continue
            }
            // "2. Stock", "3. OG": a floor's ordinal keeps its period.
            if word.allSatisfy(\.isNumber), j + 2 < chars.count, chars[j] == ".", chars[j + 1] == " " {
                let next = String(chars[(j + 2)...].prefix(while: { $0.isLetter })).lowercased()
                if Patterns.addressUnitWords.contains(next) || ["og", "etage", "obergeschoss", "planta"].contains(next) { j += 1 }
            }
            if word.contains(where: \.isNumber) {
                // A number before a span of time or a count is prose: "via Roma 15 da 3 anni".
                let rawNext = String(chars[j...].drop(while: { $0 == " " }).prefix(while: { $0.isLetter }))
                let next = rawNext.lowercased()
                // A capital letter after the number is the street's own: "Calle 107 A N° 536".
                let afterLetter = chars[j...].drop(while: { $0 == " " }).dropFirst().drop(while: { $0 == " " }).first
                let isLetterSuffix = rawNext.count == 1 && rawNext.first!.isUppercase && afterLetter?.isLowercase != true
                if tokens > 0, !isLetterSuffix, addressStopWords.contains(next) || Patterns.timeUnits.contains(next) { break }
                // A year alone is no house number ("vivo en España desde 2010" stops at "desde").
                // Opening the run before a name it is a house number ("flat at 2018 Cecil Indawo").
                let isYear = word.count == 4 && (word.hasPrefix("19") || word.hasPrefix("20")) && word.allSatisfy(\.isNumber)
                let opensStreet = tokens == 0 && chars[j...].prefix(while: { $0 == " " }).count == 1
                    && chars.dropFirst(j + 1).first.map { $0.isUppercase || $0 == "[" } == true
                if !isYear || opensStreet { hasNumber = true }
            } else if word.first!.isUppercase || writtenWithoutCapitals(word.first!) {
                hasWord = true
            } else if Patterns.addressStreetWords.contains(lower) || Patterns.addressUnitWords.contains(lower) {
                hasWord = true
            } else if Patterns.addressParticles.contains(lower) {
                // A particle belongs to the run only before another token: "in der [ADDRESS]",
                // "[ADDRESS] on the top floor".
                i = j
                tokens += 1
                continue
            } else {
                break
            }
            if start == nil { start = i }
            i = j
            end = j
            tokens += 1
        }
        return (min(start ?? end, end), end, hasNumber, hasWord)
    }

    /// Byte-level facts about a text, for skipping regex passes that cannot match.
    struct Bytes {
        let utf8: [UInt8]
        init(_ text: String) { utf8 = Array(text.utf8) }
        /// ASCII or full-width digits ("２丁目", UTF-8 EF BC 90…99).
        var hasDigit: Bool {
            utf8.indices.contains { i in
                let b = utf8[i]
                return (b >= 0x30 && b <= 0x39) || (b == 0xEF && i + 2 < utf8.count && utf8[i + 1] == 0xBC && utf8[i + 2] >= 0x90 && utf8[i + 2] <= 0x99)
            }
        }
        var hasNonASCII: Bool { utf8.contains { $0 >= 0x80 } }
        /// Two words of two or more ASCII capitals in a row: "KWAME OKAFOR", or one and an initial.
        var hasUppercaseRun: Bool {
            func upper(_ i: Int) -> Bool { utf8[i] >= 0x41 && utf8[i] <= 0x5A }
            guard utf8.count >= 5 else { return false }
            // "TANA M. SCHIEWER": a middle initial after the first word.
            return (2..<(utf8.count - 2)).contains { i in utf8[i] == 0x20 && upper(i - 1) && upper(i - 2) && upper(i + 1) && (upper(i + 2) || utf8[i + 2] == 0x2E || utf8[i + 2] == 0x27 || utf8[i + 2] >= 0x80) }
        }
        func has(_ needle: StaticString) -> Bool {
            has(UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount))
        }
        func has(_ needle: String) -> Bool { has(Array(needle.utf8)) }
        func has<Needle: RandomAccessCollection>(_ needle: Needle) -> Bool where Needle.Element == UInt8, Needle.Index == Int {
            let n = needle.count
            guard n > 0, utf8.count >= n else { return false }
            let first = needle[needle.startIndex]
            var i = 0
            while i <= utf8.count - n {
                if utf8[i] == first {
                    var j = 1
                    while j < n && utf8[i + j] == needle[needle.startIndex + j] { j += 1 }
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
        // No quantity is written with a leading zero: "Group 0097321" is a number that identifies.
        if groups.count == 1 && groups[0].hasPrefix("0") { return "[NUMBER]" }
        if digitCount > 13 { return "[NUMBER]" }
        return nil
    }

    /// True when every word of `run` (words of capitals) is a listed first name or surname and no word.
    /// With a middle initial ("TANA M. SCHIEWER") the shape says it is a name: its words need only
    /// be no everyday, product or organisation words.
    static func listedInCapitals(_ run: String) -> Bool {
        let words = run.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" })
        func listed(_ word: Substring) -> Bool {
            let key = word.lowercased()
            return (NameLists.firstNames.contains(key) || NameLists.surnames.contains(key)) && !NameLists.isEverydayWord(word) && !NameLists.isNoName(key)
        }
        if words.contains(where: { $0.hasSuffix(".") }) {
            return words.allSatisfy { word in
                let key = word.lowercased()
                return word.hasSuffix(".") || word.count >= 3 && !NameLists.isEverydayWord(word) && !NameLists.isNoName(key)
                    && !NameLists.productWords.contains(key) && !NameLists.organisationWords.contains(key)
            }
        }
        let named = words.filter { !capitalParticles.contains($0) }
        if named.allSatisfy(listed) { return true }
        // "ALEJANDRA SOTO VILLANUEVA": a listed first name before words that are no words of the
        // lists, not a place ("SAN FRANCISCO") nor a product or firm ("HARBOUR ATS" opens with a surname).
        let opening = named[0].lowercased()
        let firstName = [opening, opening.folding(options: .diacriticInsensitive, locale: nil)].contains { NameLists.firstNames.contains($0) }
        return named.count >= 2 && firstName && listed(named[0]) && !NameLists.placePrefixes.contains(opening)
            && named.allSatisfy { word in
                let key = word.lowercased()
                return !NameLists.isEverydayWord(word) && !NameLists.isNoName(key) && !NameLists.productWords.contains(key)
                    && !NameLists.organisationWords.contains(key) && !NameLists.serviceWords.contains(key)
            }
    }
    static let capitalParticles: Set<Substring> = ["DE", "DA", "DO", "DOS", "DAS", "DEL", "DELLA", "DI", "DU", "VAN", "VON", "DER", "LE", "LA", "Y", "E"]

    /// `text` with its full-width Latin letters, digits and `＠` in ASCII, and a full-width dash,
    /// dot or underscore between two of them too; nil when it has none. Other full-width
    /// punctuation (`，`, `：`, `（`) stays: it is how CJK text is written.
    static func narrowedWidth(_ text: String) -> String? {
        func isWideAlnum(_ v: UInt32) -> Bool { (0xFF10...0xFF19).contains(v) || (0xFF21...0xFF3A).contains(v) || (0xFF41...0xFF5A).contains(v) }
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: { isWideAlnum($0.value) }) else { return nil }
        func isAlnum(_ i: Int) -> Bool {
            guard scalars.indices.contains(i) else { return false }
            let v = scalars[i].value
            return isWideAlnum(v) || (v < 0x80 && (Character(scalars[i]).isLetter || Character(scalars[i]).isNumber))
        }
        var out = String.UnicodeScalarView()
        for (i, scalar) in scalars.enumerated() {
            let v = scalar.value
            if isWideAlnum(v) || v == 0xFF20 || ([0xFF0D, 0xFF0E, 0xFF3F].contains(v) && isAlnum(i - 1) && isAlnum(i + 1)) {
                out.append(Unicode.Scalar(v - 0xFEE0)!)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `text` with full-width digits, plus, parentheses, dots, dashes and spaces in ASCII.
    static func narrowed(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            switch scalar.value {
            case 0xFF10...0xFF19, 0xFF08, 0xFF09, 0xFF0B, 0xFF0E: return Unicode.Scalar(scalar.value - 0xFEE0)!
            case 0xFF0D, 0x30FC, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212: return "-"
            case 0x3000: return " "
            default: return scalar
            }
        }))
    }

    /// `placeholder` for a number after a phone or account cue with at least `minDigits` digits;
    /// nil for years and dates ("invoice 2024-03-02", "policy since 2019"), which stay.
    static func classifyCuedNumber(_ match: String, _ placeholder: String, minDigits: Int) -> String? {
        let digits = match.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }.count
        guard digits >= minDigits else { return nil }
        let groups = match.split(whereSeparator: { !("0"..."9").contains($0) })
        if groups.count == 3 && groups.contains(where: { $0.count == 4 }) && groups.allSatisfy({ $0.count <= 4 }) && digits == 8 {
            return nil
        }
        return placeholder
    }

    /// `[NUMBER]` for a token that mixes letters (or dashes) with at least six digits, such as
    /// `ACC991580955`, `ID-4417-2291`, an IBAN or a passport number; nil for resolutions,
    /// quantities with a unit (`150000km`) and tokens that carry an ISO date (model names).
    static func classifyIDToken(_ token: String) -> String? {
        // An Indian PAN has only four digits, in a shape no product code has: "ABCDE1234F".
        let bytes = Array(token.utf8)
        if bytes.count == 10, bytes.enumerated().allSatisfy({ i, b in (5...8).contains(i) ? (b >= 0x30 && b <= 0x39) : (b >= 0x41 && b <= 0x5A) }) {
            return "[NUMBER]"
        }
        let digitCount = token.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }.count
        guard digitCount >= 6 else { return nil }
        let ns = token as NSString
        let whole = NSRange(location: 0, length: ns.length)
        if Patterns.resolution.firstMatch(in: token, range: whole) != nil { return nil }
        if Patterns.quantityWithUnit.firstMatch(in: token, range: whole) != nil { return nil }
        if Patterns.isoDate.firstMatch(in: token, range: whole) != nil { return nil }
        return "[NUMBER]"
    }

    /// Which extra reading an address pattern's matches get before they are masked.
    enum AddressCheck: Sendable {
        /// The shape alone is an address ("Calle Mayor 12", "2丁目8番1号").
        case none
        /// "3 times close to", "a 20 minute drive": English street words are everyday words too.
        case english
        /// "Im Jahr 2020", "Am Montag 3": a German preposition and a noun are common prose.
        case germanPreposition
        /// "50000 Euros", "2024 AD Rome": the words after a postcode must read as a place.
        case postcodeCity
        /// "via Teams 3", "plaza USB 2": a lower-case street word is also an everyday word, so
        /// the name after it must be written like one ("via Roma 12").
        case streetFirst
        /// "Chapter 3, 2000 Words", "Windows 10, 2019 Edition": the street and the town must not
        /// be everyday words.
        case streetPostcodeTown
    }

    /// `[ADDRESS]` for a street address, or nil when the pattern's check reads the match as
    /// prose. A Chinese match keeps the verb or preposition the pattern swept up in front of the
    /// city ("我住在…" keeps "在").
    static func classifyAddress(_ match: String, _ check: AddressCheck) -> String? {
        if let first = match.unicodeScalars.first, first.properties.isIdeographic {
            let chars = Array(match)
            let stopAt = chars.firstIndex { "省市区县路街道巷弄".contains($0) } ?? 0
            var keep = 0
            for (i, c) in chars.prefix(stopAt).enumerated() where "在是到于址往".contains(c) { keep = i + 1 }
            // The city or street needs at least two characters of its own.
            if keep > 0 && stopAt - keep < 2 { keep = 0 }
            return String(chars.prefix(keep)) + "[ADDRESS]"
        }
        let words = match.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," })
        // "Corso Python 3", "Via PayPal 2": a product is no street.
        if words.contains(where: { NameLists.productWords.contains($0.lowercased()) }) { return nil }
        switch check {
        case .none:
            return "[ADDRESS]"
        case .streetFirst:
            guard let type = words.first, type.first?.isLowercase == true else { return "[ADDRESS]" }
            // "calle Doctor Esquerdo 36": a title may open the street's name; a word after it names it.
            let names = words.dropFirst().filter { $0.first?.isUppercase == true && $0.dropFirst().first?.isLowercase == true }
            return names.contains { !NameLists.everydayWords.contains($0.lowercased()) } ? "[ADDRESS]" : nil
        case .english:
            return englishAddressReadsAsProse(words.dropFirst()) ? nil : "[ADDRESS]"
        case .streetPostcodeTown:
            let named = words.filter { $0.first?.isUppercase == true && $0.contains(where: \.isLowercase) }
            guard let street = named.first, let town = named.last, named.count >= 2 else { return nil }
            func everyday(_ word: Substring) -> Bool {
                let key = word.lowercased()
                return NameLists.everydayWords.contains(key) || NameLists.notPlaces.contains(key) || NameLists.productWords.contains(key)
            }
            return everyday(street) || everyday(town) ? nil : "[ADDRESS]"
        case .germanPreposition:
            guard let noun = words.dropFirst().first(where: { $0.first?.isUppercase ?? false }) else { return nil }
            return NameLists.germanNotStreets.contains(noun.lowercased()) ? nil : "[ADDRESS]"
        case .postcodeCity:
            if words.count > 1, words[1].count == 2, words[1].allSatisfy(\.isUppercase),
                NameLists.notPostcodeLetters.contains(String(words[1]))
            {
                return nil
            }
            guard let place = words.first(where: { $0.contains(where: \.isLowercase) }) else { return nil }
            let key = place.lowercased()
            return NameLists.notPlaces.contains(key) || NameLists.everydayWords.contains(key) ? nil : "[ADDRESS]"
        }
    }

    /// True for "20 minute drive", "3 times close to": stop words between the number and the
    /// street word, or an everyday street word ("way", "close") after lower-case words.
    static func englishAddressReadsAsProse(_ words: ArraySlice<Substring>) -> Bool {
        guard let streetIndex = words.firstIndex(where: { englishStreetWords.contains($0.lowercased().trimmingCharacters(in: ["."])) })
        else { return false }
        let between = words[words.startIndex..<streetIndex]
        if between.contains(where: { addressStopWords.contains($0.lowercased()) }) { return true }
        if ambiguousStreetWords.contains(words[streetIndex].lowercased()) {
            return !between.allSatisfy { $0.first?.isUppercase ?? false }
        }
        return false
    }

    /// The USPS street suffixes beyond the common ones: those that are never everyday words, and
    /// those that are (`ambiguous`, which need capitalised words before them: "85 Watson Spurs",
    /// not "2 columns key"). One list for the sets below and `Patterns.englishTypes`.
    static let uspsStreetWords: (plain: [String], ambiguous: [String]) = (
        plain: ["trafficway", "turnpike", "tpke", "expressway", "expy", "freeway", "fwy", "bypass", "causeway", "xing", "stravenue", "throughway", "underpass", "overpass", "motorway"],
        ambiguous: [
            "junction", "jct", "skyway", "spur", "spurs", "gateway", "green", "pine", "pines", "mountain", "mountains", "mtn", "valley", "valleys", "mill", "mills", "ford", "fords", "union", "lodge", "glen", "prairie", "strip", "block", "corner", "corners", "garden", "flats", "estate", "estates", "ridge", "hill", "hills", "hollow", "knoll", "landing", "loop", "meadow", "meadows", "oval", "path", "point", "ranch", "run", "shore", "shores", "spring", "springs", "station", "summit", "view", "vista", "village", "ville", "bay", "beach", "bend", "bluff", "brook", "canyon", "cove", "creek", "crest", "crossing", "dale", "falls", "ferry", "field", "fields", "forest", "harbor", "harbour", "haven", "manor", "orchard", "park", "plaza", "port", "track", "trace", "yard", "wells", "lake", "lakes", "isle", "island", "common", "commons", "heath", "hall", "nagar", "marg", "key", "keys",
        ])
    static let englishStreetWords = Set([
        "street", "st", "avenue", "ave", "road", "rd", "lane", "ln", "drive", "dr", "boulevard", "blvd", "way",
        "court", "ct", "place", "pl", "terrace", "close", "crescent", "parkway", "pkwy", "highway", "hwy", "square",
        "sq", "row", "mews", "grove", "gardens", "walk", "circle", "cir", "trail", "parade", "alley", "pike",
    ] + uspsStreetWords.plain + uspsStreetWords.ambiguous)
    /// Street words that are also everyday words; the words before them must be capitalised.
    static let ambiguousStreetWords = Set([
        "way", "court", "place", "pl", "close", "drive", "dr", "st", "ct", "square", "sq", "row", "walk", "circle",
        "trail", "grove", "gardens", "parade", "pike",
    ] + uspsStreetWords.ambiguous)
    static let addressStopWords: Set<String> = [
        "of", "the", "a", "an", "and", "or", "to", "in", "on", "at", "by", "for", "from", "with", "into", "onto",
        "down", "up", "off", "along", "across", "near", "my", "your", "our", "their", "his", "her", "its",
        "times", "time", "minute", "minutes", "min", "hour", "hours", "mile", "miles", "km", "kilometres",
        "kilometers", "block", "blocks", "more", "other", "different", "lane", "cups", "cup", "days", "weeks",
        "years", "people", "steps", "step", "ways", "feet", "foot", "meters", "metres", "inch", "inches", "yards",
        "laps", "rows", "players", "items", "points", "sets", "reps", "pieces", "lines",
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

    /// How much a cue says by itself. After "my name is" any capitalised words are a name; after
    /// "I'm", "soy", "this is", a greeting or a sign-off the first of them must also not be an
    /// everyday word ("I'm Happy to help", "This is Chapter 3", "Ich bin Student") unless a surname
    /// follows ("I'm Will Turner"); after a personal cue, a slot only a person fills ("my aunt",
    /// "Tell … that"), a first name that is also a word ("Ruby", "Mark", "Grace") is a name alone too.
    enum Cue { case strong, weak, personal }

    func maskNames(_ text: String, lower: String, hasNonASCII: Bool = true, known: inout KnownNames) -> String {
        var s = text
        // Words of names found after a cue, masked wherever else they stand capitalised
        // ("Hi, this is Kwame Okafor. … Kwame"), in this message and the conversation's others.
        var learned = known.words
        defer { known.words = learned }
        var learnedCJK = known.cjk
        defer { known.cjk = learnedCJK }
        let knownBefore = known.words
        // Passes whose cue needs one of a few words run only where one stands (`lower`: the text
        // before masking, lowercased): a regex over a text it cannot match costs as much as one that matches.
        func has(_ needles: [String]) -> Bool { needles.contains { lower.contains($0) } }
        func name(_ capture: String, _ cue: Cue) -> String? {
            guard let found = PIIMasker.maskNameWords(capture, cue) else { return nil }
            learned.formUnion(found.words.map { $0.lowercased() })
            return found.replacement
        }
        // In a title ("I Do - Therefore I Am Vs. I Am") a capitalised word after a weak cue says nothing.
        func cuedName(_ capture: String, _ text: NSString, _ match: NSTextCheckingResult, _ cue: Cue) -> String? {
            PIIMasker.inTitleCaseLine(text, match.range(at: 1)) ? nil : name(capture, cue)
        }
        func weakName(_ capture: String, _ text: NSString, _ match: NSTextCheckingResult) -> String? { cuedName(capture, text, match, .weak) }
        // After a cue that also introduces products ("Ask Python to…", "Python and [NAME]").
        func person(_ capture: String, _ text: NSString, _ match: NSTextCheckingResult, _ cue: Cue) -> String? {
            capture.split(separator: " ").contains { NameLists.productWords.contains($0.lowercased()) } ? nil : cuedName(capture, text, match, cue)
        }
        func personName(_ capture: String, _ text: NSString, _ match: NSTextCheckingResult) -> String? { person(capture, text, match, .weak) }
        func cjkName(_ capture: String) -> String {
            learnedCJK.insert(capture)
            return "[NAME]"
        }
        // "Nguyễn Thị Minh Khai", "thầy Bảo": in text of another language, capitalised words written
        // with letters only Vietnamese has are a Vietnamese name, unless a place or a dish.
        if hasNonASCII, PIIMasker.hasVietnameseLetters(s), !PIIMasker.isVietnameseText(s) {
            s = PIIMasker.replace(Patterns.vietnameseName, in: s, group: 1) { found in
                let words = found.split(separator: " ")
                guard words.contains(where: { $0.contains(where: PIIMasker.vietnameseLetters.contains) }),
                    !NameLists.vietnameseNotNames.contains(where: { found.contains($0) })
                else { return nil }
                learned.formUnion(words.map { $0.lowercased() })
                return "[NAME]"
            }
        }
        s = PIIMasker.replace(Patterns.nameAfterStrongCue, in: s, group: 1) { name($0, .strong) }
        s = PIIMasker.replaceInContext(Patterns.nameAfterLabel, in: s, group: 1) { weakName($0, $1, $2) }
        s = PIIMasker.replace(Patterns.nameLabelLineInOneCase, in: s, group: 1) { found in
            let words = found.prefix { $0 != "(" && $0 != "（" }.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { $0.lowercased() }
            let plausible = words.allSatisfy { NameLists.nameParticles.contains($0) || NameLists.isListedName($0)
                || !(NameLists.isEverydayWord(Substring($0)) || StopWords.all.contains($0) || NameLists.productWords.contains($0)) }
            return plausible && words.contains(where: { NameLists.isListedName($0) && !NameLists.isEverydayWord(Substring($0)) }) ? "[NAME]" : nil
        }
        s = PIIMasker.replaceInContext(Patterns.nameAfterWeakCue, in: s, group: 1) { weakName($0, $1, $2) }
        s = PIIMasker.replaceInContext(Patterns.nameAfterThisIs, in: s, group: 1) { weakName($0, $1, $2) }
        if has(Patterns.introductionNeedles) { s = PIIMasker.replaceInContext(Patterns.nameAfterIntroduction, in: s, group: 1) { weakName($0, $1, $2) } }
        s = PIIMasker.replaceInContext(Patterns.nameAfterSignOff, in: s, group: 1) { capture, text, match in
            // At the start of a line or sentence, or anywhere when the name ends the text
            // ("ok thanks, Kwame", also before a closing quote); "Universal Love, Compassion, and…" is no sign-off.
            let endsText = text.substring(from: NSMaxRange(match.range(at: 1))).allSatisfy({ $0.isWhitespace || ".!'\"”’»)".contains($0) })
            guard endsText || PIIMasker.startsLineOrSentence(text, at: match.range.location) else { return nil }
            // "…, thanks Grace.": a word that is also a first name, ending the text after thanks, is the writer's name.
            return cuedName(capture, text, match, endsText ? .personal : .weak)
        }
        s = PIIMasker.replaceInContext(Patterns.nameAfterThanksEndingText, in: s, group: 1) { person($0, $1, $2, .personal) }
        s = PIIMasker.maskLastLineName(s) { name($0, .weak) }
        s = PIIMasker.replaceInContext(Patterns.nameAfterTitle, in: s, group: 1) { capture, text, match in
            PIIMasker.titleIsASuffix(text, before: match.range(at: 1)) ? nil : name(capture, .strong)
        }
        if has(Patterns.professionNeedles) { s = PIIMasker.replaceInContext(Patterns.nameAfterProfession, in: s, group: 1) { weakName($0, $1, $2) } }
        s = PIIMasker.replaceInContext(Patterns.nameAfterRelation, in: s, group: 1) { cuedName($0, $1, $2, .personal) }
        if has(["abu ", "abou ", "umm ", "ibn "]) {
            s = PIIMasker.replaceInContext(Patterns.arabicKunya, in: s, group: 1) { found, text, match in
                let name = text.substring(with: match.range(at: 2)).lowercased()
                return NameLists.firstNames.contains(name) && !NameLists.isEverydayWord(Substring(name)) ? "[NAME]" : nil
            }
        }
        if has(["famil", "fam."]) {
            // "im Namen der Familie Schulte", "the Okafor family": a family called by its surname.
            for pattern in [Patterns.familyName, Patterns.familyNameBefore] {
                s = PIIMasker.replaceInContext(pattern, in: s, group: 1) { found, text, match in
                    // German capitalises its nouns ("in der Familie Probleme"): after "Familie" only a listed name.
                    let german = text.substring(with: match.range).hasPrefix("Famil")
                    return german && !found.split(separator: " ").allSatisfy({ NameLists.isListedName($0.lowercased()) && !NameLists.isEverydayWord($0) }) ? nil : personName(found, text, match)
                }
            }
        }
        if has(Patterns.calledNeedles) {
            s = PIIMasker.replaceInContext(Patterns.nameAfterRelationIsCalled, in: s, group: 1) { person($0, $1, $2, .personal) }
        }
        if has(Patterns.parentNeedles) {
            s = PIIMasker.replaceInContext(Patterns.nameAfterParentOf, in: s, group: 1) { weakName($0, $1, $2) }
        }
        if has(["\"", "”", "’", "'", "»"]) { s = PIIMasker.replaceInContext(Patterns.nameAfterQuotation, in: s, group: 1) { weakName($0, $1, $2) } }
        s = PIIMasker.replaceInContext(Patterns.nameAfterNamed, in: s, group: 1) { capture, text, match in
            PIIMasker.namesAThing(text, before: match.range) ? nil : weakName(capture, text, match)
        }
        s = PIIMasker.replaceInContext(Patterns.nameAfterPersonVerb, in: s, group: 1) { person($0, $1, $2, .personal) }
        for (pattern, cue) in [(Patterns.nameAfterPersonVerbInside, Cue.personal), (Patterns.nameAfterLetterWord, .weak)] {
            s = PIIMasker.replaceInContext(pattern, in: s, group: 1) { capture, text, match in
                // "email to HR", "text CEFR": an acronym is no name.
                capture.split(separator: " ").first?.contains(where: \.isLowercase) == true ? person(capture, text, match, cue) : nil
            }
        }
        // Names known by what stands next to them, whatever the name lists hold: a contact detail
        // after them, the writer beside them, a meeting or a trip, a message they sent.
        // The name is the run of words next to the cue that are no everyday, product or service words.
        func nameRun(_ capture: String, atEnd: Bool, listedPass: Bool = false) -> String? {
            var words = capture.split(whereSeparator: { $0 == " " || $0 == "\t" })
            // "mit Herrn Oberkirchner": a title before the name stays.
            let titles = words.prefix(while: PIIMasker.isTitle)
            words.removeFirst(titles.count)
            let titled = titles.isEmpty ? "" : titles.joined(separator: " ") + " "
            func passes(_ word: Substring) -> Bool {
                let key = word.lowercased()
                // Next to a cue only people take ("Mark and I"), a listed first name is a name even when it is a word.
                if listedPass && NameLists.firstNames.contains(key) && !NameLists.isNoName(key) && !NameLists.productWords.contains(key) { return true }
                return NameLists.nameParticles.contains(key)
                    || !(NameLists.isEverydayWord(word) || NameLists.productWords.contains(key) || NameLists.serviceWords.contains(key)
                        || NameLists.organisationWords.contains(key))
            }
            var run = atEnd ? Array(words.reversed().prefix(while: passes).reversed()) : Array(words.prefix(while: passes))
            while let edge = atEnd ? run.first : run.last, NameLists.nameParticles.contains(edge.lowercased()) {
                if atEnd { run.removeFirst() } else { run.removeLast() }
            }
            guard !run.isEmpty else { return nil }
            // Only words that are no everyday word are masked elsewhere too ("Mark" of "Mark and I" is not).
            learned.formUnion(run.filter { !NameLists.isEverydayWord($0) }.map { $0.lowercased() })
            let rest = words.dropFirst(atEnd ? 0 : run.count).dropLast(atEnd ? run.count : 0).joined(separator: " ")
            if rest.isEmpty { return titled + "[NAME]" }
            return titled + (atEnd ? rest + " [NAME]" : "[NAME] " + rest)
        }
        // "Attendees: anna, dott. ferri, la signora pace": who was there, in any case.
        if s.contains(":") {
            s = PIIMasker.replaceInContext(Patterns.attendeeList, in: s, group: 1) { list, text, match in
                // "guests: Mimosa Court, Hse No. 4, Ngong Road" is an address, not a list of people.
                let line = text.substring(from: match.range.location).prefix { $0 != "\n" }
                if line.contains(where: \.isNumber) || line.contains("[ADDRESS]") { return nil }
                guard let masked = PIIMasker.maskAttendees(list) else { return nil }
                // Who was there is masked where else they stand: "Asistentes: Jordi Ferrer. … Jordi presenta".
                let left = Set(masked.split(whereSeparator: { !$0.isLetter }).map(String.init))
                learned.formUnion(list.split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "’" && $0 != "-" })
                    .filter { $0.count >= 3 && $0.first!.isUppercase && !left.contains(String($0)) && !NameLists.isEverydayWord($0) }.map { $0.lowercased() })
                return masked
            }
        }
        // A chat pasted as a transcript: speakers opening two or more lines ("Paco: chicos…",
        // "[10:02] Rafa: galera…", "たけし：明日…") are people, unless labels ("Note:", "Q:", "User:").
        if s.contains(":") || s.contains("：") {
            let ns = s as NSString
            let lines = Patterns.speakerLine.matches(in: s, range: NSRange(location: 0, length: ns.length))
            let speakers = Set(lines.map { ns.substring(with: $0.range(at: 1)) })
            if lines.count >= 2 && speakers.count >= 2 {
                s = PIIMasker.replace(Patterns.speakerLine, in: s, group: 1) { found in
                    guard PIIMasker.isSpeakerName(found) else { return nil }
                    learned.formUnion(found.split(separator: " ").filter { !NameLists.isEverydayWord($0) && $0.first!.isUppercase }.map { $0.lowercased() })
                    return "[NAME]"
                }
            }
        }
        if s.contains(":") { s = PIIMasker.replace(Patterns.nameAfterPersonLabel, in: s, group: 1) { nameRun($0, atEnd: false) } }
        if s.contains("[PHONE]") || s.contains("[EMAIL]") {
            s = PIIMasker.replaceInContext(Patterns.nameBeforeContact, in: s, group: 1) { capture, text, match in
                if PIIMasker.inTitleCaseLine(text, match.range(at: 1)) { return nil }
                // One capitalised word opening a sentence is as likely a heading word ("Calls to
                // [PHONE]", "Texts at [PHONE]") as a name: only a listed name counts there.
                if !capture.contains(where: { $0 == " " || $0 == "\t" }), PIIMasker.startsLineOrSentence(text, at: match.range(at: 1).location, openers: true),
                    !NameLists.isListedName(capture.lowercased())
                {
                    return nil
                }
                return nameRun(capture, atEnd: true)
            }
        }
        if has(["and i ", "and i,", "and i.", "and i'", "and i’", "and me", "and myself", "& i ", "& me", "y yo", "et moi", "und ich", "e io", "e eu"]) {
            s = PIIMasker.replaceInContext(Patterns.nameAndSelf, in: s, group: 1) { capture, text, match in
                PIIMasker.inTitleCaseLine(text, match.range(at: 1)) ? nil : nameRun(capture, atEnd: true, listedPass: true)
            }
        }
        s = PIIMasker.replaceInContext(Patterns.nameAfterKinTitle, in: s, group: 1) { person($0, $1, $2, .personal) }
        s = PIIMasker.replaceInContext(Patterns.nameBeforeOwnKin, in: s, group: 1) { capture, text, match in
            PIIMasker.inTitleCaseLine(text, match.range(at: 1)) ? nil : nameRun(capture, atEnd: true, listedPass: true)
        }
        // "Will and Hope's wedding": before an event two people share, words are names too.
        s = PIIMasker.replaceInContext(Patterns.namesBeforeSharedEvent, in: s) { found, text, match in
            let pair = [text.substring(with: match.range(at: 1)), text.substring(with: match.range(at: 2))]
            guard !pair.contains(where: { NameLists.productWords.contains($0.lowercased()) }) else { return nil }
            learned.formUnion(pair.filter { !NameLists.isEverydayWord(Substring($0)) }.map { $0.lowercased() })
            let between = text.substring(with: NSRange(location: NSMaxRange(match.range(at: 1)), length: match.range(at: 2).location - NSMaxRange(match.range(at: 1))))
            return "[NAME]" + between + "[NAME]" + text.substring(with: NSRange(location: NSMaxRange(match.range(at: 2)), length: NSMaxRange(match.range) - NSMaxRange(match.range(at: 2))))
        }
        s = PIIMasker.replaceInContext(Patterns.selfAndName, in: s, group: 1, personName)
        if has(["with", "con", "avec", "mit", "com"]) { s = PIIMasker.replaceInContext(Patterns.nameAfterCompanyWord, in: s, group: 1, personName) }
        s = PIIMasker.replaceInContext(Patterns.nameBeforeThat, in: s, group: 1, personName)
        // "Sione said the game is at 5": opening a sentence, the subject of what people do is
        // a person unless a word, a product, a service or an organisation ("Google said", "The CEO said").
        s = PIIMasker.replaceInContext(Patterns.namesOpeningBeforePersonVerb, in: s, group: 1) { capture, text, match in
            let words = capture.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard !PIIMasker.inTitleCaseLine(text, match.range(at: 1)), words.allSatisfy({ word in
                let key = word.lowercased()
                // "Users asked", "Customers said": the plural of an everyday word is one too.
                let singular = key.count > 3 && key.hasSuffix("s") ? key.dropLast() : Substring(key)
                return !NameLists.isEverydayWord(word) && !NameLists.isEverydayWord(singular) && !NameLists.productWords.contains(key)
                    && !NameLists.serviceWords.contains(key) && !NameLists.organisationWords.contains(key)
            }) else { return nil }
            // Not learned: a speaker may be a firm the lists lack, and its name elsewhere is no person's.
            return "[NAME]"
        }
        // "Rose asked them to…": a first name that is also a word, as the subject of what only people do;
        // not after a determiner or inside a run of capitalised words ("the Bill said", "Home Page says").
        // After a conjunction, a capitalised word before an auxiliary opens a clause: "a reminder that Will
        // is covering the shift and Bill gets the keys"; a month or a season there is the time ("and May is warmer").
        for (pattern, afterConjunction) in [(Patterns.wordNameBeforePersonVerb, false), (Patterns.wordNameBeforePronoun, false), (Patterns.wordNameOpeningClause, true)] {
            s = PIIMasker.replaceInContext(pattern, in: s, group: 1) { capture, text, match in
                let key = capture.lowercased()
                guard NameLists.everydayFirstNames.contains(key) else { return nil }
                if afterConjunction { return Patterns.timeNames.contains(key) ? nil : "[NAME]" }
                let before = text.substring(to: match.range(at: 1).location)
                let previous = before.split(whereSeparator: { $0 == " " || $0 == "\t" }).last.map(String.init) ?? ""
                if before.hasSuffix(" ") || before.hasSuffix("\t"), !(previous.last.map { ".,;:!?\"”)".contains($0) } ?? true),
                    previous.first?.isUppercase == true || Patterns.determiners.contains(previous.lowercased())
                {
                    return nil
                }
                return "[NAME]"
            }
        }
        s = PIIMasker.replaceInContext(Patterns.nameAfterSender, in: s, group: 1) { capture, text, match in
            // One word after "from" is as often a company or an author; two name words, or a listed first name, are a person.
            guard let first = capture.split(separator: " ").first else { return nil }
            let words = capture.split(separator: " ").filter { !NameLists.nameParticles.contains($0.lowercased()) }
            let passing = words.prefix { !NameLists.isEverydayWord($0) && !NameLists.productWords.contains($0.lowercased()) }
            guard passing.count >= 2 || NameLists.firstNames.contains(first.lowercased()),
                !words.contains(where: { NameLists.organisationWords.contains($0.lowercased()) })
            else { return nil }
            return personName(capture, text, match)
        }
        s = PIIMasker.replace(Patterns.nameBeforeWriting, in: s, group: 1) { found in
            let words = found.split(whereSeparator: \.isWhitespace)
            if words.contains(where: { NameLists.notNames.contains($0.lowercased()) }) { return nil }
            learned.formUnion(words.map { $0.lowercased() })
            return "[NAME]"
        }
        s = PIIMasker.replaceInContext(Patterns.nameBeforeRelation, in: s, group: 1) { weakName($0, $1, $2) }
        if has(Patterns.departmentNeedles) {
            // "from Finance to Sales in IT" names departments, not people.
            s = PIIMasker.replaceInContext(Patterns.nameBeforeDepartment, in: s, group: 1) { found, text, match in
                Patterns.departmentNeedles.contains(found.lowercased()) || NameLists.organisationWords.contains(found.lowercased())
                    ? nil : person(found, text, match, .personal)
            }
        }
        s = PIIMasker.replaceInContext(Patterns.nameIsRelation, in: s, group: 1, personName)
        s = PIIMasker.replaceInContext(Patterns.relationIsName, in: s, group: 1, personName)
        if has([" to "]) && has(["text", "sms"]) {
            s = PIIMasker.replace(Patterns.nameAfterTextTo, in: s, group: 1) { found in
                NameLists.firstNames.contains(found.lowercased()) && !NameLists.isEverydayWord(Substring(found)) ? "[NAME]" : nil
            }
        }
        // "Wairimu's baby shower", "Oyelaran's husband": whose party or whose kin is a person's name.
        s = PIIMasker.replaceInContext(Patterns.nameBeforePersonalEvent, in: s, group: 1) { capture, text, match in
            let key = capture.lowercased()
            guard !PIIMasker.inTitleCaseLine(text, match.range(at: 1)), !NameLists.isNoName(key),
                !NameLists.productWords.contains(key), !NameLists.serviceWords.contains(key), !NameLists.organisationWords.contains(key),
                !NameLists.isEverydayWord(Substring(capture)) || NameLists.everydayFirstNames.contains(key)
            else { return nil }
            return "[NAME]"
        }
        s = PIIMasker.replace(Patterns.lowercaseNameBeforePersonalEvent, in: s, group: 1) { found in
            // "for dmitri vasiliev's retirement"; "my mom's birthday" is no name.
            let words = found.split(separator: " ").map(String.init)
            if let first = words.first, words.count == 2, NameLists.firstNames.contains(first), !NameLists.isEverydayWord(Substring(first)),
                !StopWords.all.contains(words[1]), !NameLists.isEverydayWord(Substring(words[1]))
            {
                return "[NAME]"
            }
            let last = words.last!
            guard NameLists.firstNames.contains(last), !NameLists.isEverydayWord(Substring(last)) else { return nil }
            return words.count == 2 ? words[0] + " [NAME]" : "[NAME]"
        }
        // A lower-case name that is a listed first name, or a word only in other languages than
        // English ("mi abuela rosario", "mon chef olivier"), is one after a possessive and a relation.
        /// A listed first name that is no everyday or function word: what the lower-case passes without a person's cue want.
        func listedFirstName(_ word: String) -> Bool {
            NameLists.firstNames.contains(word) && !NameLists.isEverydayWord(Substring(word)) && !StopWords.all.contains(word)
        }
        func lowercaseFirstName(_ word: String) -> Bool {
            let folded = word.folding(options: .diacriticInsensitive, locale: nil)
            let listed = [word, folded].contains { NameLists.firstNames.contains($0) } && !NameLists.isEverydayWord(Substring(word))
            let nameWord = (NameLists.firstNameWords.contains(word) || NameLists.placeFirstNames.contains(word))
                && !NameLists.englishFirstNameWords.contains(word) && !NameLists.everydayFirstNames.contains(word)
            return (listed || nameWord) && !StopWords.all.contains(word) && !NameLists.isNoName(word)
        }
        // "avisa o Júnior", "na casa da Duda", "dile a Marta": Portuguese, Spanish and Italian put an
        // article or the personal "a" before a first name; a listed one there is a person's.
        // "a" alone is English's article too, so it counts only in text of those languages.
        let romance = has([" que ", " com ", " para ", " não ", " você", " con ", " per ", " che ", " di ", " el ", " los ", " uma ", " um ", " pra ", " é ", " la ", " se ", " en ", " da ", " também", " tambem"])
        for pattern in [Patterns.nameAfterArticle, Patterns.nameAfterOpeningArticle] {
            s = PIIMasker.replaceInContext(pattern, in: s, group: 2) { found, text, match in
                let article = text.substring(with: match.range(at: 1)).lowercased()
                guard article != "a" || romance else { return nil }
                // "Quinta do Vale", "Rua da Glória": after a capitalised word the article joins a place's name.
                let before = text.substring(to: match.range(at: 1).location).split(whereSeparator: { $0 == " " || $0 == "\t" }).last
                if let before, before.first?.isUppercase == true, before.last?.isLetter == true { return nil }
                let key = found.lowercased()
                let folded = key.folding(options: .diacriticInsensitive, locale: nil)
                // First names that are also words count ("o Caio", "a Socorro"): a word there is not
                // capitalised; so do their diminutives ("o Pedrinho").
                // "o Duarte e a Carolina": a first name that is also a place's is a person after the article too.
                let listed = [key, folded].contains { NameLists.firstNames.contains($0) || NameLists.firstNameWords.contains($0) || NameLists.placeFirstNames.contains($0) }
                    || NameLists.isDiminutiveOfListedName(key)
                guard listed, !NameLists.isEverydayWord(Substring(found)) || NameLists.firstNameWords.contains(key),
                    !NameLists.productWords.contains(key), !NameLists.organisationWords.contains(key), !NameLists.serviceWords.contains(key),
                    !NameLists.notPlaces.contains(key), !Patterns.placesWithArticle.contains(folded)
                else { return nil }
                return "[NAME]"
            }
        }
        // "o gui e a dudinha", "a lu do rh", "despedida a yusuf ibrahim": the same in lower case,
        // where only a listed first name that is no word, or its diminutive, counts.
        if romance {
            s = PIIMasker.replace(Patterns.lowercaseNameAfterArticle, in: s, group: 2) { found in
                let words = found.split(separator: " ").map(String.init)
                let first = words[0]
                guard listedFirstName(first) || NameLists.isDiminutiveOfListedName(first) && !StopWords.all.contains(first), !NameLists.isNoName(first)
                else { return nil }
                return words.count == 2 && (NameLists.isListedName(words[1]) || NameLists.surnameWords.contains(words[1]))
                    && !NameLists.isEverydayWord(Substring(words[1])) && !StopWords.all.contains(words[1])
                    ? "[NAME]" : "[NAME]" + (words.count == 2 ? " " + words[1] : "")
            }
        }
        // A chat quoted line that opens with who it is about: "'pablo no viene hoy'", "„tim ist heute krank“",
        // "«o rafa tá doente»"; only a listed first name that is no word counts.
        if lower.contains("'") || lower.contains("«") || lower.contains("„") || lower.contains("“") || lower.contains("‘") || lower.contains("\"") {
            s = PIIMasker.replace(Patterns.lowercaseNameOpeningQuote, in: s, group: 1) { found in
                listedFirstName(found) || NameLists.isDiminutiveOfListedName(found) && !StopWords.all.contains(found) && !NameLists.isNoName(found)
                    ? "[NAME]" : nil
            }
        }
        // "dinner with the Okafors": a family called by its surname in the plural.
        s = PIIMasker.replace(Patterns.familyInPlural, in: s, group: 1) { found in
            let key = found.lowercased()
            let stems = [String(key.dropLast()), key.hasSuffix("es") ? String(key.dropLast(2)) : nil].compactMap { $0 }
            return stems.contains {
                NameLists.surnames.contains($0) && !NameLists.isEverydayWord(Substring($0)) && !NameLists.isNoName($0)
            } ? "[NAME]" : nil
        }
        // "ich bin jonas und …": a function word after the name is no part of it.
        func lowercaseCapture(_ found: String) -> (name: String, rest: String) {
            let words = found.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard words.count == 2, StopWords.all.contains(words[1].lowercased()) else { return (found, "") }
            return (String(words[0]), String(found.dropFirst(words[0].count)))
        }
        s = PIIMasker.replace(Patterns.lowercaseNameAfterStrongCue, in: s, group: 1) { found in
            let (written, rest) = lowercaseCapture(found)
            return name(written, .strong).map { $0 + rest }
        }
        s = PIIMasker.replaceInContext(Patterns.lowercaseNameAfterWeakCue, in: s, group: 1) { found, text, match in
            // "soy maría": the list writes names without accents.
            let (written, rest) = lowercaseCapture(found)
            let words = written.split(separator: " ")
            guard let first = words.first, !NameLists.isEverydayWord(first) else { return nil }
            if !(NameLists.firstNames.contains(String(first)) || NameLists.firstNames.contains(first.folding(options: .diacriticInsensitive, locale: nil))) {
                // "aqui é a bruna carvalho", "qui è tommy,": after a self-introduction (not a greeting) a
                // name that is a word only in other languages than English, before a surname or alone.
                let cue = text.substring(with: NSRange(location: match.range.location, length: match.range(at: 1).location - match.range.location))
                    .trimmingCharacters(in: .whitespaces).lowercased()
                let key = String(first)
                guard !Patterns.lowercaseGreetingCues.contains(cue), NameLists.firstNameWords.contains(key), !NameLists.englishFirstNameWords.contains(key),
                    words.count == 2 ? NameLists.surnames.contains(String(words[1])) || NameLists.surnameWords.contains(String(words[1]))
                        : rest.isEmpty && PIIMasker.endsAClause(text, after: NSMaxRange(match.range(at: 1)))
                else { return nil }
            }
            return name(written, .strong).map { $0 + rest }
        }
        // "hire jamal", "met with priya": a listed first name in lower case after a word that takes a person.
        // A lower-case name of one or two words: the second is masked only when it is a name too.
        func lowercaseName(_ found: String, _ words: [String], nextIsName: Bool) -> String? {
            words.count == 2 && !nextIsName ? name(words[0], .strong).map { $0 + " " + words[1] } : name(found, .strong)
        }
        /// The first name and, when it is a listed surname, the word after it.
        func lowercaseNameAndSurname(_ found: String, _ words: [String]) -> String? {
            lowercaseName(found, words, nextIsName: words.count == 2 && NameLists.surnames.contains(words[1]) && !NameLists.isEverydayWord(Substring(words[1])))
        }
        s = PIIMasker.replace(Patterns.lowercaseNameAfterPersonWord, in: s, group: 1) { found in
            let words = found.split(separator: " ").map(String.init)
            // "mi primo joaquín": the list writes names without accents.
            // "flatmate young-ho park": a hyphenated first name of listed parts, and its surname even when a word.
            let hyphenated = words[0].contains("-") && NameLists.isListedName(words[0])
            guard hyphenated || lowercaseFirstName(words[0]) else { return nil }
            // "met yusuf demir": the next word too when it is a listed surname.
            return lowercaseName(found, words, nextIsName: NameLists.surnames.contains(words[1...].first ?? "")
                && (hyphenated || !NameLists.isEverydayWord(Substring(words[1...].first ?? ""))))
        }
        s = PIIMasker.replace(Patterns.lowercaseNameAfterRelation, in: s, group: 1) { found in
            let words = found.split(separator: " ").map(String.init)
            // "mon père jean-claude"; "mi suegra paz jiménez": a name that is a word, before a listed surname.
            let beforeSurname = words.count == 2 && NameLists.isListedName(words[1]) && !NameLists.isEverydayWord(Substring(words[1]))
                && (NameLists.everydayFirstNames.contains(words[0]) || NameLists.firstNameWords.contains(words[0]))
            guard lowercaseFirstName(words[0]) || words[0].contains("-") && NameLists.isListedName(words[0]) || beforeSurname else { return nil }
            return lowercaseNameAndSurname(found, words)
        }
        /// A cue's one or two lower-case words, masked when the first is a first name.
        func cuedFirstName(_ found: String) -> String? {
            let words = found.split(separator: " ").map(String.init)
            return lowercaseFirstName(words[0]) ? lowercaseNameAndSurname(found, words) : nil
        }
        if has(Patterns.calledNeedles) {
            for pattern in [Patterns.lowercaseNameAfterRelationIsCalled, Patterns.lowercaseNameAfterCalled] {
                s = PIIMasker.replace(pattern, in: s, group: 1, cuedFirstName)
            }
        }
        // "au nom de petit, isabelle": after a holder's cue, one or two words of which one is a listed name.
        if has(Patterns.holderNeedles) {
            s = PIIMasker.replace(Patterns.lowercaseNameAfterHolder, in: s, group: 1) { found in
                let words = found.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init)
                let names = words.map { (NameLists.isListedName($0) || lowercaseFirstName($0)) && !NameLists.isEverydayWord(Substring($0)) && !StopWords.all.contains($0) }
                guard names.contains(true) else { return nil }
                // "no nome de costa, fernanda": beside a name, a word that is none is the surname.
                if words.count == 2 && !names[1] && (StopWords.all.contains(words[1]) || NameLists.isEverydayWord(Substring(words[1]))) {
                    return "[NAME]" + found.dropFirst(words[0].count)
                }
                return words.contains { StopWords.all.contains($0) } ? nil : "[NAME]"
            }
        }
        // "his wife is sofía", "(tobi)": a relation's first name, and a listed first name alone in brackets.
        s = PIIMasker.replace(Patterns.lowercaseNameAfterRelationIs, in: s, group: 1, cuedFirstName)
        if s.contains("(") {
            s = PIIMasker.replaceInContext(Patterns.lowercaseNameInBrackets, in: s, group: 1) { found, text, match in
                let words = found.split(separator: " ").map(String.init)
                // Only after someone: "my mom (…)", "wenn einer vegan is (…)"; "a splashscreen (lottie)" is a library.
                guard listedFirstName(words[0]) else { return nil }
                let start = max(0, match.range.location - 200)
                let before = text.substring(with: NSRange(location: start, length: match.range.location - start)).lowercased()
                    .split(whereSeparator: { !$0.isLetter && $0 != "'" }).suffix(4)
                guard before.contains(where: { Patterns.relationWords.contains(String($0)) || Patterns.someoneWords.contains(String($0)) }) else { return nil }
                let surnameShaped = words.count == 2 && (words[1].contains("'") || words[1].contains("’") || words[1].contains("-"))
                return lowercaseName(found, words, nextIsName: words.count == 2 && (surnameShaped || NameLists.surnames.contains(words[1]) && !NameLists.isEverydayWord(Substring(words[1]))))
            }
        }
        // "yanis, mon fils": a lower-case listed first name before who they are.
        s = PIIMasker.replace(Patterns.lowercaseNameBeforeRelation, in: s, group: 1) { listedFirstName($0) ? "[NAME]" : nil }
        // "budi says", "xiomara dice que": a listed first name in lower case before a verb of what a person says or wants.
        if has(Patterns.speechVerbNeedles) {
            s = PIIMasker.replace(Patterns.lowercaseNameBeforeSpeechVerb, in: s, group: 1) { listedFirstName($0) ? "[NAME]" : nil }
        }
        // "gudrun und wolfgang", "noa, ayoub et inès": a list in lower case of two listed first names
        // or more, with the name-words among them ("marta, kenji e oluwadamilare").
        s = PIIMasker.replace(Patterns.lowercaseList, in: s, group: 0) { found in
            // Most lists are of things: two listed first names among the items (the words but the
            // conjunctions `lowercaseListSeparator` takes) first, then the separators.
            let items = found.split(whereSeparator: { !$0.isLetter && $0 != "-" && $0 != "'" && $0 != "’" }).map(String.init)
                .filter { !Patterns.listConjunctions.contains($0) }
            // "jule, kemal und fabian": one listed first name and another name that may be a word.
            let listed = Set(items.filter(listedFirstName)).count
            guard listed >= 2 || listed == 1 && Set(items.filter(lowercaseFirstName)).count >= 2 else { return nil }
            // The items and what separates them, in order.
            let ns = found as NSString
            var pieces: [(text: String, isItem: Bool)] = []
            var at = 0
            for separator in Patterns.lowercaseListSeparator.matches(in: found, range: NSRange(location: 0, length: ns.length)) {
                pieces.append((ns.substring(with: NSRange(location: at, length: separator.range.location - at)), true))
                pieces.append((ns.substring(with: separator.range), false))
                at = NSMaxRange(separator.range)
            }
            pieces.append((ns.substring(from: at), true))
            return pieces.map { $0.isItem && lowercaseFirstName($0.text) ? "[NAME]" : $0.text }.joined()
        }
        s = PIIMasker.replace(Patterns.lowercaseNameAfterSignOff, in: s, group: 1) { found in
            // "cordialement, jean-baptiste lemoine": the surname after a listed first name too.
            let words = found.split(separator: " ").map(String.init)
            let first = words[0]
            guard NameLists.firstNames.contains(first) || (first.contains("-") && NameLists.isListedName(first)), !NameLists.isEverydayWord(Substring(first)),
                !words.dropFirst().contains(where: { StopWords.all.contains($0) || NameLists.isEverydayWord(Substring($0)) })
            else { return nil }
            return "[NAME]"
        }
        // "der frau schmidtke", "ask mr okafor": a listed surname in lower case after a title in lower case.
        s = PIIMasker.replaceInContext(Patterns.lowercaseNameAfterTitle, in: s, group: 2) { found, text, match in
            let words = found.split(separator: " ").map(String.init)
            // "la signora mia madre": a possessive is no name. After an abbreviated title ("mr", "dott.")
            // any word that is no function or everyday word is one ("ms linh", "dott. ferri"); after
            // one that is also a noun ("la signora anziana") only a listed name.
            let written = text.substring(with: match.range(at: 1)).lowercased()
            // "prof. dr. albrecht": the last of two titles decides.
            let title = (written.split(separator: " ").last.map(String.init) ?? written).replacingOccurrences(of: ".", with: "")
            func plausible(_ word: String) -> Bool {
                word.count >= 2 && !NameLists.isEverydayWord(Substring(word)) && !StopWords.all.contains(word) && !Patterns.possessives.contains(word)
            }
            let listed = (NameLists.isListedName(words[0]) || lowercaseFirstName(words[0])) && plausible(words[0])
            // "dr." and "prof." with their dot are titles too ("according to dr. venkataraman").
            let titled = Patterns.abbreviatedTitles.contains(title)
                || written.hasSuffix(".") && ["dr", "prof", "ms"].contains(title) && !Patterns.afterDottedTitle.contains(words[0])
            guard listed || titled && plausible(words[0]) && words[0].count >= 3 else { return nil }
            // "dr jawad khalife", "mr kevin o'malley": the next word too when it is a listed name or a surname's shape.
            let next = words[1...].first ?? ""
            let surnameShaped = (next.contains("'") || next.contains("’") || next.contains("-")) && plausible(next)
            // After a listed first name, a surname that is also a word ("dra. luciana pires") is the name's too.
            let surnameWord = listed && NameLists.surnameWords.contains(next)
            return lowercaseName(found, words, nextIsName: (NameLists.isListedName(next) || surnameShaped) && !NameLists.isEverydayWord(Substring(next)) || surnameWord)
        }
        if PIIMasker.isLowerCaseText(s) { s = PIIMasker.maskLowercaseNamePairs(s) }
        // "lukas und ich kommen später": a listed first name in lower case beside the writer.
        s = PIIMasker.replace(Patterns.lowercaseNameAndSelf, in: s, group: 1) { found in
            NameLists.firstNames.contains(found) && !NameLists.isEverydayWord(Substring(found)) ? name(found, .strong) : nil
        }
        let bytes = Bytes(s)
        if bytes.has(" here") || bytes.has(" speaking") {
            s = PIIMasker.replace(Patterns.nameBeforeHere, in: s, group: 1) { name($0, .weak) }
            s = PIIMasker.replace(Patterns.fullNameBeforeHere, in: s, group: 1) { found in
                found.split(separator: " ").contains { NameLists.isEverydayWord($0) } ? nil : name(found, .weak)
            }
        }
        if hasNonASCII {
            // Each pattern's capture, and what must hold for it to be a name.
            let any: (String) -> Bool = { _ in true }
            let chinese: (String) -> Bool = PIIMasker.looksLikeChineseName
            // A word of Chinese is one of Japanese too ("以上です"), unless a family name starts it.
            let japanese: (String) -> Bool = { found in
                PIIMasker.looksLikeJapaneseName(found) && (PIIMasker.startsWithJapaneseSurname(found) || !PIIMasker.isChineseWord(found, strict: false))
            }
            let cuedCJK: [(NSRegularExpression, (String) -> Bool)] = [
                // "她叫我回家吃饭": after 叫我 ("tells me to") a common word is what one is told to do.
                (Patterns.cjkName, { found in
                    !NameLists.japaneseNotNames.contains(found)
                        && !(s.contains("叫我" + found) && !s.contains("我叫" + found) && !"小老阿".contains(found.first!) && PIIMasker.isChineseWord(String(found.prefix(2)), strict: false))
                }), (Patterns.cjkNameBeforeCue, any), (Patterns.chineseNameAfterCue, { chinese($0) || $0.count >= 3 && PIIMasker.startsWithJapaneseSurname($0) }),
                (Patterns.japaneseNameBeforeDesu, japanese), (Patterns.japaneseNameOpening, japanese), (Patterns.japaneseCasualSelfName, japanese),
                // A common noun in kanji is one in Chinese too ("製品", "担当"): the word list turns it away.
                (lower.contains("の") && has(["です", "と申します", "でございます", "と言います", "といいます"]) ? Patterns.japaneseNameAfterOrganisation : Patterns.never, { japanese($0) && !NameLists.japaneseRoleWords.contains($0) && !PIIMasker.isChineseWord($0, strict: false) }),
                (Patterns.koreanNameBeforeCopula, { !NameLists.koreanNotNames.contains($0) && !"인생자원가".contains($0.last!) }),
                (Patterns.cjkSignOff, any), (Patterns.japaneseDottedKatakanaName, any),
                // "我是小雨，", "我是美玲，在台北": a nickname or a given name of two characters between 我是
                // and the clause's end, unless a word, a role or a state ("我是新手，", "我是老师。").
                (Patterns.chineseDottedName, any),
                (Patterns.chineseTransliteratedName, any),
                (Patterns.chineseSelfGivenName, { found in
                    !NameLists.chineseNotNames.contains(found) && !NameLists.chineseNicknameNotNames.contains(found)
                        && !NameLists.chineseDoubledNotNames.contains(found) && !Patterns.chineseAddressTerms.contains(found)
                        && !PIIMasker.chineseFunctionCharacters.contains(found.first!) && PIIMasker.looksLikeChineseName(found)
                        && ("小阿".contains(found.first!) || found.first == found.last || !PIIMasker.isChineseWord(found, strict: false))
                }),
            ]
            for (pattern, isName) in cuedCJK {
                s = PIIMasker.replace(pattern, in: s, group: 1) { isName($0) ? cjkName($0) : nil }
            }
            s = PIIMasker.replace(Patterns.latinNameInCJK, in: s, group: 1) { name($0, .strong) }
            s = PIIMasker.replace(Patterns.latinNameInCJK, in: s, group: 2) { name($0, .strong) }
            // Kana mark Japanese: "我的先生" is Chinese for "my husband", and a Chinese surname can
            // start Japanese kanji words ("に謝罪", "に相談").
            let hasKana = s.unicodeScalars.contains(where: { (0x3041...0x30FF).contains($0.value) })
            let honorificsAndRelations: [(NSRegularExpression, (String) -> Bool)] = [
                // "이 선생님" is "this teacher": what follows a surname written apart is judged too.
                (Patterns.koreanNameBeforeHonorific, { found in
                    [found, String(found.split(separator: " ").last ?? "")].allSatisfy {
                        !NameLists.koreanNotNames.contains($0) && !NameLists.koreanHonorificNotNames.contains($0)
                    }
                }),
                (Patterns.chineseNameBeforeHonorific, chinese), (Patterns.chineseSurnameBeforeTitle, any),
            ]
            for (pattern, isName) in honorificsAndRelations {
                s = PIIMasker.replace(pattern, in: s, group: 1) { isName($0) ? cjkName($0) : nil }
            }
            let chinesePasses = [(Patterns.chineseNameAfterPersonCue, false), (Patterns.chineseNameOpening, false), (Patterns.chineseNameBeforeNameOf, false)]
                + (hasKana ? [] : [(Patterns.chineseNameAtBoundary, true)])
            for (pattern, strict) in chinesePasses {
                s = PIIMasker.replaceInContext(pattern, in: s, group: 1) { capture, text, match in
                    let after = text.substring(from: NSMaxRange(match.range(at: 1)))
                    // The cue and the surname can be one word: "对于", "为何", "对方"; a cue of two
                    // or more ideographs is a word of its own ("班主任何秀兰" is no 任何).
                    let location = match.range(at: 1).location
                    let cue = text.substring(with: NSRange(location: match.range.location, length: location - match.range.location))
                    if location > 0, let first = capture.first, cue.filter({ $0.unicodeScalars.first.map(Patterns.hanScalar) ?? false }).count < 2,
                        PIIMasker.isChineseWord(text.substring(with: NSRange(location: location - 1, length: 1)) + String(first), strict: strict)
                    {
                        return nil
                    }
                    guard let found = PIIMasker.chineseName(in: capture, before: after, strict: strict) else { return nil }
                    return cjkName(found) + capture.dropFirst(found.count)
                }
            }
            if !hasKana {
                // "小王说", "老李让我": a surname after 小 or 老 that forms no common word.
                s = PIIMasker.replaceInContext(Patterns.chineseNickname, in: s, group: 1) { found, text, match in
                    // "老李" and "小王" are in the word list because people are called so; before what
                    // only a person does ("老李让我问") they are names, elsewhere only when no word.
                    let after = text.substring(from: NSMaxRange(match.range(at: 1)))
                    let acts = ["让", "讓", "说", "說", "告诉", "告訴", "问", "問", "叫我", "请我", "請我", "帮我", "幫我", "给我", "給我", "跟我", "答应", "答應", "刚", "剛"]
                    if NameLists.chineseNotNames.contains(found) { return nil }
                    if PIIMasker.isChineseWord(found, strict: true) && !(found.first != "阿" && acts.contains { after.hasPrefix($0) }) { return nil }
                    return cjkName(found)
                }
                // "晓彤说", "维多利亚让我", "昨天雨桐跟我说": a given name alone before what people say or ask,
                // opening a sentence; "我哥哥子豪和…": after kin, a given name of two characters.
                for (pattern, strict) in [(Patterns.chineseGivenBeforeSpeech, false), (Patterns.chineseGivenAfterKin, true)] {
                    s = PIIMasker.replace(pattern, in: s, group: 1) { found in
                        Patterns.chineseAddressTerms.contains(found) || NameLists.chineseNotNames.contains(found) || PIIMasker.isChineseWord(found, strict: strict)
                            || PIIMasker.chineseFunctionCharacters.contains(found.first!) || found.contains(where: { "们們人家".contains($0) }) ? nil : cjkName(found)
                    }
                }
                s = PIIMasker.replace(Patterns.chineseNicknameAfterKin, in: s, group: 1) { found in
                    NameLists.chineseNotNames.contains(found) || NameLists.chineseDoubledNotNames.contains(found) || NameLists.chineseNicknameNotNames.contains(found)
                        || found.first != found.last && PIIMasker.isChineseWord(found, strict: false) ? nil : cjkName(found)
                }
                // "欧阳 娜娜", "林 峰": a family name set apart by a space; not "于 2023" nor a word ("高 兴").
                s = PIIMasker.replace(Patterns.chineseSpacedName, in: s, group: 1) { found in
                    let joined = found.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "　", with: "")
                    let parts = found.split(whereSeparator: { $0 == " " || $0 == "　" })
                    guard parts.count == 2, !PIIMasker.isChineseWord(joined, strict: false),
                        parts[0].count == 2 || !PIIMasker.isChineseWord(String(joined.prefix(2)), strict: false),
                        !PIIMasker.chineseFunctionCharacters.contains(parts[1].first!)
                    else { return nil }
                    return cjkName(joined)
                }
                // "小雨想让我帮她", "给婷婷写贺卡", "我男朋友阿杰": a nickname of any character (小, 阿 or a
                // doubled one) where only a person stands; a common word is one only before what only a person does.
                s = PIIMasker.replaceInContext(Patterns.chineseAnyNickname, in: s, group: 1) { found, text, match in
                    let personActs = match.range(at: 3).location != NSNotFound
                    if NameLists.chineseNotNames.contains(found) || NameLists.chineseDoubledNotNames.contains(found)
                        || NameLists.chineseNicknameNotNames.contains(found)
                    {
                        return nil
                    }
                    // A doubled character in a person's slot is a name even when a word ("娜娜"); 小雨 is rain unless it acts.
                    if !personActs && match.range(at: 2).location == NSNotFound && PIIMasker.isChineseWord(found, strict: true) { return nil }
                    return cjkName(found)
                }
            }
            if !hasKana {
                s = PIIMasker.replace(Patterns.pinyinNameAfterCalled, in: s, group: 1) { found in
                    found.split(separator: " ").contains { NameLists.productWords.contains($0.lowercased()) || NameLists.isEverydayWord($0) } ? nil : cjkName(found)
                }
                s = PIIMasker.replace(Patterns.chineseDoubledAfterTell, in: s, group: 1) { found in
                    NameLists.chineseDoubledNotNames.contains(found) || NameLists.chineseNotNames.contains(found) ? nil : cjkName(found)
                }
                for group in [1, 2] {
                    s = PIIMasker.replaceInContext(Patterns.chineseCalledName, in: s, group: group) { found, text, match in
                        // "朋友们": a word with a plural or its first two characters a word is no name; a
                        // doubled character is a child's name after 叫 ("我女儿叫诺诺，") unless listed as a word.
                        let doubled = group == 1 && found.count == 2 && found.first == found.last && !NameLists.chineseDoubledNotNames.contains(found)
                        // "他叫大鹏，": after "he/she is called" even a word is the name, but for a question ("他叫什么？").
                        let location = match.range(at: group).location
                        let calledBy = group == 1 && location >= 2 && ["他叫", "她叫"].contains(text.substring(with: NSRange(location: location - 2, length: 2)))
                            && found.count == 2 && !["什么", "什麼", "啥名", "谁啊", "什麽"].contains(found) && !found.contains(where: { "么麼谁誰啥哪".contains($0) })
                        return !doubled && !calledBy && (PIIMasker.isChineseWord(found, strict: true) || PIIMasker.isChineseWord(String(found.prefix(2)), strict: true))
                            || found.hasSuffix("们") || found.hasSuffix("們") || NameLists.chineseNotNames.contains(found) ? nil : cjkName(found)
                    }
                }
            }
            // In a list that holds names, the other items of a name's shape are names too: "刘海涛、[NAME]".
            func maskListNeighbours() {
                for group in [1, 2] {
                    s = PIIMasker.replace(hasKana ? Patterns.japaneseNameInList : Patterns.chineseNameInList, in: s, group: group) { found in
                        hasKana ? (NameLists.japaneseNotNames.contains(found) ? nil : cjkName(found)) : (PIIMasker.isChineseWord(String(found.prefix(2)), strict: false) ? nil : cjkName(found))
                    }
                }
            }
            if s.contains("[NAME]、") || s.contains("、[NAME]") {
                maskListNeighbours()
                // "我和[NAME]、丽娜去冰岛": a given name of two characters, without a family name, beside one.
                if !hasKana {
                    for group in [1, 2] {
                        s = PIIMasker.replace(Patterns.chineseNicknameInList, in: s, group: group) { found in
                            NameLists.chineseNotNames.contains(found) || NameLists.chineseNicknameNotNames.contains(found) ? nil : cjkName(found)
                        }
                    }
                    for group in [1, 2] {
                        s = PIIMasker.replace(Patterns.chineseGivenInList, in: s, group: group) { found in
                            Patterns.chineseAddressTerms.contains(found) || NameLists.chineseNotNames.contains(found) || PIIMasker.isChineseWord(found, strict: false)
                                || PIIMasker.chineseFunctionCharacters.contains(found.first!) || found.contains(where: { "们們人家".contains($0) }) ? nil : cjkName(found)
                        }
                    }
                }
            }
            if hasKana {
                s = PIIMasker.replace(Patterns.japaneseNameList, in: s, group: 1) { list in
                    list.components(separatedBy: "、").map { item in
                        let trimmed = item.trimmingCharacters(in: .whitespaces)
                        return trimmed.isEmpty || NameLists.japaneseRoleWords.contains(trimmed) || NameLists.japanesePlaceNames.contains(trimmed) ? item : "[NAME]"
                    }.joined(separator: "、")
                }
                // A role and its title ("営業部長へ", "校長先生への") is judged by the role; roles, kin
                // and states are no names ("お客様", "患者さん", "元気です").
                let titled: (String) -> Bool = { found in
                    let role = PIIMasker.japaneseTitles.first(where: { found.hasSuffix($0) && found.count > $0.count })
                    let head = role.map { String(found.dropLast($0.count)) } ?? found
                    return head.count == 1 ? NameLists.japaneseOneCharacterNames.contains(head)
                        : !NameLists.japaneseHonorificNotNames.contains(head) && !NameLists.japaneseRoleWords.contains(head)
                            && !NameLists.japaneseNotNames.contains(head) && !(role == nil && "師士員者職".contains(head.last!))
                }
                for pattern in [Patterns.japaneseNameBeforeHonorific, Patterns.japaneseNameAfterRelation, Patterns.japaneseNameBeforeTitle, Patterns.japaneseNameBeforeParticle, Patterns.japaneseNameBeforeNameOf, Patterns.japaneseDottedNameBeforeEvent] {
                    s = PIIMasker.replaceInContext(pattern, in: s, group: 1) { found, text, match in
                        // "友人のまりえ": a given name in hiragana only when the list holds it.
                        if found.unicodeScalars.allSatisfy({ (0x3041...0x309F).contains($0.value) }) { return NameLists.japaneseKanaGivenNames.contains(found) ? cjkName(found) : nil }
                        // "母の料理が", "妹の部屋が": after a relation and no honorific, ideographs are a name
                        // only when written apart, a listed surname or ending as given names do ("父の和夫で").
                        if pattern === Patterns.japaneseNameAfterRelation, found.first?.unicodeScalars.first?.properties.isIdeographic == true,
                            !PIIMasker.japaneseHonorificFollows(text, at: NSMaxRange(match.range(at: 1))), !found.contains(where: { $0 == " " || $0 == "　" }),
                            !PIIMasker.startsWithJapaneseSurname(found), !(found.count >= 3 && NameLists.japaneseOneCharacterNames.contains(String(found.prefix(1)))),
                            !PIIMasker.looksLikeJapaneseGivenName(found)
                        {
                            return nil
                        }
                        return titled(found) ? cjkName(found.replacingOccurrences(of: " ", with: "")) : nil
                    }
                }
                s = PIIMasker.replace(Patterns.japaneseGivenNameBeforeDesu, in: s, group: 1) { found in
                    PIIMasker.looksLikeJapaneseGivenName(found) ? cjkName(found) : nil
                }
                s = PIIMasker.replace(Patterns.japaneseKinNameWithReading, in: s, group: 1) { _ in "[NAME]" }
                s = PIIMasker.replace(Patterns.japaneseKatakanaVocative, in: s, group: 1) { found in
                    NameLists.japaneseNotNames.contains(found) || NameLists.japaneseRoleWords.contains(found) ? nil : cjkName(found)
                }
                // "営業部 小林健太": a listed surname and a given name after a department, as a signature writes them.
                s = PIIMasker.replace(Patterns.japaneseNameAfterDepartment, in: s, group: 1) { found in
                    PIIMasker.startsWithJapaneseSurname(found) && found.count >= 3 ? cjkName(found) : nil
                }
                // A name these passes found lets its list's neighbours follow: "友人の[NAME]、ケンジ。".
                if s.contains("[NAME]、") || s.contains("、[NAME]") { maskListNeighbours() }
                // "やまぐちさん", "望月（もちづき）さん": a name in hiragana, or with its reading, before an honorific.
                s = PIIMasker.replace(Patterns.japaneseKanaBeforeHonorific, in: s, group: 1) { found in
                    found.hasPrefix("お") || found.hasPrefix("ご") || Patterns.japaneseKanaNotNames.contains(found) ? nil : cjkName(found)
                }
                s = PIIMasker.replace(Patterns.japaneseNameWithReading, in: s, group: 1) { found in
                    let head = String(found.prefix { $0 != "（" && $0 != "(" })
                    return titled(head) && !NameLists.japanesePlaceNames.contains(head) ? cjkName(head) : nil
                }
                // A common family name, alone or with a given name, where only a person stands:
                // before です or より, before の母, after a label, at the end of a letter.
                let listed: (String) -> Bool = { found in
                    // "東京 駅": a place before the space is no family name.
                    let head = String(found.split(whereSeparator: { $0 == " " || $0 == "　" }).first ?? Substring(found))
                    return ![found, head].contains { NameLists.japanesePlaceNames.contains($0) || NameLists.japaneseNotNames.contains($0) }
                }
                for pattern in [Patterns.japaneseNameAfterLabel, Patterns.japaneseListedNameBeforeCopula, Patterns.japaneseListedNameBeforeKin, Patterns.japaneseListedNameEndingText, Patterns.japaneseSpacedListedName, Patterns.japaneseSelfNamed, Patterns.japaneseSpacedNameBeforeDesu] {
                    s = PIIMasker.replace(pattern, in: s, group: 1) { listed($0) ? cjkName($0.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "　", with: "")) : nil }
                }
                // A list of two or more listed family names: "和田、久保、今井".
                if s.contains("、") {
                    let ns = s as NSString
                    let items = Patterns.japaneseListedInList.matches(in: s, range: NSRange(location: 0, length: ns.length))
                    let joined = zip(items, items.dropFirst()).contains { a, b in
                        ns.substring(with: NSRange(location: NSMaxRange(a.range), length: max(0, b.range.location - NSMaxRange(a.range)))).trimmingCharacters(in: .whitespaces) == "、"
                    }
                    if joined { s = PIIMasker.replace(Patterns.japaneseListedInList, in: s, group: 1) { listed($0) ? cjkName($0) : nil } }
                }
                // The given name after a family name another pass masked: "名前：[NAME]　太郎".
                if s.contains("[NAME]") { s = PIIMasker.replace(Patterns.japaneseGivenAfterMaskedName, in: s, group: 1) { _ in "" } }
                // "僕は翔太、高校生です", "俺は大輔だけど": a clause, not です, after the writer; no word nor place.
                s = PIIMasker.replace(Patterns.japaneseNameBeforeClause, in: s, group: 1) { found in
                    PIIMasker.looksLikeJapaneseName(found) && listed(found) && !PIIMasker.isChineseWord(found, strict: false) ? cjkName(found) : nil
                }
            }
            s = PIIMasker.replace(Patterns.japaneseSignOff, in: s, group: 1) { found in
                NameLists.japaneseNotNames.contains(found) ? nil : cjkName(found.replacingOccurrences(of: " ", with: ""))
            }
            for found in learnedCJK where found.count >= 2 { s = s.replacingOccurrences(of: found, with: "[NAME]") }
            for group in [1, 2] {
                s = PIIMasker.replace(Patterns.nameAfterUncasedCue, in: s, group: group) { found in
                    NameLists.uncasedNotNames.contains(found) ? nil : "[NAME]"
                }
            }
            if s.unicodeScalars.contains(where: { (0xAC00...0xD7A3).contains($0.value) }) {
                // "민수야 생일 축하해!": a given name called at the start, not a common word ("진짜야").
                s = PIIMasker.replace(Patterns.koreanVocative, in: s, group: 1) { found in
                    NameLists.koreanCommonWords.contains(found) || NameLists.koreanNotNames.contains(found) ? nil : cjkName(found)
                }
                s = PIIMasker.maskKoreanNames(s)
            }
            s = PIIMasker.maskOtherScripts(s)
        }
        // A table of birthdays: "Pia 3 marzo, Addolorata 29 giugno", "春梅 3月3日，国强 4月11日": who
        // stands before each date is a person, whatever the word.
        let birthdays = has(Patterns.birthdayNeedles)
        if birthdays || hasNonASCII && has(Patterns.leaveNeedles) {
            if birthdays {
                s = PIIMasker.replaceInContext(Patterns.nameBeforeDayAndMonth, in: s, group: 1) { found, text, match in
                    person(found, text, match, .personal)
                }
            }
            if hasNonASCII {
                s = PIIMasker.replace(Patterns.cjkNameBeforeDayAndMonth, in: s, group: 1) { found in
                    // "周六 4月11日", "土曜 3月3日": a weekday is no name.
                    ["周", "週", "星期", "礼拜", "禮拜"].contains(where: { found.hasPrefix($0) }) && found.count >= 2 || found.hasSuffix("曜") || found.hasSuffix("曜日")
                        || ["今天", "明天", "昨天", "今日", "明日", "昨日", "今年", "明年", "去年"].contains(found)
                        || Patterns.chineseAddressTerms.contains(found) || NameLists.japaneseRoleWords.contains(found)
                        || NameLists.japaneseNotNames.contains(found) || NameLists.chineseNotNames.contains(found) ? nil : cjkName(found)
                }
            }
        }
        var fullNameWords: Set<String> = []
        s = maskListedNames(s, learned: learned, fullNameWords: &fullNameWords)
        learned.formUnion(fullNameWords)
        let (learnedBefore, learnedCJKBefore) = (learned, learnedCJK)
        if s.contains("[NAME]") {
            s = PIIMasker.replaceInContext(Patterns.nameInLatinList, in: s, group: 1, personName)
            // Each item masked lets the next one follow two masked names.
            for _ in 0..<8 {
                let before = s
                s = PIIMasker.replaceInContext(Patterns.nameAfterMaskedList, in: s, group: 1, personName)
                if s == before { break }
            }
            s = PIIMasker.replaceInContext(Patterns.nameOpeningMaskedList, in: s, group: 1, personName)
            // "Grandpa [NAME], Olive, Hope Castillo, [NAME]", "AM: Jade (M,W,F), [NAME] (T,Th)": on a
            // line that lists two masked names or more, a neighbour of one is a name too, also when
            // it is a word ("Olive"), and the one after it follows.
            for _ in 0..<8 {
                let before = s
                for pattern in [Patterns.nameAfterMaskedItem, Patterns.nameBeforeMaskedItem] {
                    s = PIIMasker.replaceInContext(pattern, in: s, group: 1) { found, text, match in
                        let line = text.substring(with: text.lineRange(for: match.range))
                        guard line.components(separatedBy: "[NAME]").count > 2 else { return nil }
                        // After an article a word is a thing as often ("e o Brasil", "e il Comune"): only a listed name.
                        let before = text.substring(to: match.range(at: 1).location)
                        guard Patterns.colloquialArticles.contains(where: { before.hasSuffix(" \($0) ") }) else { return person(found, text, match, .personal) }
                        let first = found.prefix { !$0.isWhitespace }.lowercased()
                        return NameLists.isListedName(first) || NameLists.firstNameWords.contains(first) ? person(found, text, match, .weak) : nil
                    }
                }
                if s == before { break }
            }
            // A pair's other half, once every other pass has masked what it knows.
            // Joined to a person by "and", a first name that is also a word is one: "[NAME] and Sunny".
            s = PIIMasker.replaceInContext(Patterns.nameBeforeMaskedPair, in: s, group: 1) { person($0, $1, $2, .personal) }
            s = PIIMasker.replaceInContext(Patterns.nameAfterMaskedPair, in: s, group: 1) { person($0, $1, $2, .personal) }
            s = PIIMasker.replace(Patterns.arabicNameRestAfterMasked, in: s, group: 1) { _ in "" }
            // "[NAME] de los [NAME]": two masked parts of one compound name are one.
            s = PIIMasker.replace(Patterns.maskedCompound, in: s, group: 0) { _ in "[NAME]" }
            // The rest of a name a pass masked in part, when it is a listed name: "[NAME] Binh", "[NAME]-Farsi".
            s = PIIMasker.replace(Patterns.nameRestAfterMasked, in: s, group: 1) { word in
                let bare = word.trimmingCharacters(in: CharacterSet(charactersIn: " \t-"))
                return NameLists.isListedName(bare.lowercased()) && !NameLists.isEverydayWord(Substring(bare)) && !NameLists.productWords.contains(bare.lowercased()) ? "" : nil
            }
        }
        // Someone addressed at the start of a quotation or a line: "'Kemal, you still owe me…'".
        s = PIIMasker.replaceInContext(Patterns.vocativeName, in: s, group: 1) { capture, text, match in
            // "Olá, pode me ajudar", "Sorry, can you": greetings and words address no one.
            let key = capture.lowercased()
            return NameLists.greetings.contains(key) || StopWords.all.contains(key) || Patterns.vocativeNotNames.contains(key) ? nil : personName(capture, text, match)
        }
        if hasNonASCII && s.contains("，") {
            s = PIIMasker.replace(Patterns.chineseVocative, in: s, group: 1) { found in
                // Names are often rarer words too ("建军", "小雪"); common words ("今天") and kin or roles are not.
                Patterns.chineseAddressTerms.contains(found) || NameLists.chineseNotNames.contains(found) || PIIMasker.isChineseWord(found, strict: false)
                    || PIIMasker.chineseFunctionCharacters.contains(found.first!) || found.contains(where: { "们們".contains($0) }) ? nil : cjkName(found)
            }
        }
        if hasNonASCII {
            // A Japanese name quoted whole, in Japanese or Chinese text or in code: "「大和田 國男」", "['渡部恵子']".
            s = PIIMasker.replace(Patterns.quotedJapaneseFullName, in: s, group: 1) { found in
                // Written apart, or a listed surname and more; "「中村屋」" is a shop.
                let bare = found.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "　", with: "")
                let apart = bare.count < found.count && found.allSatisfy { $0 == " " || $0 == "　" || $0.unicodeScalars.first!.properties.isIdeographic }
                guard bare.count >= 3, apart || PIIMasker.startsWithJapaneseSurname(bare), !NameLists.japaneseNotNames.contains(bare),
                    !"屋堂店亭庵軒館社園院所局駅寺城線".contains(bare.last!)
                else { return nil }
                return cjkName(bare)
            }
            if s.contains("[NAME]") { s = PIIMasker.replace(Patterns.readingAfterMasked, in: s, group: 1) { _ in "" } }
        }
        // A name the passes above found beside a masked one is masked where else it stands in
        // this message: "entre [NAME] et [NAME]… Rose a plus d'expérience".
        if learned != learnedBefore { s = maskListedNames(s, learned: learned) }
        for found in learnedCJK.subtracting(learnedCJKBefore) where found.count >= 2 { s = s.replacingOccurrences(of: found, with: "[NAME]") }
        if has(["geb.", "geborene", "née", "nee ", "nata ", "nacida", "nascida"]) {
            s = PIIMasker.replace(Patterns.maidenName, in: s, group: 1) { found in
                NameLists.isEverydayWord(Substring(found)) && !NameLists.isListedName(found.lowercased()) ? nil : "[NAME]"
            }
        }
        if has(["appel", "surnomm", "nennt", "nannte", "genannt", "gerufen", "sagt zu", "chama ", "chamava "]) {
            for group in 1...3 {
                s = PIIMasker.replace(Patterns.quotedNickname, in: s, group: group) { found in
                    StopWords.all.contains(found.lowercased()) || NameLists.isNoName(found.lowercased()) ? nil : "[NAME]"
                }
            }
        }
        if hasNonASCII {
            s = PIIMasker.replace(Patterns.cjkSelfInBrackets, in: s, group: 1) { found in
                NameLists.chineseNotNames.contains(found) || NameLists.japaneseNotNames.contains(found) || PIIMasker.isChineseWord(found, strict: true) ? nil : cjkName(found)
            }
            s = PIIMasker.replace(Patterns.japaneseKanaNameOpeningQuote, in: s, group: 1) { cjkName($0) }
            for pattern in [Patterns.japaneseNameAfterClass, Patterns.japaneseKinNameBeforeAge] {
                s = PIIMasker.replace(pattern, in: s, group: 1) { found in
                    let kana = found.unicodeScalars.allSatisfy { !Patterns.hanScalar($0) }
                    return kana || PIIMasker.startsWithJapaneseSurname(found) ? cjkName(found) : nil
                }
            }
        }
        if s.contains("[NAME]") {
            s = PIIMasker.replace(Patterns.nameBeforeMaskedAfterTitle, in: s, group: 1) { found in
                let first = found.prefix { !$0.isWhitespace }
                return NameLists.isNoName(first.lowercased()) || StopWords.all.contains(first.lowercased()) ? nil : "[NAME]"
            }
            s = maskRotaAndActionItems(s, lower: lower) { learned.insert($0) }
        }
        if s.contains(". [NAME]") { s = PIIMasker.foldInitials(s) }
        s = maskLowercaseRecurrences(s, learned: learned.subtracting(knownBefore))
        return s
    }

    /// Names in a rota's slots and in action items, once the line names someone else in one;
    /// each pattern runs only where `lower` (the text lowercased) holds one of its words.
    func maskRotaAndActionItems(_ text: String, lower: String, learn: (String) -> Void) -> String {
        var s = text
        let rota = ["week", "wk", "semana", "semaine", "sem.", "kw", "woche", "settimana", "sett", "週"].contains { lower.contains($0) }
        let actions = ["ap:", "ap :", "todo", "to-do", "action", "acción", "ação", "azione", "maßnahme", "aktion", "行动项", "アクション"].contains { lower.contains($0) }
        for pattern in (rota ? [Patterns.nameInRotaSlot] : []) + (actions ? [Patterns.nameInActionItem] : []) {
            s = PIIMasker.replaceInContext(pattern, in: s, group: 1) { found, ns, match in
                guard found != "NAME" else { return nil }
                let line = ns.substring(with: ns.lineRange(for: match.range))
                guard line.components(separatedBy: "[NAME]").count > (pattern === Patterns.nameInRotaSlot ? 2 : 1) else { return nil }
                let words = found.split(separator: " ")
                guard let first = words.first, first.count >= 2 || first.unicodeScalars.first.map(Patterns.hanScalar) == true else { return nil }
                let key = first.lowercased()
                // "Action: remove the file": without an arrow only a capitalised word is someone.
                if pattern === Patterns.nameInActionItem, first.first!.isLowercase {
                    let after = ns.substring(from: NSMaxRange(match.range(at: 1))).drop { $0 == " " || $0 == "\t" }
                    guard after.hasPrefix("→") || after.hasPrefix("->") || after.hasPrefix("=>") else { return nil }
                }
                if StopWords.all.contains(key) || NameLists.isEverydayWord(first) && !NameLists.firstNameWords.contains(key) && !NameLists.surnameWords.contains(key)
                    || Patterns.streetTypeWords.contains(key) || NameLists.productWords.contains(key) || key.allSatisfy(\.isNumber)
                {
                    return nil
                }
                words.forEach { learn($0.lowercased()) }
                return "[NAME]"
            }
        }
        return s
    }

    /// A name this message masked, written again in lower case: "semaine 1 Hugo … hugo à
    /// nouveau". Only a listed name that is no word of any language counts ("Rose" … "rose").
    func maskLowercaseRecurrences(_ text: String, learned: Set<String>) -> String {
        let names = learned.filter { $0.count >= 3 && PIIMasker.isListedNameAndNoWord($0) }
        guard !names.isEmpty else { return text }
        return PIIMasker.replace(Patterns.lowercaseWord, in: text) { word in names.contains(word) ? "[NAME]" : nil }
    }

    /// "J. [NAME]" → "[NAME]": initials are part of the name they stand before, where a list, a
    /// title or a lower-case word stands before them ("with J. [NAME]"), not a word such as
    /// "Vitamin D. [NAME]".
    static func foldInitials(_ text: String) -> String {
        let ns = text as NSString
        var result = ""
        var cursor = 0
        var search = NSRange(location: 0, length: ns.length)
        while true {
            let found = ns.range(of: "[NAME]", options: [], range: search)
            guard found.location != NSNotFound else { break }
            if let initials = initialsBefore(ns, at: found.location), initials.location >= cursor {
                var p = initials.location - 1
                while p >= 0, ns.character(at: p) == 0x20 { p -= 1 }
                let afterLowercase = p >= 0 && Unicode.Scalar(ns.character(at: p)).map { CharacterSet.lowercaseLetters.contains($0) } == true
                // "avec M. [NAME]": after a word, a lone "M." is the French title, which stays.
                let monsieur = found.location - initials.location == 3 && ns.character(at: initials.location) == 0x4D
                if initials.listed || afterLowercase && !monsieur || PIIMasker.startsLineOrSentence(ns, at: initials.location) {
                    result += ns.substring(with: NSRange(location: cursor, length: initials.location - cursor))
                    cursor = found.location
                }
            }
            let next = NSMaxRange(found)
            search = NSRange(location: next, length: ns.length - next)
        }
        result += ns.substring(from: cursor)
        return result
    }

    /// The name in a cue's capture: `[NAME]` for its leading name words, keeping any words after
    /// the first word that is no name ("I'm Anna Because" → "[NAME] Because") and the particles
    /// inside it ("Joris van der Berg" is one name). Nil when the first word is no name.
    static func maskNameWords(_ capture: String, _ cue: Cue) -> (replacement: String, words: [Substring])? {
        var words = capture.split(whereSeparator: { $0 == " " || $0 == "\t" })
        // "Hello, I'm Ann": the greeting's capture starts at "I'm"; the name comes after it.
        var lead: [Substring] = []
        while let first = words.first, selfWords.contains(first.lowercased()) || isTitle(first) {
            lead.append(first)
            words.removeFirst()
        }
        guard let first = words.first else { return nil }
        var pairOpens = false
        if cue != .strong && NameLists.isEverydayWord(first) {
            // "I'm Will Turner": an everyday word that is also a first name, before a surname.
            let key = first.lowercased()
            // After a personal cue a listed name that is also a word stands alone: "my coworker Blessing".
            let alone = cue == .personal && (NameLists.everydayFirstNames.contains(key) || NameLists.firstNameWords.contains(key))
            guard alone || (words.count >= 2 && (NameLists.everydayFirstNames.contains(key) || NameLists.firstNameWords.contains(key))
                && words[1].first?.isUppercase == true && !NameLists.isEverydayWord(words[1]) && !NameLists.isNoName(words[1].lowercased()))
            else { return nil }
            pairOpens = true
        }
        var nameCount = 0
        while nameCount < words.count {
            let word = words[nameCount]
            let key = word.lowercased()
            if NameLists.nameParticles.contains(key) {
                // "van der Berg": the particles count when a capitalised word follows them.
                let next = words[nameCount...].first { !NameLists.nameParticles.contains($0.lowercased()) }
                // "Nom : VAN DEN BERG", "Nachname: De La Cruz": after a cue a surname may open with its
                // particles, capitalised, when a word no everyday one follows them.
                guard let next, next.first?.isUppercase == true,
                    nameCount > 0 || (word.first?.isUppercase == true && !NameLists.everydayWords.contains(next.lowercased()) && !NameLists.isNoName(next.lowercased()))
                else { break }
                nameCount += 1
                continue
            }
            if NameLists.isNoName(key) && !(pairOpens && nameCount == 0) { break }
            // In capitals every word looks like a name ("MINHA MÃE CAIU NA ÁGUA"): after a cue that is
            // not strong, a word in capitals counts only when listed.
            let afterParticle = nameCount > 0 && NameLists.nameParticles.contains(words[nameCount - 1].lowercased())
            if cue != .strong, !afterParticle, word.filter(\.isLetter).count >= 2, word.allSatisfy({ !$0.isLetter || $0.isUppercase }),
                !NameLists.isListedName(key), !NameLists.isListedName(key.folding(options: .diacriticInsensitive, locale: nil))
            {
                break
            }
            nameCount += 1
            // "Prof. Shai Arogeti's Robotics Lab": a possessive ends the name.
            if key.hasSuffix("'s") || key.hasSuffix("’s") { break }
        }
        // A trailing particle belongs to what follows.
        while nameCount > 0 && NameLists.nameParticles.contains(words[nameCount - 1].lowercased()) { nameCount -= 1 }
        if nameCount == 0 { return nil }
        let rest = words.dropFirst(nameCount).joined(separator: " ")
        let prefix = lead.isEmpty ? "" : lead.joined(separator: " ") + " "
        var nameWords = words.prefix(nameCount).filter { !NameLists.nameParticles.contains($0.lowercased()) }
        var name = "[NAME]"
        if let last = nameWords.last, let suffix = ["'s", "’s"].first(where: { last.hasSuffix($0) }) {
            nameWords[nameWords.count - 1] = last.dropLast(2)
            name += suffix
        }
        return (prefix + (rest.isEmpty ? name : name + " " + rest), nameWords)
    }

    /// The people of an attendee list, each masked: an item of one to three words that are no
    /// function, everyday, product or firm words, after its title or article ("la signora pace",
    /// "dott. ferri"); the writer ("me", "yo") and other items stay.
    static func maskAttendees(_ list: String) -> String? {
        var changed = false
        let separators = Patterns.attendeeSeparator
        let ns = list as NSString
        var pieces: [String] = []
        var last = 0
        for match in separators.matches(in: list, range: NSRange(location: 0, length: ns.length)) {
            pieces.append(ns.substring(with: NSRange(location: last, length: match.range.location - last)))
            pieces.append(ns.substring(with: match.range))
            last = NSMaxRange(match.range)
        }
        pieces.append(ns.substring(from: last))
        for (i, piece) in pieces.enumerated() where i % 2 == 0 {
            var words = piece.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            var lead: [String] = []
            while let first = words.first, Patterns.attendeeArticles.contains(first.lowercased()) || isTitle(Substring(first)) || Patterns.abbreviatedTitles.contains(first.lowercased().replacingOccurrences(of: ".", with: "")) {
                lead.append(first)
                words.removeFirst()
            }
            // "present: the budget, the plan": after an article alone a lower-case word is a name
            // only when listed ("il rossi"); after a title any is ("la signora pace").
            let articleOnly = !lead.isEmpty && lead.allSatisfy { Patterns.attendeeArticles.contains($0.lowercased()) }
            if articleOnly && words.contains(where: { $0.first?.isLowercase == true && !NameLists.isListedName($0.lowercased()) }) { continue }
            guard (1...3).contains(words.count), words.allSatisfy({ word in
                let key = word.lowercased().trimmingCharacters(in: .punctuationCharacters)
                return key.count >= 2 && key.first!.isLetter && !StopWords.all.contains(key) && !NameLists.isEverydayWord(Substring(key))
                    && !NameLists.productWords.contains(key) && !NameLists.organisationWords.contains(key) && !NameLists.serviceWords.contains(key)
                    && !speakerRoles.contains(key)
            }) else { continue }
            pieces[i] = (lead + ["[NAME]"]).joined(separator: " ")
            changed = true
        }
        return changed ? pieces.joined() : nil
    }

    /// A transcript's speaker that is a person: one or two capitalised words that open with a
    /// listed name and are no label, product or service words, or a Japanese name in hiragana or
    /// one that opens with a listed family name ("たけし", "佐藤").
    static func isSpeakerName(_ found: String) -> Bool {
        if let first = found.unicodeScalars.first, !first.isASCII, !found.contains(where: \.isUppercase) {
            return found.unicodeScalars.allSatisfy { (0x3041...0x309F).contains($0.value) || $0 == "ー" }
                || NameLists.japaneseSurnames.contains { found.hasPrefix($0) } && found.count <= 4
        }
        // Form labels open lines the same way ("Title:", "Instructions:", "Height:"), so the speaker
        // must be a listed name, also one that is a word ("Rafa", "Duda").
        let words = found.split(separator: " ")
        guard let first = words.first?.lowercased(),
            NameLists.firstNames.contains(first) || NameLists.firstNameWords.contains(first) || NameLists.surnames.contains(first)
                || NameLists.isListedName(first)
        else { return false }
        return words.allSatisfy { word in
            let key = word.lowercased()
            return word.count >= 2 && !NameLists.isNoName(key) && !speakerRoles.contains(key)
                && !NameLists.productWords.contains(key) && !NameLists.serviceWords.contains(key) && !NameLists.organisationWords.contains(key)
        }
    }
    static let speakerRoles: Set<String> = [
        "user", "assistant", "bot", "ai", "agent", "customer", "client", "support", "system", "me", "you", "human", "gpt",
        "chatgpt", "interviewer", "interviewee", "host", "guest", "moderator", "teacher", "student", "doctor", "patient",
        "usuario", "usuaria", "cliente", "agente", "utilisateur", "benutzer", "kunde", "utente", "yo", "moi", "ich", "io", "eu",
    ]

    private static let selfWords: Set<String> = ["i'm", "i’m", "i", "am", "my", "name", "is", "this"]
    /// Titles a cue's capture can start with ("mit Herrn Oberkirchner", "for Dr Okafor"): they stay,
    /// and the name is what follows them.
    static let titleWords: Set<String> = [
        "mr", "mrs", "ms", "mx", "miss", "dr", "prof", "mme", "mlle", "herr", "herrn", "frau", "monsieur", "madame",
        "mademoiselle", "signor", "signora", "signore", "señor", "señora", "señorita", "senhor", "senhora", "sr", "sra",
        "srta", "dott", "dhr", "mevr", "meneer", "mevrouw", "doctor", "doctora", "docteur", "professor", "professeur",
        "profesor", "profesora", "professora", "dottore", "dottoressa", "doutor", "doutora",
    ]
    static func isTitle(_ word: Substring) -> Bool {
        titleWords.contains(String(word.lowercased().drop { $0 == "." }.reversed().drop { $0 == "." }.reversed()))
    }

    /// True when only spaces stand between `location` and the start of the text or of its line,
    /// or the end of a sentence; with `openers`, opening quotes and brackets too (`"Calls to…`).
    static func startsLineOrSentence(_ text: NSString, at location: Int, openers: Bool = false) -> Bool {
        func skipped(_ c: UInt16) -> Bool {
            c == 0x20 || c == 0x09 || (openers && (c == 0x22 || c == 0x27 || c == 0x28 || c == 0x5B || c == 0x201C || c == 0x2018 || c == 0xAB))
        }
        var i = location - 1
        while i >= 0, skipped(text.character(at: i)) { i -= 1 }
        guard i >= 0, let scalar = Unicode.Scalar(text.character(at: i)) else { return true }
        return "\n.!?:;".unicodeScalars.contains(scalar)
    }

    /// True when the word at `range` is part of a hyphenated or elided compound ("Karl-Marx-Allee").
    static func joinsACompound(_ text: NSString, _ range: NSRange) -> Bool {
        let end = NSMaxRange(range)
        let before = range.location > 0 ? text.character(at: range.location - 1) : 0x20
        let after = end < text.length ? text.character(at: end) : 0x20
        return before == 0x2D || after == 0x2D || before == 0x27 || before == 0x2019
    }

    /// True when punctuation or the end of the text follows `location` ("qui è tommy, mi…"), not
    /// another word ("sono casa mia").
    static func endsAClause(_ text: NSString, after location: Int) -> Bool {
        guard location < text.length else { return true }
        guard let scalar = Unicode.Scalar(text.character(at: location)) else { return false }
        return ",.;:!?)\n'\"”’»".unicodeScalars.contains(scalar)
    }

    /// True when a number follows the word at `range` after spaces ("Ruta 40").
    static func followedByNumber(_ text: NSString, _ range: NSRange) -> Bool {
        var i = NSMaxRange(range)
        while i < text.length, text.character(at: i) == 0x20 { i += 1 }
        return i < text.length && (0x30...0x39).contains(text.character(at: i))
    }

    /// True when an article stands right before `location` ("an Allen key", "la Ruta", "o Rio").
    static func afterArticle(_ text: NSString, at location: Int) -> Bool {
        let head = text.substring(to: location)
        guard head.hasSuffix(" ") else { return false }
        let previous = head.dropLast().split(whereSeparator: { !$0.isLetter }).last.map { $0.lowercased() } ?? ""
        return articles.contains(previous) && head.dropLast().last?.isLetter == true
    }

    /// The attendee lists' articles and the indefinite and other ones.
    private static let articles: Set<String> = Patterns.attendeeArticles.union([
        "a", "an", "los", "las", "un", "una", "les", "une", "gli", "i", "as", "um", "uma", "das", "den", "dem", "des", "ein", "eine", "einen", "einem",
    ])

    /// Code and documents name things, not people: "a file named Utils", "a class named Parser",
    /// "the tab named Summary". True when the word before `range` is one of them.
    static func namesAThing(_ text: NSString, before range: NSRange) -> Bool {
        let before = text.substring(to: range.location)
        guard let word = before.split(whereSeparator: { !$0.isLetter }).last?.lowercased() else { return false }
        return thingsNamed.contains(word)
    }

    static let thingsNamed: Set<String> = [
        "file", "files", "folder", "directory", "class", "method", "function", "variable", "tab", "sheet",
        "column", "table", "module", "package", "field", "property", "repo", "repository", "branch", "script",
        "model", "object", "struct", "enum", "component", "database", "bucket", "key", "parameter", "argument",
        "library", "project", "app", "document", "worksheet", "workbook", "channel", "server", "service",
    ]

    /// True for "Lord Death Sr. Despite…": "Sr." after a name is "Senior", not "Señor".
    static func titleIsASuffix(_ text: NSString, before range: NSRange) -> Bool {
        let before = text.substring(to: range.location).split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard before.count >= 2, ["Sr.", "Sra.", "Srta."].contains(before[before.count - 1]) else { return false }
        let previous = before[before.count - 2]
        let key = previous.lowercased().trimmingCharacters(in: .punctuationCharacters)
        return previous.first?.isUppercase == true && !NameLists.isNoName(key) && !NameLists.greetings.contains(key)
    }

    /// True when the line around `range` capitalises two or more small words inside sentences
    /// ("How I Am Building A Startup"), as titles do.
    static func inTitleCaseLine(_ text: NSString, _ range: NSRange) -> Bool {
        let line = text.substring(with: text.lineRange(for: range))
        var count = 0
        var previous: Character = "."
        for word in line.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            let bare = word.trimmingCharacters(in: .punctuationCharacters)
            // A quotation or a bracket starts its own sentence: 'about "The Code"'.
            let opensQuote = word.first.map { "\"“‘'(«[".contains($0) } ?? false
            if let first = bare.first, first.isUppercase, !opensQuote, !".!?:;\"“(-–—".contains(previous),
                titleSmallWords.contains(bare.lowercased())
            {
                count += 1
                if count >= 2 { return true }
            }
            previous = word.last ?? " "
        }
        return false
    }

    private static let titleSmallWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "from", "by", "as", "is",
        "am", "are", "be", "do", "my", "your", "you", "it", "this", "that", "not", "vs", "how", "what", "why",
    ]

    /// A name alone on the text's last line after a sign-off ("Thanks for any help,\nKwame
    /// Okafor"), or after a dash ("— Kwame", "Thanks! - Kwame"). Dashes also start list items and
    /// end lines of documents ("Country – Ireland"), so a dash counts only after no list item.
    static func maskLastLineName(_ text: String, _ mask: (String) -> String?) -> String {
        let ns = text as NSString
        let end = ns.rangeOfCharacter(from: CharacterSet.whitespacesAndNewlines.inverted, options: .backwards)
        guard end.location != NSNotFound else { return text }
        let start = ns.range(of: "\n", options: .backwards, range: NSRange(location: 0, length: end.location)).location
        guard start != NSNotFound || Bytes(text).has("-") || Bytes(text).has("—") || Bytes(text).has("–") else { return text }
        let lineStart = start == NSNotFound ? 0 : start + 1
        let lastLine = NSRange(location: lineStart, length: ns.length - lineStart)
        let previous = ns.substring(to: lineStart).split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        var nameRange: NSRange?
        if let match = Patterns.dashSignOff.firstMatch(in: text, range: lastLine) {
            if let marker = previous?.trimmingCharacters(in: .whitespaces).first, "-–—*•".contains(marker) || marker.isNumber {
                return text
            }
            nameRange = match.range(at: 1)
        } else if let previous, let match = Patterns.nameLine.firstMatch(in: text, range: lastLine),
            Patterns.signOffLine.firstMatch(in: String(previous), range: NSRange(location: 0, length: (previous as Substring).utf16.count)) != nil
        {
            nameRange = match.range(at: 1)
        }
        guard let nameRange, let replacement = mask(ns.substring(with: nameRange)) else { return text }
        return ns.replacingCharacters(in: nameRange, with: replacement)
    }

    /// Words of scripts other than Latin and CJK, in two readings. In a text written mostly in
    /// Latin letters, a run of them is a name or an address given in its own script ("a thank-you
    /// note to Τιμολέων Κορμπόπουλος", "trip with לביא"), unless it is quoted ("what does
    /// "спасибо" mean"). In a text written mostly in Cyrillic or Greek, which capitalise only
    /// proper nouns inside a sentence, a capitalised word that does not open a sentence is a name
    /// or a place, with the capitalised words next to it ("письмо Ивану Петрову"); the polite
    /// "Вы" and its forms are not.
    static func maskOtherScripts(_ text: String) -> String {
        var latin = 0
        var cased = 0
        var other = 0
        // The placeholders' letters ("[ADDRESS]") are not the writer's.
        let written = text.contains("[") ? text.replacingOccurrences(of: #"\[[A-Z]+\]"#, with: "", options: .regularExpression) : text
        for scalar in written.unicodeScalars where scalar.properties.isAlphabetic {
            switch scalar.value {
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: latin += 1
            case 0x0370...0x03FF, 0x1F00...0x1FFF, 0x0400...0x052F: cased += 1
            case 0x0590...0x0DFF, 0x0E00...0x0EFF, 0x10A0...0x10FF, 0x0530...0x058F, 0x1000...0x109F, 0x1200...0x139F, 0x1780...0x17FF: other += 1
            default: break
            }
        }
        if cased + other == 0 { return text }
        if latin > cased + other {
            // A number next to the words makes them an address ("खत्री टार, 71678").
            return replaceInContext(Patterns.otherScriptRun, in: text) { found, ns, match in
                // A quotation keeps foreign words ("спасибо"), but not after a cue only a person takes ("I am শারমিন রায়").
                let before = ns.substring(to: match.range.location).lowercased()
                let afterCue = Patterns.otherScriptNameCues.contains { before.hasSuffix($0) }
                if quoted(ns, match.range) && !afterCue { return nil }
                return found.contains(where: { $0.isASCII && $0.isNumber }) ? "[ADDRESS]" : "[NAME]"
            }
        }
        guard cased > latin else {
            // Mostly another script: only a run after a Latin cue that only a person takes.
            guard latin > 0 else { return text }
            return replaceInContext(Patterns.otherScriptRun, in: text) { found, ns, match in
                let before = ns.substring(to: match.range.location).lowercased()
                return Patterns.otherScriptNameCues.contains { before.hasSuffix($0) } && !found.contains(where: \.isNumber) ? "[NAME]" : nil
            }
        }
        let ns = text as NSString
        let matches = Patterns.casedNonLatinWord.matches(in: text, range: NSRange(location: 0, length: ns.length))
        var isName = matches.map { match in
            !startsLineOrSentence(ns, at: match.range.location) && !quoted(ns, match.range)
                && !NameLists.casedNonLatinNotNames.contains(ns.substring(with: match.range).lowercased())
        }
        // "Иван Петров попросил…": a sentence's first word joins the name after it.
        for i in matches.indices.dropLast() where !isName[i] && isName[i + 1] {
            let end = NSMaxRange(matches[i].range)
            let gap = ns.substring(with: NSRange(location: end, length: matches[i + 1].range.location - end))
            if gap == " " && !NameLists.casedNonLatinNotNames.contains(ns.substring(with: matches[i].range).lowercased()) {
                isName[i] = true
            }
        }
        var result = text as NSString
        for (i, match) in matches.enumerated().reversed() where isName[i] {
            result = result.replacingCharacters(in: match.range, with: "[NAME]") as NSString
        }
        return (result as String).replacingOccurrences(of: "[NAME] [NAME]", with: "[NAME]")
    }

    /// True when the characters around `range` are quotation marks or brackets.
    static func quoted(_ text: NSString, _ range: NSRange) -> Bool {
        var i = range.location - 1
        while i >= 0, text.character(at: i) == 0x20 { i -= 1 }
        guard i >= 0, let scalar = Unicode.Scalar(text.character(at: i)) else { return false }
        return "\"'“‘«„「『(".unicodeScalars.contains(scalar)
    }

    /// The name in a Chinese candidate (a surname and one or two ideographs after a cue), or nil:
    /// no name when the surname starts a common word ("为方便", "和高中生", "对于是否") or a
    /// function word follows it ("对于这个"); a third ideograph that starts the next word stays
    /// out ("告诉刘洋明天" is 刘洋), and what follows the name must be able to follow one.
    /// With `strict`, after a weak cue, less common words count too.
    static func chineseName(in capture: String, before after: String, strict: Bool) -> String? {
        let chars = Array(capture)
        let surname = chars.count >= 3 && Patterns.compoundSurnames.contains(String(chars[0...1])) ? 2 : 1
        guard chars.count > surname, !chineseFunctionCharacters.contains(chars[surname]) else { return nil }
        var length = chars.count
        // "给李明发个消息": a verb that follows names, with more of its phrase after it, is no part of one.
        let verbPhraseFollows = chineseFollowers.contains(chars[length - 1])
            && after.first.map { "个個条條封了过過些".contains($0) } == true
        if length == surname + 2,
            chineseFunctionCharacters.contains(chars[length - 1]) || verbPhraseFollows
                || isChineseWord(String(chars[length - 1]) + String(after.prefix(1)), strict: false)
        {
            length -= 1
        }
        let name = String(chars[..<length])
        let rest = String(chars[length...]) + after
        // After a weak cue, what only a person does next makes it strong: "和李娜一起", "给李娜写".
        let strict = strict && !chinesePersonFollowers.contains { rest.hasPrefix($0) }
        // The words a name could be read as start with its surname: "方便", "高中生"; a compound
        // surname is a word itself ("欧阳").
        // A full three-character name between a cue and punctuation is read whole even when its
        // first two characters are a word ("给黄海燕，" is no Yellow Sea): only the whole can be a word.
        let whole = length == surname + 2 && length == 3 && rest.first.map { !($0.unicodeScalars.first.map(Patterns.hanScalar) ?? false) && !$0.isNumber } ?? true
        for n in (surname + 1)...max(surname + 1, min(3, length)) where !(whole && n < length) && isChineseWord(String(chars[..<n]), strict: strict) { return nil }
        guard looksLikeChineseName(name) else { return nil }
        // What follows a name after a weak cue: not an ideograph, a word a name is followed by, or
        // the start of a common word ("房东卢美玲转 4200" needs none of that after a relation).
        guard strict else { return name }
        guard let following = rest.first, following.unicodeScalars.first.map({ Patterns.hanScalar($0) }) == true else { return name }
        if chineseFunctionCharacters.contains(following) || chineseFollowers.contains(following)
            || isChineseWord(String(rest.prefix(2)), strict: false)
        {
            return name
        }
        return nil
    }

    /// What follows a person and not a thing: "一起", "写", "打电话", "道歉".
    static let chinesePersonFollowers = ["一起", "写", "寫", "打电话", "打電話", "说", "說", "道歉", "订", "訂", "预订", "預訂", "准备", "準備", "过生日", "過生日"]

    static func isChineseWord(_ word: String, strict: Bool) -> Bool {
        let simplified = String(word.map { NameLists.simplifiedCharacters[$0] ?? $0 })
        return NameLists.chineseCommonWords.contains(simplified) || (strict && NameLists.rarerChineseWords.contains(simplified))
    }

    /// Korean names without a cue: a word whose stem, less a particle, is three syllables after a
    /// common surname (four after a compound one) and no common word. Sino-Korean nouns read the
    /// same ("진화론의", "도메인이"), so a particle any noun takes counts only after a relation or a
    /// label ("동료 박서연이", "참석자: 조현우,"), and a bare word only before a comma or after a
    /// label; particles only a person takes count anywhere ("권태영한테", "정다은이에요", "민아 씨").
    /// A word that reads as a common word with any particle taken off stays ("이야기를", "이번에는").
    static func maskKoreanNames(_ text: String) -> String {
        replaceInContext(Patterns.hangulWord, in: text) { word, ns, match in
            let before = ns.substring(to: match.range.location).split(whereSeparator: \.isWhitespace).last.map(String.init) ?? ""
            let after = ns.substring(from: NSMaxRange(match.range))
            let afterLabel = before.hasSuffix(":") || before.hasSuffix(",") || before.hasSuffix("：")
                || koreanPersonWords.contains { word in ["", ":", "은", "는", "이", "인", "이신", "님"].contains { before == word + $0 } }
            var stems: [(stem: String, particle: String)] = [(word, "")]
            for particle in koreanParticles where word.hasSuffix(particle) && word.count > particle.count {
                let stem = String(word.dropLast(particle.count))
                stems.append((stem, particle))
                for inner in koreanParticles where stem.hasSuffix(inner) && stem.count > inner.count {
                    stems.append((String(stem.dropLast(inner.count)), inner + particle))
                }
            }
            if stems.contains(where: { NameLists.koreanCommonWords.contains($0.stem) || NameLists.koreanNotNames.contains($0.stem) }) { return nil }
            for (stem, particle) in stems {
                let compound = koreanCompoundSurnames.contains(String(stem.prefix(2)))
                guard stem.count == 3 || (compound && stem.count == 4),
                    compound || stem.first.map({ Patterns.koreanSurnameSyllables.contains($0) }) == true
                else { continue }
                let fits: Bool
                if particle.isEmpty {
                    fits = afterLabel || after.hasPrefix(",") || after.hasPrefix("、") || after.hasPrefix(")")
                        || koreanTitles.contains { after.hasPrefix(" " + $0) }
                } else {
                    fits = koreanPersonParticles.contains(particle) || afterLabel
                }
                if fits { return "[NAME]" + word.dropFirst(stem.count) }
            }
            return nil
        }
    }

    /// Particles and endings after a Korean noun, longer ones first where one ends another.
    static let koreanParticles = [
        "에게서", "한테서", "이라는", "이라고", "이신데", "이에요", "이예요", "입니다", "께서", "에게", "한테", "이랑", "이가", "이는", "이를",
        "이의", "이고", "인데", "라는", "라고", "으로", "이와", "이나", "께", "님", "씨", "은", "는", "이", "가", "을", "를", "의", "와",
        "과", "랑", "도", "만", "야", "아", "에", "로", "나",
    ]
    /// Particles and endings after a person's name, not after a thing: "한테", "이에요", "이랑",
    /// and the "-이" of names that end in a consonant before another particle ("채원이가").
    static let koreanPersonParticles: Set<String> = [
        "에게서", "한테서", "이라는", "이라고", "이신데", "이에요", "이예요", "입니다", "께서", "에게", "한테", "이랑", "이가", "이는", "이를",
        "이의", "께", "님", "씨", "랑", "이한테", "이에게", "이랑은", "야", "아",
    ]
    /// Relations, roles and labels before a name: "동료 박서연이", "고객명 진소희".
    static let koreanPersonWords = [
        "동료", "친구", "동생", "아들", "딸", "선배", "후배", "남편", "아내", "엄마", "아빠", "형", "누나", "언니", "오빠", "팀장", "과장",
        "부장", "대리", "사장", "고객", "학생", "선생님", "교수님", "담임", "이름", "성함", "고객명", "참석자", "신랑", "신부", "받는", "보내는",
        "남자친구", "여자친구", "할머니", "할아버지", "조카", "사촌", "이웃", "동기",
    ]
    /// Titles written apart after a Korean name: "이영희 선생님께", "표승민 대리님".
    static let koreanTitles = ["씨", "님", "선생님", "교수님", "대리님", "팀장님", "과장님", "부장님", "사장님", "원장님", "실장님", "기자님", "작가님"]
    static let koreanCompoundSurnames: Set<String> = ["남궁", "황보", "선우", "독고", "제갈", "사공", "서문", "동방"]

    /// Japanese titles written after a family name: "鈴木部長", "林先生".
    static let japaneseTitles = ["部長", "課長", "社長", "係長", "主任", "店長", "専務", "常務", "会長", "室長", "所長", "院長", "園長", "教授", "先生", "選手", "監督", "博士", "殿", "先輩"]

    /// Characters that do not start a given name: particles, pronouns and common verbs
    /// ("为何要", "给钱买东西").
    static let chineseFunctionCharacters: Set<Character> = Set(
        "的了是在我你他她它这這那个個们們有不也都就还還很会會要能把被从從到对對向于以等和与與跟给給说說让讓请請吗嗎呢吧啊么麼什怎哪谁誰每各某其之而及或但如因所为為着著过過得地将將已再又才只更最太真多少上下里裡外前后後来來去买買卖賣做吃喝看听聽写寫读讀打用拿送找带帶开開关關走跑玩穿住订訂查预預挑选選约約")
    /// Characters that follow a name besides those: verbs of sending and asking, days.
    static let chineseFollowers: Set<Character> = Set("发發回寄讲講问問今明昨最已一准準合投申帮幫叫")

    /// A Japanese self-introduction's subject that is a name: not a role, state or origin
    /// ("私は学生です", "私は元気です", "私はエンジニアです", "私は東京出身です").
    static func looksLikeJapaneseName(_ word: String) -> Bool {
        if NameLists.japaneseNotNames.contains(word) { return false }
        guard let first = word.unicodeScalars.first, first.properties.isIdeographic else { return true }
        if word.count == 1 { return NameLists.japaneseOneCharacterNames.contains(word) }
        return !"人生員者師家士職性親派歳才気配成対当験理婦供業身語".contains(word.last!)
    }

    /// Whether `word` starts with a family name of `NameLists.japaneseSurnames`.
    static func startsWithJapaneseSurname(_ word: String) -> Bool {
        (2...3).contains { n in word.count >= n && NameLists.japaneseSurnames.contains(String(word.prefix(n))) }
    }

    /// Two or three ideographs after 我是 that are a name, not a role or group ("高中生",
    /// "白领", "江苏人", "左撇子").
    static func looksLikeChineseName(_ word: String) -> Bool {
        guard !NameLists.chineseNotNames.contains(word) else { return false }
        // "福生", "建生" are given names; "学生", "医生" are words ("王学生" is no name), and so is "高中生".
        if word.count == 3, word.last == "生" {
            return !isChineseWord(String(word.suffix(2)), strict: false) && !isChineseWord(String(word.prefix(2)), strict: false)
        }
        return !"人生员者师家手族座迷粉控党领子".contains(word.last!)
    }

    /// Masks capitalised words from the built-in name lists, with a capitalised word right
    /// after a first name (the surname) and before a listed surname (the first name), and the
    /// words of names found after a cue elsewhere in the text (`learned`, lowercased).
    func maskListedNames(_ text: String, learned: Set<String> = []) -> String {
        var fullNameWords: Set<String> = []
        return maskListedNames(text, learned: learned, fullNameWords: &fullNameWords)
    }

    /// `fullNameWords` gets the words of the names of two words or more it masked ("Rob
    /// Mackenzie"), which it also masks where one of them stands alone ("Rob's mobile"), so the
    /// conversation's other messages can mask them too.
    func maskListedNames(_ text: String, learned: Set<String>, fullNameWords: inout Set<String>) -> String {
        let ns = text as NSString
        let matches = Patterns.capitalisedWord.matches(in: text, range: NSRange(location: 0, length: ns.length))
        if matches.isEmpty { return text }
        let words = matches.map { ns.substring(with: $0.range) }
        var isName = [Bool](repeating: false, count: words.count)
        func between(_ i: Int, _ j: Int) -> String {
            let gap = matches[i].range.location + matches[i].range.length
            return ns.substring(with: NSRange(location: gap, length: matches[j].range.location - gap))
        }
        func adjacent(_ i: Int, _ j: Int) -> Bool {
            let gap = between(i, j)
            return !gap.isEmpty && gap.allSatisfy { $0 == " " }
        }
        // "Jordy van Wel", "Amanda da Cunha": particles between two words of one name.
        func joinedByParticles(_ i: Int, _ j: Int) -> Bool {
            let parts = between(i, j).split(separator: " ", omittingEmptySubsequences: false)
            guard parts.count >= 3, parts.first == "", parts.last == "" else { return false }
            return parts.dropFirst().dropLast().allSatisfy { NameLists.nameParticles.contains($0.lowercased()) }
        }
        // "Anna's" is Anna.
        func key(_ i: Int) -> String {
            let lower = words[i].lowercased()
            return lower.hasSuffix("'s") || lower.hasSuffix("’s") ? String(lower.dropLast(2)) : lower
        }
        for i in words.indices {
            let key = key(i)
            if NameLists.isNoName(key) { continue }
            if i > 0 && adjacent(i - 1, i) && NameLists.placePrefixes.contains(words[i - 1].lowercased()) { continue }
            if NameLists.isListedName(key) || NameLists.isListedNameWithSuffix(key) {
                isName[i] = true
                // The capitalised words next to a listed name are the rest of it, in either order
                // ("Bonnie Thomas", "Thomas Bonnie"), except a sentence's everyday first word ("Ask").
                // "Anne-Sophie de La Tour", "Marco De Luca": a capitalised particle takes the next word with it.
                let particleNext = i + 2 < words.count && NameLists.nameParticles.contains(words[i + 1].lowercased()) && adjacent(i + 1, i + 2)
                if i + 1 < words.count && (adjacent(i, i + 1) || joinedByParticles(i, i + 1))
                    && (particleNext || !NameLists.isNoName(words[i + 1].lowercased()))
                {
                    isName[i + 1] = true
                    if particleNext { isName[i + 2] = true }
                }
                // "Pero Marta le cae mejor": a function word opening the sentence is no part of the name either.
                if i > 0 && adjacent(i - 1, i) && !NameLists.isNoName(words[i - 1].lowercased())
                    && !(PIIMasker.startsLineOrSentence(ns, at: matches[i - 1].range.location)
                        && (NameLists.isEverydayWord(Substring(words[i - 1])) || StopWords.all.contains(words[i - 1].lowercased())))
                {
                    isName[i - 1] = true
                }
            } else if learned.contains(key) {
                isName[i] = true
            }
        }
        // Two names that are also words, first name then surname: "Attn: Crystal Brooks", "Amber Lin";
        // not inside a longer run of capitalised words ("Peer Small Business Group") or a title.
        for i in words.indices.dropLast() where !(isName[i] && isName[i + 1]) && (adjacent(i, i + 1) || joinedByParticles(i, i + 1)) {
            let (first, last) = (key(i), key(i + 1))
            // "Helena Costa": a first name that is also a place's counts before a listed surname.
            guard NameLists.firstNameWords.contains(first) || NameLists.firstNames.contains(first)
                    || NameLists.placeFirstNames.contains(first) && NameLists.surnames.contains(last) && !Patterns.streetTypeWords.contains(last) && !Patterns.buildingWords.contains(last),
                NameLists.surnameWords.contains(last) || NameLists.surnames.contains(last),
                !NameLists.isNoName(first), !NameLists.isNoName(last), !NameLists.namedWorks.contains(first + " " + last),
                // "Pero Marta le cae mejor", "Aber Anna kommt": a function word opening the sentence.
                !(StopWords.all.contains(first) && PIIMasker.startsLineOrSentence(ns, at: matches[i].range.location, openers: true)),
                !(i > 0 && adjacent(i - 1, i)), !(i + 2 < words.count && adjacent(i + 1, i + 2)),
                !PIIMasker.inTitleCaseLine(ns, matches[i].range)
            else { continue }
            isName[i] = true
            isName[i + 1] = true
        }
        // "Benedetta D'Alessandro", "Giulia Dell'Orto": a surname with an elided particle after a
        // capitalised word; alone it may be a place ("O'Hare").
        for i in words.indices.dropLast() where !(isName[i] && isName[i + 1]) && adjacent(i, i + 1) {
            let surname = key(i + 1)
            guard let particle = ["d'", "d’", "dell'", "dell’", "dall'", "dall’", "o'", "o’"].first(where: { surname.hasPrefix($0) }),
                surname.count - particle.count >= 3, surname.dropFirst(particle.count).allSatisfy(\.isLetter),
                // Either half vouched for by the lists: "Giulia" is a first name, "Alessandro" of D'Alessandro one too.
                NameLists.firstNames.contains(key(i)) || NameLists.firstNameWords.contains(key(i))
                    || NameLists.isListedName(String(surname.dropFirst(particle.count))),
                !NameLists.isNoName(key(i)), !StopWords.all.contains(key(i)),
                !(PIIMasker.startsLineOrSentence(ns, at: matches[i].range.location) && NameLists.isEverydayWord(Substring(words[i]))),
                !PIIMasker.inTitleCaseLine(ns, matches[i].range)
            else { continue }
            isName[i] = true
            isName[i + 1] = true
        }
        // "Małgorzaty Szczepańskiej", "Jiřinu Dvořákovou": a first name and a surname, both in a case
        // the lists do not hold.
        for i in words.indices.dropLast() where !(isName[i] && isName[i + 1]) && adjacent(i, i + 1) {
            let (first, last) = (key(i), key(i + 1))
            guard !NameLists.isEverydayWord(Substring(first)), !NameLists.isEverydayWord(Substring(last)),
                let firstBase = NameLists.firstNames.contains(first) ? first : NameLists.inflectedListedName(first),
                let lastBase = NameLists.surnames.contains(last) ? last : NameLists.inflectedListedName(last),
                NameLists.firstNames.contains(firstBase), NameLists.surnames.contains(lastBase),
                !PIIMasker.inTitleCaseLine(ns, matches[i].range)
            else { continue }
            isName[i] = true
            isName[i + 1] = true
        }
        // "pero Consuelo le cae mejor", "Sin Amparo en el equipo", "in time with Claire": a first
        // name that is a word only in other languages than English, alone and capitalised inside a
        // sentence, where that word would be written in lower case. English words stay ("What is
        // AI Art?", "a Key repeat"): there a capital marks titles and products as often as names.
        for i in words.indices where !isName[i] {
            let key = key(i)
            let location = matches[i].range.location
            guard key.count >= 3, NameLists.firstNameWords.contains(key), !NameLists.englishFirstNameWords.contains(key),
                !NameLists.isEverydayWord(Substring(key)), !Patterns.streetTypeWords.contains(key),
                !StopWords.all.contains(key), words[i].dropFirst().allSatisfy({ !$0.isUppercase }),
                // "Sin Amparo en…": a small word capitalised for opening the sentence is no part of a name.
                !(i > 0 && adjacent(i - 1, i) && !(StopWords.all.contains(words[i - 1].lowercased())
                    && PIIMasker.startsLineOrSentence(ns, at: matches[i - 1].range.location, openers: true))),
                !(i + 1 < words.count && adjacent(i, i + 1)),
                !PIIMasker.startsLineOrSentence(ns, at: location, openers: true),
                // "Karl-Marx-Allee", "la Ruta 40", "an Allen key", "para o Rio": part of a compound, a
                // road's number, or after an article, the word names a thing.
                !PIIMasker.joinsACompound(ns, matches[i].range), !PIIMasker.followedByNumber(ns, matches[i].range),
                !PIIMasker.afterArticle(ns, at: location),
                !PIIMasker.inTitleCaseLine(ns, matches[i].range)
            else { continue }
            isName[i] = true
        }
        // "J. Whitfield", "M. A. Serrano", "Dr. R. Schuster": a word after initials is a surname when
        // the lists know it, or after a title or in a list ("present — D. Okafor, S. Kowalczyk").
        for i in words.indices where !isName[i] {
            guard let initials = PIIMasker.initialsBefore(ns, at: matches[i].range.location) else { continue }
            let key = key(i)
            let listed = NameLists.isListedName(key) || NameLists.surnameWords.contains(key) || NameLists.firstNameWords.contains(key)
            guard key.count >= 3, listed || initials.listed, !NameLists.isEverydayWord(Substring(key)), !StopWords.all.contains(key),
                !NameLists.productWords.contains(key), !Patterns.streetTypeWords.contains(key),
                !(i + 1 < words.count && adjacent(i, i + 1) && !isName[i + 1])
            else { continue }
            isName[i] = true
        }
        guard isName.contains(true) else { return text }
        // A word of a full name stands for that person elsewhere in the text: "Ticket 4471 is with
        // Rob Mackenzie; … Rob's mobile", "asistentes Jordi Puig … Jordi se encarga".
        var runWords: Set<String> = []
        var k = 0
        while k < words.count {
            var j = k
            while j + 1 < words.count && isName[j + 1] && isName[k] && adjacent(j, j + 1) { j += 1 }
            // From its first name on: a capitalised word before it is as often a title's ("an Abundant Future Jeff Booth").
            if isName[k] && j > k, let first = (k...j).first(where: { NameLists.firstNames.contains(key($0)) || NameLists.firstNameWords.contains(key($0)) }) {
                for w in first...j where key(w).count >= 3 && !NameLists.isNoName(key(w)) && !NameLists.nameParticles.contains(key(w)) { runWords.insert(key(w)) }
            }
            k = j + 1
        }
        if !runWords.isEmpty {
            for i in words.indices where !isName[i] && runWords.contains(key(i)) {
                guard !(NameLists.isEverydayWord(Substring(words[i])) && PIIMasker.startsLineOrSentence(ns, at: matches[i].range.location, openers: true)) else { continue }
                isName[i] = true
            }
            fullNameWords.formUnion(runWords.filter { !NameLists.isEverydayWord(Substring($0)) })
        }
        var result = ""
        var cursor = 0
        var i = 0
        while i < words.count {
            guard isName[i] else {
                i += 1
                continue
            }
            var j = i
            while j + 1 < words.count && isName[j + 1] && (adjacent(j, j + 1) || joinedByParticles(j, j + 1)) { j += 1 }
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

    /// A listed first name or surname (lower-cased) that is no word of any language the lists
    /// know, nor an everyday or function word: "henrique", "hugo", not "rose" or "mark".
    static func isListedNameAndNoWord(_ key: String) -> Bool {
        (NameLists.firstNames.contains(key) || NameLists.surnames.contains(key)) && !NameLists.firstNameWords.contains(key)
            && !NameLists.surnameWords.contains(key) && !NameLists.isEverydayWord(Substring(key)) && !StopWords.all.contains(key)
    }

    /// The initials that stand right before `location` ("J. ", "M. A. "), as where they start and
    /// whether what stands before them says a name follows: a list's or a label's punctuation, a
    /// dash, a bracket, "and" or a title ("Dr. R. Schuster").
    static func initialsBefore(_ text: NSString, at location: Int) -> (location: Int, listed: Bool)? {
        func isAlphanumeric(_ i: Int) -> Bool {
            guard i >= 0, let scalar = Unicode.Scalar(text.character(at: i)) else { return false }
            return CharacterSet.letters.contains(scalar) || CharacterSet.decimalDigits.contains(scalar)
        }
        func isUpper(_ i: Int) -> Bool {
            guard i >= 0, let scalar = Unicode.Scalar(text.character(at: i)) else { return false }
            return CharacterSet.uppercaseLetters.contains(scalar)
        }
        var start: Int?
        var i = location - 1
        // Each initial: a capital, a dot, one space; the capital stands alone.
        while i >= 2, text.character(at: i) == 0x20, text.character(at: i - 1) == 0x2E, isUpper(i - 2),
            !isAlphanumeric(i - 3), i - 3 < 0 || text.character(at: i - 3) != 0x2E
        {
            start = i - 2
            i -= 3
        }
        guard let first = start else { return nil }
        var p = first - 1
        while p >= 0, text.character(at: p) == 0x20 || text.character(at: p) == 0x09 { p -= 1 }
        // At a line's start "A. Brief explanation" is as often an answer's letter.
        guard p >= 0, let scalar = Unicode.Scalar(text.character(at: p)) else { return (first, false) }
        if scalar == "\n" { return (first, false) }
        if ":,;(—–-/[、，；：（'‘“«„\"".unicodeScalars.contains(scalar) { return (first, true) }
        // The word before: a title or "and".
        var q = p
        while q >= 0, isAlphanumeric(q) || text.character(at: q) == 0x2E { q -= 1 }
        let word = text.substring(with: NSRange(location: q + 1, length: p - q)).lowercased()
        let joined = ["and", "y", "e", "et", "und", "i", "&"].contains(word)
        let bare = String(word.drop { $0 == "." }.reversed().drop { $0 == "." }.reversed())
        let title = word.hasSuffix(".") && (isTitle(Substring(bare)) || Patterns.abbreviatedTitles.contains(bare) || ["ing", "avv", "eng", "arch", "geom", "rag"].contains(bare))
        return (first, joined || title)
    }

    /// Replaces each match (or its capture `group`) with what `transform` returns; nil keeps it.
    static func replace(
        _ regex: NSRegularExpression, in text: String, group: Int = 0, _ transform: (String) -> String?
    ) -> String {
        replaceInContext(regex, in: text, group: group) { capture, _, _ in transform(capture) }
    }

    /// `replace` whose `transform` also sees the whole text and the match in it.
    static func replaceInContext(
        _ regex: NSRegularExpression, in text: String, group: Int = 0, _ transform: (String, NSString, NSTextCheckingResult) -> String?
    ) -> String {
        let ns = text as NSString
        let matches = regex.matches(in: text, range: NSRange(location: 0, length: ns.length))
        if matches.isEmpty { return text }
        var result = ""
        var cursor = 0
        for match in matches {
            let range = match.range(at: group)
            if range.location == NSNotFound || range.location < cursor { continue }
            guard let replacement = transform(ns.substring(with: range), ns, match) else { continue }
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
    /// Mail providers whose name alone says an address is one: "kwame.okafor@gmail", "kwame at gmail dot com".
    static let mailProviders = ["gmail", "googlemail", "yahoo", "hotmail", "outlook", "icloud", "protonmail", "proton", "aol", "live", "gmx", "yandex", "qq", "163", "naver"]
    static let emailAtProvider = make(#"(?<![\p{L}\p{N}._%+\-])[A-Za-z0-9._%+\-]+@(?i:"# + mailProviders.joined(separator: "|") + #")(?![\p{L}\p{N}.\-])"#)
    /// An address with "at" and "dot" written out, or in brackets: "kwame dot okafor at gmail dot com",
    /// "ana[at]example.com", "ana (at) mail (dot) de"; its domain ends in a top-level domain.
    static let spelledEmail = make(
        #"(?<![\p{L}\p{N}._%+\-])[A-Za-z0-9_%+\-]+(?:(?:[ \t]*(?i:\(dot\)|\[dot\]|\{dot\})[ \t]*|[ \t]+(?i:dot)[ \t]+|\.)[A-Za-z0-9_%+\-]+)*"#
            + #"(?:[ \t]*(?i:\(at\)|\[at\]|\{at\})[ \t]*|[ \t]+(?i:at)[ \t]+)[A-Za-z0-9\-]+(?:(?:[ \t]*(?i:\(dot\)|\[dot\]|\{dot\})[ \t]*|[ \t]+(?i:dot)[ \t]+|\.)[A-Za-z0-9\-]+)*"#
            + #"(?:[ \t]*(?i:\(dot\)|\[dot\]|\{dot\})[ \t]*|[ \t]+(?i:dot)[ \t]+|\.)(?i:com|org|net|edu|gov|io|co|uk|de|fr|es|it|nl|br|in|jp|cn|ru|au|ca|mx|ar|ch|se|no|dk|fi|pl|pt|be|at|ie|za|ng|ke|info|biz|me)(?![\p{L}\p{N}])"#)
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
    /// A number written with full-width digits or separators, for `narrowed`.
    static let wideDigits = make(#"(?<![\p{N}])[＋+]?[（(]?\d{1,5}[）)]?(?:[－ー‐‑‒–—−\-．.　 ]?[（(]?\d{1,5}[）)]?){1,6}(?![\p{N}])"#)
    /// A PIN or a card's security code, however short: "my PIN is 4821", "CVV 123".
    static let secretCode = make(
        #"(?<![\p{Latin}])(?i:pin|pin code|pin-code|pincode|cvv|cvc|cvv2|security code|passcode|código de seguridad|código pin|code pin|code secret|geheimzahl|codice pin|código de segurança|暗証番号|密码|验证码)(?![\p{Latin}])"#
            + cueFiller + #"(\d{3,8})(?![\p{N}])"#)
    /// A French RIB: bank, branch, account (letters allowed) and key, "30002 00550 0000157841Z 25".
    static let frenchRIB = make(#"(?<![\p{L}\p{N}])\d{5}[ ]?\d{5}[ ]?[0-9A-Z]{11}[ ]?\d{2}(?![\p{L}\p{N}])"#)
    /// A house number on a numbered street: "410 East 50th Street", "12 W 4th St".
    static let numberedStreet = make(
        #"(?<![\p{L}\p{N}])\d{1,5}[ \t]+(?:(?:North|South|East|West|N\.?|S\.?|E\.?|W\.?)[ \t]+)?\d{1,3}(?:st|nd|rd|th)[ \t]+(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Place|Pl\.?|Drive|Dr\.?|Lane|Ln\.?|Way|Terrace|Court|Ct\.?)(?![\p{L}])"#)
    /// An Irish Eircode: "D02 X285", "A65 F4E2".
    static let eircode = make(#"(?<![\p{L}\p{N}])(?:[AC-FHKNPRTV-Y]\d{2}|D6W)[ ]?[0-9AC-FHKNPRTV-Y]{4}(?![\p{L}\p{N}])"#)
    /// A UK National Insurance number: "QQ 12 34 56 C", "AB123456D"; written in its groups, with
    /// any final letter (the test numbers "ZZ 25 53 80 T").
    static let nationalInsurance = make(#"(?<![\p{L}\p{N}])(?:[A-Z]{2}[ ]?\d{2}[ ]?\d{2}[ ]?\d{2}[ ]?[A-D]|[A-Z]{2} \d{2} \d{2} \d{2} [A-Z])(?![\p{L}\p{N}])"#)
    /// A UK driving licence number: five letters of the surname, six digits, initials, a digit and
    /// two letters ("SOLBE 712045 IS9AB", "MORGA753116SM9IJ"), with or without spaces.
    static let ukDrivingLicence = make(#"(?<![\p{L}\p{N}])[A-Z9]{5}[ ]?\d{6}[ ]?[A-Z9]{2}\d[A-Z]{2}(?:[ ]?\d{2})?(?![\p{L}\p{N}])"#)
    /// An IBAN: country, check digits and groups of letters and digits ("GB29 NWBK 6016 1331 9268 19").
    static let iban = make(#"(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?(?![\p{L}\p{N}])"#)
    /// A North American number with its extension: "918.634.1704x718", "(555) 123-4567 ext. 12".
    static let phoneWithExtension = make(#"(?<![\p{L}\p{N}.])(?:(?:\+?1|\+\d{2,3}|001)[ .\-]?)?\(?\d{3}\)?[ .\-]?\d{3}[.\-]\d{4}[ \t]?(?:x|ext\.?|#)[ \t]?\d{1,6}(?![\p{L}\p{N}])"#)
    static let resolution = make(#"^\d{3,5}[xX]\d{3,5}$"#)
    static let quantityWithUnit = make(#"^\d+(?:km|mi|kg|g|mg|ml|mAh|mah|GB|MB|KB|TB|gb|mb|kb|tb|ms|px|k|m|s|h|min|Hz|kHz|MHz|GHz|kWh|kw|kW|rpm|th|st|nd|rd)$"#)
    /// An ISO date inside a token, dashed anywhere or compact at the end ("…-20240620"); a bare
    /// run of digits is not read as a date, since a random account number often contains one.
    static let isoDate = make(#"(?:19|20)\d{2}-\d{2}-\d{2}|-(?:19|20)\d{2}(?:0\d|1[0-2])[0-3]\d$"#)

    /// What may stand between a cue and its number: "number", "no.", "#", "is", ":" and their
    /// equivalents, in any combination ("account number is: 4417229", "commande n° 5512"); a
    /// word must end before the number, so "IBAN ES91…" and "IBAN DE89…" stay whole tokens.
    static let cueFiller = #"(?:[ \t]*(?:(?i:number|numbers|num|no|nr|id|is|was|es|est|ist|era|è|é)(?![\p{L}\p{N}])|(?i:num\.|no\.|nr\.|n[º°]\.?|n\.[º°])|#|:|：|是|为|は|普通|当座|(?i:corrente|poupança|ahorros|courant|giro)(?![\p{L}])))*[ \t]*"#
    /// The number after a cue: digits with single separators, at least four characters.
    static let cuedDigits = #"(\+?\(?\d[\d \-./()]{2,}\d)(?![\p{N}])"#
    /// Words after which a number is a phone number.
    static let phoneCues: [String] = [
        "phone", "telephone", "tel\\.?", "mobile", "cell", "cellphone", "whatsapp", "fax", "call me (?:at|on)",
        // "Text Ana on 9634260": a number given to reach a person.
        "call (?:\\[NAME\\]|\\p{L}+)(?: \\p{L}+)? (?:at|on)", "text (?:\\[NAME\\]|\\p{L}+)(?: \\p{L}+)? (?:at|on)", "ring (?:\\[NAME\\]|\\p{L}+)(?: \\p{L}+)? (?:at|on)", "message (?:\\[NAME\\]|\\p{L}+)(?: \\p{L}+)? (?:at|on)", "sms (?:\\[NAME\\]|\\p{L}+)(?: \\p{L}+)? (?:at|on)",
        "text me (?:at|on)", "reach me (?:at|on)", "teléfono", "telefono", "móvil", "movil", "celular", "téléphone",
        "portable", "telefon", "handy", "handynummer", "telefonnummer", "cellulare", "telemóvel", "telefone",
        "телефон", "电话", "手机", "電話", "携帯", "전화",
    ]
    /// Words after which a number identifies an account, a card, a customer or a case.
    static let accountCues: [String] = [
        "account", "acct\\.?", "a/c", "card", "policy", "member", "membership", "customer", "order", "invoice",
        "ticket", "reference", "ref\\.?", "case", "claim", "booking", "confirmation", "tracking", "routing", "iban",
        "passport", "licen[cs]e", "ssn", "oab(?:/[a-z]{2})?", "crm(?:/[a-z]{2})?", "sort code", "social security", "tax id", "employee id", "student id", "patient id",
        "cuenta", "tarjeta", "póliza", "pedido", "factura", "compte", "carte", "commande", "facture", "konto",
        "kontonummer", "karte", "bestellung", "rechnung", "kundennummer", "mitgliedsnummer", "kd\\.?-?nr\\.?", "kunden-?nr\\.?",
        "mitglieds-?nr\\.?", "vers\\.?-?nr\\.?", "rechnungs-?nr\\.?", "auftrags-?nr\\.?", "auftragsnummer", "rechnungsnummer", "aktenzeichen", "conto", "carta",
        "ordine", "fattura", "conta", "cartão", "账号", "账户", "卡号", "订单", "口座", "会員番号",
        // A Japanese transfer: "渋谷支店 普通 4827163", "普通預金 1234567", "普通 7301928" (seven digits).
        "支店", "預金", "普通(?=[ \\t　]*\\d{7}(?![\\d円万千]))", "当座(?=[ \\t　]*\\d{7}(?![\\d円万千]))",
        "police", "dossier", "contrat", "contrato", "contratto", "vertrag", "vertragsnummer", "bestellnummer",
        "versicherungsnummer", "steuernummer", "cliente", "client", "kunde", "pratica", "protocollo", "matricola",
        "tessera", "dni", "nie", "nif", "cpf", "passaporte", "pasaporte", "passaporto", "reisepass", "ausweis", "bsb",
        "pnr", "reservation", "reserva", "prenotazione", "réservation", "buchung", "apólice", "pedido nº", "保单", "身份证",
        "学号", "工号", "会员号", "订单号", "社員番号", "注文番号", "口座番号", "회원번호", "계좌", "주문번호",
        "employee", "staff", "student", "patient", "personnel", "badge", "socio", "socia", "sócio", "sócia", "abonado", "afiliado",
        "associado", "adhérent", "abonné", "mitglied", "iscritto", "会員id", "ユーザーid", "顧客番号", "お客様番号", "契約番号",
        "会員コード", "用户id", "客户号", "客户编号", "合同号", "記号", "番号", "被保険者番号", "matrikelnummer", "matrikel-?nr\\.?",
        "retouren-?nr\\.?", "retourennummer", "rücksendenummer", "rma", "matrícula", "empleado", "empleada", "funcionário",
        "personalnummer", "ausweisnummer", "versichertennummer", "sozialversicherungsnummer", "patientennummer", "steuer-?id",
        "identifikationsnummer", "mandatsreferenz", "sécurité sociale", "numéro fiscal", "codice fiscale", "tessera sanitaria",
        // National identity, tax and vehicle numbers of other countries.
        "aadhaar", "aadhar", "nric", "hkid", "mykad", "ktp", "npwp", "cnic", "iqama", "emirates id", "tc kimlik", "kimlik",
        "tckn", "personnummer", "cpr", "hetu", "amka", "oib", "egn", "jmbg", "pesel", "bsn", "nino", "ni number", "nhs", "medicare",
        "tfn", "ird", "sin", "itin", "curp", "rfc", "rut", "cuil", "cuit", "cédula", "cedula", "dpi", "plate", "number plate",
        "registration", "vin", "voter id", "uan", "gstin", "national id", "id card", "id number", "id no\\.?", "identity card",
        "carte d'identité", "carta d'identità", "personalausweis",
    ]
    /// Words that introduce an address in the languages the summarizer reads; what follows is
    /// judged by `PIIMasker.addressRun`.
    static let addressCue = make(
        #"(?<![\p{L}])(?i:"# + anyOf([
            "my address is", "my new address is", "new address is", "address is", "address:", "i live at", "i live on", "living at",
            "lives at", "live at", "reside at", "residing at", "located at", "ship to", "deliver to", "send it to", "parcel to",
            "package to", "flat at", "house at", "apartment at", "vivo en", "mi dirección es", "dirección:", "domicilio:", "domicilio en",
            "resido en", "paquete a", "moro na", "moro no", "moro em", "meu endereço é", "endereço:", "resido na", "resido no",
            "j'habite", "j’habite", "mon adresse est", "adresse est", "adresse :", "adresse:", "je vis au", "je vis à", "domicilié au",
            "domicilié à", "abito in", "abito a", "vivo in", "indirizzo è", "indirizzo:", "residente in", "wohne in", "wohne am",
            "wohne auf", "adresse ist", "anschrift:", "woon op", "woon aan", "woon in", "adres is", "adres:", "mieszkam na",
            "mieszkam przy", "mieszkam w", "bor på", "bor i", "adress är", "bydlím v", "bydlím na", "adresa je", "adresa:",
            "locuiesc pe", "locuiesc în", "locuiesc la", "adresa mea este", "địa chỉ", "tôi sống tại", "sống ở", "alamat",
            "tinggal di", "adresim", "adres:", "dirección es", "nueva dirección:", "paquete para", "envío a", "endereço é",
            "pacote para", "encomenda para", "colis à", "lettre à", "pacco a", "pacco per", "spedire a", "paket an", "paket für",
            "stayed at", "staying at", "stay at", "me mudé a", "mora no", "mora na", "mora em", "vive en", "vit au", "vit à",
            "wohnt in", "wohnt am", "abita in", "abita a", "lives on", "je déménage au", "ich ziehe in",
            "shipping address:", "delivery address:", "billing address:", "home address:", "mailing address:", "postal address:",
            "dirección de envío:", "dirección de entrega:", "dirección postal:", "adresse de livraison :", "adresse de livraison:",
            "adresse postale :", "adresse postale:", "endereço de entrega:", "morada:", "indirizzo di consegna:", "indirizzo di spedizione:",
            "lieferadresse:", "rechnungsadresse:", "postanschrift:", "send to", "mail it to", "post it to", "house number", "house no.",
            "house no", "h. no.", "h.no.", "flat no.",
        ] + weakAddressCues) + #")(?![\p{L}])[ \t]*((?:\[NAME\]|\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+){0,2}),[ \t]*)?"#)
    /// A Japanese address by a town and its number without 丁目 or 番地, as Kyoto writes them, and the
    /// building and room after it: "京都市中京区河原町通三条上る恵比須町427 リバーサイド河原町305".
    static let japaneseTownNumber = make(
        #"(?:\p{Han}{2,3}(?:都|道|府|県))?\p{Han}{1,4}市\p{Han}{1,4}区[\p{Han}\p{Hiragana}ー]{0,14}?町\d{1,4}(?:[ 　]?[\p{Katakana}ー\p{Han}]{2,14}\d{2,4}(?:号室)?)?"#)
    /// A Chinese or Japanese address label and the clause after it.
    static let cjkAddressAfterLabel = make(
        #"(?:收货地址|收件地址|家庭住址|通讯地址|通訊地址|送货地址|送貨地址|联系地址|聯繫地址|地址|住址|現住所|住所|送付先|お届け先|配送先)[ \t]*[：:][ \t]*([^\s。，,；;！!？?\n]{4,60})"#)
    /// Verbs of where a thing is, which introduce an address only when a street word follows
    /// ("Mi piso está en Gran Vía 28", not "La clave está en Python 3").
    /// "Gran Vía 28": a street word after the name, as "Gran Vía" and "Rambla Nova" are written.
    static func streetNamedBefore(_ chars: ArraySlice<Character>) -> Bool {
        let tokens = String(chars).split(whereSeparator: { $0 == " " || $0 == "," })
        guard tokens.count >= 3, tokens[0].first?.isUppercase == true, tokens[2].first?.isNumber == true else { return false }
        let type = tokens[1].lowercased()
        return streetTypeWords.contains(type) || streetTypeWords.contains(type.folding(options: .diacriticInsensitive, locale: nil))
    }
    static let weakAddressCues = ["está en", "queda en", "fica na", "fica no", "fica em", "se trouve au", "se trouve à", "si trova in", "si trova a", "liegt in der", "liegt am"]
    /// Abbreviations inside addresses, whose period does not end the sentence.
    static let addressAbbreviations: Set<String> = [
        "no", "nr", "edif", "depto", "dpto", "dto", "int", "apt", "apto", "av", "avda", "tp", "bl", "sc", "ap", "esc", "pta",
        "str", "ste", "fl", "rm", "blvd", "rd", "st", "ave", "dr", "ln", "ctra", "ul", "al", "pl", "jl", "jln", "kv", "corp",
        "bldg", "unit", "hse", "sq", "mt", "ft", "pk", "ct", "cres", "pde", "hwy",
    ]
    /// Words that make a run of capitalised words after an address cue a street, with no number.
    /// A postcode the phone pass took, between an address and its town.
    static let postcodeAsPhone = make(#"^,?[ \t]*\[PHONE\][ \t]+\p{Lu}[\p{L}\p{M}\-]+(?:[ \t]+(?:\p{Lu}[\p{L}\p{M}\-]+|d[aeo]s?|de la|del))*(?=[ \t]*(?:[,;.!?\n]|$))"#)
    /// Lower-case words of a town before a state code and a postcode, after `[ADDRESS]`:
    /// " los altos, SIN 92396", " de la Montaña, CHIS [PHONE]".
    static let lowercaseTownTail = make(
        #"^[ \t]+(?:(?:los|las|el|la|de|del|do|da|dos|das|di|du)[ \t]+)+\p{L}[\p{L}\p{M}]*(?=[ \t]*,[ \t]*\p{Lu}{2,4}[ \t]+(?:\d{5}(?:-\d{3,4})?|\[PHONE\]|\[NUMBER\]))"#)
    /// Words of prose that end a lower-case address: "i live at 42 wallaby way and i love it".
    static let lowercaseAddressProse: Set<String> = [
        "and", "but", "since", "please", "because", "which", "where", "who", "that", "this", "now", "then", "so", "can", "could",
        "how", "what", "why", "when", "is", "are", "was", "will", "would", "should", "help", "thanks", "thank", "need", "want",
        "y", "pero", "desde", "porque", "que", "por", "favor", "ahora", "cómo", "como", "mais", "depuis", "parce", "qui", "est",
        "merci", "comment", "und", "aber", "seit", "weil", "bitte", "wie", "ist", "danke", "jetzt", "ma", "perché", "che", "da",
        "grazie", "come", "ora", "mas", "obrigado", "obrigada", "agora", "é", "não", "also", "near", "next", "hace", "hay",
        "tengo", "tiene", "años", "anos", "meses", "días", "dias", "semanas", "horas", "ans", "mois", "jours", "jahre", "jahren",
        "monate", "tage", "anni", "mesi", "giorni", "home", "casa", "office", "work", "school", "nähe",
    ]
    /// Spans of time after a number, in the languages the summarizer reads.
    static let timeUnits: Set<String> = [
        "años", "anos", "meses", "días", "dias", "semanas", "horas", "minutos", "ans", "années", "mois", "jours", "semaines",
        "heures", "jahre", "jahren", "monate", "monaten", "tage", "tagen", "wochen", "stunden", "minuten", "anni", "mesi",
        "giorni", "settimane", "ore", "minuti",
    ]
    static let streetTypeWords: Set<String> = [
        "calle", "avenida", "avda", "av", "paseo", "plaza", "camino", "carretera", "ronda", "travesía", "rambla", "glorieta",
        "cañada", "callejón", "pasaje", "diagonal", "circuito", "cerrada", "privada", "calzada", "andador", "bulevar", "rua",
        "travessa", "praça", "alameda", "estrada", "largo", "rodovia", "beco", "ladeira", "viela", "via", "viale", "piazza",
        "piazzale", "corso", "vicolo", "strada", "lungomare", "contrada", "rue", "avenue", "boulevard", "bd", "allée", "allé",
        "impasse", "chemin", "quai", "route", "cours", "montée", "rang", "ruelle", "sentier", "promenade", "esplanade",
        "faubourg", "straße", "strasse", "str", "gasse", "allee", "platz", "weg", "street", "st", "road", "rd", "lane", "ln",
        "drive", "avenue", "ave", "boulevard", "blvd", "crescent", "terrace", "close", "court",
    ]
    /// Lower-case words inside an address: street and unit words, compass words, particles of names.
    static let addressStreetWords: Set<String> = [
        "calle", "carrera", "carrer", "diagonal", "transversal", "avenida", "rue", "avenue", "chemin", "route", "allée", "impasse", "boulevard", "via", "viale", "piazza", "strada",
        "contrada", "rua", "travessa", "utca", "út", "tér", "körút", "ulica", "ul", "aleja", "plac", "straße", "strasse", "gasse",
        "weg", "đường", "số", "ngõ", "hẻm", "phố", "xã", "khu", "phường", "quận", "huyện", "tỉnh", "thành", "thôn", "ấp", "jalan",
        "gang", "no", "nr", "n°", "nº", "número", "numero", "piso", "puerta", "apt", "apto", "flat", "unit", "suite", "floor", "bloco",
        "andar", "sala", "casa", "lote", "quadra", "bis", "ter", "int", "interior", "depto", "dto", "edif", "torre", "local", "sur",
        "norte", "este", "oeste", "nord", "sud", "est", "ouest", "north", "south", "east", "west", "street", "road", "lane",
        "drive", "gade", "vej", "gatan", "vägen", "gata", "veien", "straat", "laan", "plein", "kota", "kabupaten", "kecamatan",
        "desa", "kelurahan", "mahalle", "sokak", "cadde", "caddesi", "sokağı", "mahallesi", "nagar", "colony", "sector", "marg",
    ]
    /// Lower-case unit and placement words in addresses: "bajo izquierda", "porte gauche", "boîte 4".
    /// Street words besides `streetTypeWords` that may stand in lower case before a masked
    /// street: "ulica [ADDRESS]", "jalan [ADDRESS]".
    static let streetWordsBeforeAddress: Set<String> = ["ulica", "aleja", "plac", "utca", "jalan", "carrera", "carrer", "contrada"]
    static let indianRoad = #"\d{1,2}(?:st|nd|rd|th)[ \t]+(?i:cross|main|block|stage|phase)(?![\p{L}])(?:[ \t]+(?i:road|rd)(?![\p{L}]))?"#
    /// The last word of a named building: "Ashdown Court", "Riverside House", "Shanti Niwas".
    static let buildingWords: Set<String> = [
        "court", "house", "building", "tower", "towers", "mansions", "apartments", "residency", "heights", "plaza", "chambers",
        "lodge", "villa", "estate", "centre", "center", "complex", "flats", "block", "niwas", "bhavan", "bhawan",
    ]
    static let buildingNeedles = buildingWords.sorted().map { $0.prefix(1).uppercased() + $0.dropFirst() }
    static let buildingWord = "(?:" + buildingNeedles.joined(separator: "|") + ")"
    static let addressUnitWords: Set<String> = [
        "parcela", "lote", "bajo", "izquierda", "derecha", "izda", "dcha", "porte", "gauche", "droite", "boîte", "bte", "conj", "étage",
        "andar", "stock", "piso", "puerta", "bloque", "portal", "escalera", "interno", "scala", "piano", "bloco", "sala", "apto",
        "flat", "unit", "suite", "floor", "apt", "box", "block", "building", "tower", "km", "succursale", "station", "cedex",
        "links", "rechts", "mitte", "vorne", "hinten", "quinta", "lugar", "casal", "herdade", "urbanización", "urbanizacion",
        "urb", "manzana", "mz", "residencial", "conjunto", "condominio", "fraccionamiento", "colonia", "col", "bairro", "barrio",
    ]
    static let addressParticles: Set<String> = [
        "de", "del", "la", "las", "los", "el", "da", "das", "do", "dos", "di", "du", "des", "le", "les", "van", "von", "der",
        "den", "dem", "het", "im", "am", "an", "pod", "nad", "sur", "sous", "upon", "on", "of", "the", "bei", "am", "u", "v", "y", "d'", "l'",
    ]

    static let cuedPhone = make(#"(?<![\p{Latin}\p{Cyrillic}])(?i:"# + anyOf(phoneCues) + ")" + cueFiller + cuedDigits)
    /// The last four digits of a card or an account: "the card ending in 4242", "tarjeta que
    /// termina en 1234", "carte se terminant par 0042".
    static let lastDigits = make(
        #"(?i:card|tarjeta|carte|karte|carta|cartão|cartao|account|cuenta|compte|konto|conto|conta|visa|mastercard|amex|number|número|numéro|nummer|numero)[^.!?\n]{0,30}?[ \t](?i:ending|ends|termina|terminada|terminado|terminant|finissant|finit|termine|endet|endend|endung|finisce|terminante|terminata)[ \t]+(?:(?i:in|with|en|par|auf|con|em|on)[ \t]+)?(\d{4})(?![\p{N}])"#)
    static let cuedUsername = make(
        #"(?<![\p{L}])(?i:username|user name|user id|userid|login|gamertag|benutzername|nombre de usuario|usuario|nom d'utilisateur|identifiant|nome utente|nome de usuário)(?:[ \t]+(?i:is|es|est|ist|è|é)[ \t]*|[ \t]*[:=][ \t]*)["'“]?([A-Za-z0-9][A-Za-z0-9_.\-]{2,30}[A-Za-z0-9])(?![\p{L}\p{N}_@])"#)
    static let lastFourDigits = make(
        #"(?i:last|final)[ \t]+(?i:four|4|three|3|five|5|six|6)(?:[ \t]+(?i:digits|numbers))?(?:[ \t]+(?i:are|is|were))?[ \t]*[:=]?[ \t]*(?:(?i:of|on)[ \t]+[^.!?\n\d]{1,30}?[ \t])?(\d{3,6})(?![\p{N}])"#)
    /// A number after an account cue, or an identifier of letters and digits ("A-99817-KX",
    /// "7845/AB/2023", "12345678Z", "AY 3817264").
    static let cuedAccount = make(
        #"(?<![\p{Latin}\p{Cyrillic}])(?i:"# + anyOf(accountCues) + ")" + cueFiller
            + #"((?<![\p{L}\p{N}])(?:(?=[A-Za-z0-9\-/]*\d)(?=[A-Za-z0-9\-/]*[A-Za-z])[A-Za-z0-9]+(?:[\-/][A-Za-z0-9]+)+|[A-Za-z]{1,4}\d{4,}[A-Za-z0-9]*|\d{4,}[A-Za-z]{1,3}|(?-i:[A-Z]{1,3})[ \t]\d{6,}|(?-i:(?=[A-Z0-9]*\d)(?=(?:[0-9]*[A-Z]){2})[A-Z0-9]{5,12}))(?![\p{L}\p{N}])|\+?\(?\d[\d \-./()]{2,}\d(?![\p{N}]))"#)

    // MARK: addresses

    /// A house number: "12", "221B", "5a", "12-14", "12 bis", "123-II" (a Dutch floor).
    static let houseNumber = #"\d{1,5}(?:[a-zA-Z](?![\p{L}]))?(?:[ \t]?[-–/][ \t]?\d{1,4}[a-z]?(?![\p{L}])|/[A-Za-z](?![\p{L}])|-(?:[IVX]{1,4}|hs|h)(?![\p{L}]))?(?:[ \t]+(?:bis|ter)(?![\p{L}]))?"#
    static let streetName = #"\p{Lu}[\p{L}\p{M}'’\-]*(?:\.(?=[ \t]+\p{Lu}[\p{L}\p{M}'’\-]*[ \t,]+(?:\d|(?i:no|nr|n[º°])\.?[ \t]*\d)))?"#
    static let streetLink = #"(?:(?:de|del|la|las|los|el|da|das|do|dos|di|dei|degli|delle|della|dello|dal|dalla|al|alla|alle|allo|ai|agli|du|des|le|les|van|von|der|den|het|of|the)[ \t]+|[ldLD]['’])*"#
    /// One to four capitalised words of a street's name, with the small words between them.
    static let streetWords = streetLink + streetName + "(?:[ \\t]+" + streetLink + streetName + "){0,3}"
    /// Unit, floor and door words that follow (or precede) a street address.
    static let unitWord = #"(?i:level|lvl|floor|fl|apt|apartment|apto|appt|appartement|flat|unit|suite|ste|room|rm|piso|planta|puerta|pta|escalera|esc|depto|dpto|departamento|étage|etage|bât|bâtiment|batiment|escalier|wohnung|whg|interno|int|scala|piano|andar|bloco|sala|casa|kv|кв|корп|bl|sc|ap|app|interior|dto|bloque|portal|studio|rd)\.?"#
    static let unitCode = #"#?[ \t]?(?:[A-Za-z]?\d{1,4}[A-Za-z]?|[A-Z])(?![\p{L}\p{N}])"#
    /// A Spanish or Portuguese floor and door: "2º", "3º B", "4ª izq.", "5º andar".
    /// Also Portugal's "4.º trás" and floors in words: "piano terra", "rez-de-chaussée", "Hinterhaus".
    static let floorForm = #"(?:\d{1,2}[ \t]?\.?[ºª°](?:[ \t]?[A-Z](?![\p{L}]))?(?:[ \t]?(?i:izquierda|derecha|izda|izq|dcha|dra|esq|dto|dir|andar|piso|planta|trás|tras|frente|fte|direito|esquerdo)\.?)?|(?i:piano[ \t]+(?:terra|rialzato|primo|secondo|terzo|quarto|quinto|seminterrato|attico)|rez-de-chaussée|rdc|hinterhaus|vorderhaus|seitenflügel|gartenhaus)(?![\p{L}]))"#
    /// Postcodes of the languages the summarizer reads: 5 digits (ES, FR, DE, IT, US), 5-3 (BR),
    /// 4-3 (PT), 4 + two letters (NL), 4 (AT, CH, BE), 3-4 (JP), 6 (CN, RU).
    static let postcode = #"(?:\d{5}(?:-\d{3,4})?|\d{3}[ \t]\d{2}|\d{4}-\d{3}|\d{4}(?:[ \t]?[A-Z]{2}(?![\p{L}]))?|\d{3}-\d{4}|\d{6})(?![\p{N}])"#
    static let ukPostcode = #"[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}(?![\p{L}\p{N}])"#
    static let stateZip = #"[A-Z]{2,3},?[ \t]+\d{4,5}(?:-\d{4})?(?![\p{N}])"#
    /// A Canadian postcode ("H2X 1Y4"), with its province before it when there is one.
    static let caPostcode = #"(?:(?:AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT)[ \t]+)?[ABCEGHJ-NPRSTVXY]\d[A-Z][ \t]?\d[A-Z]\d(?![\p{L}\p{N}])"#
    /// A Polish postcode ("00-514").
    static let plPostcode = #"\d{2}-\d{3}(?![\p{N}])"#
    static let city = #"\p{Lu}[\p{L}\p{M}'’\-]+(?![\p{N}])(?:[ \t]+(?:(?:am|an|der|de|del|da|do|sur|en|la|le|upon|on|v|nad|pod|ob|im|bei|sul|di|y)[ \t]+){0,2}\p{Lu}[\p{L}\p{M}'’\-]+(?![\p{N}])){0,2}"#
    /// What may follow a street address: a unit, a floor, a postcode and city, a UK postcode, a
    /// US or Australian state and postcode, "#4", or ", City" with an optional postcode (up to four
    /// of them: ", Apt 5D, Portland, OR 97201", " - apto 81", ", Auckland 1010").
    static let placeTail = "(?:(?:,[ \\t]*|[ \\t]+(?:[-–][ \\t]+)?)(?:" + unitWord + "[ \\t]?" + unitCode + "|" + floorForm + "|" + postcode
        + "[ \\t]+" + city + "|" + ukPostcode + "|" + caPostcode + "|" + stateZip + "|" + plPostcode + "[ \\t]+" + city + "|#[ \\t]?\\d{1,5}[A-Za-z]?(?![\\p{L}\\p{N}]))|,[ \\t]*" + city + "(?:[ \\t]+" + postcode + ")?){0,4}"
    /// Not a quantity: "Heimweg 20 Minuten" is a way home, "via Teams 3 times" a way of meeting.
    static let notQuantity = #"(?![ \t]*(?i:minuten|min|mins|minutes|stunden|std|hours|km|kilometer|meter|m|tage|jahre|mal|euro|eur|€|%|times|days|weeks|months|years|people|veces|minutos|horas|días|dias|años|anos|vezes|volte|minuti|ore|giorni|anni|fois|jours|ans)(?![\p{L}]))(?![\p{N}]|[.,]\d)"#
    static let numberFirstTypes = #"(?:(?i:calle|avenida|avda\.|paseo|plaza|pza\.|camino|carretera|ctra\.|ronda|travesía|rambla|glorieta|rua|travessa|praça|alameda|estrada|largo|viale|piazza|piazzale|corso|vicolo|strada|rue|avenue|av\.|boulevard|boul\.|bd|place|allée|impasse|chemin|quai|route|cours|square|passage|faubourg|montée|rang|côte|allé|ruelle|sentier|voie|promenade|esplanade|terrasse|cañada|callejón|pasaje|diagonal|circuito|cerrada|privada|calzada|andador|prolongación|retorno|bulevar|rodovia|beco|ladeira|viela|carrer|passeig|avinguda|plaça|travessera|jalan|jln\.|jl\.|kalye|lungotevere|lungarno|gta\.|trav\.|lg\.|l\.go|p\.le|pº|c\.da|estr\.|imp\.?|r\.|rúa|caminho)[ \t]+|(?i:c/)[ \t]*)"#
    /// Street words before the name; Spanish, Portuguese and Italian write them in lower case
    /// mid-sentence ("abito in via Roma 12"), so both cases count (`classifyAddress` turns away
    /// "via Teams 3"-like English).
    static let typeFirstTypes = #"(?:(?:[Cc]alle|[Aa]venida|Avda\.?|Av\.|Avd\.|Bv\.|Bvd\.|Bvar\.|[Pp]aseo|[Pp]laza|Pza\.|[Cc]amino|[Cc]arretera|Ctra\.|[Rr]onda|[Tt]ravesía|[Rr]ambla|[Gg]lorieta|[Rr]ua|[Tt]ravessa|[Pp]raça|[Ll]argo|[Aa]lameda|[Ee]strada|[Vv]ia|[Vv]iale|V\.le|[Pp]iazza|P\.zza|P\.za|[Pp]iazzale|[Ss]estiere|[Ff]razione|Fraz\.|[Cc]orso|C\.so|[Vv]icolo|[Ss]trada|[Ll]ungomare|[Cc]arrer|[Pp]asseig|[Aa]vinguda|[Pp]laça|[Tt]ravessera|Jalan|Jln\.|Jl\.|Gang|Gg\.|Strada|Str\.|Bulevardul|Bd\.|B-dul|Calea|[SŞȘ]oseaua|Intrarea|Aleea|Drumul|Fund[ăa]tura|Prelungirea|Uli[tţț]a|Splaiul|Pia[tţț]a|[Uu]rbanización|Urb\.|[Pp]eatonal|[Aa]ndador|[Cc]allejón|[Cc]errada|[Pp]rivada|[Pp]rolongación|[Cc]alzada|Circuito|Retorno|Diagonal|Transversal|Cuesta|Acceso|Bajada|Subida|[Rr]otonda|[Cc]ontrada|[Tt]raversa|Canale|Stretto|Borgo|Vico|Salita|Colônia|Trecho|Conjunto|Distrito|Recanto|[Qq]uadra|Setor|Vila|[Rr]odovia|Beco|[Ll]adeira|[Ll]oteamento|Condomínio|Vereda|Viela|[Rr]ue|[Aa]venue|[Bb]oulevard|[Cc]hemin|[Aa]llée|[Ii]mpasse|[Qq]uai|[Rr]oute|[Ss]entier|[Rr]uelle|[Mm]ontée|[Rr]ang|[Cc]ôte|[Aa]llé|[Pp]romenade|[Ee]splanade|[Cc]añada|Diag\.|[Bb]ulevar|[Pp]asaje|[Pp]arque|[Jj]ardim|[Ss]ítio|[Ff]azenda|[Cc]hácara|[Ee]stação|[Aa]eroporto|[Pp]raia|[Mm]orro|[Pp]átio|[Ee]splanada|[Pp]assagem|[Rr]esidencial|Jr\.|Jir[óo]n|[Ll]ungotevere|[Ll]ungarno|Gta\.|Trav\.|Lg\.|L\.go|P\.le|Pº|C\.da|Estr\.|[Ii]mp\.|Pje\.|[Rr]úa|[Cc]aminho|Loc\.|[Ll]ocalità)[ \t]+|C/[ \t]*)"#
    static let germanSuffixes = #"(?:straße|strasse|str\.|weg|allee|platz|gasse|damm|ufer|chaussee|straat|laan|plein|gracht|kade|singel|dijk|steeg|(?<![Nn]ote|[Kk]ey|[Tt]ouch|[Tt]rack|[Nn]um|[Ll]aunch|[Gg]ame|[Ss]cratch|[Mm]ouse|[Ll]ily|i)pad|boulevard|dreef|-(?:Straße|Strasse|Str\.|Allee|Weg|Platz|Gasse|Ring|Damm|Ufer))"#
    /// Byte strings one of which a text with a German or Dutch compound street name holds.
    static let germanSuffixNeedles = [
        "stra", "Stra", "str.", "weg", "allee", "platz", "gasse", "damm", "ufer", "chaussee", "laan", "plein", "gracht",
        "kade", "singel", "dijk", "steeg", "pad", "boulevard", "dreef", "-Str", "-All", "-Weg", "-Pla", "-Gas", "-Rin", "-Dam", "-Ufe",
    ]
    static let germanWords = #"(?:Straße|Strasse|Str\.|Weg|Allee|Platz|Gasse|Damm|Ufer|Chaussee|Ring|Steig)"#
    static let germanPrepositions = #"(?:Am|An[ \t]+der|An[ \t]+den|Auf[ \t]+der|Auf[ \t]+dem|Im|In[ \t]+der|In[ \t]+den|Zum|Zur|Hinter[ \t]+der|Unter[ \t]+den|Vor[ \t]+dem)"#
    static let englishTypes = #"(?i:street|st\.?|avenue|ave\.?|road|rd\.?|lane|ln\.?|drive|dr\.?|boulevard|blvd\.?|way|court|ct\.?|place|pl\.?|terrace|close|crescent|parkway|pkwy|highway|hwy|square|sq|row|mews|grove|gardens|walk|circle|cir|trail|parade|alley|pike|approach|rise|wharf|quay|heights|chase|concourse|paddocks|"#
        + (PIIMasker.uspsStreetWords.plain + PIIMasker.uspsStreetWords.ambiguous).joined(separator: "|")
        + #")(?![\p{L}])(?:[ \t]+(?:NW|NE|SW|SE|N|S|E|W|North|South|East|West)\.?(?![\p{L}]))?"#
    /// A number in a Japanese address: Arabic, full-width or kanji.
    static let jaNumber = #"(?:\d{1,4}|[一二三四五六七八九十]{1,3})"#
    /// Chinese building, unit and room parts after the street number: "3栋1201室".
    static let cjkUnits = #"(?:[ \t]*(?:\p{Han}{1,6}(?:广场|大厦|中心|大楼|公寓|花园|小区))?[ \t]*(?:\d{1,5}|[A-Z])[ \t]*(?:号楼|栋|幢|座|单元|层|層|楼|樓|室|号|號|户|戶))*"#
    static let usStates = "AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC"

    struct AddressPattern: Sendable {
        /// What a text must hold for the pattern to be tried at all (a regex pass over a text
        /// that cannot match costs as much as one that does).
        enum Needs: Sendable { case nothing, nonASCII, oneOf([String]), placeholder }
        let regex: NSRegularExpression
        let check: PIIMasker.AddressCheck
        let needs: Needs
        init(_ pattern: String, _ check: PIIMasker.AddressCheck = .none, needs: Needs = .nothing) {
            regex = Patterns.make(pattern)
            self.check = check
            self.needs = needs
        }

        /// `bytes` describes the text before any address was masked; `text` is the text now.
        func mayMatch(_ text: String, _ bytes: PIIMasker.Bytes) -> Bool {
            switch needs {
            case .nothing: return true
            case .nonASCII: return bytes.hasNonASCII
            case .oneOf(let needles): return needles.contains { bytes.has($0) }
            case .placeholder: return text.contains("[ADDRESS]")
            }
        }
    }

    /// Street addresses, then what is left of them (postcodes, units), most specific first. The
    /// number may come before the street ("12 rue de la Paix", "62 Calle Mayor") or after it
    /// ("Calle Mayor 62", "Hauptstraße 5", "人民路256号"), with units and postcodes around it.
    static let addresses: [AddressPattern] = [
        // Japanese: "東京都新宿区西新宿2丁目8番1号", "下鴨6丁目11番地", "梅田1-2-3" after a ward or city.
        // Sapporo's grid ("南3条西5丁目16") numbers its blocks by 条 and its lots after 丁目 alone.
        AddressPattern(#"(?:〒[ \t]?\d{3}-?\d{4}[ \t]*)?(?:[\p{Han}\p{Katakana}ーのヶケ]|\d{1,2}条){0,14}"# + jaNumber + #"丁目(?:[ \t]*"# + jaNumber
            + #"(?:(?:番地?|-|－)(?:[ \t]*"# + jaNumber + #"(?:号)?)?|(?![\p{N}月日年時时点分]))"# + ")?", needs: .nonASCII),
        AddressPattern(#"(?:〒[ \t]?\d{3}-?\d{4}[ \t]*)?[\p{Han}\p{Katakana}ーのヶケ]{0,14}"# + jaNumber + #"番地(?:[ \t]*"# + jaNumber + "号?)?",
            needs: .nonASCII),
        AddressPattern(#"(?:〒[ \t]?\d{3}-?\d{4}[ \t]*)?(?:\p{Han}{1,4}[都道府県])?\p{Han}{1,6}[市区町村郡][\p{Han}\p{Katakana}ーのヶケ]{0,8}\d{1,4}[-－]\d{1,4}(?:[-－]\d{1,4})?(?![\p{N}月日年時时点])"#,
            needs: .nonASCII),
        AddressPattern(#"〒[ \t]?\d{3}-?\d{4}"#, needs: .nonASCII),
        // Chinese: "北京市朝阳区人民路256号", "中山路463弄9号", "长安街39号3栋1201室", "阳光小区5栋302室".
        AddressPattern(#"(?:\p{Han}{2,3}省)?(?:\p{Han}{2,3}市)?(?:\p{Han}{1,4}[区县])?\p{Han}{1,6}?(?:路|街|大道|道|巷|弄|胡同|条|條)(?:[ \t]*(?:\d{1,2}|[一二三四五六七八九十]{1,3})[ \t]*段)?(?:[ \t]*\d{1,4}[ \t]*[巷弄])?[ \t]*\d{1,5}[ \t]*(?:号|號|弄[ \t]*\d{1,5}[ \t]*[号號]?)(?:之\d{1,3})?"#
            + cjkUnits, needs: .nonASCII),
        AddressPattern(#"\p{Han}{1,8}(?:小区|花园|公寓|大厦|新村|家园)[ \t]*\d{1,4}[ \t]*(?:号楼|栋|幢|座|号)"# + cjkUnits, needs: .nonASCII),
        AddressPattern(#"(?:\p{Han}{2,8}(?:省|自治区|特别行政区))?\p{Han}{1,6}[市县縣]\p{Han}{0,8}(?:路|街|道)(?:[ \t]*[A-Za-z0-9]{1,3}[座栋幢棟])?(?:[ \t]*\d{6})?"#, needs: .nonASCII),
        AddressPattern(#"邮编[:：]?[ \t]*\d{6}"#, needs: .nonASCII),
        // A post-office box: "32号信箱", "邮政信箱 1024号".
        AddressPattern(#"(?:(?:邮政|郵政)?(?:\d{1,5}|[一二三四五六七八九十]{1,3})[ \t]*[号號]?[ \t]*信箱|(?:邮政|郵政)信箱[ \t]*\d{1,5}[ \t]*[号號]?)(?:[ \t]*\d{1,4}[ \t]*(?:分箱|[号號]))?"#, needs: .nonASCII),
        // Korean: "서울특별시 강남구 테헤란로 123", "강남구 역삼동 123-45".
        AddressPattern(#"(?:\p{Hangul}{1,6}(?:특별시|광역시|시|도)[ \t]+)?\p{Hangul}{1,6}(?:구|군)[ \t]+\p{Hangul}{1,6}(?:동|읍|면|리)[ \t]*\d{1,4}(?:-\d{1,4})?(?!\d|대로|거리|로|길|가)"#,
            needs: .nonASCII),
        AddressPattern(#"(?:\p{Hangul}{1,6}(?:특별시|광역시|시|도)[ \t]+)?\p{Hangul}{1,6}(?:구|군)[ \t]+\p{Hangul}{1,10}(?:로|길)[ \t]*\d{1,4}(?:번길[ \t]*\d{1,4})?(?:-\d{1,4})?"#,
            needs: .nonASCII),
        AddressPattern(#"(?:\p{Hangul}{1,8}(?:특별자치도|특별자치시|특별시|광역시|시|도|군|구)[ \t]+){1,3}\p{Hangul}{1,10}\d{0,4}(?:대로|거리|로|길|가)\d{0,4}(?:번?길)?[ \t]*(?:지하[ \t]*)?\d{1,4}(?:-\d{1,4})?(?:[ \t]*\([\p{Hangul}\d ,]{1,20}\))?"#,
            needs: .nonASCII),
        // Central and Northern European, Baltic and Balkan streets before a postcode and town, with
        // or without a street word: "Obchodná 22, 811 06 Bratislava", "Vinohradská 1520/48, 120 00
        // Praha 2", "Götgatan 78, 1 tr, 118 30 Stockholm", "Nørrebrogade 56, 2. tv., 2200 København",
        // "Dunajska cesta 21, 1000 Ljubljana", "Bulevar kralja Aleksandra 73/II, 11000 Beograd",
        // "Savanorių g. 176, Kaunas 44151", "Brīvības iela 88-12, Rīga, LV-1001".
        AddressPattern(#"(?<![\p{L}])(?<!(?i:della|dello|delle|degli|dei|del|de|di|da|do|dos|das|la|le|les|des|du|van|von|der|den|dem|zum|zur|am|im|beim|het|el|los|las|the|of)[ \t])(?!(?i:adresse|address|adresa|adres|anschrift|indirizzo|dirección|direccion|endereço|aadress|adrese|adresas|cím|osoite)(?![\p{L}]))\p{Lu}[\p{L}\p{M}'’\-]+(?:[ \t]+"# + streetLink + #"(?:\p{Lu}[\p{L}\p{M}'’\-]+|(?:cesta|ulica|iela|g\.|pr\.|mnt|tn|pst|kralja|kraljice|kneza|cara|vojvode|svetog|narodnog|tänav|gatvė|trg|náměstí|nábřeží|třída|út|utca|tér)(?![\p{L}]))){0,3}[ \t]+\d{1,5}[a-zA-Z]?(?:[-/](?:\d{1,4}[a-zA-Z]?|[IVX]{1,4}))?\.?(?:,[ \t]*(?:\d{1,2}\.?[ \t]*(?:tr|tv|th|mf|sal|st|og|et)\.?|\d{1,2}\p{Ll}{0,3}[ \t]+\p{Ll}{3,10}|(?i:kv|apt|app|byt|lgh|m|d|dz)\.?[ \t]*\d{1,4}))?(?:,[ \t]*(?:(?:[A-Z]{2}-)?(?:\d{3}[ \t]\d{2}|\d{4,5})|\d{2}-\d{3})[ \t]+"# + city + #"(?:[ \t]+\d{1,2}(?![\p{N}]))?|,[ \t]*"# + city + #",?[ \t]+(?:[A-Z]{2}-)?\d{4,5})(?![\p{L}\p{N}])"#, .streetPostcodeTown),
        // Number first: "12 rue de la Paix", "62 Calle Mayor", "12 bis, avenue Foch". ("2 via PayPal" is prose.)
        AddressPattern(#"(?<![\p{L}\p{N}])"# + houseNumber + #",?[ \t]+"# + numberFirstTypes + streetWords + placeTail),
        // A numbered street of Quebec or New York: "1185, 3e Avenue", "420 1re Rue", "55 5th Avenue".
        AddressPattern(#"(?<![\p{L}\p{N}])"# + houseNumber + #",?[ \t]+\d{1,3}(?:e|re|er|ème|st|nd|rd|th)[ \t]+(?i:avenue|rue|rang|street|avenida|calle)(?![\p{L}])"# + placeTail),
        // Type first: "Calle Mayor 12", "Via Roma, 7", "Rua das Flores, nº 150", "C/ Mayor 3, 2º B".
        AddressPattern(#"(?<![\p{L}])"# + typeFirstTypes + streetWords
            + #",?[ \t]+(?:(?i:número|numero|numéro|nummer|numer|n[º°o]\.?|n\.º|núm\.?|num\.?|nr\.?)[ \t]*|#[ \t]*)?"# + houseNumber + notQuantity + placeTail, .streetFirst),
        // A street in capitals as a form's or a label's field: ", PIAZZA DUOMO 2,", "DESTINATÁRIO: AV. DA BOAVISTA 1277".
        AddressPattern(#"(?m)(?:(?<=[,:;][ \t])|^)(?:CALLE|AVENIDA|AVDA\.|PASEO|PLAZA|CARRER|RUA|AV\.|AVENUE|RUE|BOULEVARD|CHEMIN|VIA|VIALE|PIAZZA|CORSO|LARGO|TRAVESSA|PRAÇA|ALAMEDA|ESTRADA|STRADA)[ \t]+(?:(?:DE|DEL|DA|DO|DOS|DAS|DI|DELLA|DU|DES|LA|LE)[ \t]+)?\p{Lu}[\p{Lu}'’\-]+(?:[ \t]+\p{Lu}[\p{Lu}'’\-]+){0,3},?[ \t]+\d{1,5}[A-Z]?(?=[ \t]*(?:[,;]|$))"#),
        // Roads by the kilometre, where farms and country houses have no house number: "Ruta 5 km
        // 112", "Estrada do Cafezal, km 7", "Ctra. N-340, km 12,5", "SS195 km 38".
        AddressPattern(#"(?<![\p{L}\p{N}])(?:(?:[Rr]uta|[Rr]oute|[Cc]arretera|Ctra\.|[Rr]odovia|Rod\.|[Ee]strada|[Ss]trada(?:[ \t]+(?:[Ss]tatale|[Pp]rovinciale))?|[Aa]utov[íi]a|[Aa]utopista|[Hh]ighway|Hwy\.?|[Cc]amino|[Cc]hemin)[ \t]+(?:(?:[A-Z]{1,4}-?)?\d{1,4}|"# + streetWords + #")|[A-Z]{1,4}-?\d{1,4})[ \t]*,?[ \t]*(?:km|Km|KM|[Kk]il[óo]metro|[Qq]uil[ôó]metro)\.?[ \t]*\d{1,4}(?:[.,]\d{1,3})?(?![\p{N}])"# + placeTail,
            needs: .oneOf(["km", "Km", "KM", "ilómetro", "ilometro", "uilômetro", "uilómetro"])),
        // Grid addresses (Colombia and others): "Calle 72 # 10-34", "Carrera 7 No. 45-12".
        AddressPattern(#"(?<![\p{L}])(?:[Cc]alle|[Cc]arrera|Cra\.?|Kr\.?|Cl\.?|[Aa]venida|Av\.|[Dd]iagonal|[Tt]ransversal|Tv\.?|Dg\.?)[ \t]*\d{1,3}[A-Z]?(?:[ \t]+(?:[Bb]is|[Ss]ur|[Nn]orte|[Ee]ste))?[ \t]*(?:#|[Nn][oº°]\.?)[ \t]*\d{1,3}[A-Z]?[ \t]*[-–][ \t]*\d{1,3}(?:[ \t]+(?:Este|Oeste|Sur|Norte)(?![\p{L}]))?"#
            + placeTail),
        AddressPattern(#"(?<![\p{L}])(?:[Cc]alle|[Aa]venida|Av\.|[Dd]iagonal|[Bb]oulevard|[Pp]asaje)[ \t]+(?:\d{1,3}|\p{Lu}[\p{L}.]*(?:[ \t]+(?:de|del|la)?[ \t]*\p{Lu}[\p{L}.]*){0,3})[ \t]+[Nn][º°][ \t]*\d{1,5}"# + placeTail),
        // German and Dutch: "Lindenstraße 5a", "Bahnhofstr. 12", "Prinsengracht 263", "Berliner Straße 3".
        AddressPattern(#"(?<![\p{L}])(?:\p{Lu}[\p{L}\p{M}\-]*[ \t]+)?\p{Lu}[\p{L}\p{M}\-]*"# + germanSuffixes + #"[ \t]+"# + houseNumber + notQuantity + placeTail,
            needs: .oneOf(germanSuffixNeedles)),
        AddressPattern(#"(?<![\p{L}])\p{Lu}[\p{L}\p{M}\-]*[ \t]+"# + germanWords + #"[ \t]+"# + houseNumber + notQuantity + placeTail,
            needs: .oneOf(["Stra", "Str.", "Weg", "Allee", "Platz", "Gasse", "Damm", "Ufer", "Chaussee", "Ring", "Steig"])),
        AddressPattern(#"(?<![\p{L}\p{N}])\d{1,4}[a-z]?[ \t]+\p{Lu}[\p{L}\p{M}\-]*(?:straße|strasse|straat|gracht|laan|allee|gasse)(?![\p{L}])"# + placeTail,
            needs: .oneOf(["stra", "gracht", "laan", "allee", "gasse"])),
        // Danish, Norwegian, Swedish, Finnish, Dutch and Austrian compounds: "Holbergsgade 668",
        // "Kyrkgränd 6", "Santerlankatu 581", "Jadebaan 679", "Obermüllerring 2" (not "Offering 2").
        AddressPattern(#"(?<![\p{L}])(?:\p{Lu}[\p{L}\p{M}\-']+[ \t]+){0,2}(?:\p{Lu}[\p{L}\p{M}\-']{1,}(?:gade|vej|gränd|gatan|gata|vägen|väg|torget|torg|plads|stræde|allé|katu|polku|kuja|dreef|baan|steig|stig|veien|vegen|gaten|plass|stien)|\p{Lu}[\p{L}\p{M}\-']{2,}(?:tie|hof|lei|(?<=[b-df-hj-np-tv-zß])ring))[ \t]+"# + houseNumber + notQuantity + placeTail,
            needs: .oneOf(["gade", "vej", "gränd", "gat", "väg", "torg", "plads", "stræde", "allé", "katu", "tie", "polku", "kuja", "hof", "dreef", "baan", "lei", "ring", "steig", "stig", "veien", "vegen", "plass", "stien"])),
        // Hungarian: "Béke utca 19.", "Nagykanizsai út 131.", "Ligetvárai tér 77.".
        AddressPattern(#"(?<![\p{L}])(?:\p{Lu}[\p{L}\p{M}\-]+,[ \t]*[IVXL]{1,5}\.[ \t]*kerület,[ \t]*)?\p{Lu}[\p{L}\p{M}\-]+(?:[ \t]+[\p{L}\p{M}\-]+)?[ \t]+(?:utca|út|útja|tér|tere|körút|köz|sor|sétány|rakpart|fasor|lakótelep|u\.)[ \t]+\d{1,4}(?:/[A-Za-z])?\.?(?:[ \t]+\d{1,2}/\d{1,3}(?![\p{N}]))?"# + placeTail,
            needs: .oneOf(["utca", "út", "tér", "köz", "sor", "sétány", "rakpart", "fasor", "lakótelep", "u."])),
        // Finnish, Swedish and Norwegian streets written apart: "Ylä-Fallin kuja 955", "Drottning
        // Kristinas väg 5", "Karl Johans gate 22".
        AddressPattern(#"(?<![\p{L}])\p{Lu}[\p{L}\p{M}\-]+(?:[ \t]+\p{Lu}[\p{L}\p{M}\-]+)?[ \t]+(?:katu|tie|kuja|polku|kaari|raitti|rinne|aukio|väylä|puistikko|gatan|gata|vägen|väg|gränd|veien|vei|gate|gaten|vegen|vej|gade)[ \t]+"# + houseNumber + notQuantity + placeTail,
            needs: .oneOf(["katu", "tie", "kuja", "polku", "kaari", "raitti", "rinne", "aukio", "väylä", "puistikko", "gat", "väg", "gränd", "vei", "veg", "vej", "gade"])),
        // Indian, Gulf and Philippine unit runs, two parts or more: "Flat 302, Tower B, Sector 62",
        // "Room 14, 2nd floor", "Villa 27, Street 14b", "14/3, Gali No. 7".
        AddressPattern(#"(?<![\p{L}\p{N}/])(?:(?:(?:Flat|Room|House|Plot|Villa|Tower|Wing|Block|Sector|Phase|Gali|Street|Lane|Hse|Plot)\.?[ \t]*(?:No\.?[ \t]*)?(?:\d{1,4}[A-Za-z]?|[A-Z])|\d{1,2}(?:st|nd|rd|th)[ \t]+[Ff]loor|\d{1,4}/\d{1,4}[A-Z]?)(?![\p{L}\p{N}])(?:,[ \t]*|[ \t]+)){1,}(?:(?:Flat|Room|House|Plot|Villa|Tower|Wing|Block|Sector|Phase|Gali|Street|Lane|Hse)\.?[ \t]*(?:No\.?[ \t]*)?(?:\d{1,4}[A-Za-z]?|[A-Z])|\d{1,2}(?:st|nd|rd|th)[ \t]+[Ff]loor)(?![\p{L}\p{N}])"#,
            needs: .oneOf(["Flat", "Room", "House", "Plot", "Villa", "Tower", "Wing", "Block", "Sector", "Phase", "Gali", "Street", "Lane", "Hse", "loor"])),
        // Indian: "66/683, Madan Marg", "H.No. 37, Nigam Nagar", "Viswanathan Nagar".
        AddressPattern(#"(?<![\p{L}])(?i:h\.?[ \t]?no|house[ \t]no|flat[ \t]no|plot[ \t]no|door[ \t]no)\.?[ \t]*\d{1,5}(?:[/-]\d{1,5})?[A-Za-z]?(?:,[ \t]*\p{Lu}[\p{L}\-]+(?:[ \t]+\p{Lu}[\p{L}\-]+){0,3})?"#),
        AddressPattern(#"(?<![\p{L}\p{N}/])\d{1,5}(?:/\d{1,5})?,[ \t]+(?:\p{Lu}[\p{L}\-]+[ \t]+){1,3}(?:Nagar|Marg|Vihar|Enclave|Chowk|Colony|Layout|Puram|Bagh|Ganj|Zila|Road|Street)(?![\p{L}])"# + placeTail),
        AddressPattern(#"(?<![\p{L}])\p{Lu}[\p{L}]+[ \t]+(?:Nagar|Marg|Vihar|Zila|Chowk)(?![\p{L}])"#, needs: .oneOf(["Nagar", "Marg", "Vihar", "Zila", "Chowk"])),
        // Vietnamese: "4/21 Phạm Văn Đồng", "Số 85/737 Hẻm 80", "Phường An Phú", "tỉnh Tuyên Quang".
        // (Only with a Vietnamese letter in the words after it: "2/22/2023" and "24/7 Support" are no address.)
        AddressPattern(#"(?<![\p{L}\p{N}/.])(?:Số[ \t]+)?\d{1,4}(?:/\d{1,4}){1,2}(?:[ \t]+(?:Hẻm|Ngõ|Ngách|Kiệt|Đường|Phố)[ \t]+\d{1,4})*(?=[ \t]+[^\n]{0,30}[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĂÂĐÊÔƠƯ])(?:[ \t]+\p{Lu}[\p{L}\p{M}]*){2,4}"#,
            needs: .nonASCII),
        AddressPattern(#"(?<![\p{L}\p{N}/.])(?:Số[ \t]+)?\d{1,4}(?:/\d{1,4}){0,2}(?:[ \t]+(?:Hẻm|Ngõ|Ngách|Kiệt|Đường|Phố|Khu)[ \t]+\d{1,4})+(?:[ \t]+\p{Lu}[\p{L}\p{M}]*){0,4}"#, needs: .nonASCII),
        AddressPattern(#"(?<![\p{L}])(?:Phường|phường|Quận|quận|Xã|xã|Huyện|huyện|Tỉnh|tỉnh|[Tt]hành phố|[Tt]hị xã|[Tt]hị trấn|Khóm|Ấp|Thôn)[ \t]+(?:\d{1,3}|\p{Lu}[\p{L}\p{M}]*)(?:[ \t]+\p{Lu}[\p{L}\p{M}]*){0,3}"#, needs: .nonASCII),
        // "Am Markt 3", "An der Alster 12": only when the number ends the clause.
        AddressPattern(#"(?<![\p{L}])"# + germanPrepositions + #"[ \t]+\p{Lu}[\p{L}\p{M}\-]+(?:[ \t]+\p{Lu}[\p{L}\p{M}\-]+)?[ \t]+"# + houseNumber
            + #"(?=[ \t]*(?:[,.;:!?)\n]|$))"# + placeTail, .germanPreposition),
        // Polish: "ul. Marszałkowska 84/92, 00-514 Warszawa", "al. Jerozolimskie 44".
        AddressPattern(#"(?<![\p{L}])(?:[Uu]l\.|[Uu]lica|[Aa]l\.|[Aa]leja|[Oo]s\.|[Oo]siedle|[Pp]l\.|[Pp]lac)[ \t]*"# + streetWords + #",?[ \t]+"# + houseNumber + #"(?:[ \t]+(?:m\.|lok\.)[ \t]*\d{1,4})?"# + notQuantity + placeTail,
            needs: .oneOf(["l.", "lica", "leja", "s.", "siedle", "lac"])),
        // Baltic, Slovene, Croatian, Czech and Slovak street words after the name: "Kotzebue tn 9-3",
        // "Tartu mnt 52-14", "Gedimino pr. 9-4", "Ilica 12" is left to the postcode form above.
        AddressPattern(#"(?<![\p{L}])\p{Lu}[\p{L}\p{M}\-]+(?:[ \t]+\p{Lu}[\p{L}\p{M}\-]+)?[ \t]+(?:tn|tänav|mnt|maantee|pst|puiestee|iela|gatvė|g\.|pr\.|prospektas|al\.|alėja|cesta|ulica|trg|náměstí|nám\.|námestie|nábřeží|třída|tř\.|bulvár|bulvaris|prospekts)[ \t]+\d{1,5}[a-zA-Z]?(?:[-/]\d{1,4}[a-zA-Z]?)?(?![\p{L}\p{N}])"# + placeTail,
            needs: .oneOf(["tn ", "tänav", "mnt", "maantee", "pst", "iela", "gatv", "g.", "pr.", "prospekt", "al.", "alėja", "cesta", "ulica", "trg", "nám", "nábř", "třída", "tř.", "bulv"])),
        // Turkish: "Caferağa Mah. Moda Cad. Bahariye Sk. No:14 Daire:5, 34710 Kadıköy/İstanbul",
        // "Alsancak Mah. 1453 Sk. No:7 D:3 Konak/İzmir".
        AddressPattern(#"(?<![\p{L}])(?:\p{Lu}[\p{L}]+(?:[ \t]+\p{Lu}[\p{L}]+)?[ \t]+(?:Mah\.|Mahallesi|Mh\.)[ \t]*)?(?:(?:\p{Lu}[\p{L}]+(?:[ \t]+\p{Lu}[\p{L}]+)?|\d{1,5})[ \t]+(?:Cad\.|Caddesi|Cd\.|Sk\.|Sok\.|Sokak|Sokağı|Blv\.|Bulvarı)[ \t]*){1,3}(?:,?[ \t]*No[ \t]*:?[ \t]*\d{1,5}(?:/\d{1,4})?)(?:[ \t]+(?:Daire|D|Kat|K)[ \t]*:?[ \t]*\d{1,4})*(?:,?[ \t]*\d{5})?(?:[ \t]+\p{Lu}[\p{L}]+(?:/\p{Lu}[\p{L}]+)?)?(?:,[ \t]*\p{Lu}[\p{L}]+)?"#,
            needs: .oneOf(["Cad", "Sk.", "Sok", "Blv", "Bulvar", "Cd."])),
        // Indonesian estates and Philippine blocks: "Perum Griya Asri Blok C2 No. 9", "Blk 12 Lot 7, Phase 2".
        AddressPattern(#"(?<![\p{L}])(?:Perum|Perumahan|Komplek|Kompleks|Komp\.)[ \t]+(?:\p{Lu}[\p{L}]*[ \t]+){1,3}(?:Blok|Blk\.?)[ \t]+[A-Z]{0,2}\d{0,3}(?:[ \t]+No\.?[ \t]*\d{1,4})?|(?<![\p{L}])(?:Blk\.?|Block)[ \t]*\d{1,4}[A-Z]?[ \t,]+Lot[ \t]*\d{1,4}[A-Z]?(?:,?[ \t]*Phase[ \t]*\d{1,2}[A-Z]?)?"#,
            needs: .oneOf(["Blok", "Blk", "Block"])),
        // Korean streets written in Latin letters: "Teheran-ro 152", "Chung Dan-Ro 60", "Sejong-daero 110".
        AddressPattern(#"(?<![\p{L}])(?:\p{Lu}[\p{L}]*[ \t]+){0,2}\p{Lu}[\p{L}]*-(?:ro|Ro|gil|Gil|daero|Daero)(?:[ \t]+\d{1,3}(?:beon)?-?gil)?[ \t]+\d{1,4}(?:-\d{1,4})?(?![\p{L}\p{N}])"# + placeTail,
            needs: .oneOf(["-ro", "-Ro", "-gil", "-Gil", "-daero", "-Daero"])),
        // Hebrew, Arabic and Thai streets: "ברחוב הרצל 112, דירה 8, רחובות", "17 شارع مصدق، الدقي، الجيزة",
        // "شارع التحلية، مبنى 14، شقة 3", "88/12 ซอยสุขุมวิท 31 ถนนสุขุมวิท แขวงคลองตันเหนือ".
        AddressPattern(#"(?:ב?רחוב|ברח'|רח')[ \t]+[\p{Script=Hebrew}"'\-]+(?:[ \t]+[\p{Script=Hebrew}]+)?[ \t]+\d{1,4}(?:[ \t]*,[ \t]*(?:דירה|קומה|כניסה)[ \t]*\d{1,4})*(?:[ \t]*,[ \t]*[\p{Script=Hebrew}\-]+(?=[ \t]*(?:[.,;!?"”\n]|$)))?"#,
            needs: .nonASCII),
        AddressPattern(#"(?:\d{1,4}[ \t]+)?(?:شارع|طريق|ش\.)[ \t]+[\p{Script=Arabic}]+(?:[ \t]+[\p{Script=Arabic}]+)?(?:[ \t]*[،,][ \t]*(?:(?:مبنى|شقة|عمارة|بناية|فيلا|الطابق|طابق|رقم)[ \t]*\d{1,4}|حي[ \t]+[\p{Script=Arabic}]+(?:[ \t]+\d{1,5})?|(?!و)[\p{Script=Arabic}]+(?:[ \t]+\d{5})?(?=[ \t]*[،,.]|$)))*"#,
            needs: .nonASCII),
        AddressPattern(#"(?<![\p{N}/])\d{1,4}(?:/\d{1,4})?(?:[ \t]+(?:(?:ซอย|ซ\.|ถนน|ถ\.|หมู่|ม\.|แขวง|เขต|ตำบล|ต\.|อำเภอ|อ\.|จังหวัด|จ\.)[\p{Script=Thai}\p{Mn}\p{Mc}]*(?:[ \t]*\d{1,3}(?![\p{N}]))?|กรุงเทพฯ|กรุงเทพมหานคร))+(?:[ \t]+\d{5})?"#,
            needs: .nonASCII),
        // Russian: "ул. Ленина, д. 5, кв. 12".
        AddressPattern(#"(?<![\p{L}])(?:(?:(?:г\.|с\.|ст\.|п\.|пос\.|пгт|рп|д\.|дер\.|х\.|клх|м\.|смт)[ \t]*)?\p{Lu}[\p{L}\-]*(?:[ \t]+\p{Lu}[\p{L}\-]*)?,[ \t]*)?(?:ул\.|улица|вулиця|вул\.|пр\.|пр-т|пр-д|проспект|просп\.|проезд|пер\.|переулок|провулок|пров\.|бул\.|бульвар|бульв\.|б-р|ш\.|шоссе|шосе|пл\.|площадь|площа|наб\.|набережная|набережна|узвіз|алл\.|аллея|туп\.|тупик|мкр\.|микрорайон|линия)[ \t]*(?:\d{1,2}[ \t]+)?\p{Lu}[\p{L}\-]*(?:[ \t]+\p{Lu}[\p{L}\-]*)?(?:[ \t]+\d{1,2}-[йя])?,?[ \t]+(?:д\.|дом|буд\.|будинок)?[ \t]*\d{1,4}(?:/\d{1,4})?(?:к\d{1,2}|[а-яa-z])?(?:,?[ \t]*(?:кв\.|корп\.|стр\.|к\.)[ \t]*\d{1,4})*(?:,[ \t]*\d{5,6})?(?:,[ \t]*(?:г\.[ \t]*)?\p{Lu}[\p{Ll}\-]+(?![\p{L}]))?"#,
            needs: .nonASCII),
        // English: "221B Baker Street", "164 oakwood avenue, Portland", "1600 Pennsylvania Ave NW".
        AddressPattern(#"(?<![\p{L}\p{N}/])(?:\d{1,4}[A-Za-z]?/)?\d{1,5}[A-Za-z]?[ \t]+(?:(?:[NSEW]\.|NW|NE|SW|SE)[ \t]+)?(?:[\p{L}\p{M}'’\-]+[ \t]+){1,3}"# + englishTypes + placeTail, .english),
        // What a street address leaves behind, or a place given without a street.
        AddressPattern(#"(?<![\p{L}\p{N}])"# + ukPostcode),
        AddressPattern(#"(?<![\p{L}])(?:"# + usStates + #")[ \t]+\d{5}(?:-\d{4})?(?![\p{N}])"#),
        AddressPattern(#"(?<![\p{L}\p{N}.,:/\-€$£#])(?<![:=][ \t])(?:\d{5}(?:-\d{3})?|\d{4}-\d{3}|\d{4}[ \t]?[A-Z]{2})[ \t]+"# + city + #"(?![\p{L}])"#, .postcodeCity),
        AddressPattern(#"(?<![\p{L}])(?i:plz|postleitzahl|code postal|código postal|codigo postal|c\.p\.|cep|cap|zip|zip code|postcode|postal code)[ \t]*:?[ \t]*\d{4,5}(?:-\d{3,4})?(?![\p{N}])"#),
        AddressPattern(#"(?<![\p{L}])(?i:p\.?[ \t]?o\.?[ \t]?box|post office box|postfach|apartado(?: de correos)?|caixa postal|casella postale|boîte postale|case postale|casier postal|casilla(?: de correo)?|rural route|rr)[ \t]*\d{1,6}(?![\p{N}])"#),
        // The district parts Indonesian and Philippine addresses add after the street: "[ADDRESS], RT
        // 05/RW 02, Kel. Bangka, Kec. Mampang Prapatan", "[ADDRESS], Barangay San Roque".
        AddressPattern(#"\[ADDRESS\](?:,?[ \t]*(?:RT|RW)?[ \t.]*\d{1,3}[ \t]*/[ \t]*(?:RT|RW)[ \t.]*\d{1,3}|,?[ \t]*(?:RT|RW)[ \t.]*\d{1,3}|,?[ \t]*(?:Kel\.|Kelurahan|Kec\.|Kecamatan|Desa|Kab\.|Kabupaten|Kota|Barangay|Brgy\.)[ \t]+\p{Lu}[\p{L}]*(?:[ \t]+(?:\p{Lu}[\p{L}]*|[IVX]+))*)+"#,
            needs: .placeholder),
        // A landmark given with the address: "[ADDRESS], near Fortis Hospital", "[ADDRESS], behind [NAME]".
        AddressPattern(landmarkAfterAddress, needs: .placeholder),
        // A US town and state in lower case after the street: "[ADDRESS], chicago il 60625".
        AddressPattern(#"\[ADDRESS\],?[ \t]+\p{Ll}+(?:[ \t]+\p{Ll}+)?,?[ \t]+(?:"# + usStates.lowercased() + #")[ \t]+\d{5}(?:-\d{4})?(?![\p{N}])"#,
            needs: .placeholder),
        // A British address in lower case: "22 elm grove, hove bn3 1ae", "118 leith walk, edinburgh eh6 5dx".
        AddressPattern(#"(?<![\p{L}\p{N}])\d{1,5}[a-z]?[ \t]+(?:\p{Ll}+[ \t]+){1,3}(?:street|road|lane|grove|walk|way|avenue|close|crescent|drive|place|gardens|terrace|row|hill|park|court|mews|square)(?:,?[ \t]+\p{Ll}+){0,2},?[ \t]+[a-z]{1,2}\d[a-z\d]?[ \t]?\d[abd-hjlnp-uw-z]{2}(?![\p{L}\p{N}])"#),
        // Indian cross and main roads: "No. 12, 3rd Cross, 5th Main, Indiranagar, Bengaluru 560038"
        // (a house number and a road, or two roads; "the 3rd stage of the project" is none).
        AddressPattern(#"(?<![\p{L}\p{N}])(?:(?i:no\.?|#)[ \t]*\d{1,4}[A-Za-z]?,?[ \t]*"# + indianRoad + #"(?:,?[ \t]*"# + indianRoad + #"){0,2}|"# + indianRoad + #"(?:,?[ \t]*"# + indianRoad + #"){1,2})"#
            + #"(?:,[ \t]*\p{Lu}[\p{L}]+(?:[ \t]+\p{Lu}[\p{L}]+)?){0,3}(?:[ \t]+(?:\d{6}|\d{3}[ \t]\d{3})(?![\p{N}]))?"#,
            needs: .oneOf(["Cross", "Main", "cross", "main", "Block", "Stage", "Phase"])),
        // Japanese written in Latin letters: "1-2-3 Shibuya, Shibuya-ku, Tokyo 150-0002", "5 Chome-2-1 Ginza, Chuo City".
        AddressPattern(#"(?<![\p{L}\p{N}\-])(?:\d{1,2}[ \t-]?(?i:chome)-\d{1,4}(?:-\d{1,4})?|\d{1,4}-\d{1,4}(?:-\d{1,4})?(?=(?:,?[ \t]+\p{Lu}[\p{Ll}]+){0,2},?[ \t]+\p{Lu}[\p{Ll}]+-(?:ku|shi|cho|machi|gun)\b))"#
            + #"(?:,?[ \t]+\p{Lu}[\p{Ll}]+(?:-(?:ku|shi|cho|machi|gun)|[ \t]+(?:City|Ward))?){1,3}(?:,[ \t]*\p{Lu}[\p{Ll}]+)?(?:[ \t]+〒?\d{3}-\d{4})?"#,
            needs: .oneOf(["-ku", "-shi", "-cho", "Chome", "chome"])),
        // A unit in a named building, without a street: "Flat 6, Ashdown Court", "Suite 12, Riverside House".
        AddressPattern(#"(?<![\p{L}])"# + unitWord + "[ \\t]?" + unitCode + #",[ \t]*(?:\p{Lu}[\p{L}'’\-]*[ \t]+){1,3}"# + buildingWord + #"(?![\p{L}])"#,
            needs: .oneOf(buildingNeedles)),
        // "Flat 4, [ADDRESS]": a unit next to a masked street joins it.
        AddressPattern(#"(?<![\p{L}])"# + unitWord + "[ \\t]?" + unitCode + #",?[ \t]*\[ADDRESS\]"#, needs: .placeholder),
        AddressPattern(#"(?<![\p{L}])(?i:apt|apartment|apto|appt|appartement|depto|dpto|departamento|wohnung|whg)\.?[ \t]*#?[ \t]?[A-Za-z]?\d{1,4}[A-Za-z]?(?![\p{L}\p{N}])|(?<![\p{L}])(?i:piso)[ \t]+\d{1,2}[ºª°]?(?:[ \t]?[A-Z](?![\p{L}]))?(?![\p{N}])"#),
    ]

    /// A landmark given with an address, after it: "[ADDRESS], near Fortis Hospital", "[ADDRESS], behind [NAME]".
    static let landmarkAfterAddress = #"\[ADDRESS\],?[ \t]*(?:near|opposite|opp\.|behind|next to|beside)[ \t]+(?:the[ \t]+)?(?:\[NAME\]|\p{Lu}[\p{L}]*(?:[ \t]+\p{Lu}[\p{L}]*){0,3})"#
    static let landmark = make(landmarkAfterAddress)
    /// A handle: "@kwame_o", and in Korean, Chinese or Japanese chats "@민준", "@小林".
    static let handle = make(#"(?<![\w@.\[])@(?:[A-Za-z0-9_](?:[A-Za-z0-9_.\-]{0,28}[A-Za-z0-9_])?\b|[\p{Hangul}\p{Han}\p{Katakana}ー]{2,10})"#)
    /// A capitalised word, with the inner capital of "McPherson", "MacLeod", "O'Brien", "D'Hondt",
    /// "Al-Farsi", "el-Amin", and the capitalised parts a hyphen joins to it ("Hoffmeister-Brandt").
    /// One syllable of Hanyu Pinyin without tone marks, longest finals first so that a word of
    /// several splits into whole syllables (`pinyinWord`).
    static let pinyinSyllablePattern = #"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|an|ao|ei|en|er|ia|ie|in|iu|ou|ua|ue|ui|un|uo|ve|a|e|i|o|u|v)"#
    static let pinyinSyllable = make("^" + pinyinSyllablePattern + "$")
    /// A word in lower case, hyphenated parts included ("hoffmann-grau"), not inside a placeholder.
    static let lowercaseWord = make(#"(?<![\p{L}\p{M}\[\-'’])\p{Ll}[\p{Ll}\p{M}]*(?:-\p{Ll}[\p{Ll}\p{M}]+)*(?![\p{L}\p{M}\]'’])"#)
    static let capitalisedWord = make(#"(?<![\p{L}\p{M}\[])(?:Mc|Mac|O'|O’|D'|D’|Dell'|Dell’|Dall'|Dall’|[Aa]l-|[Ee]l-)?\p{Lu}[\p{Ll}\p{M}'’\-]*\p{Ll}(?:-\p{Lu}[\p{Ll}\p{M}'’]*\p{Ll})*(?![\p{L}\p{M}\]])"#)

    /// `(?:…)` matching any of `alternatives` (regex fragments, each starting with a letter),
    /// grouped by first letter: "(?:b(?:est|ises)|t(?:hanks|hx))". ICU tries alternatives one by
    /// one, so a flat list of ninety words costs ninety tries at every letter of a text; grouped,
    /// one comparison picks the group (measured: about 3× faster on long texts).
    static func anyOf(_ alternatives: [String]) -> String {
        let groups = Dictionary(grouping: alternatives) { $0.first!.lowercased() }
        let parts = groups.keys.sorted().map { first in
            let rests = groups[first]!.map { String($0.dropFirst()) }.sorted { $0.count > $1.count }
            return NSRegularExpression.escapedPattern(for: first) + "(?:" + rests.joined(separator: "|") + ")"
        }
        return "(?:" + parts.joined(separator: "|") + ")"
    }

    /// Cues after which capitalised words can only be a name.
    static let strongCues: [String] = [
        "my name is", "my name's", "my full name is", "me llamo", "mi nombre es", "je m'appelle",
        "je m’appelle", "mon nom est", "ich heiße", "ich heisse", "mein name ist", "mi chiamo",
        "il mio nome è", "meu nome é", "me chamo", "chamo-me", "mijn naam is", "ik heet",
        "меня зовут", "the name's", "je me nomme", "je m appelle", "je mappelle", "mi kiamo", "meu nome eh", "me yamo",
    ]

    /// Cues that also introduce other words ("I'm Happy", "Hi Team").
    static let weakCues: [String] = [
        "i am", "i'm", "i’m", "hi im", "hey im", "hello im", "hi iam", "call me", "yo soy", "soy",
        "sou o", "sou a", "sou", "eu sou", "je suis", "moi,? c'est",
        "moi,? c’est", "ich bin", "io sono", "sono", "ik ben", "dear",
        "hi", "hello", "hey", "hola", "bonjour", "salut",
        "hallo", "ciao", "olá", "oi", "querido", "querida",
        "cher", "chère", "liebe", "lieber", "caro", "cara",
        "beste", "ich bin der", "ich bin die", "his name is", "her name is", "their name is",
        "his name was", "her name was", "their name was", "my name was", "happy birthday to", "happy birthday",
        "happy anniversary", "congratulations to", "congratulations", "congrats to", "congrats",
        "feliz cumpleaños", "joyeux anniversaire", "alles gute", "tanti auguri", "parabéns",
        // Whose name a booking, a parcel or a letter is in.
        "on behalf of", "in the name of", "under the name", "under the name of", "booked under",
        "reservation under", "attn:", "attn.", "attention:", "c/o", "fao", "de la part de", "au nom de",
        "a nombre de", "en nombre de", "a nome di", "da parte di", "em nome de", "im namen von", "im auftrag von",
        "op naam van", "namens",
        // What people call the writer.
        "i go by", "i usually go by", "people call me", "everyone calls me", "they call me", "me dicen", "me llaman",
        "on m'appelle", "on m’appelle", "man nennt mich", "alle nennen mich", "mi chiamano", "me chamam",
        "mi chiamano tutti", "me llaman todos", "todos me llaman", "todo mundo me chama", "tout le monde m'appelle",
        "tout le monde m’appelle", "todos me chamam", "everybody calls me", "me chamam de", "todos me chamam de",
        // Whom greetings come from, at the end: "Tanti saluti da Luisa Marchi".
        "saluti da", "un saluto da", "saludos de", "un saludo de", "un abrazo de", "abraços de", "beijos de", "bisous de",
        "grüße von", "liebe grüße von", "viele grüße von",
        // What someone else is called.
        "le decimos", "les decimos", "le dicen", "la llamamos", "lo llamamos", "le llamamos", "la chamamos de",
        "o chamamos de", "ela se chama", "ele se chama", "se chamar", "si chiama", "la chiamiamo",
        "lo chiamiamo", "on l'appelle", "on l’appelle", "elle s'appelle", "elle s’appelle", "il s'appelle", "il s’appelle",
        "sie heißt", "er heißt", "wir nennen sie", "wir nennen ihn", "we call her", "we call him", "everyone calls her",
        "everyone calls him", "she goes by", "he goes by",
    ]

    /// "my", "mi", "mon", "mein", … before a relation.
    static let possessives: [String] = [
        "my", "our", "his", "her", "their", "mi",
        "mis", "mon", "ma", "mes", "mein", "meine",
        "meinem", "meiner", "il mio", "la mia", "meu", "minha",
        "mijn", "mia", "mio", "moja", "mój", "mojej", "mojego",
        "your", "unser", "unsere", "unserem", "unseren", "unserer", "dein", "deine", "seine", "ihre",
        "meinen", "deinen", "deinem", "deiner", "seinen", "seinem", "seiner", "ihren", "ihrem", "ihrer",
        "nuestro", "nuestra", "tu", "su", "notre", "ton", "ta", "son", "sa", "nostro", "nostra", "il nostro",
        "la nostra", "tuo", "tua", "nosso", "nossa", "o nosso", "a nossa", "seu", "sua", "onze",
    ]

    /// People one names after "my": colleague, wife, amigo, collègue, Kollegin, …
    static let relations: [String] = [
        "colleague", "coworker", "co-worker", "friend", "best friend", "wife",
        "husband", "partner", "boss", "manager", "son", "daughter",
        "mother", "father", "mom", "mum", "dad", "brother",
        "sister", "neighbour", "neighbor", "teacher", "client", "customer",
        "girlfriend", "boyfriend", "fiancé", "fiancée", "fiance", "fiancee",
        "cousin", "uncle", "aunt", "grandson", "granddaughter", "grandmother",
        "grandfather", "landlord", "tenant", "doctor", "lawyer", "student",
        "employee", "amigo", "amiga", "esposa", "esposo", "marido",
        "mujer", "jefe", "jefa", "hijo", "hija", "madre",
        "padre", "hermano", "hermana", "collègue", "ami", "amie",
        "femme", "mari", "patron", "fils", "fille", "mère",
        "père", "frère", "sœur", "kollege", "kollegin", "freund",
        "freundin", "frau", "mann", "chef", "chefin", "sohn",
        "tochter", "mutter", "vater", "bruder", "schwester", "collega",
        "amico", "moglie", "figlio", "figlia", "colega", "esposa",
        "filho", "filha", "collega", "vriend", "vriendin", "vrouw",
        "man", "niece", "nephew", "grandma", "grandpa", "granny",
        "stepson", "stepdaughter", "stepmother", "stepfather", "roommate", "flatmate",
        "classmate", "supervisor", "assistant", "intern", "new hire", "mentor",
        "therapist", "nurse", "coach", "tutor", "nanny", "babysitter",
        "sobrina", "sobrino", "abuela", "abuelo", "novio", "novia",
        "vecino", "vecina", "compañero", "compañera", "neveu", "nièce",
        "grand-mère", "grand-père", "voisin", "voisine", "copain", "copine",
        "neffe", "nichte", "oma", "opa", "nachbar", "nachbarin",
        "nipote", "nonna", "nonno", "fidanzato", "fidanzata", "sobrinha",
        "avó", "avô", "namorado", "namorada", "vizinho", "vizinha",
        "tía", "tío", "tia", "tio", "tante", "oncle", "zia", "zio", "onkel", "oom", "neef", "ciocia", "ciotka",
        "wujek", "cugino", "cugina", "primo", "prima", "cousine", "inquilino", "inquilina", "locatario", "locataria",
        "arrendatario", "arrendataria", "locataire", "mieter", "mieterin", "vermieter", "vermieterin", "senhorio", "senhoria",
        "propriétaire", "proprietario", "proprietaria", "padrone di casa",
        "godmother", "godfather", "goddaughter", "godson", "madrina", "padrino", "marraine", "parrain", "patin", "pate",
        "suegro", "suegra", "cuñado", "cuñada", "beau-père", "belle-mère", "schwiegermutter", "schwiegervater",
        "suocera", "suocero", "cognato", "cognata", "sogra", "sogro", "cunhado", "cunhada", "sobrinho",
        "verlobte", "verlobten", "verlobter", "noivo", "noiva", "coinquilino", "coinquilina",
        "mitbewohner", "mitbewohnerin", "colocataire", "coloc", "compañero de piso", "compañera de piso", "colega de quarto",
        "vicino", "vicina", "sorella", "fratello", "irmão", "irmã", "frere", "soeur", "cugini", "cugine",
        "primos", "primas", "nieto", "nieta", "petit-fils", "petite-fille", "enkel", "enkelin", "neto", "neta",
        "sister-in-law", "brother-in-law", "mother-in-law", "father-in-law", "stepbrother", "stepsister", "bestie",
        "pote", "chefe", "chefa", "mãe", "pai", "mamãe", "papai", "maman", "mamma", "papà", "mamá", "papá",
        // Trades one names people by: "Ángel, el fontanero", "my plumber Dave".
        "plumber", "electrician", "mechanic", "gardener", "fontanero", "electricista", "mecánico", "jardinero", "plombier",
        "électricien", "mécanicien", "jardinier", "klempner", "elektriker", "mechaniker", "gärtner", "idraulico", "elettricista",
        "meccanico", "giardiniere", "encanador", "eletricista", "mecânico", "jardineiro",
        // How people write them in a hurry: "mein ex lukas", "their bf jamal", "minha vó tereza".
        "ex", "bf", "gf", "bff", "bro", "sis", "hubby", "nan", "nana", "nanna", "aunty", "mama", "papa", "cleaner",
        "kumpel", "teamleiter", "teamleiterin", "betreuer", "betreuerin", "hebamme", "marito", "ragazza", "ragazzo", "capo", "capa",
        "compa", "cheffe", "vó", "vô", "irmao", "locador", "locadora", "casero", "casera", "proprio", "ostetrica",
        "meilleure amie", "meilleur ami", "migliore amica", "migliore amico", "mejor amiga", "mejor amigo", "melhor amiga",
        "melhor amigo", "beste freundin", "bester freund", "belle mère", "beau père", "grand mère", "grand père", "colega de ap",
    ]

    /// Cues after which the next lower-case words are a name ("my name is olivia whitfield").
    static let lowercaseStrongCues: [String] = [
        "my name is", "my name's", "my full name is", "me llamo", "mi nombre es", "je m'appelle",
        "je m’appelle", "mon nom est", "ich heiße", "ich heisse", "mein name ist", "mi chiamo",
        "meu nome é", "me chamo", "mijn naam is", "ik heet", "je m appelle", "je mappelle", "mi kiamo", "meu nome eh", "me yamo",
    ]

    /// Cues after which a lower-case listed first name is a name ("i'm olivia").
    static let lowercaseWeakCues: [String] = [
        "i'm", "i’m", "i am", "im", "hi im", "hey im", "hello im", "hi iam", "this is", "it's", "it’s", "its", "soy", "sou", "sou a", "sou o", "eu sou a",
        "eu sou o", "aqui é a", "aqui é o", "ici", "c'est", "je suis", "qui è", "qui parla", "aquí", "aqui é", "hier ist",
        "ich bin", "sono", "dear", "hi", "hello", "hey", "hola", "bonjour", "salut", "hallo", "ciao", "olá", "oi",
        "regards,", "thanks,", "cheers,", "best,", "cordialement,", "viele grüße,",
        "saludos,", "obrigado,", "obrigada,", "jsuis", "j'suis", "name is", "name's", "call me", "calls me", "me llaman", "me dicen",
        "me chamam de", "me chamam", "mi chiamano", "on m'appelle", "nennt mich", "nennen mich",
    ]

    /// The greetings among `lowercaseWeakCues`, which give way to a self-introduction after them.
    static let lowercaseGreetingCues: Set<String> = ["hi", "hello", "hey", "hola", "bonjour", "salut", "hallo", "ciao", "olá", "oi", "dear"]

    /// Sign-off words in the languages the summarizer reads.
    static let signOffs: [String] = [
        "thanks", "thank you", "thanks again", "thanks a lot", "thanks so much", "thank you so much",
        "many thanks", "thx", "regards", "best regards", "kind regards", "warm regards",
        "warmest regards", "best wishes", "all the best", "take care", "best", "cheers",
        "sincerely", "yours truly", "yours sincerely", "yours", "respectfully", "warmly",
        "saludos", "un saludo", "saludos cordiales", "un abrazo", "abrazos", "besos",
        "atentamente", "gracias", "muchas gracias", "cordialement", "bien cordialement", "amicalement",
        "bises", "bisous", "merci", "merci beaucoup", "bien à vous", "salutations",
        "à bientôt", "mit freundlichen grüßen", "freundliche grüße", "viele grüße", "liebe grüße", "beste grüße",
        "herzliche grüße", "grüße", "gruß", "lg", "mfg", "danke",
        "vielen dank", "cordiali saluti", "distinti saluti", "saluti", "un saluto", "un abbraccio",
        "grazie", "grazie mille", "a presto", "obrigado", "obrigada", "muito obrigado",
        "muito obrigada", "atenciosamente", "abraços", "abraço", "beijos", "cumprimentos",
        "met vriendelijke groet", "met vriendelijke groeten", "groeten", "groetjes", "hartelijke groet", "bedankt",
        "dank je", "dank u",
        "yours faithfully", "bye", "ciao", "tschüss", "adiós", "hasta luego", "talk soon", "see you",
    ]

    static let nameWord = #"\p{Lu}[\p{L}\p{M}'’\-]*[\p{L}\p{M}]"#
    static let nameParticle = #"(?:de|da|do|dos|das|del|della|di|du|des|van|von|der|den|ter|ten|le|la|bin|bint|ibn|al|el|y|e|i|Ó|Ní|Nic|Uí|St\.|Ste\.)"#
    /// One to four name words, with particles and initials inside them: "Kwame Okafor",
    /// "Joris van der Berg", "Ana B. Lima", "Lucía Castellanos Quintero".
    static let nameWords = "(" + nameWord + "(?:[ \\t]+(?:" + nameParticle + "[ \\t]+){0,2}(?:" + nameWord + "|\\p{Lu}\\.)){0,3})"

    /// Cues after which capitalised words can only be a name.
    static let nameAfterStrongCue = make(
        #"(?i:\b"# + anyOf(strongCues) + #"\b[,:]?[ \t]+)"#
            + nameWords)
    /// "Name: Kwame Okafor" at the start of a line, as in a form or a signature block (not the
    /// lower-case `name:` of YAML and code).
    static let nameAfterLabel = make(
        #"(?:^|\n|(?<=[.?!;|][ \t]))[ \t]*(?:(?i:customer|client|guest|patient|student|child['’]s|child|baby['’]s|your|my|his|her|contact|tenant|employee|applicant|candidate|passenger|recipient|sender|buyer|seller|owner|account holder|cardholder|beneficiary|member|first|last|middle|given|family|maiden|full)[ \t]+(?i:names?)|Full [Nn]ame|Name|NAME|Nombre|Nom|Nome|Naam|Vorname|Nachname|(?i:surname|apellidos?|nombres|nombre completo|nombre y apellidos|apellidos y nombres?|prénoms?|nom de famille|nom et prénom|nom, prénom|cognome|nome completo|nome e cognome|cognome e nome|sobrenome|familienname|vornamen|vor- und nachname|name, vorname))[ \t]*:[ \t]*"# + nameWords)
    /// A label for a person opening a line or a field, in the summarizer's languages: "Patient:
    /// Ifeoma Chukwuemeka", "Paziente: Salvatore Lo Giudice Età: 72", "Destinataire : Gwenaëlle Le Goff".
    /// A form's line is in title case, so the title-case rule does not apply here.
    static let nameAfterPersonLabel = make(
        #"(?:^|\n|(?<=[.;,|][ \t]))[ \t]*(?i:"# + anyOf([
            "patient", "paziente", "paciente", "client", "cliente", "kunde", "kundin", "customer", "guest", "invitado", "invitada",
            "ospite", "gast", "invité", "tenant", "inquilino", "inquilina", "mieter", "mieterin", "locataire", "employee", "empleado",
            "empleada", "dipendente", "mitarbeiter", "mitarbeiterin", "employé", "employée", "funcionário", "student", "alumno",
            "alumna", "studente", "studentessa", "schüler", "schülerin", "élève", "étudiant", "étudiante", "aluno", "aluna",
            "applicant", "candidate", "candidato", "candidata", "bewerber", "bewerberin", "candidat", "sender",
            "recipient", "from", "to", "cc", "attn", "attention", "mittente", "destinatario", "destinataria", "remitente",
            "remetente", "destinatário", "empfänger", "empfängerin", "absender", "absenderin", "expéditeur", "destinataire",
            "contact", "contacto", "contatto", "kontakt", "passenger", "pasajero", "passeggero", "passagier", "passager",
            "author", "autor", "autore", "auteur", "owner", "propietario", "proprietario", "eigentümer", "propriétaire",
            "landlord", "vermieter", "witness", "testigo", "testimone", "zeuge", "témoin", "beneficiary", "beneficiario",
            "beneficiária", "signed", "firmado", "firmato", "unterschrift", "signé", "assinado", "titular", "intestatario",
            "kontoinhaber", "titulaire", "account holder", "cardholder", "emergency contact", "next of kin", "referee",
            // A family's lines in a German form ("Kind:" is English too: "kind: Deployment").
            "mutter", "vater", "ehepartner", "ehepartnerin", "ehefrau", "ehemann", "antragsteller", "antragstellerin",
            "versicherte", "versicherter", "vatersname", "patronymic", "patronyme", "patronímico", "отчество",
        ] + attendanceLabels) + #")[ \t]*:[ \t]*"# + nameWords,
        [.anchorsMatchLines])
    /// A name label's line whose value is in lower case or in capitals, with a reading in brackets:
    /// "nome: antonio", "NOM : DUPUIS", "名前：KIM JIHOON（キム ジフン）". The caller wants a listed name in it.
    static let nameLabelLineInOneCase = make(
        #"^[ \t]*(?i:name|full name|first name|last name|surname|nombre|nombre completo|apellidos?|nom|prénom|prenom|nom de famille|nome|cognome|nome completo|sobrenome|vorname|nachname|familienname|naam|名前|氏名|姓名|お名前)[ \t]*[:：][ \t]*((?:\p{Ll}[\p{Ll}\p{M}'’\-]*|\p{Lu}[\p{Lu}\p{M}'’\-]+)(?:[ \t]+(?:\p{Ll}[\p{Ll}\p{M}'’\-]*|\p{Lu}[\p{Lu}\p{M}'’\-]+)){0,3}(?:[ \t]*[（(][^）)\n]{1,30}[）)])?)[ \t]*$"#,
        [.anchorsMatchLines])
    /// Cues that also introduce other words ("I'm Happy to", "soy de", "Hi Team"): the name's
    /// first word must not be an everyday word.
    static let nameAfterWeakCue = make(
        #"(?i:\b"# + anyOf(weakCues) + #"\b[,:]?[ \t]+)"#
            + nameWords)
    /// "This is Kwame Okafor from …", "Hi, this is Ann.", "Hi, it's Ann here" ("it's" only opening a
    /// sentence or after a greeting: "it's Delta" is a brand): the name ends the clause or is
    /// followed by a word that continues an introduction, so "This is Python code" stays.
    /// The same introduction in the other languages, opening a sentence or after a greeting:
    /// "Aquí Rocío, ¿me ayudas…?", "Le escribe Mercedes Paz, …", "Hier spricht Jonas Weber von …",
    /// "Qui è Francesca,", "Aqui quem fala é o Thiago,".
    /// One of these stands in a text `nameAfterIntroduction` can match (lowercased).
    static let introductionNeedles = ["quien ", "aquí ", "aqui ", "habla ", "escribe ", "saluda ", "ici ", "hier ist", "hier spricht", "hier schreibt", "qui è", "qui parla", "scrive ", "quem ", "schreibt "]
    static let nameAfterIntroduction = make(
        #"(?:^|(?<=[.!?¿¡\n][ \t])|(?<=[.!?¿¡])|(?<=(?i:hi|hello|hey|hola|buenas|buenas tardes|buenas noches|bonjour|salut|hallo|ciao|olá|oi|e aí|opa|buongiorno|buenos días|bom dia|boa tarde|boa noite|guten tag|moin)[,!]?[ \t]))(?i:quien le escribe es|quien les escribe es|quien te escribe es|quien habla es|aquí|aqui|habla|le escribe|les escribe|te escribe|os escribe|le saluda|les saluda|ici|hier ist|hier spricht|hier schreibt|qui è|qui parla|ti scrive|vi scrive|le scrive|aqui é|aqui fala|quem fala é|quem escreve é|es schreibt)(?:[ \t]+(?:el|la|o|a|der|die|il))?[ \t]+"# + nameWords
            + #"(?=[ \t]*(?:[,.!?;:)]|$|\n)|[ \t]+(?i:de|del|da|do|von|vom|aus|di|dal|della|du|des|y|e|et|und|aqui|aquí|ici|hier|qui)\b)"#,
        [.anchorsMatchLines])
    static let nameAfterThisIs = make(
        #"(?:(?i:\bthis is)|(?:^|(?<=[.!?\n][ \t])|(?<=[.!?])|(?<=(?i:hi|hello|hey)[,!]?[ \t]))(?i:it's|it’s|it is))[ \t]+"# + nameWords
            + #"(?=[ \t]*(?:[,.!?;:)]|$|\n)|[ \t]+(?i:from|and|here|writing|speaking|again|with|at|of|in|on|by|calling)\b)"#,
        [.anchorsMatchLines])
    /// Sign-offs (at the start of a line or sentence, or with the name ending the text: see
    /// `maskNames`). After "Thanks!" or "Danke." the next capitalised word usually starts a
    /// sentence ("Danke! Kannst du…"), so there the name must stand alone on its line; after
    /// "Thanks," it must end its line ("Thanks, Everyone for the help" stays).
    static let signOffWords = anyOf(signOffs)
    /// What joins a sign-off to its name: ", ", "!" before a name alone on its line, a line break.
    static let signOffJoin = #"(?:,|[!.](?=[ \t]*\n|[ \t]*\p{Lu}[\p{L}\p{M}'’\-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}'’\-]*){0,2}[ \t]*['"”’»]?[ \t]*(?:$|\n))|[ \t]*\n)[ \t]*(?:\n[ \t]*)?(?:[-–—][ \t]*)?"#
    /// A signature may open with initials: "J. Abernathy-Cole", "J.-P. Roux".
    static let nameAfterSignOff = make(
        #"(?i:\b"# + signOffWords + signOffJoin + ")" + #"((?:\p{Lu}\.(?:-?\p{Lu}\.)?[ \t]+)?"# + nameWords.dropFirst() + #"(?=[ \t]*[.!]?['"”’»]?[ \t]*(?:\n|$)|[ \t]*[(|/–—-])"#, [.anchorsMatchLines])
    /// Thanks without a comma, the name ending the text: "the quote is attached, thanks Grace."
    static let nameAfterThanksEndingText = make(
        #"(?i:\b(?:thanks|thank you|thx|cheers|gracias|merci|danke|grazie|obrigad[oa])[ \t]+)"# + nameWords + #"(?=[ \t]*[.!]?['"”’»]?[ \t]*$)"#)
    /// A line that is only a name: "Kwame Okafor".
    static let nameLine = make(#"^[ \t]*"# + nameWords + #"[ \t]*[.!]?[ \t]*$"#, [.anchorsMatchLines])
    /// A line that starts with a sign-off, whatever follows it: "Thanks for any help you can give,".
    static let signOffLine = make(
        #"^[ \t]*(?i:(?:many |kind |best |warm |warmest |with )?(?:thanks|thank you|thx|regards|best|cheers|sincerely|yours|respectfully|warmly|love|take care|all the best|bye|ciao|tschüss|adiós|hasta luego|talk soon|see you|à plus|saludos|un saludo|gracias|atentamente|abrazos?|besos|cordialement|amicalement|merci|bises|bien à vous|grüße|gruß|danke|viele grüße|liebe grüße|beste grüße|mit freundlichen grüßen|cordiali saluti|saluti|grazie|un saluto|obrigad[oa]|atenciosamente|abraços?|beijos|cumprimentos|groeten|groetjes|met vriendelijke groet(?:en)?|bedankt))\b[^\n]{0,80}$"#)
    /// "— Kwame Okafor", "- Kwame" or "Thanks! -- Kwame" ending a line; group 1 is the name.
    static let dashSignOff = make(#"(?:^[ \t]*|(?<=[.!?,][ \t])|(?<=[.!?,]))(?:—|–|--|-)[ \t]*"# + nameWords + #"[ \t]*[.!]?[ \t]*$"#, [.anchorsMatchLines])
    static let nameAfterTitle = make(
        #"(?:\b(?:(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Mme|Mlle|Herr|Herrn|Frau|Monsieur|Madame|Signor|Signora|Dott|Dhr|Mevr|Rev|Pani|Pana|Panu|Panią|Paní|Deacon|Deaconess|Pastor|Reverend|Rabbi|Imam|Sheikh)\.?|(?:Sr|Sra|Srta)\.|"#
            // Written in lower case inside a sentence: "per la signora Sbarbaro", "a dona Iracema".
            + #"(?i:dr\.|mr\.|mrs\.|ms\.|prof\.|signora|signore|signor|sig\.ra|sig\.|señora|señorita|señor|senhora|senhor|dona|herrn|monsieur|madame|mademoiselle|dottoressa|dottore|dott\.ssa|avvocato|avv\.|professoressa|professore|doutora|doutor|pani|pana|panu|panią|paní|panem|deaconess|deacon|pastor|reverend))[ \t]+)+"#
            // A surname's particles may open it after a title: "Mr. de la Cruz", "Mrs. d'Souza".
            + #"(?:(?:de|da|do|dos|das|del|della|di|du|des|van|von|der|den|ter|ten|le|la|al|el)[ \t]+|[dl]['’]|(?:al|el)-)*"#
            + nameWords)
    /// What a text must hold (lowercased) for `nameAfterProfession` to match: a stem of each of its words.
    static let professionNeedles = [
        "profes", "doct", "maestr", "ingen", "ingegn", "ingén", "licenc", "abogad", "notaire", "maître", "meneer", "mevrouw",
        "doktor", "trainer", "coach", "entraîn", "allenat", "entrenad", "treinad", "colleg", "collègue", "kolleg", "colega", "m.",
    ]
    /// A profession used as a title, in the languages the summarizer reads: "la profesora
    /// Etxeberria", "le docteur Penhoat", "il professor Bortolotti", "a professora Quaresma", and
    /// the French "M." ("M. Le Goff"; not after a capitalised word, where it is an initial). These
    /// words also name things ("Doctor Who", "Maestro"), so the caller asks a weak cue's question.
    static let nameAfterProfession = make(
        #"(?:(?<![\p{L}\p{M}])(?i:profesora|profesor|doctora|doctor|docteure|docteur|professeure|professeur|professora|professor|maestra|maestro|ingeniera|ingeniero|ingegnere|ingénieure|ingénieur|licenciada|licenciado|abogada|abogado|notaire|maître|meneer|mevrouw|doktor|trainer|trainerin|coach|entraîneur|entraîneuse|allenatore|allenatrice|entrenador|entrenadora|treinador|treinadora|collega|collègue|kollege|kollegin|colega)|(?<![\p{Lu}][\p{L}\p{M}]{0,20}[ \t])(?<![\p{L}\p{M}])M\.)[ \t]+"#
            + #"(?:(?:de|da|do|dos|das|del|della|di|du|des|van|von|der|den|le|la|Le|La|De|Di|Da|Du)[ \t]+|[dl]['’]|(?:al|el)-)*"#
            + nameWords)
    /// Names after a relation: "my colleague Ann Lee", "my wife, Sara", "mi amigo Juan".
    static let nameAfterRelation = make(
        #"(?i:\b"# + anyOf(possessives) + #"[ \t]+(?:(?:new|dear|late|little|younger|older|elder|eldest|youngest|future)[ \t]+)?"# + anyOf(relations) + #"[,:]?[ \t]+)"#
            + nameWords)
    /// One of these stands in a text `nameAfterParentOf` can match (lowercased).
    static let parentNeedles = ["papa ", "maman ", "père ", "mère ", "padre ", "madre ", "papá ", "mamá ", "mamma ", "papà ", "pai ", "mãe ", "vater ", "mutter ", "mama ", "dad of", "mom of", "mum of", "father of", "mother of"]
    /// A parent introduced by the child: "je suis le papa de Noé", "soy la madre de Lucía", "sono la mamma di Pietro".
    static let nameAfterParentOf = make(
        #"(?i:\b(?:papa|maman|père|mère|padre|madre|papá|mamá|mamma|papà|pai|mãe|vater|mutter|mama|dad|mom|mum|father|mother)[ \t]+(?:de|d'|d’|di|do|da|del|von|of)[ \t]*)"# + nameWords)
    /// "a tenant named Pieter de Vries", "a girl named Ada": after "named" a capitalised word is
    /// a name unless it is an everyday word ("a file named Report").
    static let nameAfterNamed = make(#"(?i:\bnamed)[ \t]+"# + nameWords)
    /// A request addressed through a person, opening a sentence: "Ask Siobhan whether…",
    /// "Remind Kofi Mensah to…", "Thank Ines for…". Only verbs whose object is a person.
    static let nameAfterPersonVerb = make(
        #"(?:^|(?<=[.!?\n])[ \t]*|(?<=[.!?][ \t]))(?:Ask|Remind|Tell|Invite|Thank|Congratulate|Wish)[ \t]+"# + nameWords,
        [.anchorsMatchLines])
    /// The same verbs inside a sentence, and the letters, notes and toasts written to someone:
    /// "how to tell Grant that…", "reply to Mats, who…", "a thank-you note to Oskar", "dile a
    /// Blanca que…", "écrire à Margaud". Products are turned away by the caller, everyday words by
    /// the weak cue's rule.
    static let nameAfterPersonVerbInside = make(
        #"\b(?:(?:tell|tells|ask|asks|remind|reminds|thank|thanks|invite|invites|congratulate|email|e-mail|text|hire|hired|hiring|marry|married|marrying|dating|met|meet|meeting|texted|emailed|invited|thanked|congratulated|interviewed|kissed|hugged|congratulating|mentoring|mentored|coaching|coached|tutoring|tutored|babysitting|babysat|thanking|inviting|telling|reminding|texting|emailing)|(?:reply|write|talk|speak|apologi[sz]e|say goodbye|say hello|say hi|note|letter|message|email|card|toast|tribute)[ \t]+(?:to|for)|(?:forward|pass)(?:[ \t]+(?:this|it|them|that))?(?:[ \t]+on)?[ \t]+to|(?:gift|present|poem|speech|card|toast|surprise)[ \t]+for|(?i:decir|decirle|dile|digo|escribir|escribirle|escríbele|escribo|preguntar|preguntarle|pregúntale|pregunto|agradecer|agradecerle|agradezco|felicitar|invitar|invité|invito|invitó|responder|responderle|respondo|llamar|llamé|llamo|visitar|visité|visito|conocí|conocer|contratar|contraté|ayudar|ayudé)[ \t]+a|(?i:me atendió|me atendio|me contestó|me respondió|me llamó|me escribió)|(?i:dire|dis|écrire|écris|demander|demande|répondre|réponds|annoncer|souhaiter|envoyer)[ \t]+à|(?i:inviter|appeler|rappeler|remercier|féliciter|embaucher|embauché|rencontrer|rencontré|épouser)|(?i:dire|dico|dica|scrivere|scrivo|scrivi|chiedere|chiedo|chiedi|rispondere|rispondo|rispondi)[ \t]+a|(?i:dizer|digo|diga|escrever|escrevo|escreva|perguntar|pergunto|pergunte|responder|respondo|responda|agradecer|agradeço)[ \t]+(?:a|ao|à|para)|(?i:convidar|convidei|chamar|ligar|liguei|paguei|pagar)[ \t]+(?:a|o|para[ \t]+o|para[ \t]+a|pro|pra))[ \t]+"# + nameWords)
    /// The person a letter, a parcel or a reference is for, in the languages
    /// the summarizer reads (not trips, "a trip to Rome", nor senders, "a message from Kafka"): "a reminder to Mie Holst", "un paquete a Camilo Ramírez", "ein
    /// Zeugnis für Aribert Holsten", "een pakket naar Lenn D'Hondt", "list polecający dla Ewa".
    static let nameAfterLetterWord = make(
        #"(?<![\p{L}])(?i:reminder|invitation|invite|note|letter|apology|apologies|condolences|congratulations|eulogy|farewell|thank-you|message|mail|e-mail|email|card|parcel|package|postcard|gift|present|reference|recommendation|referral|memo|referenze|referenza|referencia|referencias|références|referência|referências|empfehlungsschreiben|paquete|correo|carta|mensaje|regalo|recomendación|lettre|colis|courriel|cadeau|recommandation|lettera|messaggio|pacco|raccomandazione|pacote|mensagem|presente|recomendação|brief|nachricht|paket|geschenk|zeugnis|arbeitszeugnis|bericht|pakket|aanbevelingsbrief|list|wiadomość|paczka|prezent|polecający)[ \t]+(?:to|for|a|à|al|para|pour|per|an|für|aan|naar|voor|dla|do)[ \t]+"# + nameWords)
    /// Title-case words before a contact detail: "Niara Mathenge, [PHONE]", "Text Zumaridi Barasa on
    /// [PHONE]", "Ana Lima <[EMAIL]>". The caller keeps only the run of words next to the detail
    /// that are no everyday, product or service words ("Call Support at [PHONE]" stays).
    static let nameBeforeContact = make(
        #"(?<![\p{L}\p{M}])("# + titleWord + #"(?:[ \t]+(?:"# + nameParticle + #"[ \t]+){0,2}(?:"# + titleWord + #"|\p{Lu}\.)){0,3})"#
            + #"(?=(?:[ \t]*,[ \t]*|[ \t]+(?i:on|at|via|is|to)[ \t]+|[ \t]*[(<:][ \t]*|[ \t]+[–—-][ \t]+)(?:\[(?:NUMBER|ADDRESS)\][ \t]*,[ \t]*)?(?:(?i:tel|phone|ph|mobile|mob|cell|email|e-mail|mail)\.?[ \t]*:?[ \t]*)?\[(?:PHONE|EMAIL)\])"#)
    /// Someone the writer does things with, opening a clause: "Sarah and I", "me and Tomás", "Paloma
    /// y yo", "moi et Lou" (not "a sequel to Escape from Tarkov and I want…").
    static let nameAndSelf = make(
        #"(?:^|(?<=[.!?:;,(\n"“«]|[.!?:;,(\n"“«][ \t]|\b(?i:that|when|because|since|if|so|but|while|after|before|yesterday|today|tonight|then|recently|week|weekend|night|morning|year|month|que|dass|che|parce que|porque) ))[ \t]*("# + titleWord + #"(?:[ \t]+"# + titleWord + #"){0,2})(?=[ \t]+(?:(?:and|&)[ \t]+(?:I|me|myself)(?![\p{L}'’])|y[ \t]+yo|et[ \t]+moi|und[ \t]+ich|e[ \t]+io|e[ \t]+eu)(?![\p{L}]))"#,
        [.anchorsMatchLines])
    static let selfAndName = make(
        #"(?<![\p{L}\p{M}])(?:(?i:me|myself|yo|moi|ich|io|eu)|I)[ \t]+(?:and|y|et|und|e)[ \t]+("# + titleWord + #"(?:[ \t]+"# + titleWord + #"){0,2})"#)
    /// The person of a trip, a meal, a meeting or a call, in the languages the summarizer reads:
    /// "my trip with Omaja", "dinner with Sam Lee", "una cena con Lucía", "falar com o Rui",
    /// "ein Treffen mit Jonas". Products and everyday words are turned away by the caller.
    /// A pattern that matches nothing, for a pass a cheap check has ruled out.
    static let never = make(#"(?!)"#)
    /// Articles before an attendee's name ("la signora pace"), which stay.
    static let attendeeArticles: Set<String> = ["il", "la", "lo", "el", "le", "o", "a", "os", "as", "los", "las", "der", "die", "the"]
    /// What parts an attendee list: a comma, "and" in the summarizer's languages.
    static let attendeeSeparator = make(#"(,[ \t]*|[ \t]+(?:and|y|e|et|und|en|&)[ \t]+)"#)
    /// An attendee list after its label (group 1), up to the end of the line or sentence.
    /// Who came to a meeting and who sent apologies, in minutes: a list of people follows.
    static let attendanceLabels = [
        "attendees", "present", "absent", "apologies", "asistentes", "presentes", "ausentes", "excusados", "falta justificada",
        "présents", "présentes", "absents", "excusés", "excusées", "anwesend", "abwesend", "entschuldigt", "teilnehmer",
        "teilnehmende", "presenti", "assenti", "giustificati", "partecipanti", "participantes", "participants",
    ]
    static let attendeeList = make(
        #"(?i:\b"# + anyOf(attendanceLabels + ["attending", "presents", "anwesende", "invitados", "invités", "guests", "guest list", "ospiti", "convidados", "cc", "excused", "excusé"])
            + #"[ \t]*:[ \t]*)([^\n.;:!?()]+)"#)
    /// A transcript line's speaker (group 1): at a line's start, after a time or a bullet, one or
    /// two capitalised words, or a Japanese name, before a colon and what they said.
    static let speakerLine = make(
        #"^[ \t]*(?:\[?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp][Mm])?\]?[ \t]*[-–]?[ \t]*)?(?:[-•*·・][ \t]*)?(\p{Lu}[\p{Ll}\p{M}'’\-]+(?:[ \t]\p{Lu}[\p{Ll}\p{M}'’\-]+)?|[\p{Hiragana}ー]{2,6}|\p{Han}{1,4})[ \t]*(?::[ \t]+|：[ \t]*)(?=\S)"#,
        [.anchorsMatchLines])
    /// Places Portuguese names with an article, as it names people: "no Rio", "o Porto", "no Paraná".
    static let placesWithArticle: Set<String> = [
        "rio", "porto", "recife", "cairo", "havre", "brasil", "japao", "canada", "mexico", "peru", "chile", "parana", "ceara",
        "amazonas", "para", "maranhao", "piaui", "acre", "amapa", "tocantins", "espirito", "algarve", "alentejo", "minho",
        "douro", "tejo", "amazonia", "pantanal", "nordeste", "sul", "norte", "oeste", "leste", "natal", "carnaval", "vaticano",
    ]
    /// A capitalised word (group 2) after a Portuguese article or contraction, or the "a" of
    /// Portuguese, Spanish and Italian (group 1), written in lower case inside a sentence.
    static let nameAfterArticle = make(
        #"(?<=[\p{L}\p{M},;][ \t]|[\p{L}\p{M},;][ \t]{2})(o|a|do|da|no|na|ao|pro|pra|pelo|pela)[ \t]+(\p{Lu}[\p{Ll}\p{M}]+)(?![\p{L}\p{M}]|[ \t]+\p{Lu})"#)
    /// The same opening a sentence: "O Pedrinho anda distraído".
    static let nameAfterOpeningArticle = make(
        #"(?:^|(?<=[.!?][ \t]))[ \t]*(O|A)[ \t]+(\p{Lu}[\p{Ll}\p{M}]+)(?![\p{L}\p{M}]|[ \t]+\p{Lu})"#, [.anchorsMatchLines])
    /// A lower-case word opening a quoted chat line, after an article or none, before another word.
    static let lowercaseNameOpeningQuote = make(
        #"(?<![\p{L}\p{M}]['’])(?<=['‘«„“"])[ \t]?(?:(?:o|a|la|il|el|der|die)[ \t]+)?(\p{Ll}[\p{Ll}\p{M}]+)(?=[ \t]+\p{Ll})"#)
    /// A lower-case word after an article or the personal "a" ("à" in French, "der"/"die" in German
    /// chat), and the word after it.
    static let lowercaseNameAfterArticle = make(
        #"(?:(?<=[\p{L}\p{M},][ \t])|^|(?<=[.!?:;][ \t]))(o|a|à|do|da|no|na|ao|pro|pra|pelo|pela|el|la|al|del|il|lo|der|die)[ \t]+(\p{Ll}[\p{Ll}\p{M}]+(?:[ \t]\p{Ll}[\p{Ll}\p{M}]+)?)(?![\p{L}\p{M}])"#,
        [.anchorsMatchLines])
    /// "the Okafors", "the Haddads": a listed surname in the plural after "the" (the caller checks the
    /// list), not before another capitalised word ("the Phillips Curve").
    static let familyInPlural = make(#"(?<![\p{L}\p{M}])(?:the|The)[ \t]+(\p{Lu}[\p{L}\p{M}'’]+s)(?![\p{L}\p{M}]|[ \t]+\p{Lu})"#)
    static let nameAfterCompanyWord = make(
        #"\b(?i:(?:trip|vacation|holiday|dinner|lunch|breakfast|brunch|coffee|drinks|date|sleepover|playdate|meeting|meet|met|call|chat|conversation|argument|fight|married|engaged|wedding|weekend|evening|night)[ \t]+with|(?:viaje|vacaciones|cena|comida|almuerzo|desayuno|cita|reunión|llamada|charla|conversación|discusión|pelea|boda|casado|casada|hablar|hablé|hablo|quedé|quedar)[ \t]+con|(?:voyage|vacances|dîner|déjeuner|rendez-vous|réunion|appel|conversation|dispute|mariage|marié|mariée|parler|parlé|discuter|sortir)[ \t]+avec|(?:reise|urlaub|abendessen|mittagessen|frühstück|treffen|termin|gespräch|telefonat|streit|hochzeit|verheiratet|sprechen|gesprochen|reden|geredet|getroffen)[ \t]+mit|(?:viaggio|vacanza|vacanze|cena|pranzo|colazione|appuntamento|riunione|incontro|chiamata|conversazione|litigio|matrimonio|sposato|sposata|parlare|parlato|uscire)[ \t]+con|(?:viagem|férias|jantar|almoço|encontro|reunião|chamada|ligação|conversa|briga|casamento|casado|casada|falar|falei|falo|conversar|sair)[ \t]+com)(?:[ \t]+(?:o|a|el|la|il|lo))?[ \t]+"# + nameWords)
    /// The sender of a message, when two or more name words follow (one word after "from" is as
    /// often a company or an author, "a message from Kafka"): "summarize this message from Fanaka Njoroge".
    static let nameAfterSender = make(
        #"(?<![\p{L}])(?i:message|email|e-mail|mail|letter|text|note|call|voicemail|reply|invitation|card|complaint|request|update|memo|notice|feedback|comments|response|review|testimonial|advice)[ \t]+(?i:from)[ \t]+"# + nameWords)
    /// Two to four words of capitals, with particles and an initial: "TANAKA YUKI" (of
    /// "ＴＡＮＡＫＡ　ＹＵＫＩ", narrowed), "TANA M. SCHIEWER", "ANTÔNIA RODRIGUES DE MELO".
    static let capitalsName = make(
        #"(?<![\p{L}\p{N}])\p{Lu}[\p{Lu}'’]+(?:[ \t\u3000](?:(?:DE|DA|DO|DOS|DAS|DEL|DELLA|DI|DU|VAN|VON|DER|LE|LA|Y|E)[ \t])?(?:\p{Lu}\.[ \t])?\p{Lu}[\p{Lu}'’\-]+){1,3}(?![\p{L}\p{N}])"#)
    /// A capitalised word before a verb only a person is the subject of: "Rose asked them", "Mark said".
    static let wordNameBeforePersonVerb = make(
        #"(?<![\p{L}\p{M}\[])(\p{Lu}\p{Ll}+)(?=[ \t]+(?:asked|asks|told|tells|said|says|wants|wanted|wrote|texted|emailed|promised|agreed|offered|suggested|mentioned|replied|thinks|loves|hates|invited|married|dumped|apologi[sz]ed)(?![\p{L}]))"#)
    static let namesOpeningBeforePersonVerb = make(
        #"(?:^|(?<=[.!?\n][ \t])|(?<=[.!?“]))[ \t]*("# + titleWord + #"(?:[ \t]+"# + titleWord + #"){0,2})(?=[ \t]+(?:said|told|asked|wants|texted|emailed|invited|promised|mentioned|replied|wrote|agreed|offered|suggested)(?![\p{L}]))"#,
        [.anchorsMatchLines])
    /// A capitalised word a personal pronoun refers back to: "a review for Mark; he's been great",
    /// "a message for Hope, she turns 40". The caller keeps only first names that are also words.
    static let wordNameBeforePronoun = make(
        #"(?<![\p{L}\p{M}\[])(\p{Lu}\p{Ll}+)(?=[ \t]*[,;:–—][ \t]*(?:he|she)(?:['’]s|['’]d|[ \t]+(?:is|was|has|had|will|would|can|could|does|did|loves|wants|needs|turns|just|always|never))(?![\p{L}]))"#)
    static let wordNameOpeningClause = make(
        #"(?<=\b(?:that|and|but|because|so|when|if|while|since|until|unless) )(\p{Lu}\p{Ll}+)(?=[ \t]+(?:is|was|has|had|gets|got|will|would|can|could|should|needs|wants|does|did|isn['’]t|wasn['’]t|doesn['’]t|didn['’]t|won['’]t|can['’]t)(?![\p{L}]))"#)
    static let timeNames: Set<String> = ["may", "june", "april", "summer", "autumn", "dawn"]
    static let determiners: Set<String> = ["the", "a", "an", "this", "that", "these", "those", "my", "your", "his", "her", "its", "our", "their", "every", "each", "no", "some", "any"]
    /// "tell X that" where the verb comes before its subject: "Wie sage ich Juan, dass…", "Hoe vertel ik Emir dat…".
    static let nameBeforeThat = make(
        #"(?<![\p{L}])(?i:sage ich|sag ich|sag|schreibe ich|erkläre ich|vertel ik|vertel|zeg ik|zeg|vraag ik|schrijf ik|leg ik)[ \t]+"# + nameWords + #"(?=,?[ \t]+(?i:dass|dat|ob|of|wie|hoe)\b)"#)
    /// A capitalised word straight after a masked name (or after a particle after it) that ends
    /// the run of capitalised words: "[NAME] Huy before", "[NAME] van Dijk,"; `extendNames` decides.
    static let namePartAfterName = make(
        #"\[NAME\][ \t](?:(?:van|von|de|der|den|del|da|di|du|dos|das|bin|bint|ibn|al|el|le|la)[ \t])?(\p{Lu}[\p{Ll}\p{M}'’]+)(?![\p{L}\p{M}\p{N}\-])(?![ \t]+\p{Lu})"#)
    /// A kin word used as a title: "Grandpa Bill", "Auntie Marge", "nonna Pina", "tía Carmen", "Oma Hilde".
    static let nameAfterKinTitle = make(
        #"(?<![\p{L}])(?i:grandpa|grandma|granny|grandad|granddad|gramps|nana|uncle|aunt|auntie|aunty|cousin|tío|tía|tio|tia|abuela|abuelo|abuelita|abuelito|tata|tonton|mamie|papy|papi|mémé|pépé|tante|onkel|oma|opa|nonna|nonno|zio|zia|vovó|vovô|avó|avô|titia|titio)[ \t]+"# + nameWords)
    /// Two people and the event they share: "a toast for Will and Hope's wedding"; a person and
    /// their kin: "Joy and her brother visited us".
    static let namesBeforeSharedEvent = make(
        #"(?<![\p{L}\p{M}])("# + titleWord + #")[ \t]+(?:and|&)[ \t]+("# + titleWord + #")['’]s[ \t]+(?i:wedding|engagement|anniversary|baby shower|bridal shower|birthday|party|divorce|funeral|honeymoon|housewarming|retirement|graduation|reception|vows)(?![\p{L}])"#)
    static let nameBeforeOwnKin = make(
        #"(?<![\p{L}\p{M}])("# + titleWord + #"(?:[ \t]+"# + titleWord + #")?)(?=[ \t]+(?:and|&)[ \t]+(?:her|his|their)[ \t]+(?:"# + anyOf(relations) + #")s?(?![\p{L}]))"#)
    /// The speaker named after a quotation: '"Where were you?" asked Marguerite', '"Out," said Thaddeus'.
    static let nameAfterQuotation = make(
        #"(?<=[?!,.…]["”’'»])[ \t]+(?:said|asked|replied|answered|shouted|whispered|cried|muttered|yelled|called|added|sighed|laughed|snapped|insisted|dijo|preguntó|respondió|dit|demanda|répondit|sagte|fragte|antwortete|disse|chiese|rispose|perguntou|respondeu)[ \t]+"# + nameWords)
    /// A list item after two masked names, or before one in a list a colon opens: "[NAME], [NAME],
    /// Ngozi, Søren", ": Bodhi, [NAME], and [NAME]".
    static let nameAfterMaskedList = make(
        #"(?<=\[NAME\],[ \t]\[NAME\],[ \t])("# + titleWord + #"(?:[ \t]+"# + titleWord + #"){0,2})(?=[ \t]*(?:[,.;!?)]|$|\n|(?:and|&)[ \t]))"#)
    static let nameOpeningMaskedList = make(
        #"(?<=:[ \t])("# + titleWord + #")(?=,[ \t]*\[NAME\],)"#)
    /// Words for birthdays, lower-cased; one stands in a text the two patterns below can match.
    static let birthdayNeedles = ["birthday", "cumpleaños", "compleann", "aniversári", "anniversaire", "geburtstag", "verjaardag", "生日", "誕生日"]
    /// A table of leave in Chinese or Japanese: whose days off they are is as personal ("热依拉 8月16-31日").
    static let leaveNeedles = ["休假", "请假", "請假", "休暇", "假期"]
    /// A capitalised word opening a list item before a day and a month: "Pia 3 marzo", "Socorro 3 de março", "Jonas 4.5.".
    static let nameBeforeDayAndMonth = make(
        #"(?:(?<=^)|(?<=[:,;][ \t])|(?<=[:,;]))[ \t]*("# + titleWord + #")(?=[ \t]+\d{1,2}(?:[ \t]+(?:de[ \t]+)?\p{Ll}{3,}|[./]\d{1,2}\b))"#, [.anchorsMatchLines])
    /// The same in Chinese and Japanese: "春梅 3月3日", "秋男 6月29日".
    static let cjkNameBeforeDayAndMonth = make(
        #"(?:(?<=^)|(?<=[：:，,、；;\n]))[ \t　]*(\p{Han}{1,3}|\p{Hiragana}{2,4}|\p{Katakana}[\p{Katakana}ー]{1,8})(?=[ \t　]*(?:\d{1,2}月\d{1,2}(?:[-–~〜]\d{1,2})?日|\d{1,2}/\d{1,2}[ \t　]*[-–~〜]))"#, [.anchorsMatchLines])
    /// The writer's own name in brackets after "I": "急ぎは私（美穂）まで", "找子轩或者我（浩宇）".
    static let cjkSelfInBrackets = make(#"(?<=我|私|僕|俺|本人)[（(]([\p{Han}\p{Hiragana}\p{Katakana}ー]{2,4})[）)]"#)
    /// A listed given name in kana opening a quoted chat line: "「けんた今日体調不良」".
    static let japaneseKanaNameOpeningQuote = make(#"(?<=「|『)("# + japaneseKanaGiven + #")(?=今日|明日|は|が|も|に|と|、|から)"#)
    /// Up to four capitalised words of up to seven letters, or one after a Vietnamese title
    /// ("thầy Bảo", "chị Hằng"); `PIIMasker.vietnameseLetters` decides.
    static let vietnameseName = make(
        #"(?<![\p{L}\p{M}])((?:(?<=(?:thầy|cô|anh|chị|em|bác|chú|ông|bà|cụ)[ \t])\p{Lu}[\p{L}\p{M}]{0,6}|\p{Lu}[\p{L}\p{M}]{0,6}(?:[ \t]+\p{Lu}[\p{L}\p{M}]{0,6}){1,3}))(?![\p{L}\p{M}])"#)
    /// The articles that Portuguese, Spanish and Italian speech puts before a first name.
    static let colloquialArticles = ["o", "a", "el", "la", "il", "lo"]
    /// A list item after a masked one, or before one, with what stands in brackets after an item
    /// ("Jade (M,W,F), [NAME]"), a title before a masked one ("Olive, Grandpa [NAME]") and the
    /// article of colloquial Romance speech ("o [NAME] e a Maju"); the caller wants two masked
    /// names on the line.
    static let nameAfterMaskedItem = make(
        #"(?<=\[NAME\](?:[ \t]{0,2}\([^()\n]{0,30}\))?(?:,[ \t]|[ \t](?:y|e|et|ed)[ \t])(?:(?:o|a|el|la|il|lo)[ \t])?)("# + titleWord + #"(?:[ \t]+(?:"# + nameParticle + #"[ \t]+){0,2}"# + titleWord + #"){0,2})"#
            + #"(?=(?:[ \t]*\([^()\n]{0,30}\))?(?:[ \t]*(?:[,.;!?\n"'”»]|$)|[ \t]+(?:and|&|y|e|et|und)[ \t]))"#)
    static let nameBeforeMaskedItem = make(
        #"(?:(?<=^)|(?<=[,:][ \t])|(?<=[ \t](?:and|y|e|et|und)[ \t]))("# + titleWord + #"(?:[ \t]+"# + titleWord + #"){0,2})"#
            + #"(?=(?:[ \t]*\([^()\n]{0,30}\))?,[ \t]*(?:\p{L}+\.?[ \t]+)?\[NAME\])"#, [.anchorsMatchLines])
    /// An item of a list between masked names: "[NAME], Will Young, [NAME]".
    static let nameInLatinList = make(
        #"(?<=\[NAME\],[ \t])("# + titleWord + #"(?:[ \t]+"# + titleWord + #"){0,2})(?=,[ \t]*\[NAME\]|[ \t]+(?:and|&|y|e|et|und)[ \t]+\[NAME\])"#)
    /// A name joined by "and" to a name already masked: "Priyanka Deshmukh and [NAME]",
    /// "[NAME] y Lucía". What a cue did not introduce, its neighbour in a pair does.
    static let nameBeforeMaskedPair = make(#"(?<![\p{L}\p{M}])"# + nameWords + #"(?:[ \t]*\([^()\n]{1,12}\))?[ \t]+(?:and|or|&|y|e|et|und)[ \t]+(?:(?:o|a|à|el|la|il|lo)[ \t]+)?\[NAME\]"#)
    /// Two masked parts of one compound name with the particles between them: "[NAME] de los [NAME]".
    static let maskedCompound = make(#"\[NAME\](?:[ \t]+(?:de|del|de la|de los|de las|da|do|dos|das|van|von|van der|van den))+[ \t]+\[NAME\]"#)
    /// A kunya or a patronymic particle before a listed first name: "abu yusuf", "Umm Kulthum", "bin Rashid".
    static let arabicKunya = make(#"(?<![\p{L}\p{M}])((?:[Aa]bu|[Aa]bou|[Uu]mm|[Ii]bn)[ \t]+(\p{L}[\p{Ll}\p{M}]+))(?![\p{L}\p{M}])"#)
    /// An Arabic name's parts after a masked part: "[NAME] al-Masri", "[NAME] bin Hamad al-Suwaidi".
    static let arabicNameRestAfterMasked = make(
        #"\[NAME\]((?:[ \t]+(?:(?:al|el|Al|El|as|ad|ash|az|an|ar)-|(?:bin|ibn|bint|ben|Bin|Ibn|Bint|Abu|abu|Abou|abou)[ \t]+)\p{Lu}[\p{L}\p{M}]+)+)(?![\p{L}\p{M}\-'’])"#)
    /// A capitalised word right after `[NAME]`, or joined to it by a hyphen.
    /// A first name between a title and the masked rest of the name: "doña Luz [NAME]", "Frau Anke [NAME]".
    static let nameBeforeMaskedAfterTitle = make(
        #"(?<![\p{L}])(?:(?i:doña|dona|don|dom|señora|señor|senhora|senhor|signora|signor|madame|monsieur|mme|frau|herr|herrn|mrs|mr|ms|miss)\.?|(?i:sra|sr|sig|dr|dra|prof)\.)[ \t]+(\p{Lu}[\p{Ll}\p{M}'’\-]+[ \t]+\[NAME\])"#)
    /// Who is on duty in a rota's slot: "week 1 Hunter, week 2 [NAME]", "semana 4 otra vez álvaro",
    /// "KW 52 wieder fuchs", "第1週 橋本、"; a slot counts on a line that names others in such slots.
    static let nameInRotaSlot = make(
        #"(?<![\p{L}\p{N}])(?:(?i:week|wk|semana|semaine|sem\.|kw|woche|settimana|sett\.|sett)[ \t]*\d{1,2}|第\d{1,2}週)[ \t]*[:：\-–]?[ \t]*(?:(?i:again|otra vez|de nuevo|à nouveau|encore|wieder|nochmal|di nuovo|ancora|de novo|novamente)[ \t]+(?:(?i:o|a|el|la|il|lo|der|die)[ \t]+)?|また|再び)?((?:\p{L}[\p{L}\p{M}'’\-]*)(?:[ \t]+\p{Lu}[\p{L}\p{M}'’\-]*)?)(?=[ \t]*(?:[,;.、，；。]|$|\n|\(|（|[ \t](?i:again|à nouveau|wieder|di nuovo|de novo|otra vez)))"#)
    /// Who an action item goes to: "AP: ollie → book room", "AP: 福田 → 予算表", "Acción: Quintero actualiza".
    static let nameInActionItem = make(
        #"(?<![\p{L}])(?:AP|TODO|To-?do|Action|Acción|Ação|Azione|Maßnahme|Aktion|行动项|アクション)[ \t]*[:：][ \t]*(\p{L}[\p{L}\p{M}'’\-]*)(?:-san|さん|様)?(?=[ \t]*(?:→|->|=>|＋|\+)|[ \t]+\p{Ll})"#)
    static let nameRestAfterMasked = make(#"\[NAME\]((?:[ \t]+|-)\p{Lu}[\p{Ll}\p{M}]+)(?![\p{L}\p{M}\-'’])"#)
    static let nameAfterMaskedPair = make(#"\[NAME\][ \t]+(?:and|or|&|y|e|et|und)[ \t]+"# + nameWords)
    /// A name addressed at the start of a quotation or a line, before a comma and "you": "'Kemal, you
    /// still owe me'", "Marie, tu peux…".
    /// Also opening a sentence, after "And", "Y", "Et", "Und" or "E", before a request: "And Jo,
    /// don't forget the cake", "Y Nati, no te olvides", "Und Basti, denk an…".
    static let vocativeName = make(
        #"(?:^|(?<=[\n"'“«‘„])|(?<=[.!?][ \t])(?:(?:And|Y|Et|Und|E|Also|So|Oh)[ \t]+)?)[ \t]*("# + titleWord
            + #")(?=,[ \t]+(?i:you|your|can|could|would|will|don't|do|please|remember|tu|tú|te|du|dich|dir|vous|você|voi|ti|puedes|podrías|recuerda|no|peux|pourrais|n'oublie|n’oublie|kannst|könntest|denk|vergiss|puoi|potresti|ricordati|non|podes|pode|lembra|não)\b)"#,
        [.anchorsMatchLines])
    /// A given name opening a sentence (or after a day) before what a person says or asks of the writer.
    static let chineseGivenBeforeSpeech = make(
        #"(?:^|(?<=[^\p{Han}]|昨天|今天|明天|刚才|剛才|上周|上週|前天|最近|后来|後來))(\p{Han}{2,4}?)(?=说|說|跟我说|跟我說|告诉我|告訴我|让我|讓我|问我|問我|叫我|想让我|想讓我|请我|請我|请假|請假|休假|病了|生病了)"#,
        [.anchorsMatchLines])
    /// A given name of two characters right after kin or a partner: "我哥哥子豪和他的未婚妻".
    static let chineseGivenAfterKin = make(
        #"(?<="# + chineseKin + #")(\p{Han}{2})(?=[^\p{Han}]|和|跟|与|與|的|说|說|是|在|也|要|想|让|讓|给|給|又|总|總|过|過|最近|只|每天|一直|今天|明天|昨天|发|發|解释|解釋|沟通|溝通|听|聽|玩|买|買|来|來|去|考|住|喜欢|喜歡|生日|刚|剛|才|还|還|已经|已經|不|没|沒|都|就)"#)
    /// A Chinese court's case number: "（2022）粤0304民初12345号".
    static let chineseCaseNumber = make(#"[（(]\d{4}[）)][ \t]*\p{Han}{1,2}\d{2,6}\p{Han}{1,4}\d{1,6}号"#)
    /// A village's house: "汲冢镇李楼村三组28号", "李庄村5组12号".
    static let chineseVillageAddress = make(#"(?:(?<![\p{Han}])|(?<=[在住是的到从從于於去回县縣区區市省]))(?:\p{Han}{2,4}[镇鎮乡鄉])?\p{Han}{2,3}村(?:[一二三四五六七八九十\d]{1,3}[组組队隊])?\d{1,4}号"#)
    /// A street named by its number and side, as in Puebla: "Calle 31 Poniente 1104", "Av. 5 Sur 302".
    static let numberedStreetWithSide = make(
        #"(?<![\p{L}])(?:[Cc]alle|[Aa]venida|Av\.|Avda\.|[Pp]rivada|[Cc]errada)[ \t]+\d{1,3}[A-Z]?[ \t]+(?:[Pp]oniente|[Oo]riente|[Nn]orte|[Ss]ur|Pte\.|Ote\.)[ \t]+(?:#[ \t]?|[Nn]o\.[ \t]?)?\d{1,5}(?:[A-Z](?![\p{L}]))?(?:,[ \t]*(?:[Cc]ol\.|[Cc]olonia|[Ff]racc\.|[Bb]arrio)[ \t]+\p{Lu}[\p{L}\p{M}]*(?:[ \t]+\p{Lu}[\p{L}\p{M}]*){0,3})?"#)
    /// A name a family calls someone, in quotes: "„Flecki“ genannt", "l'appelle « Mathou »", "chama ela de Ju".
    static let quotedNickname = make(
        #"(?:(?<=appelle|appelait|surnomme|surnommait|nennt ihn|nennt sie|nannte ihn|nannte sie|sagt zu \p{Lu}\p{Ll}{1,10} [a-zäöü ]{0,30})[ \t]*[«„“"‘][ \t]?(\p{Lu}[\p{L}\p{M}'’\-]{1,20})[ \t]?[»“”"’])|[«„“"‘][ \t]?(\p{Lu}[\p{L}\p{M}'’\-]{1,20})[ \t]?[»“”"’](?=[ \t]*(?:genannt|gerufen))|(?<=chama ela de|chama ele de|chamava ela de|chamava ele de)[ \t]+(\p{Lu}[\p{L}\p{M}'’\-]{1,20})"#)
    /// A maiden name after "née": "Hildegard Schulz geb. Vogel", "Marie Dupont née Martin".
    static let maidenName = make(#"(?<![\p{L}])(?:geb\.|geborene|née|nee|nata|nacida|nascida)[ \t]+(\p{Lu}[\p{Ll}\p{M}'’\-]+)(?![\p{L}])"#)
    /// A pupil after the class, or a kin's name in brackets before an age: "3年2組 高橋蓮、", "母（井上千代子、80歳）", "息子（こうた・6歳）".
    static let japaneseNameAfterClass = make(#"(?<=組[ \t　])([\p{Han}々]{2,5})(?=[、 　。,]|$)"#)
    static let japaneseKinNameBeforeAge = make(#"(?<=[母父妻夫娘息子兄姉弟妹祖][（(])([\p{Han}々]{2,5}|[\p{Hiragana}ー]{2,6}|[\p{Katakana}ー]{2,8})(?=[、,・][ \t]?\d{1,3}[歳才])"#)
    /// A nickname right after kin, whatever follows: "她闺蜜佳佳挑拨", "我妹妹小芸轮流" (the caller turns away words: "我妹妹小学").
    static let chineseNicknameAfterKin = make(#"(?<="# + chineseKin + #")((?:小|阿)\p{Han}|(\p{Han})\2)"#)
    /// Kin and people close by, before a given name alone or a nickname: "我老公建华", "我侄子浩宇", "邻居老郑".
    static let chineseKin = #"哥哥|姐姐|弟弟|妹妹|儿子|兒子|女儿|女兒|老公|老婆|男朋友|女朋友|室友|表哥|表姐|表妹|表弟|堂哥|堂姐|闺蜜|閨蜜|前男友|前女友|继父|繼父|继母|繼母|侄子|侄女|外甥|外甥女|孙子|孙女|孫子|孫女|同学|同學|同事|邻居|鄰居|朋友|好友|干妈|乾媽|干爹|乾爹|舅舅|姑姑|经理|經理|领导|領導|上司|徒弟|同桌|队友|隊友|搭档|搭檔|前夫|前妻|未婚夫|未婚妻|对象|對象|师傅|師傅|老板|老闆|房东|房東|大嫂|嫂子|姐夫|妹夫"#
    /// Whom Chinese addresses by other than a name: kin, roles, endearments.
    static let chineseAddressTerms: Set<String> = [
        "老师", "老師", "妈妈", "媽媽", "爸爸", "老板", "老闆", "宝贝", "寶貝", "亲爱的", "親愛的", "大家", "哥哥", "姐姐", "弟弟",
        "妹妹", "爷爷", "爺爺", "奶奶", "外婆", "外公", "阿姨", "叔叔", "老公", "老婆", "同学", "同學", "师傅", "師傅", "医生", "醫生",
        "经理", "經理", "领导", "領導", "先生", "女士", "小姐", "朋友", "兄弟", "亲", "您好", "你好", "喂", "对了", "對了", "好的",
        "谢谢", "謝謝", "各位", "老大", "儿子", "兒子", "女儿", "女兒", "孩子", "宝宝", "寶寶", "同事", "主任", "教练", "教練",
    ]
    static let vocativeNotNames: Set<String> = [
        "olá", "hola", "salut", "ciao", "hallo", "bonjour", "buongiorno", "buenas", "sorry", "perdón", "pardon", "entschuldigung",
        "scusa", "desculpa", "please", "por favor", "bitte", "oui", "sí", "sim", "nein", "non", "não", "ok", "okay", "well", "now",
        "also", "so", "alright", "great", "thanks", "merci", "gracias", "danke", "grazie", "obrigado", "obrigada", "guys", "folks",
        "everyone", "team", "chatgpt", "gpt", "assistant", "bot", "claude", "bard", "siri", "alexa",
    ]
    /// A Chinese name addressed at the start of a quotation or a sentence, before "，" and 你 or 您:
    /// "“建军，周六你能…", "小雪，别忘了"; the caller turns away words ("老师，你好").
    static let chineseVocative = make(#"(?:^|(?<=[\n“"「『]|[。！？!?][ \t]?))(\p{Han}{2,3})(?=，(?:[^，。！？]{0,8}[你您]|别|別|记得|記得|不要))"#, [.anchorsMatchLines])
    /// A name followed by who they are: "Emeka Chukwu, my landlord", "Ana, mi vecina", "Ángel, el fontanero"
    /// (not after the English articles: "at 7-Eleven, a friend called").
    static let nameBeforeRelation = make(
        #"(?<![\p{L}\p{M}\-])"# + nameWords + #",[ \t]+(?i:(?:"# + anyOf(possessives + ["un", "una", "uma", "um", "une", "el", "la", "le", "il", "lo", "o", "ein", "eine", "der", "die"]) + #")[ \t]+"# + anyOf(relations) + #")(?![\p{L}])"#)
    /// Departments a colleague is named by, lower-cased, with the spellings without accents people
    /// type ("nominas"); their acronyms are matched as written.
    static let departments = [
        "payroll", "accounting", "accounts", "finance", "legal", "sales", "marketing", "compliance", "procurement", "purchasing",
        "reception", "front desk", "customer service", "recursos humanos", "contabilidad", "nóminas", "nominas", "administración",
        "administracion", "ventas", "compras", "ressources humaines", "comptabilité", "comptabilite", "compta", "paie",
        "personalabteilung", "buchhaltung", "personalbüro", "personalburo", "lohnbuchhaltung", "vertrieb", "einkauf", "empfang",
        "risorse umane", "amministrazione", "contabilità", "contabilita", "ufficio personale", "ufficio acquisti", "contabilidade",
        "financeiro", "departamento pessoal",
    ]
    static let departmentAcronyms = ["HR", "RRHH", "RH", "IT", "TI"]
    /// One of these stands in a text `nameBeforeDepartment` can match (lowercased; the two-letter
    /// acronyms after a space, as they stand inside other words).
    static let departmentNeedles = departments + ["hr", "rrhh", "rh", " it", " ti"]
    /// A colleague named by their department: "Lourdes de RRHH ya lo aprobó", "Karen from HR",
    /// "Thibault de la compta", "Frau Yilmaz aus der Buchhaltung", "Giulia dell'amministrazione".
    static let nameBeforeDepartment = make(
        #"(?<![\p{L}\p{M}])"# + nameWords + #"[ \t]+(?:from|in|at|of|de|du|des|da|do|del|della|dell['’]|dall['’]|aus|von|vom|im|bei|in der|bei der|von der)[ \t]+(?:(?:the|la|le|el|l['’]|der|dem|den|o|a|lo|il)[ \t]*)?"#
            + "(?:" + departmentAcronyms.joined(separator: "|") + "|(?i:" + anyOf(departments) + #"))(?![\p{L}\p{M}])"#)
    /// What follows a person whose day or kin it is: "'s baby shower", "'s 40th birthday", "'s husband".
    static let personalEventAhead = #"(?=['’]s[ \t]+(?:(?:\d{1,3}(?:st|nd|rd|th)|surprise|upcoming|big|first|last|new|late)[ \t]+)?(?i:birthday|wedding|funeral|graduation|retirement|baby shower|bridal shower|anniversary|engagement|bar mitzvah|bat mitzvah|quinceañera|christening|baptism|memorial|send-off|farewell|mom|mum|dad|mother|father|husband|wife|boyfriend|girlfriend|fiancé|fiancée|sister|brother|son|daughter|kids|children|parents|grandmother|grandfather|\d{1,3}(?:st|nd|rd|th))(?![\p{L}]))"#
    /// A capitalised word whose party, rite or kin follows: "plan Wairimu's baby shower", "Oyelaran's husband".
    static let nameBeforePersonalEvent = make(
        #"(?<![\p{L}\p{M}\[])(\p{Lu}\p{Ll}[\p{L}\p{M}\-]*)"# + personalEventAhead)
    /// The same in lower case, for a listed first name and the word after it: "a toast for dmitri vasiliev's retirement".
    static let lowercaseNameBeforePersonalEvent = make(
        #"(?<![\p{L}\p{M}\[])(\p{Ll}[\p{Ll}\p{M}\-]+(?:[ \t]\p{Ll}[\p{Ll}\p{M}\-]+)?)"# + personalEventAhead)
    /// A name said to be a relation: "Bui Minh Khoa is my new manager", "Ama was our neighbour".
    static let nameIsRelation = make(
        #"(?<![\p{L}\p{M}])"# + nameWords + #"[ \t]+(?:is|was|has been|is now)[ \t]+(?i:"# + anyOf(possessives) + #"[ \t]+(?:(?:new|old|former|dear|late|little|younger|older|elder|eldest|youngest|future|best)[ \t]+)?"# + anyOf(relations) + #")(?![\p{L}])"#)
    static let initialBetweenNames = make(#"\[NAME\][ \t]\p{Lu}\.[ \t]\[NAME\]"#)
    /// A street, then its house number in words: "Marlpit Lane, number 43", "calle Almendros, en el
    /// número 9", "via delle Ginestre, al numero 21", "Whitcliffe Road, it's number 88", "[ADDRESS],
    /// Hausnummer 12", "幸福路，门牌是56号".
    static let streetThenNumberInWords = make(
        #"(?:(?:[Cc]alle|[Rr]ue|[Vv]ia|[Rr]ua|[Aa]venida|[Aa]venue|[Cc]arrer|[Vv]iale|[Pp]iazza|[Cc]orso|[Tt]ravessa|[Pp]raça)[ \t]+(?:(?:de|del|de la|du|des|de la|della|delle|dei|degli|di|da|do|dos|das)[ \t]+|[dl]['’])?\p{Lu}[\p{L}\p{M}'’\-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}'’\-]*){0,2}"#
            + #"|\p{Lu}[\p{L}\p{M}'’\-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}'’\-]*){0,2}[ \t]+(?:Lane|Road|Street|Avenue|Drive|Close|Way|Crescent|Terrace|Court|Place|Grove|Gardens|Rd|St|Ave)\.?"#
            + #"|\p{Lu}\p{Ll}+(?:straße|strasse|weg|allee|gasse|platz|ring)|\[ADDRESS\])"#
            + #",?[ \t]+(?:(?i:it's|it’s|it is|es el|en el|al|au|el|am|im|na|no|house)[ \t]+)?(?i:number|no\.|nº|número|numéro|numero|nummer|hausnummer|nr\.)[ \t]*\d{1,5}[a-zA-Z]?(?![\p{N}])"#
            + #"|[\p{Han}--[在住于於到是的我你他她们們家]]{1,6}(?:路|街|道|巷|弄|大道)[，,]?(?:门牌|門牌)(?:号|號)?(?:是|为|為)?\d{1,5}(?:号|號)"#)
    /// Addresses without a house number: a street and "s/n" or "snc", a French or Italian
    /// locality by name, a Latin American plot by lot and block.
    static let addressWithoutNumber = make(
        #"(?<![\p{L}])"# + typeFirstTypes + streetWords + #",?[ \t]+(?:s/n|S/N|s\.n\.|[Ss]in [Nn][úu]mero|snc|SNC)(?![\p{L}])"#
            + #"|(?<![\p{L}])(?:Lieu-dit|[Ll]ieudit|[Ll]ocalità|[Cc]ontrada)[ \t]+(?:\[ADDRESS\]|"# + streetWords + #"(?:[ \t]+(?:snc|SNC|s\.n\.c\.))?)"#
            + #"|(?<![\p{L}])(?:Lote|Lt\.|Lot\.)[ \t]*\d{1,4}[A-Z]?[ \t]*,?[ \t]*(?:Manzana|Mz\.?|Mza\.?|Quadra|Qd\.?)[ \t]*[A-Z0-9]{1,3}(?![\p{L}\p{N}])"#
            + #"|(?<![\p{L}])(?:Manzana|Mz\.?|Mza\.?|Quadra|Qd\.?)[ \t]*[A-Z0-9]{1,3}[ \t]*,?[ \t]*(?:Lote|Lt\.?)[ \t]*\d{1,4}[A-Z]?(?![\p{L}\p{N}])"#)
    /// An address typed in lower case: a street word and its name before the number ("via nizza
    /// 45", "calle san vicente mártir 77", "rua xavier de toledo 90"), the number before the street
    /// word ("23 rue victor hugo", "221 maple st"), or a German compound ("herderstr. 19").
    static let lowercaseStreetAddress = make(
        #"(?<![\p{L}\p{N}])(?:(?:calle|c/|carrer|rue|rua|via|viale|avenida|avda\.?|av\.?|v\.|paseo|alameda|estrada|corso|piazza|travessa|praça|largo|avinguda|passeig)[ \t]+[\p{Ll}\p{M}'’\-]+(?:[ \t]+[\p{Ll}\p{M}'’\-]+){0,3}[ \t]+\d{1,5}[a-z]?"#
            + #"|\d{1,5}(?:[ \t]+(?:bis|ter))?[ \t]+(?:rue|rua|calle|avenida|avenue|bd|boulevard|chemin|allée|impasse)[ \t]+[\p{Ll}\p{M}'’\-]+(?:[ \t]+[\p{Ll}\p{M}'’\-]+){0,3}"#
            + #"|\d{1,5}[ \t]+[\p{Ll}]+(?:[ \t]+[\p{Ll}]+){0,2}[ \t]+(?:st|street|rd|road|ave|avenue|ln|lane|blvd|drive)\.?(?=[ \t,]|$)"#
            + #"|[\p{Ll}]{3,}(?:straße|strasse|str\.|platz|weg|allee|gasse|damm)[ \t]*\d{1,4}[a-z]?"#
            + #"|[\p{Ll}]{2,}er[ \t]+(?:straße|strasse|str\.|platz|weg|allee)[ \t]*\d{1,4}[a-z]?)(?![\p{L}\p{N}])"#)
    /// Distances, spans of time and directions, which a street's name does not hold: "a 20 minute
    /// drive", "3 miles down the road".
    static let distanceWords: Set<String> = [
        "miles", "mile", "km", "kilometres", "kilometers", "blocks", "block", "steps", "yards", "metres", "meters", "minute", "minutes",
        "min", "mins", "hour", "hours", "hr", "hrs", "second", "seconds", "day", "days", "week", "weeks", "month", "months", "year",
        "years", "times", "down", "up", "along", "across", "past", "off", "way", "long", "short", "hour's", "minute's",
    ]
    /// The street words `lowercaseStreetAddress` puts after a number, which may stand among a street's words.
    static let lowercaseStreetTypes: Set<String> = [
        "st", "st.", "street", "rd", "rd.", "road", "ave", "ave.", "avenue", "ln", "lane", "blvd", "drive", "rue", "rua", "calle", "bd",
        "boulevard", "chemin", "allée", "impasse",
    ]
    /// What "via" names in English before a number: "via email 2 times", "via zoom 3 days".
    static let notStreetsAfterVia: Set<String> = [
        "email", "e-mail", "mail", "api", "ssh", "http", "https", "zoom", "teams", "slack", "whatsapp", "text", "phone", "post",
        "bus", "train", "car", "plane", "sms", "usb", "bluetooth", "wifi", "cable", "code", "script", "python", "git", "npm",
        "pip", "docker", "cli", "telegram", "messenger", "skype", "webhook", "rest", "json",
    ]
    /// "reword this text to Jordan": a text message's addressee (group 1); "text to Speech" and
    /// "this text to Markdown" are conversions, so the caller wants a listed first name.
    static let nameAfterTextTo = make(#"\b(?i:a|this|the|my|that)[ \t]+(?i:text|text message|sms)[ \t]+(?i:to)[ \t]+(\p{Lu}\p{Ll}+)(?![\p{L}\p{M}])"#)
    /// "my son is Duarte", "mi hijo es Mateo", "o meu filho é o Duarte", "mein Sohn ist Jonas":
    /// a relation said to be someone (the caller turns away "my boss is German").
    static let relationIsName = make(
        #"(?i:\b"# + anyOf(possessives) + #"[ \t]+(?:(?:new|old|former|dear|late|little|younger|older|elder|eldest|youngest|future|best)[ \t]+)?"# + anyOf(relations)
            + #"[ \t]+(?:is|was|es|era|est|était|ist|war|è|era|é|era)(?:[ \t]+(?:o|a|el|la|il|der|die))?[ \t]+)"# + nameWords)
    /// "Ann here." opening the text or after a sentence's end; after a line break a single
    /// capitalised word may just continue a sentence ("… in the Customs\nPortal here.").
    static let nameBeforeHere = make(#"(?:^[ \t]*(?:(?i:hi|hello|hey)[,!]?[ \t]+)?|(?<=[.!?][ \t]))"# + nameWords + #"(?=[ \t]+(?:here|speaking)\b)"#)
    /// Two or more name words before "here." anywhere: "… after three dates Ann Lee here."
    /// Every word must pass, not just the first ("Section Starts here" stays).
    static let fullNameBeforeHere = make(#"(?<![\p{L}\p{M}])("# + titleWord + #"(?:[ \t]+"# + titleWord + #"){1,3})(?=[ \t]+(?:here|speaking)(?:[.!,]|[ \t]*$|[ \t]*\n))"#)
    /// A capitalised word in title case ("Okafor", not "INSTRUCTION").
    static let titleWord = #"\p{Lu}\p{Ll}[\p{L}\p{M}'’\-]*"#

    /// A two-syllable Korean given name called with 야 or 아 opening a text, a line or a quotation.
    static let koreanVocative = make(#"(?:^|(?<=[\n"'“‘「]))[ \t]*(\p{Hangul}{2})(?=(?:야|아)[ \t,!~.?])"#, [.anchorsMatchLines])
    /// China's provincial divisions and Japan's prefectures, which open an address.
    static let chineseProvinces = "(?:北京|天津|上海|重庆|重慶|河北|山西|辽宁|遼寧|吉林|黑龙江|黑龍江|江苏|江蘇|浙江|安徽|福建|江西|山东|山東|河南|湖北|湖南|广东|廣東|海南|四川|贵州|貴州|云南|雲南|陕西|陝西|甘肃|甘肅|青海|台湾|台灣|臺灣|内蒙古|內蒙古|广西|廣西|西藏|宁夏|寧夏|新疆|香港|澳门|澳門)"
    static let japanesePrefectures = "(?:北海道|青森県|岩手県|宮城県|秋田県|山形県|福島県|茨城県|栃木県|群馬県|埼玉県|千葉県|東京都|神奈川県|新潟県|富山県|石川県|福井県|山梨県|長野県|岐阜県|静岡県|愛知県|三重県|滋賀県|京都府|大阪府|兵庫県|奈良県|和歌山県|鳥取県|島根県|岡山県|広島県|山口県|徳島県|香川県|愛媛県|高知県|福岡県|佐賀県|長崎県|熊本県|大分県|宮崎県|鹿児島県|沖縄県)"
    static let chineseAddressWithoutNumber = make(
        chineseProvinces + #"(?:省|市|自治区|自治區|壮族自治区|回族自治区|维吾尔自治区)?\p{Han}{1,4}?(?:市|州|盟|地区)\p{Han}{1,5}?(?:区|區|县|縣|旗|市)\p{Han}{1,5}?(?:镇|鎮|乡|鄉|街道)(?:\p{Han}{1,5}?(?:村|社区|社區))?(?:[一二三四五六七八九十\d]{1,3}[组組队隊])?"#)
    static let japaneseAddressWithoutNumber = make(
        japanesePrefectures + #"\p{Han}{1,6}?[市郡](?:\p{Han}{1,4}?区)?[\p{Han}\p{Katakana}ーのヶケ]{1,10}?[町村](?:[ \t　]*"# + japaneseBuilding + ")?")
    static let japaneseBuilding = #"[\p{Han}\p{Katakana}ー]{0,10}(?:コーポ|ハイツ|マンション|ビル|タワー|レジデンス|荘|アパート|メゾン|パレス|コート|ヒルズ|プラザ|ガーデン|ハウス)[\p{Han}\p{Katakana}ー]{0,6}[ \t]*[0-9０-９]{2,4}(?:号室)?(?![0-9])"#
    static let cjkRoom = make(
        #"(?:[\p{Katakana}ー\p{Han}]{0,12}[0-9０-９]{1,4}号室|(?<![\p{N}])\d{1,4}[ \t]*(?:栋|棟|幢|号楼|號樓)[ \t]*\d{1,3}[ \t]*(?:单元|單元)[ \t]*\d{3,5}(?:室)?)"#)
    /// What follows `[ADDRESS]` in CJK text: a building, then floors, rooms, lanes and sections.
    static let cjkPartsAfterAddress = make(
        #"(?<=\[ADDRESS\])((?:번지|番地)?(?:[ \t　]*(?:[\p{Han}\p{Katakana}\p{Hangul}ー・A-Za-z]{1,16}[ \t　]*)?(?:[0-9０-９]{1,5}|[一二三四五六七八九十]{1,3})[ \t]*(?:번지|층|호|동|[FＦ](?![A-Za-z])|階|号室|號室|号楼|號樓|号|號|樓|楼|巷|弄|段|室|栋|棟|幢|座|单元|單元)(?:之[0-9]{1,3})?(?:[ \t]*[0-9]{3,5}(?![0-9]))?|[ \t　]*"# + japaneseBuilding + ")+)")
    /// A province, prefecture or Korean province before `[ADDRESS]`.
    static let cjkRegionBeforeAddress = make(
        #"((?<![\p{Hangul}])\p{Hangul}{1,6}(?:특별자치도|특별자치시|특별시|광역시|도)[ \t]+|"# + chineseProvinces + #"(?:省|市|自治区)?[ \t]*|\p{Han}{2}(?:新区|区|县)\p{Han}{0,10}[ \t]*|"# + japanesePrefectures + #"[ \t]*)(?=\[ADDRESS\])"#)

    /// Names after a self-introduction in Chinese, Japanese or Korean; "私は…" alone is too
    /// often followed by a noun ("私は学生です") to count as a cue. Chinese has no spaces, so the
    /// name stops at a function character ("叫我小王就好" is 小王).
    static let cjkName = make(
        #"(?:我叫|叫我|我的名字是|我的名字叫|私の名前は|名前は|제 이름은|(?:氏名|名前|宛先|差出人|姓名|이름|성명)[ \t]*[：:])[ \t]*([\p{Han}-[就的了吧是和在请我你他她也都很想要会能]]{2,4}|\p{Katakana}[\p{Katakana}ー・]{1,12}|\p{Hangul}(?:[ \t]?\p{Hangul}){1,3}?(?=입니다|이에요|예요|이고|라고|님|씨|[ \t]*[.,!?。]|[ \t]*$))"#)
    /// A Latin-script name in CJK text: "我是Anna Berg。", "Anna Bergです。".
    static let latinNameInCJK = make(
        #"(?:我是|我叫|我的名字是|私は|僕は|名前は|저는|제 이름은)[ \t]*"# + nameWords + "|" + nameWords + #"[ \t]*(?=です|と申します|と言います|입니다|이에요)"#)
    /// "我是王伟。", "本人张伟，": after 我是 (which also introduces "我是学生"), only two or three
    /// ideographs that start with a common surname and end the clause count as a name, and
    /// `looksLikeChineseName` turns away roles ("我是高中生", "我是白领").
    /// 在下 and 鄙人 are humble words for "I"; a Japanese surname with its given name is a name in
    /// Chinese text too ("我是田中爱子，").
    static let chineseNameAfterCue = make(
        #"(?:我是|本人|在下|鄙人)[ \t]*((?:"# + NameLists.japaneseSurnames.filter { $0.count == 2 }.sorted().joined(separator: "|") + #")\p{Han}{1,2}|"# + chineseName + #")(?=[。，,.!！?？、；;（(\s]|$)"#)
    /// A transliterated foreign name, its parts joined by a middle dot, after a relation, a
    /// label, 我是, 叫 or a word whose object is a person: "我朋友丹尼尔·米勒", "租户：阿卜杜拉·买买提", "他叫穆斯塔法·哈桑",
    /// "为德米特里·瓦西里耶夫的退休写".
    static let chineseDottedName = make(
        #"(?:[：:]|我是|叫|为|為|给|給|和|跟|替|祝|请|請|邀请|邀請|感谢|感謝|告诉|告訴|帮|幫|租户|租戶|新郎|新娘|老师|老師|客户|客戶|房东|房東|丈夫|妻子|男友|女友|"# + chineseKin + #")[ \t]*(\p{Han}{2,6}[·・•]"# + transliteratedPart + #"(?:[·・•]"# + transliteratedPart + #")?)"#)
    /// The characters Chinese writes foreign names with (Xinhua's transliteration table and the
    /// usual feminine forms); a dotted name of these alone is one without a cue.
    static let transliterationCharacters = """
        阿埃艾爱安昂奥巴拜班邦保鲍贝本比彼毕宾波伯博布查彻达戴丹道德登迪蒂丁东杜敦多厄恩尔法凡范菲费芬丰冯佛弗福富伽盖甘冈戈哥\
        格根贡古瓜圭哈海汉豪赫亨胡华怀惠霍基吉加贾杰金卡凯坎康柯科克肯孔库夸奎昆拉莱赖兰朗劳勒雷蕾里丽莉利列林琳玲卢鲁路伦罗洛\
        吕马玛迈麦曼芒梅门蒙米缪摩莫默姆穆纳娜乃奈南内尼妮宁纽努诺欧帕派潘庞佩彭皮珀普奇齐契恰乔切钦琼丘萨塞赛桑瑟森沙莎尚绍舍\
        申圣施什史舒斯松苏索塔泰坦汤唐陶特提廷通图托瓦万旺威韦维温沃乌伍西希锡席夏肖谢辛欣休修雅亚扬耶伊依因尤约泽扎詹朱兹佐\
        祖哲赞珍茨翁薇娅黛芙茜丝柏卓罕买提热木江吾卜历捷滕翰娃得夫何黎嘉芭琪涅略瑞荷韩简晋考珂弥蕊霞露璐
        """
    /// A dotted name of transliteration characters said to be someone the writer knows:
    /// "安娜·伊万诺夫娜·彼得罗娃是我的俄语老师". Without such a cue a dotted name stays: "我读了列夫·托尔斯泰的小说".
    static let chineseTransliteratedName = make(
        #"(?<![\#(transliterationCharacters)《])([\#(transliterationCharacters)]{2,6}(?:[·•][\#(transliterationCharacters)]{1,6}){1,3})(?=是我|是我们|是我們|是他的|是她的)"#)
    /// A part of a transliterated name after its dot: ideographs up to a function word or a verb.
    static let transliteratedPart = #"[\p{Han}--[的了是在和与與第一来來去到说說给給把被从從就也都很要想让讓请請]]{1,5}"#
    static let chineseSelfGivenName = make(#"(?:我是|我就是|本人)[ \t]*(\p{Han}{2})(?=[。，,.!！?？、；;\s]|$)"#)
    /// "私は小松健太です。": what stands between 私は and です is judged by `looksLikeJapaneseName`.
    static let japaneseNameBeforeDesu = make(
        #"(?:私は|僕は|ぼくは|わたしは|あたしは|俺は|おれは|自分は|本名は|氏名は|フルネームは|名義は|名義人は|名前は|なまえは|お名前は|おなまえは|(?<=の)(?=[ 　]*"# + japaneseKanaName + #"[ \t　]?です))[、 \t　]*("# + japaneseListedName + "|" + japaneseKanaName
            + #"|\p{Han}{1,4}[ 　]\p{Han}{1,4}|\p{Han}{1,6}|\p{Katakana}[\p{Katakana}ー・]{1,12})(?=[ \t　]?(?:です|と申します|といいます|と言います|でございます))"#)
    /// "はじめまして、山田です。": a name and です opening the text or after a greeting; judged
    /// by `looksLikeJapaneseName` ("元気です。" stays).
    static let japaneseNameOpening = make(
        #"(?:^|(?:はじめまして|初めまして|こんにちは|こんばんは|おはようございます|いつもお世話になっております|お世話になっております|お世話になります|お疲れ様です|お疲れさまです|失礼いたします|失礼します|もしもし|どうも|ども|やあ|はろー)[、。,!！]?[ \t　]*|(?:私|わたし|わたくし|僕|ぼく|俺|おれ|あたし|自分)、[ \t　]*)("#
            + japaneseListedName + "|" + japaneseKanaName + #"|\p{Han}{1,4}[ 　]\p{Han}{1,4}|\p{Han}{1,6}|\p{Katakana}[\p{Katakana}ー・]{1,12})(?=(?:です|と申します|と言います|といいます)(?:[。、！!\s〜~]|$))"#)
    /// "俺、ケンジ。": a casual self-naming, the name and nothing else after the self word.
    static let japaneseCasualSelfName = make(
        #"(?:^|(?<=[。！!\n]))[ \t　]*(?:俺|おれ|僕|ぼく|あたし|うち)、[ \t　]*("# + japaneseKanaName + #"|\p{Katakana}[\p{Katakana}ー]{2,8}|[\p{Han}々]{2,4})(?=[。！!]|$)"#, [.anchorsMatchLines])
    static let cjkNameBeforeCue = make(#"(\p{Han}{1,4}[ 　]\p{Han}{1,4}|\p{Han}{1,6}|\p{Katakana}[\p{Katakana}ー・]{1,12}|(?<![\p{Hiragana}\p{Han}々\p{Katakana}ー])"# + japaneseKanaName + #")(?=と申します|と言います)"#)
    /// "저는 김민수입니다": two to four syllables that start with a common surname.
    static let koreanNameBeforeCopula = make(
        #"(?:저는|나는)[ \t]*("# + koreanSurname + #"\p{Hangul}{1,3})(?=입니다|이에요|예요|이고|라고)"#)
    /// A name alone on the line after a sign-off: "谢谢！\n张娜", "よろしくお願いします。\n山田太郎".
    static let cjkSignOff = make(
        #"(?:谢谢|謝謝|多谢|感谢|此致|敬礼|祝好|よろしくお願いします|よろしくお願いいたします|よろしく|敬具|以上|감사합니다)[！!。.，,~～]*[ \t]*\n+[ \t]*(?:[-—][ \t]*)?(?!敬礼|敬禮|祝好|此致)(\p{Han}{2,4}|\p{Katakana}[\p{Katakana}ー・]{1,12}|\p{Hangul}{2,4})[ \t]*(?=\n|$)"#)
    /// Letters, marks and digits of the scripts `maskOtherScripts` reads, with the joiners
    /// Persian and the Indic scripts write inside words.
    static let otherScriptLetters = #"\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Thai}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Gujarati}\p{Script=Gurmukhi}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Script=Georgian}\p{Script=Armenian}\p{Script=Ethiopic}\p{Script=Khmer}\p{Script=Lao}\p{Script=Myanmar}\p{Mn}\p{Mc}\u200C\u200D"#
    /// One to four words of those scripts, with the dots and dashes inside them; the first of two
    /// letters or more, so the Greek letters of formulas ("δ(t)", "TGF-β") stay.
    static let otherScriptRun = make(
        #"(?:(?<![\p{L}\p{N}/])\d{1,6}(?:/\d{1,6})?[ \t]*,?[ \t]*)?(?<![\p{L}\p{M}\[\-])(?:["# + otherScriptLetters + #"]{2,}|["# + otherScriptLetters + #"](?=[.\-'’]["# + otherScriptLetters + #"]))(?:[.\-'’]["# + otherScriptLetters + #"]+)*(?:[ \t]+["#
            + otherScriptLetters + #"]+(?:[.\-'’]["# + otherScriptLetters + #"]+)*){0,3}(?:[ \t]*,?[ \t]*\d{1,6}(?![\p{N}]))?"#)
    /// What stands before a name in another script inside a Latin-script quotation.
    static let otherScriptNameCues = [
        "i am ", "i'm ", "i’m ", "my name is ", "this is ", "call me ", "deliver to ", "send it to ", "send to ", "dear ", "hi ", "hello ",
        "soy ", "me llamo ", "je suis ", "je m'appelle ", "ich bin ", "ich heiße ", "sono ", "mi chiamo ", "sou ", "me chamo ",
    ]
    /// A capitalised Cyrillic or Greek word: "Петрову", "Κορμπόπουλος".
    static let casedNonLatinWord = make(
        #"(?<![\p{L}\p{M}\[])[[\p{Lu}]&&[\p{Script=Cyrillic}\p{Script=Greek}]][\p{Ll}\p{M}'’\-]+(?![\p{L}\p{M}])"#)
    /// Names after a self-introduction in scripts without capitals: Arabic, Persian, Hebrew,
    /// Hindi, Nepali, Bengali, Thai ("اسمي أحمد", "मेरा नाम राहुल है", "ฉันชื่อสมชาย").
    /// Also after a title or "in the name of": "باسم خالد العتيبي", "الأستاذة فاطمة", "श्रीमती अनुराधा",
    /// and the Thai label "ชื่อ" written apart ("ชื่อ สมชาย วงศ์ใหญ่").
    static let nameAfterUncasedCue = make(
        #"(?:اسمي|إسمي|اسم من|نام من|שמי|קוראים לי|मेरा नाम|मेरो नाम|আমার নাম|ฉันชื่อ|ผมชื่อ|ดิฉันชื่อ|باسم|الأستاذة|الأستاذ|السيدة|السيد|الدكتورة|الدكتور|श्रीमती|श्री|सुश्री)[ \t]*(?:هو|است|है|हो|হল|คือ)?[ \t]*((?:[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Thai}\p{Mn}\p{Mc}\u200C\u200D]+)(?:[ \t]+(?!(?:है|हूँ|हूं|हो|था|थी|هو|است|হল)(?![\p{L}\p{M}]))[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Devanagari}\p{Script=Bengali}\p{Mn}\p{Mc}\u200C\u200D]+){0,2})|(?<![\p{Script=Thai}])ชื่อ[ \t]+([\p{Script=Thai}\p{Mn}\p{Mc}]+(?:[ \t]+[\p{Script=Thai}\p{Mn}\p{Mc}]+)?)"#)
    /// A Japanese name before an honorific: "伊藤学さんに", "田中様", "マリアさん".
    static let japaneseNameBeforeHonorific = make(
        #"(?<![\p{Han}\p{Katakana}ー々])(?:「)?("# + japaneseName + #")(?:」)?(?=[ \t　]?(?:さん|様|さま|くん|ちゃん|氏|殿(?![町通前下堂])))"#)
    /// A Japanese name: a family name in kanji and a given name in kanji, hiragana or katakana,
    /// with or without a space ("佐々木美咲", "林 真理子", "佐藤ゆかり", "木村トメ"), or a name in katakana
    /// ("ソフィア・ロドリゲス", "ヤマザキ　ケイスケ").
    static let japaneseName = #"[\p{Han}々]{1,4}(?:[ \t　]?(?:[\p{Han}々]{1,3}|(?!です|でし|でご|だっ|から|まで|より|けど|には|とは|では)\p{Hiragana}{2,4}|\p{Katakana}[\p{Katakana}ー]{1,6}))?|\p{Katakana}[\p{Katakana}ー]{1,8}(?:[・　 ]\p{Katakana}[\p{Katakana}ー]{1,8}){0,2}|"#
        + japaneseKanaGiven
    /// The words of `set` as regex alternatives, longest first so that a longer name wins over
    /// its prefix, ties in a fixed order.
    static func longestFirst(_ set: Set<String>) -> String {
        set.sorted { $0.count > $1.count || ($0.count == $1.count && $0 < $1) }.joined(separator: "|")
    }
    /// A name in kana that a list vouches for: a listed family name in hiragana with or without a
    /// given name after it ("きむら はなこ", "さとう"), a listed given name in hiragana, or katakana
    /// family and given names written apart ("オカダ ミホ").
    static let japaneseKanaName = "(?:(?:" + longestFirst(NameLists.japaneseKanaFamilyNames)
        + #")(?:[ 　]?\p{Hiragana}{2,4}(?=[ \t　]*(?:です|と申します|といいます|と言います|でございます)))?|"# + japaneseKanaGiven
        + #"|\p{Katakana}[\p{Katakana}ー]{1,8}[ 　]\p{Katakana}[\p{Katakana}ー]{1,8})"#
    /// A given name from `NameLists.japaneseKanaGivenNames`, longest first.
    static let japaneseKanaGiven = "(?:" + longestFirst(NameLists.japaneseKanaGivenNames) + ")"
    /// A name that starts with a common family name (`NameLists.japaneseSurnames`), with a given
    /// name in kanji, listed hiragana or katakana after it, with or without a space.
    static let japaneseListedName = "(?:" + longestFirst(NameLists.japaneseSurnames)
        + #")(?:[ \t　]?(?:"# + japaneseKanaGiven + #"|[\p{Han}々]{1,3}|\p{Hiragana}{1,3}[子美代江恵枝](?![\p{Han}])|\p{Katakana}[\p{Katakana}ー]{1,6})|[ \t　]\p{Hiragana}{2,4}(?=です|と申します|と言います|といいます|さん|様|より|[、。]|$))?"#
    /// "山本です", "佐藤健より。": a listed family name before a copula, a self-introduction or より.
    static let japaneseListedNameBeforeCopula = make(
        #"(?<![\p{Han}々\p{Katakana}ー])("# + japaneseListedName + #")(?=[ \t　]*(?:です|と申します|と申す|といいます|と言います|でございます|より(?:[。、！!\s]|$)))"#)
    /// "鈴木一郎の母です": a listed name before a relation that introduces the writer.
    static let japaneseListedNameBeforeKin = make(
        #"(?<![\p{Han}々\p{Katakana}ー])("# + japaneseListedName + #")(?=の(?:母|父|妻|夫|息子|娘|兄|姉|弟|妹|祖母|祖父|孫|家族|母親|父親|保護者|代理人|代理|子供|子)(?:です|と申します|でございます|として|より|から|が|は|、|。|$))"#)
    /// A listed family name and a given name written apart: "長谷川 誠", "林 真理子".
    static let japaneseSpacedListedName = make(
        #"(?<![\p{Han}々])((?:"# + longestFirst(NameLists.japaneseSurnames.union(NameLists.japaneseOneCharacterNames))
            + #")[ 　](?:[\p{Han}々]{1,3}|"# + japaneseKanaGiven + #"))(?![\p{Han}々\p{Hiragana}])"#)
    /// What someone calls themselves: "「ひろし」って名乗る人".
    static let japaneseSelfNamed = make(#"「([^」]{1,12})」(?:って|と)名乗"#)
    /// One item of a list that is a listed family name.
    static let japaneseListedInList = make(
        #"(?:^|(?<=[：:、 　「]))("# + japaneseListedName + #")(?=[、。」 　]|$)"#)
    /// A listed name alone on the last line or after the last sentence: "よろしくお願いします。佐藤健".
    static let japaneseListedNameEndingText = make(
        #"(?:^|(?<=[。！!？?]))[ \t　]*("# + japaneseListedName + #")[ \t　]*$"#, [.anchorsMatchLines])
    /// A Japanese name after a label or 名前は, with a space or a given name in hiragana: "名前：山下　太郎",
    /// "私の名前は小林ゆいです".
    static let japaneseNameAfterLabel = make(
        #"(?:私の名前は|名前は|本名は|氏名は|(?:氏名|名前|宛先|差出人|宛名|送り主|送信者|担当者?|お名前|出席者?|欠席者?|参加者)[ \t]*[：:]|(?:口座)?名義人?(?:は|[ \t]*[：:])?|(?:普通|当座)[ \t　]*\[NUMBER\])[ \t　]*("# + japaneseListedName
            + #"|[\p{Han}々]{1,4}[ 　][\p{Han}々]{1,4}|[\p{Han}々]{1,4}"# + japaneseKanaGiven + "|" + japaneseKanaGiven
            // An account holder's name as banks write it, in katakana: "名義 ハセガワ ミドリ", "普通 [NUMBER] ヤマモト カズオ".
            + #"|\p{Katakana}[\p{Katakana}ー]{1,8}[ 　]\p{Katakana}[\p{Katakana}ー]{1,8})"#)
    /// A given name after a labelled family name already masked: "名前：[NAME]　太郎", "名前は[NAME]ゆいです".
    static let japaneseGivenAfterMaskedName = make(
        #"(?<=(?:名前|氏名|宛先|差出人|宛名|送り主|お名前)[ \t]{0,2}[：:は][ \t　]{0,2}\[NAME\])([ \t　]?(?:"# + japaneseKanaGiven + #"|[\p{Han}々]{1,3}))(?![\p{Han}々])"#)
    /// The writer's name before a clause rather than です: "僕は翔太、", "俺は大輔だけど".
    static let japaneseNameBeforeClause = make(
        #"(?:私は|僕は|俺は|わたしは|あたしは)[ \t]*("# + japaneseListedName + "|" + japaneseKanaGiven
            + #"|\p{Han}{2,4}|\p{Katakana}[\p{Katakana}ー]{1,8})(?=、|だ(?:けど|よ|。|、|$)|って(?:いいます|言います|いう名前|名前))"#)
    /// Family and given name in kanji with a space between, after の or は and before です or と申します:
    /// "私はゼミ生の李 浩然です" (any family name: the space and the self-introduction say it).
    static let japaneseSpacedNameBeforeDesu = make(
        #"(?<=の|は)(\p{Han}{1,3}[ 　]\p{Han}{1,3})(?=です|と申します|でございます|と言います|といいます)"#)
    /// A Chinese family name, a space and a given name of one or two characters, as a name is
    /// written on a card or a form ("欧阳 娜娜", "何　静怡", "林 峰"): Chinese prose puts no spaces
    /// between words, so the space sets the name apart.
    static let chineseSpacedName = make(
        #"(?:(?<![\p{Han}])|(?<=总监|總監|经理|經理|老师|老師|主任|同事|朋友|的|和|与|與|是|叫))((?:欧阳|歐陽|司马|司馬|上官|诸葛|諸葛|东方|東方|皇甫|令狐|慕容|尉迟|公孫|公孙|["# + chineseSurnames + #"])[ 　]\p{Han}{1,2})(?=[\s，。、,.;；:：!！?？)）(（]|$|和|与|與)"#)
    /// A Korean name before an honorific, starting with a common surname: "박서영님", "김민수 씨".
    static let koreanNameBeforeHonorific = make(
        #"(?<![\p{Hangul}])("# + koreanSurname + #"[ \t]?\p{Hangul}{1,3})(?=[ \t]?(?:님|씨))"#)
    /// A Chinese name before a title: "王伟先生", "李娜女士", "张老师", "刘春梅姐".
    static let chineseNameBeforeHonorific = make(
        #"(?:(?<![\p{Han}])|(?<=[给給跟向和与與同对對让讓请請叫问問帮幫是被的了到说說祝致下位找见見约約谢謝访訪系]))("# + chineseName + #")(?=先生|女士|小姐|老师|老師|同学|同學|医生|醫生|教授|经理|經理|阿姨|叔叔|律师|律師|主任|博士|太太|夫人|师傅|師傅|老板|老闆|姐(?!姐)|哥(?!哥))"#)
    /// A Japanese name whose name something is under, or whose day or rite it is: "予約は山田太郎の名前で",
    /// "タナカ・ハルト名義で", "マリア・ゴンザレスの誕生日" (a foreign name written apart by its dot).
    static let japaneseNameBeforeNameOf = make(
        #"(?<![\p{Han}\p{Katakana}ー])("# + japaneseName + #")(?=[ \t　]?(?:の名前で|の名義で|名義で|の名前に|の名義に))"#)
    static let japaneseDottedNameBeforeEvent = make(
        #"(?<![\p{Katakana}ー])(\p{Katakana}[\p{Katakana}ー]{1,8}・\p{Katakana}[\p{Katakana}ー]{1,8})(?=の(?:誕生日|結婚式|結婚|退職|送別会|歓迎会|卒業|お祝い|葬儀|お葬式|お母さん|お父さん|奥さん|ご主人))"#)
    /// A Japanese name after a relation and の: "同僚の佐藤さん", "友人の田中健太".
    static let japaneseNameAfterRelation = make(
        #"(?:署名|記名|予約名|予約者名|予約者|ご予約名|友人|友達|親友|甥っ子|姪っ子|甥|姪|従兄弟|従姉妹|従兄|従姉|従弟|従妹|お姉ちゃん|お兄ちゃん|お姉さん|お兄さん|元カレ|元カノ|元彼|義母|義父|義姉|義兄|義妹|義弟|恩師|指導教員|ルームメイト|クラスメイト|同級生|幼なじみ|パートナー|相方|旦那|いとこ|同僚|上司|部下|先輩|後輩|母|父|姉|妹|兄|弟|娘|息子|妻|夫|彼氏|彼女|恋人|婚約者|幼馴染|孫|祖母|祖父|叔母|叔父|伯母|伯父|隣人|大家|担任|先生|担当|担当者|会長|副会長|社長|部長|課長|代表取締役|氏名|名前|宛名|差出人|フリガナ|ふりがな|名字|苗字|漢字|主治医|上長|店長|院長|校長|顧問|監督|コーチ|大家さん|借主|貸主|契約者|入居者|申込者|申請者|受取人|送り主|依頼人|保証人|新郎|新婦)(?:は|の|・|：|:|(?<!先生|先輩|社長|部長|課長|会長|店長|院長|校長|監督|コーチ)、)?[ \t　]*(?:「)?(?!(?:友人|友達|同僚|上司|部下|先輩|後輩|母|父|姉|妹|兄|弟|娘|息子|妻|夫|彼氏|彼女|恋人|婚約者|幼馴染|孫|祖母|祖父|叔母|叔父|伯母|伯父|隣人|大家|担任|先生|担当|担当者|会長|副会長|社長|部長|課長|代表取締役|氏名|名前|宛名|差出人|フリガナ|ふりがな|名字|苗字|漢字)の)("# + japaneseName + #"|\p{Hiragana}{2,4})(?=」|さん|先生|部長|課長|係長|社長|専務|常務|教授|先輩|監督|店長|様|さま|くん|ちゃん|氏|に|が|は|と|から|へ|を|の|って|です|で|[ \t　]?様|[、。,.\s()（）]|\[|$)"#)
    /// A given name in ideographs between の and です, judged by `looksLikeJapaneseGivenName`: "小学2年の美咲です".
    static let japaneseGivenNameBeforeDesu = make(#"(?<=の)(\p{Han}{2,3})(?=です|でした)"#)
    /// A name in quotes that opens with a listed surname: "「大和田 國男」", "['渡部恵子', '阿部大輔']", "“田中春香”".
    static let quotedJapaneseFullName = make(
        #"(?<=[「『'"“])(\p{Han}{1,3}[ 　]?(?:\p{Han}{1,3}|\p{Hiragana}{2,4}))(?=[」』'"”])"#)
    /// Ideographs with a reading in katakana after a relation: "夫の国慶（グオチン）は".
    static let japaneseKinNameWithReading = make(#"(?<=の)(\p{Han}{1,4}[（(]\p{Katakana}[\p{Katakana}ー・ 　]{1,12}[）)])"#)
    /// The reading in brackets of a name already masked: "[NAME]（ひなた）".
    static let readingAfterMasked = make(#"(?<=\[NAME\])([ 　]?[（(][\p{Hiragana}\p{Katakana}ー・ 　]{2,16}[）)])"#)
    /// A person addressed in katakana opening a message: "ハルカ、ごめん今日行けない".
    static let japaneseKatakanaVocative = make(
        #"(?:^|(?<=[「『"“]))(\p{Katakana}[\p{Katakana}ー]{1,6})(?=、[ 　]?(?:ごめん|ありがとう|元気|おはよう|おつかれ|お疲れ|久しぶり|おめでとう|今日|明日|明後日|今度|来週|さっき|ちょっと|悪い|いま|今))"#,
        [.anchorsMatchLines])
    /// A foreign full name in katakana before です or an honorific: "予約しているグエン・ヴァン・ナムです".
    /// Before です only where a person introduces themself ("…しているグエン・ヴァン・ナムです"), not "マイクロソフト・オフィスです".
    static let japaneseDottedKatakanaName = make(
        #"(?:(?<![\p{Katakana}ー・])(?=\p{Katakana}[\p{Katakana}ー]+(?:・\p{Katakana}[\p{Katakana}ー]*){1,3}(?:と申します|様|さん|氏))|(?<=[るた]|私は|わたしは|僕は)(?=\p{Katakana}[\p{Katakana}ー]+(?:・\p{Katakana}[\p{Katakana}ー]*){1,3}です))(\p{Katakana}[\p{Katakana}ー]+(?:・\p{Katakana}[\p{Katakana}ー]*){1,3})"#)
    static let japaneseNameAfterDepartment = make(#"(?<=(?:[部課室]|部長|課長|室長|社長|店長|所長|局長)[ \t　])(\p{Han}{3,5})(?=[ \t　]|で|です|より|$)"#, [.anchorsMatchLines])
    /// Who writes for a company or a department, the opening of a business letter:
    /// "株式会社ミドリの木村です", "営業部の松本と申します".
    static let japaneseNameAfterOrganisation = make(
        #"(?:(?:株式会社|有限会社|合同会社)[\p{Han}\p{Katakana}ー\p{Latin}]{1,12}|[\p{Han}\p{Katakana}ー\p{Latin}]{1,10}(?:株式会社|会社|社|部|課|室|店|事務所|大学|病院|学校|銀行|協会|センター|チーム|グループ|支店|本部|営業所))の[ \t　]*(\p{Han}{1,4}(?:[ 　]?\p{Han}{1,3})?)(?=です|と申します|でございます|と言います|といいます)"#)
    /// A Japanese letter's sign-off: "田中より", "佐藤 健一より" ending a line.
    static let japaneseSignOff = make(
        #"(?:^|\n|。)[ \t]*(\p{Han}{2,4}(?:[ \t]\p{Han}{1,3})?|\p{Katakana}[\p{Katakana}ー・]{1,12})[ \t]*より[ \t]*(?:\n|$)"#, [.anchorsMatchLines])
    /// A Chinese name whose name or standing something is in: "订单是用张子涵的名字下的", "以王磊的名义".
    static let chineseNameBeforeNameOf = make(
        #"(?:用|以|写|寫|填|登记|登記|在)("# + chineseName + #")(?=的名字|的名义|的名義|名下)"#)
    /// A Chinese name after a word that takes a person: a verb ("告诉刘洋", "通知王伟"), a relation
    /// ("我的同事李娜", "客户郑华") or a label ("收件人：孙丽"); judged by `PIIMasker.chineseName`.
    static let chineseNameAfterPersonCue = make(
        #"(?:致|告诉|告訴|通知|邀请|邀請|感谢|感謝|谢谢|謝謝|回复|回覆|联系|聯繫|聯絡|提醒一下|提醒|恭喜|父亲|父親|母亲|母親|大舅|二舅|小舅|大伯|二伯|二叔|三叔|大姨|二姨|祝贺|祝賀|介绍|介紹|推荐|推薦|"#
            + #"我爸|我妈|我媽|我爹|我娘|干妈|乾媽|干爹|乾爹|业主|業主|舅舅|舅妈|舅媽|姑姑|姑父|小姨|姨妈|姨媽|大嫂|大哥|大姐|"#
            + #"(?:我的|我|我们的|我們的)?(?:朋友|同事|老板|老闆|邻居|鄰居|女儿|女兒|儿子|兒子|妻子|丈夫|老公|老婆|男朋友|女朋友|室友|同学|同學|老师|老師|经理|經理|客户|客戶|房东|房東|表哥|表姐|表妹|表弟|堂哥|堂姐|哥哥|姐姐|弟弟|妹妹|妈妈|媽媽|爸爸|奶奶|爷爷|爺爺|外婆|外公|阿姨|叔叔|学生|學生|病人|患者|员工|員工|孩子|上司|领导|領導|搭档|搭檔|未婚夫|未婚妻|侄子|侄女|外甥|外甥女|孙子|孙女|孫子|孫女|婆婆|公公|岳父|岳母|前夫|前妻|闺蜜|閨蜜|合伙人|合夥人|班主任|同桌|继父|繼父|继母|繼母|新郎|新娘|租户|租戶|继子|繼子|继女|繼女|前男友|前女友|男友|女友|舍友|發小|发小|网友|網友|学长|學長|学姐|學姐|学弟|學弟|学妹|學妹|导师|導師|师父|師父|姐夫|嫂子|妹夫|弟媳|舅舅|姑姑|姨妈|姨媽|小姨|女婿|儿媳|兒媳|下属|下屬|上级|上級|前任|战友|戰友|队友|隊友|师傅|師傅|徒弟|邻居|房客|租客|老乡|老鄉|客服|服务员|服務員|店员|店員|快递员|快遞員|外卖员|外賣員|导购|導購|前台|护士|護士|保安|中介|导游|導遊|销售|銷售|业务员|業務員)|"#
            + #"总监|總監|主管|秘书|秘書|助理|司机|司機|保姆|教练|教練|领班|領班|工头|工頭|律师|律師|医生|醫生|会计|會計|楼长|樓長|组长|組長|班长|班長|队长|隊長|村长|村長|店长|店長|院长|院長|社长|社長|厂长|廠長|总经理|總經理|总裁|總裁|的名字|名叫|全名叫|全名是|名字是|名字叫|真名是|真名叫|本名是|户名是|户名|戶名|推荐人|推薦人|收件人是|寄件人是|借款人|出借人|出租人|承租人|经办人|經辦人|代表人|被告|原告|甲方代表|乙方代表|署名|签名|簽名|落款|联系人|聯絡人|聯繫人|收件人|发件人|發件人|寄件人|姓名|申请人|申請人|负责人|負責人|亲爱的|親愛的|尊敬的)[ \t,，]*[：:]?[ \t]*("# + chineseName + ")")
    /// A Chinese name at a word boundary without a cue: after anything but an ideograph or a digit
    /// (a measure word follows one: "12段") ("：刘海涛、
    /// 孙怡然"), or after a preposition, a copula or a particle that ends a word ("和", "是", "叫",
    /// "的", "写"); judged strictly, since these also take things ("和施肥", "给孙子").
    static let chineseNameAtBoundary = make(
        #"(?:(?<![\p{Han}\p{N}])|(?<=[给給跟向替为為和与與同对對让讓请請叫问問帮幫是被把找等的了到写寫说說人致祝由部]))("# + chineseName + ")")
    /// A surname after 小, 老 or 阿 (a nickname): "小王说", "老李让我", "隔壁工位的小赵今天".
    static let chineseNickname = make(
        #"(?:(?<![\p{Han}])|(?<=[给給跟向和与與同对對让讓请請叫问問帮幫是被的了到说說])|(?<="# + chineseKin + #"|辞退|辭退|批评|批評))((?:小|老)["# + chineseSurnames + #"]|阿\p{Han})(?=[^\p{Han}]|说|說|让|讓|的|是|在|今天|明天|也|和|跟|要|想|请|請|给|給|刚|剛|已经|已經|辞|辭|搬|问|問|告诉|告訴|总是|總是|每天|一直|又|还|還|都|最近|借|欠|送|来|來|去|会|會|没|沒|不)"#)
    /// A nickname of 小 or 阿 and any character, or a doubled character, after a relation or a
    /// verb whose object is a person, or before what only a person does (group 3): "小雨想让我",
    /// "给婷婷写", "我男朋友阿杰生日". The caller turns away common words outside that last slot.
    static let chineseAnyNickname = make(
        #"(?:(?<=给|給|和|跟|陪|帮|幫|祝|男朋友|女朋友|朋友|同事|老公|老婆|室友|同学|同學|闺蜜|閨蜜|表妹|表姐|表哥|表弟|堂姐|堂妹|妹妹|姐姐|弟弟|哥哥|女儿|女兒|儿子|兒子|服务员|服務員|客服|店员|店員|快递员|快遞員|导购|導購|前台|护士|護士|司机|司機|教练|教練)|(?<![\p{Han}]))((?:小|阿)\p{Han}|(\p{Han})\2)"#
            + #"(?:(想让|想讓|让我|讓我|叫我|请我|請我|帮我|幫我|给我|給我|跟我说|告诉我|告訴我|问我|問我|说她|说他|說她|說他)|(?=[^\p{Han}]|写|寫|生日|的生日|过生日|過生日|结婚|結婚|发|發|打电话|打電話|一起|确认|確認|特别|特別|态度|態度|推荐|推薦|联系|聯繫))"#)
    /// A doubled character told or notified, whatever follows: "怎么告诉晴晴这件事".
    static let chineseDoubledAfterTell = make(#"(?<=告诉|告訴|通知)((\p{Han})\2)"#)
    /// Whom a letter is addressed to, or what someone is called, in quotes or before punctuation,
    /// whatever the surname: "以“亲爱的阿珍”开头", "我们都叫他“豪哥”", "我女儿叫欣怡，", "大名叶诺。"; "晨晨妈妈" (a child's
    /// doubled name before a parent). The caller turns away common words ("亲爱的妈妈").
    static let chineseCalledName = make(
        #"(?:(?:亲爱的|親愛的|叫他|叫她|称他|稱他|称她|稱她|喊他|喊她|(?<="# + chineseKin + #"|他|她|孩子|宝宝|寶寶)叫|(?:全名|大名|本名|真名|原名|小名|乳名|学名|學名)(?:是|叫)?)[“"「『]?(\p{Han}{2,3})(?=[”"」』，,。！!？?、 ]|$)|(?:(?<![\p{Han}])|(?<=写|寫|是|给|給|署名|落款))((\p{Han})\3)(?=妈妈|媽媽|爸爸|妈|媽|爸))"#)
    /// An item of a list next to a masked name: "刘海涛、[NAME]", "[NAME]、孙怡然".
    static let chineseNameInList = make(
        #"(?:(?<=\[NAME\]、)("# + chineseName + #")(?![\p{Han}])|(?<![\p{Han}])("# + chineseName + #")(?=、\[NAME\]))"#)
    /// A nickname beside a masked name in a list: "有阿May、[NAME]、小胖和[NAME]".
    static let chineseNicknameInList = make(
        #"(?:(?<=\[NAME\]、)(小\p{Han}|阿(?:\p{Han}|\p{Latin}+))(?=[、和与與及，,。\s]|$)|(?:(?<![\p{Han}])|(?<=[有和与與跟]))(小\p{Han}|阿(?:\p{Han}|\p{Latin}+))(?=、\[NAME\]|和\[NAME\]))"#)
    /// A given name of two characters beside a masked name in a list: "[NAME]、丽娜去", "丽娜、[NAME]".
    static let chineseGivenInList = make(
        #"(?:(?<=\[NAME\]、)(\p{Han}{2})(?=[^\p{Han}]|$|和|与|與|去|来|來|一起|都|也|说|說|是|在|的|要|想|写|寫|给|給|发|發|打|刚|剛|请|請|帮|幫)|(?:(?<![\p{Han}])|(?<=[和与與跟]))(\p{Han}{2})(?=、\[NAME\]))"#)
    static let japaneseNameInList = make(
        #"(?:(?<=\[NAME\]、)[ \t　]*("# + japaneseName + #")(?=[、。\s]|$)|(?<![\p{Han}\p{Hiragana}\p{Katakana}])("# + japaneseName + #")(?=、\[NAME\]))"#)
    /// A list of Japanese names after an attendee cue, before a count of people or before who comes
    /// along: "参加者は、伊藤、中村、小林、加藤の4名", "佐藤ゆかり、田村あおい、服部れん の3人", "葵、リョウタ、マリアも来ます".
    static let japaneseNameList = make(
        #"(?:(?:参加者|出席者|メンバー|参加メンバー|出席者名)(?:は|：|:)[、 　]*)?((?:"# + japaneseName + #")(?:[ 　]*、[ 　]*(?:"# + japaneseName + #")){1,9})(?=[ 　]*(?:の|で|が|は)?[ 　]*[0-9０-９一二三四五六七八九十]+[ 　]*(?:名|人)|も来ます|も来る|も来てくれ|も参加します|も参加する|と一緒に|も一緒に|を招待|も招待)"#)
    /// A Chinese name opening a sentence before words that only a person takes: "张伟的生日快到了", "张伟在此".
    static let chineseNameOpening = make(
        #"(?:^|(?<=[。！？!?\n]))[ \t]*("# + chineseName + #")(?=的(?:生日|婚礼|婚禮|简历|簡歷|邮件|郵件|电话|電話|地址|妈妈|媽媽|爸爸|孩子|老师|老師|朋友)|在此|在這|在这|是我|让我|讓我|要我|请我|請我|叫我|今年|下周|下週|明天|昨天|刚刚|剛剛|说|說)"#, [.anchorsMatchLines])
    /// A surname alone before a title or after 小/老: "刘经理", "王女士", "张先生".
    static let chineseSurnameBeforeTitle = make(
        #"(?:(?<![\p{Han}])|(?<=给|給|跟|向|和|与|與|请|請|问|問|致|告诉|告訴|通知|联系|聯繫|亲爱的|親愛的|尊敬的))(["# + chineseSurnames + #"])(?=先生|女士|小姐|老师|老師|经理|經理|总监|總監|医生|醫生|教授|律师|律師|主任|博士|太太|夫人|师傅|師傅|老板|老闆|部长|部長|处长|處長|科长|科長|局长|局長|校长|校長|董事长|董事長|总(?![\p{Han}])|總(?![\p{Han}]))"#)
    /// A Japanese name before a title: "鈴木部長", "林先生", "山本社長宛て"; roles stay ("営業部長").
    static let japaneseNameBeforeTitle = make(
        #"(?<![\p{Han}\p{Katakana}ー])(\p{Han}{1,3}[ \t　]\p{Han}{1,3}|\p{Han}{1,5})(?="# + PIIMasker.japaneseTitles.joined(separator: "|") + #")(?!殿[町通前下堂])"#)
    /// A name in hiragana before an honorific: "同僚のやまぐちさん", "ゆいちゃん".
    static let japaneseKanaBeforeHonorific = make(#"(?:(?<=の|は|と|、|「)|(?<![\p{Hiragana}\p{Han}ー]))(\p{Hiragana}{2,5})(?=さん|くん|ちゃん|様|さま)"#)
    /// Kinship and common words in hiragana before さん or ちゃん, which are no names.
    static let japaneseKanaNotNames: Set<String> = [
        "みな", "みなさ", "あか", "あかち", "おば", "おじ", "おばあ", "おじい", "おかあ", "おとう", "おねえ", "おにい", "ねえ", "にい",
        "かあ", "とう", "ばあ", "じい", "みんな", "ちゃん", "ぼっ", "ぼく", "わたし", "あなた", "だれ", "どなた", "こちら", "そちら",
        "あちら", "どちら", "ごちそう", "おつかれ", "おかげ", "さん", "たく", "やっ", "ばっ",
    ]
    /// A family name in kanji with its reading in brackets before an honorific: "望月（もちづき）さん".
    static let japaneseNameWithReading = make(#"(?<![\p{Han}])(\p{Han}{1,4}[（(][\p{Hiragana}\p{Katakana}ー]{2,10}[）)])(?=さん|様|さま|くん|ちゃん|先生|氏)"#)
    /// A Japanese name before a particle and a word of writing, calling or giving: "山田から連絡",
    /// "松本に頼まれた", "木村拓也のために"; common nouns stay ("会社から連絡", "上司に謝罪").
    static let japaneseNameBeforeParticle = make(
        #"(?<![\p{Han}\p{Katakana}ー々])([\p{Han}々]{2,4}(?:[\p{Han}々]{1,3})?)(?=(?:から|に|へ|と|宛て?に?)(?:の)?(?:連絡|メール|電話|手紙|返信|返事|お礼|謝罪|頼ま|送|一緒|相談|報告|招待|紹介|伝え|聞|お祝い|メッセージ|プレゼント|確認|打ち合わせ|会う|会い|話)|(?:\p{Hiragana}{2,4})?(?:と[\p{Han}々]{2,4}(?:\p{Hiragana}{2,4})?)?の(?:結婚式|披露宴|還暦|送別会|葬儀)|(?:のために|の為に)(?:送別会|誕生日|パーティー|プレゼント|お祝い|サプライズ|手紙))"#)
    /// A word of Hangul syllables, for `PIIMasker.maskKoreanNames`.
    static let hangulWord = make(#"(?<![\p{Hangul}\[])\p{Hangul}{3,8}(?![\p{Hangul}])"#)
    static let koreanSurnameSyllables: Set<Character> = Set(koreanSurname.dropFirst().dropLast())
    /// The first syllable of a common Korean surname.
    static let koreanSurname = "[김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금]"
    /// A Chinese name: a compound surname or a common one, and one or two ideographs.
    static let chineseName = "(?:" + compoundSurnames.sorted().joined(separator: "|") + #")\p{Han}{1,2}|["# + chineseSurnames + #"]\p{Han}{1,2}"#
    static let compoundSurnames: Set<String> = [
        "欧阳", "歐陽", "司马", "司馬", "上官", "诸葛", "諸葛", "东方", "東方", "慕容", "皇甫", "尉迟", "尉遲", "公孙", "公孫", "令狐",
        "夏侯", "长孙", "長孫", "宇文", "司徒", "西门", "西門", "端木", "南宫", "南宮", "独孤", "獨孤", "轩辕", "軒轅", "呼延", "闻人", "聞人",
    ]
    static func hanScalar(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isIdeographic }
    static let chineseSurnames = "华安王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文欧严施洪季俞章鲁葛伍韦尤毕聂焦柳邢岳齐梅莫庄辛祝左涂谷祁舒耿牟卜詹靳甄裴卫屈鲍覃霍翁隋柏柯阮桂闵華陳楊趙黃週吳孫馬羅鄭謝韓馮董蕭曹鄧許沈呂蘇盧蔣賈葉閻潘戴鍾汪廖鄒熊陸孔崔龍萬錢湯賀龔歐嚴施洪魯葛韋畢聶邢嶽齊莊張劉黃吳鄧蔣葉鍾譚鄭游麻褚甘简包庞单滕井车殷贝全邬肖鄢楚苗巫计倪鞠岑项苟闫芦栾佟冉古邰桑娄佘饶钮訾阙奚骆殳郁糜丘窦缪柴苑晏邸邝骞竺杭蔺琚祖水花路米商相宫管解展植巴池强阳冷盛连边牛吉凤牧官宗蓝荣麦权宁凌艾储敖荆籍匡滑费卓逯樊颜顏纪紀簡陶温溫翟申兰蘭童喻蒲穆戚瞿臧卞姬仇刁寇郎丛叢仲虞巩鞏冀胥栗燕冼阚闞屠朴廉禹漆卿狄芮扈晁雍辜裘亓嵇湛戎昝尉賴鐘凃塗闕粘麥鮑駱龐寧顧"

    /// "This is Ann Lee writing": the words before writing/speaking/here, in any case, since
    /// casual text writes names in lower case and the trailing word makes the cue unambiguous.
    static let nameBeforeWriting = make(
        #"(?i:\bthis is)[ \t]+(\p{L}[\p{L}\p{M}'’\-]*(?:[ \t]+\p{L}[\p{L}\p{M}'’\-]*){0,2}?)(?=[ \t]*,?[ \t]+(?i:writing|speaking|here|again)\b)"#)
    /// Lower-case words after a masked name, up to four, for `PIIMasker.extendNames`.
    static let lowercaseNameRest = make(#"\[NAME\]((?:[ \t]+\p{Ll}[\p{Ll}\p{M}'’\-]*){1,4})"#)
    /// Casual text writes names in lower case; after a cue that can only introduce a name, the
    /// next one or two lower-case words are the name (up to a stop word).
    static let lowercaseNameAfterStrongCue = make(
        #"(?i:\b"# + anyOf(lowercaseStrongCues) + #")[ \t]+(\p{Ll}[\p{L}\p{M}'’\-]*(?:[ \t]+\p{Ll}[\p{L}\p{M}'’\-]*)?)"#)
    /// A listed first name in lower case after a sign-off, with up to two words after it, ending
    /// the text or a quotation: "… zur schule. lg kerstin'", "cordialement, jean-baptiste lemoine".
    static let lowercaseNameAfterSignOff = make(
        #"(?i:\b"# + signOffWords + #")[,!.]?[ \t\n]+(\p{Ll}[\p{Ll}\p{M}\-]+(?:[ \t]+\p{Ll}[\p{Ll}\p{M}'’\-]+){0,2})(?=[ \t]*(?:[.!]?[ \t]*(?:['"”’»)]|$)))"#)
    /// A family by its surname: "Familie Schulte", "la familia Quintero", "the Okafor family".
    static let familyName = make(
        #"(?<![\p{L}])(?:Familie|Fam\.|famille|familia|família|famiglia|family)[ \t]+(\p{Lu}[\p{Ll}\p{M}'’\-]+(?:[ \t]+\p{Lu}[\p{Ll}\p{M}'’\-]+)?)(?![\p{L}\p{M}])"#)
    static let familyNameBefore = make(#"(?<=\bthe[ \t])(\p{Lu}[\p{Ll}\p{M}'’\-]+)(?=[ \t]+family\b)"#)
    /// What a text must hold (lowercased) for `nameAfterRelationIsCalled` to match.
    static let calledNeedles = ["heißt", "heisst", "hieß", "se llama", "s'appelle", "s’appelle", "si chiama", "se chama", "chama-se", "is called", "is named", "goes by", "named", "un tal", "una tal", "un certain", "une certaine"]
    /// A person one knows, and what they are called: "Unser neuer Nachbar heißt Rangi Parata",
    /// "der trainer heißt marco". Only relations and a few roles, not "Die Datei heißt Config".
    static let relationIsCalled = #"(?:"# + anyOf(possessives) + #"|der|die|den|el|la|le|il|o|a|the)[ \t]+(?:\p{L}+[ \t]+)?(?:"#
        + anyOf(relations + ["lehrer", "lehrerin", "trainer", "trainerin", "arzt", "ärztin", "partnerin", "tandempartner", "tandempartnerin",
            "betreuer", "betreuerin", "professor", "professorin", "entrenador", "entrenadora", "profesor", "profesora", "prof", "professeur",
            "maîtresse", "maître", "allenatore", "maestra", "maestro", "treinador", "professora"])
        + #")[ \t]+(?:heißt|heisst|hieß|se llama|s['’]appelle|si chiama|se chama|chama-se|is called|is named)[ \t]+"#
    static let nameAfterRelationIsCalled = make(#"(?<![\p{L}])(?i:"# + relationIsCalled + ")" + nameWords)
    static let lowercaseNameAfterRelationIsCalled = make(
        #"(?<![\p{L}])(?i:"# + relationIsCalled + #")(\p{Ll}[\p{Ll}\p{M}'’\-]+(?:[ \t]\p{Ll}[\p{Ll}\p{M}'’\-]+)?)(?![\p{L}\p{N}_(\[\\]|\.[\p{L}])"#)
    /// A lower-case first name after what someone is called, a relation or none before it: "el novio
    /// se llama diego", "she goes by wendy", "una tal rocio".
    static let lowercaseNameAfterCalled = make(
        #"(?<![\p{L}])(?i:se llama|s['’]appelle|heißt|heisst|si chiama|se chama|chama-se|goes by|named|un tal|una tal|un certain|une certaine)[ \t]+(\p{Ll}[\p{Ll}\p{M}'’\-]+(?:[ \t]\p{Ll}[\p{Ll}\p{M}'’\-]+)?)(?![\p{L}\p{N}_(\[\\]|\.[\p{L}])"#)
    /// The holder of an account, a booking or a fine, written surname first or not, in lower case:
    /// "au nom de petit, isabelle", "ausgestellt auf schulz, thomas", "no nome de oliveira marcos".
    static let lowercaseNameAfterHolder = make(
        #"(?<![\p{L}])(?i:au nom de|ausgestellt auf|auf den namen|intestat[oa] a|a nome di|no nome de|em nome de|a nombre de|in the name of|under the name|titular es|titulaire est)[ \t]+(\p{Ll}[\p{Ll}\p{M}'’\-]+(?:,?[ \t]\p{Ll}[\p{Ll}\p{M}'’\-]+)?)(?![\p{L}\p{N}_(\[\\]|\.[\p{L}])"#)
    static let holderNeedles = ["au nom de", "ausgestellt auf", "auf den namen", "intestat", "a nome di", "no nome de", "em nome de", "a nombre de", "in the name of", "under the name", "titular es", "titulaire est"]
    /// A lower-case first name said to be a relation's: "his wife is sofía", "my kid is ella".
    static let lowercaseNameAfterRelationIs = make(
        #"(?<![\p{L}])(?i:(?:"# + anyOf(possessives) + #")[ \t]+)?(?i:"# + anyOf(relations + ["kid", "son's", "daughter's"]) + #")[ \t]+(?i:is|es|est|ist|è|é)[ \t]+(\p{Ll}[\p{Ll}\p{M}'’\-]+(?:[ \t]\p{Ll}[\p{Ll}\p{M}'’\-]+)?)(?![\p{L}\p{N}_(\[\\]|\.[\p{L}])"#)
    /// One-word relations, for a look back at the words before a name.
    static let relationWords: Set<String> = Set(relations.filter { !$0.contains(" ") } + ["kid", "kids"])
    /// Words for someone not named: "wenn einer vegan is (tobi)", "una è vegana (irene)".
    static let someoneWords: Set<String> = ["one", "someone", "somebody", "einer", "eine", "jemand", "uno", "una", "alguien", "qualcuno", "quelqu'un", "alguém", "um", "uma"]
    /// A lower-case first name alone in brackets, with a surname or an age: "my mom (margaret o'brien)", "(tobi)".
    static let lowercaseNameInBrackets = make(#"\((\p{Ll}[\p{Ll}\p{M}'’\-]+(?:[ \t]\p{Ll}[\p{Ll}\p{M}'’\-]+)?)(?:,?[ \t]*\d{1,3})?\)"#)
    static let lowercaseNameBeforeRelation = make(
        #"(?<![\p{L}\p{M}])(\p{Ll}[\p{Ll}\p{M}\-]+),[ \t]+(?:"# + anyOf(possessives) + #")[ \t]+(?:"# + anyOf(relations) + #")(?![\p{L}])"#)
    /// A name in pinyin after 叫 or a colleague, friend or classmate: "物业经理叫 zhou haiyan，",
    /// "我同事 liu haoyu 又在"; every word of it one to three syllables.
    static let pinyinNameAfterCalled = make(
        #"(?<=叫|同事|朋友|同学|同學|室友|邻居|鄰居|老板|老闆|经理|經理)[ \t]*((?i:"# + pinyinWord + #")(?:[ \t]+(?i:"# + pinyinWord + #")){1,2})(?=[ \t]*(?:[，。,.!！?？、；;]|\p{Han}|$))"#)
    static let pinyinWord = "(?:" + pinyinSyllablePattern + "){1,3}"
    /// A lower-case word after a possessive and a relation: "mi abuela rosario", "meine oma hildegard".
    static let lowercaseNameAfterRelation = make(
        #"(?<![\p{L}\p{M}])(?:"# + anyOf(possessives) + #")[ \t]+(?:"# + anyOf(relations) + #"),?[ \t]+(\p{Ll}[\p{Ll}\p{M}'’\-]+(?:[ \t]\p{Ll}[\p{Ll}\p{M}'’\-]+)?)(?![\p{L}\p{N}_(\[\\]|\.[\p{L}])"#)
    /// A lower-case word before a verb of saying or wanting: "budi says", "xiomara dice que".
    static let lowercaseNameBeforeSpeechVerb = make(
        #"(?:^|(?<=[.!?,:;"'“«(\n][ \t])|(?<=^[ \t])|(?<=[.!?,:;"'“«(\n]))(\p{Ll}[\p{Ll}\p{M}'’\-]+)(?=[ \t]+(?:says|said|told|asked|wants|thinks|dice|dijo|quiere|piensa|dit|veut|pense|m'a dit|sagt|meint|hat gesagt|will|möchte|ha detto|vuole|pensa|diz|disse|quer|acha)(?![\p{L}]))"#,
        [.anchorsMatchLines])
    /// What a text must hold (lowercased) for `lowercaseNameBeforeSpeechVerb` to match.
    static let speechVerbNeedles = [
        " says", " said", " told", " asked", " wants", " thinks", " dice", " dijo", " quiere", " piensa", " dit", " veut", " pense",
        " m'a dit", " sagt", " meint", " gesagt", " will", " möchte", " detto", " vuole", " pensa", " diz", " disse", " quer", " acha",
    ]
    /// Two lower-case words or more joined by commas and "and": the candidates of `lowercaseList`.
    static let lowercaseList = make(
        #"(?<![\p{L}\p{M}'’\-])\p{Ll}[\p{Ll}\p{M}'’\-]+(?:(?:,[ \t]*|[ \t]+(?:and|und|y|e|et|ed|en|i|&)[ \t]+|,[ \t]+(?:and|und|y|e|et|ed|en|i)[ \t]+|(?<=\p{Ll})[+&](?=\p{Ll}))\p{Ll}[\p{Ll}\p{M}'’\-]+)+(?![\p{L}\p{M}])"#)
    static let lowercaseListSeparator = make(#",[ \t]+(?:and|und|y|e|et|ed|en|i)[ \t]+|,[ \t]*|[ \t]+(?:and|und|y|e|et|ed|en|i|&)[ \t]+|[+&]"#)
    static let listConjunctions: Set<String> = ["and", "und", "y", "e", "et", "ed", "en", "i"]
    /// A lower-case word after a verb that takes a person ("hire jamal", "met with priya"); a name
    /// only when listed. Prepositions ("to", "and") take lower-case words of every kind.
    static let lowercaseNameAfterPersonWord = make(
        #"\b(?:ask|tell|hire|hired|met|meet|meeting|call|email|text|thank|thanks|invite|remind|cc|congratulate|told|asked|met with|meet with|uncle|aunt|auntie|neighbour|neighbor|friend|colleague|coworker|boss|cousin|brother|sister|son|daughter|flatmate|roommate|grandpa|grandma|nephew|niece|wife|husband|partner|girlfriend|boyfriend|fiance|fiancee|fiancé|fiancée|mom|mum|dad|manager|teacher|student|client|email to|write to|text to|message to|letter to|note to|reply to|nachricht an|brief an|karte an|text an|sms an|mail an|mensaje a|mensaje para|carta a|carta para|message à|lettre à|messaggio a|messaggio per|lettera a|mensagem para|mensagem pro|mensagem pra|primo|prima|tío|tía|tio|tia|zia|zio|cugino|cugina|nonna|nonno|amigo|amiga|hermano|hermana|sobrino|sobrina|frère|sœur|frere|soeur|cousine|tante|oncle|onkel|bruder|schwester|freund|freundin|irmão|irmã|sohn|tochter|neffe|nichte|nachbar|nachbarin|kollege|kollegin|fils|fille|voisin|voisine|copain|copine|collègue|hijo|hija|vecino|vecina|novio|novia|compañero|compañera|figlio|figlia|fratello|sorella|ragazzo|ragazza|collega|vicino|vicina|filho|filha|namorado|namorada|vizinho|vizinha|oma|opa|vó|vô|avó|avô|aunty|nan|nana|kids|kinder|bimbi|bambini|enfants|crianças|niños|hebamme|ostetrica|enfermeira|enfermera|gerente|maestra|maestro|profe) (?!(?:with|and|to|for|the|a|an|my|her|his|our|their|your|me|him|them|us|about|on|in|at)\b)(\p{Ll}[\p{Ll}'’\-]+(?:[ \t]\p{Ll}[\p{Ll}'’\-]+)?)(?![\p{L}\p{N}_(\[\\]|\.[\p{L}])"#)
    static let lowercaseNameAfterTitle = make(
        #"(?<![\p{L}])((?:(?:sig\.ra|sig\.na|dott\.ssa|prof\.ssa)\.?|(?:fr|m|lic|ing)\.|(?:frau|herr|herrn|hr|hrn|mr|mrs|ms|dr|dra|dott|prof|señor|señora|sr|sra|srta|monsieur|madame|mme|mlle|signor|signora|sig|senhor|senhora|pani|pan|pana|mevrouw|meneer|don|doña|dona|seu|profe)\.?)(?:[ \t]*(?:dr|prof)\.)?)[ \t]*(?<=[ \t.])(\p{Ll}[\p{Ll}\p{M}'’\-]+(?:[ \t]\p{Ll}[\p{Ll}\p{M}'’\-]+)?)(?![\p{L}\p{N}_\[])"#)
    /// What follows "dr.", "prof." or "ms." besides a name: "the dr. said", "ms. word".
    static let afterDottedTitle: Set<String> = [
        "said", "says", "told", "tells", "asked", "asks", "wants", "wanted", "thinks", "thought", "recommended", "recommends",
        "prescribed", "prescribes", "gave", "gives", "suggested", "suggests", "called", "calls", "appointment", "office", "visit",
        "note", "notes", "word", "excel", "degree", "who", "says", "explained", "mentioned", "did", "does", "didn't", "doesn't",
    ]
    /// Titles that stand only before a name: after them a lower-case word is one. Not "ms",
    /// "dr", "prof" or "sr", which are also abbreviations of things ("ms word", "dr appointment").
    static let abbreviatedTitles: Set<String> = [
        "mr", "mrs", "dra", "dott", "sra", "srta", "mme", "mlle", "sig", "herr", "herrn", "frau", "hr", "hrn", "fr", "sigra", "signa", "dottssa", "profssa", "lic",
    ]
    static let lowercaseNameAndSelf = make(
        #"(?<![\p{L}\p{M}])(\p{Ll}[\p{Ll}\p{M}'’\-]+)(?=[ \t]+(?:and[ \t]+i|and[ \t]+me|und[ \t]+ich|y[ \t]+yo|et[ \t]+moi|e[ \t]+io|e[ \t]+eu|en[ \t]+ik)(?![\p{L}]))"#)
    /// After a cue that also introduces other words ("i'm tired"), a lower-case name counts only
    /// when its first word is a listed first name.
    /// A greeting before another cue ("hola soy lucía", "hey this is priya") gives way to it.
    static let lowercaseNameAfterWeakCue = make(
        #"(?i:\b"# + anyOf(lowercaseWeakCues) + #")[ \t]+(?!(?i:"# + anyOf(lowercaseWeakCues.filter { !lowercaseGreetingCues.contains($0) && !$0.hasSuffix(",") }) + #")[ \t])(\p{Ll}[\p{L}\p{M}'’\-]*(?:[ \t]+\p{Ll}[\p{L}\p{M}'’\-]*)?)"#)
}

