import ClioCore
import ClioLLM
import Foundation

/// Turns texts into vectors. One protocol for the local embedders (hashed, MiniLM) and the API
/// ones, so the command, the cache and clio-label treat them alike.
public protocol Embedder: AnyObject, Sendable {
    /// Written to `embedding_model.name`; together with `dimension` it identifies the vector space.
    var name: String { get }
    var dimension: Int { get }
    /// False when computing a vector is cheaper than reading it back from the cache.
    var isWorthCaching: Bool { get }
    /// One unit-length vector per text, in order.
    func embed(_ texts: [String]) throws -> [[Float]]
    /// Besides the text, everything that decides a vector: the rest of its cache key.
    var cacheIdentity: [String] { get }
    /// Checks that a vector of `dimension` numbers belongs to this embedder; an embedder that
    /// learns its dimension from its first answer (the API ones) adopts the first length here.
    func accept(dimension: Int) throws
}

extension Embedder {
    public var cacheIdentity: [String] { [name, String(dimension)] }

    public func accept(dimension n: Int) throws {
        guard n == dimension else { throw ClioError(.model, "\(name) returned \(n) numbers, expected \(dimension)") }
    }
}

/// What `--model` names, parsed and checked before any work starts.
public enum EmbedderSpec: Equatable, Sendable {
    case hash(dimension: Int)
    case miniLM
    /// paraphrase-multilingual-MiniLM-L12-v2.
    case multilingual
    /// `provider:model` for an HTTP embedding service.
    case api(provider: String, model: String)

    public static let apiProviders = ["openai", "ollama", "gemini"]

    public init(model: String, dimension: Int?) throws(UsageError) {
        switch model {
        case "hash":
            self = .hash(dimension: dimension ?? HashedEmbedder.defaultDimension)
            return
        case "minilm", LocalModel.miniLM.name:
            self = .miniLM
        case "multilingual", LocalModel.multilingual.name:
            self = .multilingual
        default:
            let parts = model.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, EmbedderSpec.apiProviders.contains(parts[0]), !parts[1].isEmpty else {
                throw UsageError("unknown model '\(model)'; use minilm, multilingual, hash, or openai:MODEL, ollama:MODEL, gemini:MODEL")
            }
            self = .api(provider: parts[0], model: parts[1])
        }
        if dimension != nil {
            throw UsageError("option --dimension applies only to --model hash")
        }
    }

    /// The files of a model clio-embed runs itself; nil for the others.
    public var localModel: LocalModel? {
        switch self {
        case .miniLM: return .miniLM
        case .multilingual: return .multilingual
        case .hash, .api: return nil
        }
    }
}

/// Builds embedders; shared with clio-label, which embeds cluster names in the same space.
public enum Embedders {
    /// Opens the embedder `spec` names. A local model's weights are looked up in `modelDir`, then
    /// its environment variable, then the user cache; `allowDownload` fetches them from the
    /// Hugging Face hub when none are found.
    ///
    /// An API model is resolved from `environment` (its key, no custom base URL) unless the
    /// caller passes `api`, a spec it resolved itself (clio-embed does, with `--base-url`).
    public static func make(_ spec: EmbedderSpec, modelDir: String? = nil, allowDownload: Bool = false, api: ModelSpec? = nil,
                            apiOptions: APIEmbedderOptions = APIEmbedderOptions(),
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> any Embedder {
        switch spec {
        case .hash(let dimension):
            return HashedEmbedder(dimension: dimension)
        case .miniLM, .multilingual:
            let files = spec.localModel!
            let dir = try files.resolve(modelDir: modelDir, allowDownload: allowDownload)
            return try MiniLMEmbedder(directory: dir, files: files)
        case .api(let provider, let model):
            if let api { return APIEmbedder(spec: api, options: apiOptions) }
            do {
                return APIEmbedder(spec: try resolveAPI(provider: provider, model: model, baseURL: nil, environment: environment), options: apiOptions)
            } catch {
                throw ClioError(.model, error.message)
            }
        }
    }
}

extension Embedders {
    /// The endpoint and key for `provider:model`. Only `baseURL` (`--base-url`) moves the endpoint:
    /// `CLIO_BASE_URL` names the chat server of the other stages, which need not embed. A missing
    /// key is a usage error naming the variable; an OpenAI-compatible server at a custom base URL
    /// may need none.
    public static func resolveAPI(provider: String, model: String, baseURL: String?,
                                  environment: [String: String]) throws(UsageError) -> ModelSpec {
        var environment = environment
        environment["CLIO_BASE_URL"] = nil
        environment["CLIO_MODEL"] = nil
        guard let spec = try ModelSpec.resolve(model: "\(provider):\(model)", baseURL: baseURL, environment: environment) else {
            throw UsageError("unknown model '\(provider):\(model)'")
        }
        return spec
    }
}

/// Scales a vector to unit length in place; a zero vector stays zero.
@inlinable
func normalizeL2(_ v: inout [Float]) {
    var sum: Double = 0
    for x in v { sum += Double(x) * Double(x) }
    guard sum > 0 else { return }
    let inv = Float(1 / sum.squareRoot())
    for i in v.indices { v[i] *= inv }
}
