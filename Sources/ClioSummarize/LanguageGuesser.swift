/// Guesses the human languages of a text: by script for non-Latin writing systems, and by
/// counting very common function words for Latin-script languages. Returns full names,
/// the main language first, a second one only when it is clearly present
/// (`"Spanish; English"`); `"Unknown"` when nothing can be told.
public struct LanguageGuesser: Sendable {
    public init() {}

    /// At most this many characters are looked at; the start of a conversation is enough.
    static let sampleLimit = 4000

    public func guess(_ text: String) -> String {
        let ranked = scores(text)
        guard let first = ranked.first, first.score > 0 else { return "Unknown" }
        if ranked.count > 1 {
            let second = ranked[1]
            // "Clearly present": a real share of the evidence, not a loanword or two.
            if second.score >= 8 && second.score >= first.score * 0.2 {
                return "\(first.language); \(second.language)"
            }
        }
        return first.language
    }

    /// Evidence per language, largest first. Script languages count letters; Latin-script
    /// languages count function words, scaled so a word weighs like several letters.
    func scores(_ text: String) -> [(language: String, score: Double)] {
        var scriptCounts: [String: Int] = [:]
        var latinLetters = 0
        var hasKana = false
        var hanCount = 0
        var cyrillicUkrainian = 0
        var arabicPersian = 0
        var words: [String] = []
        var current = ""
        var seen = 0
        for scalar in text.unicodeScalars {
            seen += 1
            if seen > LanguageGuesser.sampleLimit { break }
            let v = scalar.value
            var isWordLetter = false
            switch v {
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F:
                if v != 0xD7 && v != 0xF7 {
                    latinLetters += 1
                    isWordLetter = true
                }
            case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9D:
                hasKana = true
                scriptCounts["Japanese", default: 0] += 1
            case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF:
                hanCount += 1
            case 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F:
                scriptCounts["Korean", default: 0] += 1
            case 0x0400...0x04FF:
                if v == 0x0456 || v == 0x0457 || v == 0x0454 || v == 0x0491 { cyrillicUkrainian += 1 }
                scriptCounts["Russian", default: 0] += 1
            case 0x0600...0x06FF, 0x0750...0x077F:
                if v == 0x067E || v == 0x0686 || v == 0x0698 || v == 0x06AF || v == 0x06CC { arabicPersian += 1 }
                scriptCounts["Arabic", default: 0] += 1
            case 0x0370...0x03FF: scriptCounts["Greek", default: 0] += 1
            case 0x0590...0x05FF: scriptCounts["Hebrew", default: 0] += 1
            case 0x0900...0x097F: scriptCounts["Hindi", default: 0] += 1
            case 0x0E00...0x0E7F: scriptCounts["Thai", default: 0] += 1
            case 0x0980...0x09FF: scriptCounts["Bengali", default: 0] += 1
            case 0x0B80...0x0BFF: scriptCounts["Tamil", default: 0] += 1
            case 0x0530...0x058F: scriptCounts["Armenian", default: 0] += 1
            case 0x10A0...0x10FF: scriptCounts["Georgian", default: 0] += 1
            default: break
            }
            if isWordLetter || scalar == "'" || scalar == "’" {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current.lowercased())
                current = ""
            }
        }
        if !current.isEmpty { words.append(current.lowercased()) }
        // Han characters are Japanese when kana are present, Chinese otherwise.
        if hanCount > 0 { scriptCounts[hasKana ? "Japanese" : "Chinese", default: 0] += hanCount }
        if let russian = scriptCounts["Russian"], cyrillicUkrainian >= 2 {
            scriptCounts["Russian"] = nil
            scriptCounts["Ukrainian"] = russian
        }
        if let arabic = scriptCounts["Arabic"], arabicPersian >= 2 {
            scriptCounts["Arabic"] = nil
            scriptCounts["Persian"] = arabic
        }
        // One CJK character carries about as much as three Latin letters.
        var result: [(language: String, score: Double)] = scriptCounts.map { key, count in
            (key, Double(count) * (key == "Chinese" || key == "Japanese" || key == "Korean" ? 3 : 1))
        }
        // Latin script: the language with most function-word hits takes the Latin letters as
        // its evidence. A second Latin language must show words the first does not have
        // (Spanish and Portuguese share "de", "que", "en"), at least three of them.
        if latinLetters > 0 {
            var hits: [String: Int] = [:]
            for word in words {
                guard let languages = LanguageGuesser.functionWords[word] else { continue }
                for language in languages { hits[language, default: 0] += 1 }
            }
            // Ties go to the more widely used language (the order of the word lists).
            let ranked = hits.sorted {
                $0.value > $1.value
                    || ($0.value == $1.value && LanguageGuesser.priority[$0.key, default: 99] < LanguageGuesser.priority[$1.key, default: 99])
            }
            if let top = ranked.first {
                result.append((top.key, Double(latinLetters)))
                var best: (language: String, hits: Int)?
                for (language, _) in ranked.dropFirst() {
                    let ownWords = words.filter { word in
                        guard let languages = LanguageGuesser.functionWords[word] else { return false }
                        return languages.contains(language) && !languages.contains(top.key)
                    }
                    // Three hits of one word ("a", "de") are not a language; ask for variety too.
                    let own = Set(ownWords).count >= 2 ? ownWords.count : 0
                    if own > (best?.hits ?? 0) { best = (language, own) }
                }
                if let best, best.hits >= 3, Double(best.hits) >= 0.3 * Double(top.value) {
                    result.append((best.language, Double(latinLetters) * Double(best.hits) / Double(top.value + best.hits)))
                }
            } else if latinLetters >= 20 && result.allSatisfy({ $0.score < Double(latinLetters) }) {
                // Latin letters but no known words (code, product names): most likely English.
                result.append(("English", Double(latinLetters) * 0.5))
            }
        }
        // Scripts need a handful of letters to count at all.
        result = result.filter { $0.score >= 2 }
        return result.sorted { $0.score > $1.score || ($0.score == $1.score && $0.language < $1.language) }
    }

    /// Very common words that tell the languages apart. Words shared by two languages count for both.
    static let priority: [String: Int] = [
        "English": 0, "Spanish": 1, "French": 2, "German": 3, "Portuguese": 4, "Italian": 5, "Dutch": 6,
    ]

    static let functionWords: [String: [String]] = {
        let lists: [(String, String)] = [
            ("English", "a the and is are was were to of in that it for with without you this have has had how what can my i i'm i’m it's don't on be not do does please could would should help me want need an about your from which when there any or if at by as but so we they them will just some like get make know use using more than into out up all one"),
            ("Spanish", "el la los las y es son que de en un una para por con no se mi como qué cómo puedo quiero necesito ayuda hola gracias pero muy más este esta lo al del tengo hacer también"),
            ("French", "le la les et est sont que de des en un une pour par avec ne pas je mon ma mes comment quoi puis veux besoin aide bonjour merci mais très plus ce cette du au vous il elle nous faire aussi"),
            ("German", "der die das und ist sind zu den dem des ein eine für mit nicht ich mein meine wie was kann möchte brauche hilfe hallo danke aber sehr mehr auf auch sie wir es im bitte"),
            ("Portuguese", "o os as é são que de em um uma para por com não eu meu minha como posso quero preciso ajuda olá obrigado mas muito mais do da no na você também fazer"),
            ("Italian", "il lo la gli le è sono che di in un una per con non io mio mia come posso voglio bisogno aiuto ciao grazie ma molto più del della nel anche fare questo questa"),
            ("Dutch", "de het en is zijn dat van in een voor met niet ik mijn hoe wat kan wil nodig hulp hallo dank maar heel meer ook je jij we op te"),
        ]
        var table: [String: [String]] = [:]
        for (language, words) in lists {
            for word in words.split(separator: " ") { table[String(word), default: []].append(language) }
        }
        return table
    }()
}
