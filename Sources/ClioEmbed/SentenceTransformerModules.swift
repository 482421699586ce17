import ClioCore
import Foundation

/// What a sentence-transformers model directory says happens after the encoder (modules.json and
/// each module's config): clio-embed runs Transformer → mean Pooling, then L2 normalisation, and
/// refuses any other stack rather than compute something else under the model's name.
///
/// Normalize is accepted whether or not it is listed: every vector clio-embed writes has unit
/// length, and cosine similarity, which is all the later stages use, does not change with it.
/// (paraphrase-multilingual-MiniLM-L12-v2 lists no Normalize; all-MiniLM-L6-v2 does.) A
/// directory without modules.json is taken to be such a stack, as get-model.sh installs it.
enum SentenceTransformerModules {
    static func check(directory: String) throws(ClioError) {
        let path = directory + "/modules.json"
        guard let modules = try readJSON(path, required: false) else { return }
        let fail = { (message: String) in ClioError(.model, "\(path): \(message)") }
        guard let list = modules.arrayValue else { throw fail("not a JSON array") }
        var kinds: [String] = []
        for (i, module) in list.enumerated() {
            guard let type = module[path: "type"]?.stringValue else { throw fail("module \(i) has no type") }
            // Old and new sentence-transformers name the classes by different module paths.
            let kind = String(type.split(separator: ".").last ?? "")
            let modulePath = module[path: "path"]?.stringValue ?? ""
            switch kind {
            case "Transformer":
                guard modulePath.isEmpty else {
                    throw fail("the Transformer module is in \(modulePath)/; pass that folder as --model-dir")
                }
            case "Pooling":
                try checkPooling(directory + "/" + modulePath + "/config.json")
            case "Normalize":
                break
            default:
                throw fail("module \(type) is not supported (expected Transformer, Pooling, Normalize)")
            }
            kinds.append(kind)
        }
        guard kinds.first == "Transformer", kinds.dropFirst().first == "Pooling", !kinds.dropFirst(2).contains(where: { $0 != "Normalize" }) else {
            throw fail("modules \(kinds.joined(separator: ", ")) are not supported (expected Transformer, Pooling and optionally Normalize)")
        }
    }

    /// Mean pooling only: `"pooling_mode": "mean"` (sentence-transformers 5 and later) or
    /// `pooling_mode_mean_tokens` alone set among the `pooling_mode_*` flags (earlier ones).
    static func checkPooling(_ path: String) throws(ClioError) {
        guard let config = try readJSON(path, required: true)?.objectValue else {
            throw ClioError(.model, "\(path): not a JSON object")
        }
        if let mode = config["pooling_mode"]?.stringValue {
            guard mode == "mean" else { throw ClioError(.model, "\(path): pooling mode \(mode) is not supported (expected mean)") }
            return
        }
        let modes = config.members.filter { $0.key.hasPrefix("pooling_mode_") && $0.value.boolValue == true }.map(\.key)
        guard modes == ["pooling_mode_mean_tokens"] else {
            let named = modes.isEmpty ? "none" : modes.joined(separator: ", ")
            throw ClioError(.model, "\(path): pooling \(named) is not supported (expected pooling_mode_mean_tokens alone)")
        }
    }

    static func readJSON(_ path: String, required: Bool) throws(ClioError) -> JSON? {
        if !required && !FileManager.default.fileExists(atPath: path) { return nil }
        let bytes: [UInt8]
        do { bytes = try LineReader.readAll(path: path) } catch {
            throw ClioError(.model, error.message)
        }
        do { return try JSONParser.parse(bytes) } catch {
            throw ClioError(.model, "\(path) is not valid JSON: \(error.message)")
        }
    }
}
