import ClioCore
import Foundation

/// Tells whether the texts given to an English-only embedder are in other languages, so that
/// clio-embed can say so once and name `--model multilingual`.
///
/// A text counts as not English when
/// - most of its letters are of a script other than Latin (Han, kana, Hangul, Cyrillic, Arabic,
///   Hebrew, Greek, the Indic scripts, Thai, …) — the text itself says so; or
/// - its record comes from the extractive summarizer (`summarizer.name` "extractive", whose
///   summaries keep the conversation's language) and `facets.language` names another language
///   first. An LLM summarizer writes its summaries in English whatever `facets.language` says,
///   so the facet alone is not evidence.
///
/// The notice is due when at least `minimumCount` texts, and at least `minimumShare` of all
/// texts seen, are not English: decided once `earlyAfter` texts have been seen (so a long run
/// says it early), else at the end of the input.
struct LanguageMix {
    static let minimumCount = 3
    static let minimumShare = 0.05
    static let earlyAfter = 200
    /// Letters looked at per text.
    static let sampleLimit = 2000

    private(set) var texts = 0
    /// Texts per language (or script) that is not English.
    private(set) var others: [String: Int] = [:]
    private var told = false

    mutating func observe(_ text: String, record: JSONObject) {
        texts += 1
        if let language = Self.otherLanguage(text, record: record) { others[language, default: 0] += 1 }
    }

    /// The notice for `model`, the first time it is due; nil otherwise.
    mutating func notice(model: String, atEnd: Bool) -> String? {
        guard !told, atEnd || texts >= Self.earlyAfter else { return nil }
        let count = others.values.reduce(0, +)
        guard count >= Self.minimumCount, Double(count) >= Self.minimumShare * Double(texts) else { return nil }
        told = true
        let share = Int((100 * Double(count) / Double(texts)).rounded())
        let top = others.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(5)
        let languages = top.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + (others.count > 5 ? ", …" : "")
        return "\(count) of \(texts)\(atEnd ? "" : " texts so far") (\(share)%) are not in English (\(languages)); "
            + "\(model) is an English model and places them poorly (clio-cluster's centring by language "
            + "takes out part of that): --model multilingual "
            + "(\(LocalModel.multilingual.name)) embeds 50+ languages in one space"
    }

    /// The language of `text` when it is not English, else nil.
    static func otherLanguage(_ text: String, record: JSONObject) -> String? {
        if let script = dominantScript(text) { return script }
        let record = JSON.object(record)
        guard record[path: "summarizer.name"]?.stringValue == "extractive",
            let named = record[path: "facets.language"]?.stringValue,
            let first = named.split(separator: ";").first.map({ $0.trimmingCharacters(in: .whitespaces) }), !first.isEmpty,
            first != "English", first != "Unknown"
        else { return nil }
        return first
    }

    /// The script of most of the letters of `text` when it is not Latin, by name (a language
    /// where the script has one: Chinese, Japanese, Korean, Greek, Hebrew, Thai).
    static func dominantScript(_ text: String) -> String? {
        var latin = 0
        var counts: [String: Int] = [:]
        var seen = 0
        for s in text.unicodeScalars {
            guard s.properties.isAlphabetic, s.properties.generalCategory != .nonspacingMark else { continue }
            seen += 1
            if seen > sampleLimit { break }
            if let script = script(of: s.value) { counts[script, default: 0] += 1 } else { latin += 1 }
        }
        let other = counts.values.reduce(0, +)
        guard other > latin else { return nil }
        // Han with kana is Japanese; Han alone, Chinese.
        if let kana = counts["kana"] {
            counts["kana"] = nil
            counts["Japanese", default: 0] += kana + (counts.removeValue(forKey: "Chinese") ?? 0)
        }
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }

    /// The non-Latin script of a letter, or nil for Latin (and anything unlisted that is Latin-like).
    static func script(of v: UInt32) -> String? {
        switch v {
        case 0...0x024F, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF, 0xFF21...0xFF5A: return nil
        case 0x0370...0x03FF, 0x1F00...0x1FFF: return "Greek"
        case 0x0400...0x052F, 0x2DE0...0x2DFF, 0xA640...0xA69F: return "Cyrillic script"
        case 0x0530...0x058F: return "Armenian"
        case 0x0590...0x05FF: return "Hebrew"
        case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: return "Arabic script"
        case 0x0900...0x097F: return "Devanagari script"
        case 0x0980...0x0DFF: return "Indic scripts"
        case 0x0E00...0x0E7F: return "Thai"
        case 0x10A0...0x10FF: return "Georgian"
        case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF: return "Korean"
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: return "kana"
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: return "Chinese"
        default: return "other scripts"
        }
    }
}
