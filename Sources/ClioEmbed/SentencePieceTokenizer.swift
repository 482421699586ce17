import ClioCore
import Foundation

/// Text to the token ids an encoder reads, special tokens included, at most `maxLength` of them.
public protocol TokenEncoder: Sendable {
    var maxLength: Int { get }
    func encode(_ text: String) -> [Int32]
}

extension BertTokenizer: TokenEncoder {}

/// A SentencePiece Unigram tokenizer read from a Hugging Face `tokenizer.json`, as XLM-R and the
/// models built on its vocabulary (paraphrase-multilingual-MiniLM-L12-v2) ship it. It runs the
/// file's pipeline the way Hugging Face tokenizers does:
///
/// 1. added tokens (`<s>`, `</s>`, `<mask>`, …) written in the text are matched first, leftmost
///    and longest, honouring `lstrip`, `rstrip` and `single_word`; those marked `normalized` are
///    matched in the normalised text instead;
/// 2. the normalizer on the rest: `Precompiled` (SentencePiece's charsmap, see
///    `PrecompiledCharsMap`), `Replace`, `Strip`, `NFC`/`NFD`/`NFKC`/`NFKD`, `Lowercase`, or a
///    `Sequence` of them;
/// 3. the pre-tokenizer: `Metaspace` (spaces become "▁", "▁" prefixed, a word starting at each
///    "▁" that follows something else) and `WhitespaceSplit`, alone or in a `Sequence`;
/// 4. the `Unigram` model on each word (`UnigramModel`);
/// 5. truncation to `maxLength` ids including the special ones, then the post-processor's
///    `<s>` … `</s>` (`TemplateProcessing`, `RobertaProcessing` or `BertProcessing`).
///
/// The file's own `truncation` and `padding` settings are ignored: sentence-transformers passes
/// its `max_seq_length` instead, and so does clio-embed. Anything else in the pipeline is refused
/// with an error naming it, rather than tokenized differently.
public struct SentencePieceTokenizer: TokenEncoder {
    let addedTokens: [AddedToken]
    let normalizers: [TextNormalizer]
    let preTokenizers: [PreTokenizer]
    let model: UnigramModel
    /// The post-processor's ids before and after the pieces.
    let prefix: [Int32]
    let suffix: [Int32]
    public let maxLength: Int

    public init(file path: String, maxLength: Int) throws(ClioError) {
        let bytes: [UInt8]
        do { bytes = try LineReader.readAll(path: path) } catch {
            throw ClioError(.model, error.message)
        }
        let json: JSON
        do { json = try JSONParser.parse(bytes) } catch {
            throw ClioError(.model, "\(path) is not valid JSON: \(error.message)")
        }
        try self.init(json: json, maxLength: maxLength, source: path)
    }

    /// `source` names the file in errors.
    public init(json: JSON, maxLength: Int, source: String) throws(ClioError) {
        let fail = { (message: String) in ClioError(.model, "\(source): \(message)") }
        guard let root = json.objectValue else { throw fail("not a JSON object") }
        guard let modelJSON = root["model"]?.objectValue else { throw fail("has no \"model\"") }
        let type = modelJSON["type"]?.stringValue ?? "Unigram"
        guard type == "Unigram" else { throw fail("model type \(type) is not supported (expected Unigram)") }
        guard let vocab = modelJSON["vocab"]?.arrayValue, !vocab.isEmpty else { throw fail("the Unigram model has no vocab") }
        var pieces: [String] = []
        var scores: [Double] = []
        pieces.reserveCapacity(vocab.count)
        scores.reserveCapacity(vocab.count)
        for (i, entry) in vocab.enumerated() {
            guard let pair = entry.arrayValue, pair.count == 2, let piece = pair[0].stringValue, let score = pair[1].doubleValue else {
                throw fail("vocab entry \(i) is not a [piece, score] pair")
            }
            pieces.append(piece)
            scores.append(score)
        }
        guard let unknown = modelJSON["unk_id"]?.intValue, unknown >= 0, unknown < pieces.count else {
            throw fail("the Unigram model's unk_id is missing or outside the vocabulary of \(pieces.count)")
        }
        if modelJSON["byte_fallback"]?.boolValue == true { throw fail("byte_fallback is not supported") }
        model = UnigramModel(pieces: pieces, scores: scores, unknown: Int32(unknown))

        var added: [AddedToken] = []
        for (i, entry) in (root["added_tokens"]?.arrayValue ?? []).enumerated() {
            guard let o = entry.objectValue, let id = o["id"]?.intValue, let content = o["content"]?.stringValue, !content.isEmpty else {
                throw fail("added_tokens entry \(i) lacks an id or content")
            }
            guard id >= 0, id <= Int(Int32.max) else { throw fail("added_tokens entry \(i) has id \(id), outside 0...\(Int32.max)") }
            added.append(AddedToken(id: Int32(id), content: Array(content.utf8), singleWord: o["single_word"]?.boolValue ?? false,
                                    leftStrip: o["lstrip"]?.boolValue ?? false, rightStrip: o["rstrip"]?.boolValue ?? false,
                                    normalized: o["normalized"]?.boolValue ?? !(o["special"]?.boolValue ?? false)))
        }
        // Longest first, so the first match at a position is the longest one.
        addedTokens = added.sorted { $0.content.count > $1.content.count }

        normalizers = try TextNormalizer.parse(root["normalizer"], source: source)
        preTokenizers = try PreTokenizer.parse(root["pre_tokenizer"], source: source)
        (prefix, suffix) = try Self.parsePostProcessor(root["post_processor"], source: source)
        for id in prefix + suffix where id < 0 || Int(id) >= pieces.count {
            throw fail("the post-processor's id \(id) is outside the vocabulary of \(pieces.count)")
        }
        self.maxLength = max(prefix.count + suffix.count + 1, maxLength)
    }

    /// `<s>` … `</s>` of the post-processor, for one sequence.
    static func parsePostProcessor(_ json: JSON?, source: String) throws(ClioError) -> ([Int32], [Int32]) {
        let fail = { (message: String) in ClioError(.model, "\(source): \(message)") }
        guard let json, !json.isNull else { return ([], []) }
        guard let o = json.objectValue, let type = o["type"]?.stringValue else { throw fail("post_processor has no type") }
        switch type {
        case "RobertaProcessing", "BertProcessing":
            guard let cls = o["cls"]?.arrayValue, cls.count == 2, let clsID = cls[1].intValue,
                let sep = o["sep"]?.arrayValue, sep.count == 2, let sepID = sep[1].intValue
            else { throw fail("\(type) needs cls and sep as [token, id]") }
            return ([Int32(clsID)], [Int32(sepID)])
        case "TemplateProcessing":
            guard let single = o["single"]?.arrayValue else { throw fail("TemplateProcessing has no single template") }
            let specials = o["special_tokens"]?.objectValue ?? JSONObject()
            var before: [Int32] = [], after: [Int32] = []
            var seenSequence = false
            for item in single {
                if item[path: "Sequence"] != nil {
                    guard !seenSequence else { throw fail("TemplateProcessing's single template has two sequences") }
                    seenSequence = true
                } else if let name = item[path: "SpecialToken.id"]?.stringValue {
                    guard let ids = specials[name]?[path: "ids"]?.arrayValue?.compactMap(\.intValue) else {
                        throw fail("TemplateProcessing uses \(name), which special_tokens does not define")
                    }
                    if seenSequence { after += ids.map(Int32.init) } else { before += ids.map(Int32.init) }
                } else {
                    throw fail("TemplateProcessing has a template item that is neither Sequence nor SpecialToken")
                }
            }
            guard seenSequence else { throw fail("TemplateProcessing's single template has no sequence") }
            return (before, after)
        default:
            throw fail("post_processor \(type) is not supported (expected TemplateProcessing, RobertaProcessing or BertProcessing)")
        }
    }

    /// Token ids of `text`, with the post-processor's special tokens, at most `maxLength`.
    ///
    /// A long text is tokenized from a growing prefix cut before a space: the words of a prefix,
    /// less its last, are the first words of the whole text (normalisation and splitting act
    /// within a word), so once they give enough pieces the rest of the text cannot change the
    /// result.
    public func encode(_ text: String) -> [Int32] {
        let limit = maxLength - prefix.count - suffix.count
        let scalars = text.unicodeScalars
        var cut = 8 * maxLength
        while true {
            var whole = true
            var part = text
            if scalars.count > cut {
                let start = scalars.index(scalars.startIndex, offsetBy: cut)
                if let space = scalars[start...].firstIndex(of: " ") {
                    part = String(scalars[..<space])
                    whole = false
                }
            }
            var ids: [Int32] = []
            let words = self.words(part)
            for word in whole ? words[...] : words.dropLast() {
                switch word {
                case .added(let id): ids.append(id)
                case .text(let piece): model.encode(piece, into: &ids)
                }
                if ids.count >= limit { break }
            }
            if whole || ids.count >= limit { return prefix + ids.prefix(limit) + suffix }
            cut *= 2
        }
    }

    enum Word: Equatable {
        case added(Int32)
        case text(String)
    }

    /// Steps 1–3: added tokens and the normalised, pre-tokenized words, in order.
    func words(_ text: String) -> [Word] {
        var words: [Word] = []
        for segment in split(text, normalized: false) {
            switch segment {
            case .added: words.append(segment)
            case .text(let raw):
                for part in split(normalize(raw), normalized: true) {
                    switch part {
                    case .added: words.append(part)
                    case .text(let normalized): words += preTokenize(normalized).map(Word.text)
                    }
                }
            }
        }
        return words
    }

    func normalize(_ text: String) -> String {
        normalizers.reduce(text) { $1.apply($0) }
    }

    func preTokenize(_ text: String) -> [String] {
        preTokenizers.reduce([text]) { words, step in words.flatMap(step.apply) }
    }

    /// Splits `text` around the added tokens whose `normalized` flag is `normalized`.
    func split(_ text: String, normalized: Bool) -> [Word] {
        let tokens = addedTokens.filter { $0.normalized == normalized }
        guard !tokens.isEmpty, !text.isEmpty else { return text.isEmpty ? [] : [.text(text)] }
        let bytes = Array(text.utf8)
        var out: [Word] = []
        var done = 0
        var i = 0
        func piece(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        while i < bytes.count {
            guard let token = tokens.first(where: { $0.matches(bytes, at: i) }) else {
                i += 1
                continue
            }
            var start = i, end = i + token.content.count
            i = end
            if token.singleWord && (AddedToken.isWordCharacter(before: start, in: bytes) || AddedToken.isWordCharacter(at: end, in: bytes)) {
                continue
            }
            if token.leftStrip { start = max(done, AddedToken.whitespaceStart(before: start, in: bytes)) }
            if token.rightStrip { end = AddedToken.whitespaceEnd(from: end, in: bytes) }
            if done < start { out.append(.text(piece(done..<start))) }
            out.append(.added(token.id))
            done = end
            i = max(i, end)
        }
        if done < bytes.count { out.append(.text(piece(done..<bytes.count))) }
        return out
    }
}

/// A token of `added_tokens`, matched in the text before the model sees it.
struct AddedToken: Sendable {
    var id: Int32
    var content: [UInt8]
    var singleWord: Bool
    var leftStrip: Bool
    var rightStrip: Bool
    var normalized: Bool

    func matches(_ bytes: [UInt8], at i: Int) -> Bool {
        guard i + content.count <= bytes.count, bytes[i] == content[0] else { return false }
        for k in 1..<content.count where bytes[i + k] != content[k] { return false }
        return true
    }

    /// The scalar that starts at byte `i`, or the one that ends just before it.
    static func scalar(at i: Int, in bytes: [UInt8]) -> Unicode.Scalar? {
        guard i < bytes.count else { return nil }
        let length = UnigramModel.utf8Length(lead: bytes[i])
        return String(decoding: bytes[i..<min(bytes.count, i + length)], as: UTF8.self).unicodeScalars.first
    }

    static func startOfScalar(before i: Int, in bytes: [UInt8]) -> Int {
        var j = i - 1
        while j > 0 && bytes[j] & 0xC0 == 0x80 { j -= 1 }
        return j
    }

    static func isWordCharacter(_ s: Unicode.Scalar?) -> Bool {
        guard let s else { return false }
        return s == "_" || s.properties.isAlphabetic || s.properties.numericType != nil
    }

    static func isWordCharacter(at i: Int, in bytes: [UInt8]) -> Bool { isWordCharacter(scalar(at: i, in: bytes)) }

    static func isWordCharacter(before i: Int, in bytes: [UInt8]) -> Bool {
        i > 0 && isWordCharacter(scalar(at: startOfScalar(before: i, in: bytes), in: bytes))
    }

    /// Where the whitespace that ends just before byte `i` begins.
    static func whitespaceStart(before i: Int, in bytes: [UInt8]) -> Int {
        var start = i
        while start > 0 {
            let j = startOfScalar(before: start, in: bytes)
            guard let s = scalar(at: j, in: bytes), s.properties.isWhitespace else { break }
            start = j
        }
        return start
    }

    /// Where the whitespace that starts at byte `i` ends.
    static func whitespaceEnd(from i: Int, in bytes: [UInt8]) -> Int {
        var end = i
        while let s = scalar(at: end, in: bytes), s.properties.isWhitespace { end += UTF8.width(s) }
        return end
    }
}

/// One normalizer of a tokenizer.json.
enum TextNormalizer: Sendable {
    case precompiled(PrecompiledCharsMap)
    case replace(ReplacePattern, with: [Unicode.Scalar])
    case strip(left: Bool, right: Bool)
    case nfc, nfd, nfkc, nfkd
    case lowercase

    /// The steps of `json`, a `Sequence` flattened; none for null.
    static func parse(_ json: JSON?, source: String) throws(ClioError) -> [TextNormalizer] {
        let fail = { (message: String) in ClioError(.model, "\(source): \(message)") }
        guard let json, !json.isNull else { return [] }
        guard let o = json.objectValue, let type = o["type"]?.stringValue else { throw fail("a normalizer has no type") }
        switch type {
        case "Sequence":
            var steps: [TextNormalizer] = []
            for item in o["normalizers"]?.arrayValue ?? [] { steps += try parse(item, source: source) }
            return steps
        case "Precompiled":
            guard let map = o["precompiled_charsmap"]?.stringValue else { throw fail("Precompiled has no precompiled_charsmap") }
            // An empty charsmap (a SentencePiece model with the identity rule) changes nothing.
            if map.isEmpty { return [] }
            return [.precompiled(try PrecompiledCharsMap(base64: map, source: source))]
        case "Replace":
            guard let content = o["content"]?.stringValue else { throw fail("Replace has no content") }
            let pattern: ReplacePattern
            if let literal = o["pattern"]?[path: "String"]?.stringValue, !literal.isEmpty {
                pattern = .literal(Array(literal.unicodeScalars))
            } else if let regex = o["pattern"]?[path: "Regex"]?.stringValue, let run = ReplacePattern(regex: regex) {
                pattern = run
            } else {
                throw fail("Replace pattern \(o["pattern"].map { JSONSerializer.string($0) } ?? "null") is not supported "
                           + "(a string, or a regex of one character with a repeat count such as \" {2,}\")")
            }
            return [.replace(pattern, with: Array(content.unicodeScalars))]
        case "Strip":
            return [.strip(left: o["strip_left"]?.boolValue ?? true, right: o["strip_right"]?.boolValue ?? true)]
        case "NFC": return [.nfc]
        case "NFD": return [.nfd]
        case "NFKC": return [.nfkc]
        case "NFKD": return [.nfkd]
        case "Lowercase": return [.lowercase]
        default:
            throw fail("normalizer \(type) is not supported")
        }
    }

    func apply(_ text: String) -> String {
        switch self {
        case .precompiled(let map): return map.normalize(text)
        case .replace(let pattern, let content): return pattern.replace(in: text, with: content)
        case .strip(let left, let right):
            var scalars = Substring(text).unicodeScalars[...]
            if left { scalars = scalars.drop(while: \.properties.isWhitespace) }
            if right {
                while let last = scalars.last, last.properties.isWhitespace { scalars = scalars.dropLast() }
            }
            return String(String.UnicodeScalarView(scalars))
        case .nfc: return text.precomposedStringWithCanonicalMapping
        case .nfd: return text.decomposedStringWithCanonicalMapping
        case .nfkc: return text.precomposedStringWithCompatibilityMapping
        case .nfkd: return text.decomposedStringWithCompatibilityMapping
        case .lowercase:
            var out = String.UnicodeScalarView()
            for s in text.unicodeScalars { out.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars) }
            return String(out)
        }
    }
}

/// What a `Replace` normalizer looks for: a literal string, or a run of one scalar — the only
/// kind of regex the SentencePiece conversions write (`" {2,}"`).
enum ReplacePattern: Sendable, Equatable {
    case literal([Unicode.Scalar])
    case run(Unicode.Scalar, min: Int, max: Int?)

    /// Parses `X+`, `X{n}`, `X{n,}` or `X{n,m}`, with `X` one character, possibly escaped.
    init?(regex: String) {
        var scalars = Array(regex.unicodeScalars)[...]
        guard var first = scalars.popFirst() else { return nil }
        if first == "\\" {
            guard let escaped = scalars.popFirst(), !escaped.properties.isAlphabetic, !escaped.properties.isASCIIHexDigit else { return nil }
            first = escaped
        } else if "^$.|?*+()[]{}".unicodeScalars.contains(first) {
            return nil
        }
        let rest = String(String.UnicodeScalarView(scalars))
        if rest.isEmpty {
            self = .literal([first])
        } else if rest == "+" {
            self = .run(first, min: 1, max: nil)
        } else if rest.hasPrefix("{"), rest.hasSuffix("}") {
            let bounds = rest.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false)
            guard let low = Int(bounds[0]), low >= 1, bounds.count <= 2 else { return nil }
            if bounds.count == 1 {
                self = .run(first, min: low, max: low)
            } else if bounds[1].isEmpty {
                self = .run(first, min: low, max: nil)
            } else {
                guard let high = Int(bounds[1]), high >= low else { return nil }
                self = .run(first, min: low, max: high)
            }
        } else {
            return nil
        }
    }

    /// Every non-overlapping match, leftmost first and as long as allowed, replaced.
    func replace(in text: String, with content: [Unicode.Scalar]) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            var length = 0
            switch self {
            case .literal(let pattern):
                if i + pattern.count <= scalars.count && scalars[i..<(i + pattern.count)].elementsEqual(pattern) { length = pattern.count }
            case .run(let scalar, let low, let high):
                var j = i
                while j < scalars.count && scalars[j] == scalar && (high == nil || j - i < high!) { j += 1 }
                if j - i >= low { length = j - i }
            }
            if length > 0 {
                out.append(contentsOf: content)
                i += length
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }
}

/// One pre-tokenizer of a tokenizer.json.
enum PreTokenizer: Sendable {
    /// Spaces become `replacement`; `prepend` puts one before a word that lacks it; `split`
    /// starts a word at each `replacement` that follows something else.
    case metaspace(replacement: Unicode.Scalar, prepend: Bool, split: Bool)
    /// Words are the runs of non-whitespace.
    case whitespaceSplit

    static func parse(_ json: JSON?, source: String) throws(ClioError) -> [PreTokenizer] {
        let fail = { (message: String) in ClioError(.model, "\(source): \(message)") }
        guard let json, !json.isNull else { return [] }
        guard let o = json.objectValue, let type = o["type"]?.stringValue else { throw fail("a pre_tokenizer has no type") }
        switch type {
        case "Sequence":
            var steps: [PreTokenizer] = []
            for item in o["pretokenizers"]?.arrayValue ?? [] { steps += try parse(item, source: source) }
            return steps
        case "WhitespaceSplit":
            return [.whitespaceSplit]
        case "Metaspace":
            let replacement = o["replacement"]?.stringValue ?? "\u{2581}"
            guard replacement.unicodeScalars.count == 1, let scalar = replacement.unicodeScalars.first else {
                throw fail("Metaspace's replacement must be one character")
            }
            let prepend: Bool
            // Newer files say prepend_scheme; older ones add_prefix_space.
            switch o["prepend_scheme"]?.stringValue {
            case "always"?: prepend = true
            case "never"?: prepend = false
            case nil: prepend = o["add_prefix_space"]?.boolValue ?? true
            case let scheme?:
                throw fail("Metaspace prepend_scheme \(scheme) is not supported (expected always or never)")
            }
            return [.metaspace(replacement: scalar, prepend: prepend, split: o["split"]?.boolValue ?? true)]
        default:
            throw fail("pre_tokenizer \(type) is not supported (expected Metaspace or WhitespaceSplit)")
        }
    }

    func apply(_ text: String) -> [String] {
        switch self {
        case .whitespaceSplit:
            return text.unicodeScalars.split(whereSeparator: \.properties.isWhitespace).map { String(String.UnicodeScalarView($0)) }
        case .metaspace(let replacement, let prepend, let split):
            var scalars = text.unicodeScalars.map { $0 == " " ? replacement : $0 }
            // An empty text stays empty: there is nothing to put the prefix before.
            if prepend, let first = scalars.first, first != replacement { scalars.insert(replacement, at: 0) }
            guard split else { return scalars.isEmpty ? [] : [String(String.UnicodeScalarView(scalars))] }
            var words: [String] = []
            var current = String.UnicodeScalarView()
            var previousWasReplacement = false
            for s in scalars {
                if s == replacement && !previousWasReplacement && !current.isEmpty {
                    words.append(String(current))
                    current = String.UnicodeScalarView()
                }
                current.append(s)
                previousWasReplacement = s == replacement
            }
            if !current.isEmpty { words.append(String(current)) }
            return words
        }
    }
}
