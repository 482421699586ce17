import CClioKernels
import ClioCore
import Dispatch
import Foundation

/// sentence-transformers/all-MiniLM-L6-v2 in Swift: a 6-layer BERT encoder (hidden 384, 12 heads,
/// feed-forward 1536, exact GELU, LayerNorm eps 1e-12), mean pooling over the tokens, L2
/// normalisation — the same steps as the reference model, giving 384-dimensional vectors.
/// The same class runs any such BERT encoder its config.json describes, with the tokenizer its
/// files name: paraphrase-multilingual-MiniLM-L12-v2 (12 layers, XLM-R's SentencePiece) too.
///
/// A batch's sequences are concatenated with no padding: the linear layers run as one matrix
/// product over every token of the batch, split across cores by rows, and attention runs per
/// sequence and head at each sequence's own length.
public final class MiniLMEmbedder: Embedder, @unchecked Sendable {
    public let name: String
    public let dimension: Int
    public let isWorthCaching = true
    public let tokenizer: any TokenEncoder
    let model: MiniLMModel
    /// Tokens per forward pass; bounds the activations (about 12 KB per token) for long batches.
    let maxTokensPerPass = 8192

    /// Loads `config.json`, the tokenizer (`vocab.txt` or `tokenizer.json`) and `model.safetensors`
    /// of `files` from `directory`.
    public convenience init(directory: String, files: LocalModel = .miniLM) throws(ClioError) {
        try self.init(directory: directory, files: files, isa: Int32(CLIO_ISA_AUTO))
    }

    /// `isa` picks the kernels' instruction set (CLIO_ISA_*), for tests of each path.
    init(directory: String, files: LocalModel = .miniLM, isa: Int32) throws(ClioError) {
        let config = try MiniLMConfig(path: directory + "/config.json")
        try SentenceTransformerModules.check(directory: directory)
        let maxLength = files.maxSequenceLength(directory: directory)
        tokenizer = try files.tokenizer(directory: directory, maxLength: min(maxLength, config.maxPositions))
        name = files.name
        model = try MiniLMModel(weights: SafetensorsFile(path: directory + "/model.safetensors"), config: config, isa: isa)
        dimension = config.hidden
    }

    /// The encoder's instruction set and threads, e.g. "avx512 (12x32 tiles), 2 threads".
    public static var kernels: String {
        let isa = clio_kernels_isa()
        let name = isa >= CLIO_ISA_AVX512 ? "avx512 (12x32 tiles)" : isa >= CLIO_ISA_AVX2 ? "avx2 (6x16 tiles)" : "scalar"
        let forced = ProcessInfo.processInfo.environment["CLIO_KERNEL_ISA"].map { ", CLIO_KERNEL_ISA=\($0)" } ?? ""
        return "\(name), \(Parallel.cores) thread\(Parallel.cores == 1 ? "" : "s")\(forced)"
    }

    public func embed(_ texts: [String]) -> [[Float]] {
        var sequences = [[Int32]](repeating: [], count: texts.count)
        sequences.withUnsafeMutableBufferPointer { out in
            let out = UnsafeSendable(out.baseAddress!), tokenizer = self.tokenizer
            Parallel.split(texts.count) { range in
                for i in range { (out.pointer + i).pointee = tokenizer.encode(texts[i]) }
            }
        }
        return embed(tokenIDs: sequences)
    }

    /// Vectors for already tokenized sequences (each with its `[CLS]` and `[SEP]`, or `<s>`, `</s>`).
    public func embed(tokenIDs sequences: [[Int32]]) -> [[Float]] {
        var results = [[Float]](repeating: [], count: sequences.count)
        var start = 0
        while start < sequences.count {
            var end = start
            var tokens = 0
            while end < sequences.count && (end == start || tokens + sequences[end].count <= maxTokensPerPass) {
                tokens += sequences[end].count
                end += 1
            }
            let vectors = model.forward(Array(sequences[start..<end]))
            for (i, v) in vectors.enumerated() { results[start + i] = v }
            start = end
        }
        return results
    }
}

/// The few numbers of `config.json` the encoder needs; anything but this architecture is refused.
struct MiniLMConfig {
    var hidden = 384
    var layers = 6
    var heads = 12
    var intermediate = 1536
    var maxPositions = 512
    var vocabSize = 30522
    var eps: Float = 1e-12

    init(path: String) throws(ClioError) {
        let bytes: [UInt8]
        do { bytes = try LineReader.readAll(path: path) } catch {
            throw ClioError(.model, "cannot read \(path): \(error.message)")
        }
        guard let json = try? JSONParser.parse(bytes), case .object(let o) = json else {
            throw ClioError(.model, "\(path) is not a JSON object")
        }
        hidden = o["hidden_size"]?.intValue ?? hidden
        layers = o["num_hidden_layers"]?.intValue ?? layers
        heads = o["num_attention_heads"]?.intValue ?? heads
        intermediate = o["intermediate_size"]?.intValue ?? intermediate
        maxPositions = o["max_position_embeddings"]?.intValue ?? maxPositions
        vocabSize = o["vocab_size"]?.intValue ?? vocabSize
        eps = Float(o["layer_norm_eps"]?.doubleValue ?? Double(eps))
        if let act = o["hidden_act"]?.stringValue, act != "gelu" {
            throw ClioError(.model, "\(path): hidden_act \(act) is not supported (expected gelu)")
        }
        // Bounded so that products of sizes (vocabulary × hidden, positions × hidden) cannot
        // overflow; the tensors' shapes are then checked against these.
        let sizes = [hidden, layers, heads, intermediate, maxPositions, vocabSize]
        guard sizes.allSatisfy({ $0 > 0 && $0 <= 1 << 24 }), hidden % heads == 0 else {
            throw ClioError(.model, "\(path) describes an unsupported model shape")
        }
    }
}

/// A float buffer with a stable address, shared read-only (weights) or written by disjoint row
/// ranges (activations) from several threads.
final class FloatBuffer: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Float>
    let count: Int
    init(count: Int) {
        self.count = count
        pointer = .allocate(capacity: max(count, 1))
        pointer.initialize(repeating: 0, count: max(count, 1))
    }
    convenience init(_ values: [Float]) {
        self.init(count: values.count)
        values.withUnsafeBufferPointer { pointer.update(from: $0.baseAddress!, count: values.count) }
    }
    deinit { pointer.deallocate() }
}

/// A Linear layer's weight packed for `clio_gemm`, with its bias.
struct PackedLinear {
    let inputs: Int
    let outputs: Int
    let packed: FloatBuffer
    let bias: FloatBuffer

    /// `weight` is PyTorch's `[outputs, inputs]`.
    init(weight: [Float], bias: [Float], inputs: Int, outputs: Int) {
        self.inputs = inputs
        self.outputs = outputs
        let packed = FloatBuffer(count: clio_gemm_packed_size(inputs, outputs))
        weight.withUnsafeBufferPointer { w in
            clio_gemm_pack_bt(w.baseAddress!, inputs, outputs, inputs, packed.pointer)
        }
        self.packed = packed
        self.bias = FloatBuffer(bias)
    }

    /// output[rows x outputs] = input[rows x inputs] * W^T + b, then `epilogue` applied to each
    /// block of rows as soon as it is computed (while in cache); rows split across cores.
    func apply(_ input: UnsafeMutablePointer<Float>, rows: Int, into output: UnsafeMutablePointer<Float>,
               _ epilogue: Epilogue = .none, isa: Int32) {
        let inputs = self.inputs, outputs = self.outputs
        let packed = self.packed.pointer, bias = self.bias.pointer
        let input = UnsafeSendable(input), output = UnsafeSendable(output)
        Parallel.split(rows, granule: clio_gemm_row_tile(isa)) { range in
            let lo = range.lowerBound, hi = range.upperBound
            var fused = clio_epilogue()
            switch epilogue {
            case .none: break
            case .gelu: fused.kind = CLIO_EPILOGUE_GELU
            case .residualLayerNorm(let residual, let norm, let eps):
                // The residual has the output's layout.
                fused = clio_epilogue(kind: CLIO_EPILOGUE_RESIDUAL_LAYERNORM, residual: residual.pointer + lo * outputs,
                                      ldr: outputs, gamma: norm.gamma.pointer, beta: norm.beta.pointer, eps: eps)
            }
            clio_gemm_fused(isa, hi - lo, outputs, inputs, input.pointer + lo * inputs, inputs, packed,
                            bias, output.pointer + lo * outputs, outputs, &fused)
        }
    }

    /// What follows the product in the encoder.
    enum Epilogue {
        case none
        case gelu
        case residualLayerNorm(UnsafeSendable<Float>, Norm, eps: Float)
    }
}

typealias Norm = (gamma: FloatBuffer, beta: FloatBuffer)

/// A pointer that closures on several threads write through, at disjoint places.
struct UnsafeSendable<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>
    init(_ pointer: UnsafeMutablePointer<T>) { self.pointer = pointer }
}

final class MiniLMModel: @unchecked Sendable {
    struct Layer {
        var qkv: PackedLinear
        var attentionOutput: PackedLinear
        var norm1: Norm
        var up: PackedLinear
        var down: PackedLinear
        var norm2: Norm
    }

    let config: MiniLMConfig
    /// The kernels' instruction set (CLIO_ISA_AUTO: the best the CPU has).
    let isa: Int32
    let words: FloatBuffer
    let positions: FloatBuffer
    let tokenType: FloatBuffer
    let embeddingNorm: Norm
    let layers: [Layer]

    init(weights file: SafetensorsFile, config: MiniLMConfig, isa: Int32) throws(ClioError) {
        self.config = config
        self.isa = isa
        let h = config.hidden, ff = config.intermediate
        // Checkpoints saved from BertForX prefix every name with "bert.".
        let prefix = file.tensors["embeddings.word_embeddings.weight"] == nil ? "bert." : ""
        func t(_ name: String, _ shape: [Int]) throws(ClioError) -> [Float] {
            try file.floats(prefix + name, shape: shape)
        }
        words = FloatBuffer(try t("embeddings.word_embeddings.weight", [config.vocabSize, h]))
        positions = FloatBuffer(try t("embeddings.position_embeddings.weight", [config.maxPositions, h]))
        let types = try t("embeddings.token_type_embeddings.weight", [file.tensors[prefix + "embeddings.token_type_embeddings.weight"]?.shape.first ?? 2, h])
        tokenType = FloatBuffer(Array(types[0..<h]))
        embeddingNorm = (FloatBuffer(try t("embeddings.LayerNorm.weight", [h])), FloatBuffer(try t("embeddings.LayerNorm.bias", [h])))
        var layers: [Layer] = []
        // 1/sqrt(head size) is folded into the query projection once, here.
        let scale = 1 / Float(h / config.heads).squareRoot()
        for l in 0..<config.layers {
            let p = "encoder.layer.\(l)."
            var qkvWeight = try t(p + "attention.self.query.weight", [h, h]).map { $0 * scale }
            var qkvBias = try t(p + "attention.self.query.bias", [h]).map { $0 * scale }
            qkvWeight += try t(p + "attention.self.key.weight", [h, h])
            qkvBias += try t(p + "attention.self.key.bias", [h])
            qkvWeight += try t(p + "attention.self.value.weight", [h, h])
            qkvBias += try t(p + "attention.self.value.bias", [h])
            layers.append(Layer(
                qkv: PackedLinear(weight: qkvWeight, bias: qkvBias, inputs: h, outputs: 3 * h),
                attentionOutput: PackedLinear(weight: try t(p + "attention.output.dense.weight", [h, h]),
                                              bias: try t(p + "attention.output.dense.bias", [h]), inputs: h, outputs: h),
                norm1: (FloatBuffer(try t(p + "attention.output.LayerNorm.weight", [h])),
                        FloatBuffer(try t(p + "attention.output.LayerNorm.bias", [h]))),
                up: PackedLinear(weight: try t(p + "intermediate.dense.weight", [ff, h]),
                                 bias: try t(p + "intermediate.dense.bias", [ff]), inputs: h, outputs: ff),
                down: PackedLinear(weight: try t(p + "output.dense.weight", [h, ff]),
                                   bias: try t(p + "output.dense.bias", [h]), inputs: ff, outputs: h),
                norm2: (FloatBuffer(try t(p + "output.LayerNorm.weight", [h])),
                        FloatBuffer(try t(p + "output.LayerNorm.bias", [h])))))
        }
        self.layers = layers
    }

    /// The activations of one forward pass, kept for the next: allocating and zeroing them anew
    /// (about 17 KB a token) cost 8% of the run in page faults.
    final class Workspace {
        let tokens: Int
        let x, qkv, context, y, inner: FloatBuffer
        init(tokens: Int, config: MiniLMConfig) {
            self.tokens = tokens
            x = FloatBuffer(count: tokens * config.hidden)
            qkv = FloatBuffer(count: tokens * 3 * config.hidden)
            context = FloatBuffer(count: tokens * config.hidden)
            y = FloatBuffer(count: tokens * config.hidden)
            inner = FloatBuffer(count: tokens * config.intermediate)
        }
    }

    private var spareWorkspace: Workspace?
    private let workspaceLock = Mutex()

    /// A workspace for `tokens` tokens: the kept one when it is big enough, else a new one (the
    /// kept one is dropped first, so peak memory is one workspace per pass running).
    func takeWorkspace(tokens: Int) -> Workspace {
        let kept = workspaceLock.withLock { () -> Workspace? in
            defer { spareWorkspace = nil }
            return spareWorkspace.flatMap { $0.tokens >= tokens ? $0 : nil }
        }
        // Sized in steps of 1,024 tokens, so a run whose passes grow reallocates a few times at most.
        return kept ?? Workspace(tokens: (tokens + 1023) / 1024 * 1024, config: config)
    }

    /// Keeps the larger of `workspace` and the one already kept.
    func returnWorkspace(_ workspace: Workspace) {
        workspaceLock.withLock {
            if spareWorkspace.map({ $0.tokens < workspace.tokens }) ?? true { spareWorkspace = workspace }
        }
    }

    /// Mean-pooled, L2-normalised vectors for a group of token sequences.
    func forward(_ sequences: [[Int32]]) -> [[Float]] {
        let h = config.hidden, heads = config.heads, headSize = h / heads
        var offsets = [0]
        for s in sequences { offsets.append(offsets.last! + s.count) }
        let total = offsets.last!
        guard total > 0 else { return sequences.map { _ in [Float](repeating: 0, count: h) } }

        let workspace = takeWorkspace(tokens: total)
        defer { returnWorkspace(workspace) }
        let x = workspace.x, qkv = workspace.qkv, context = workspace.context, y = workspace.y, inner = workspace.inner

        // Embeddings: word + position + token type 0, then LayerNorm; sequences split across cores.
        let xPointer = UnsafeSendable(x.pointer)
        Parallel.split(sequences.count) { range in
            for s in range {
                for (i, id) in sequences[s].enumerated() {
                    let row = xPointer.pointer + (offsets[s] + i) * h
                    let word = words.pointer + Int(min(max(id, 0), Int32(config.vocabSize - 1))) * h
                    let position = positions.pointer + min(i, config.maxPositions - 1) * h
                    for j in 0..<h { row[j] = word[j] + position[j] + tokenType.pointer[j] }
                }
                clio_layernorm(xPointer.pointer + offsets[s] * h, nil, offsets[s + 1] - offsets[s], h,
                               embeddingNorm.gamma.pointer, embeddingNorm.beta.pointer, config.eps)
            }
        }

        // Attention work items: one per (sequence, head), longest first, dealt round-robin into
        // chunks so that each chunk gets a fair share and one scratch buffer.
        var items: [(sequence: Int, head: Int)] = []
        for s in sequences.indices.sorted(by: { sequences[$0].count > sequences[$1].count }) {
            for head in 0..<heads { items.append((s, head)) }
        }
        let longest = sequences.map(\.count).max() ?? 0
        let scratchSize = clio_attention_scratch(longest, headSize)
        let chunks = min(items.count, Parallel.cores * 8)
        let eps = config.eps
        for layer in layers {
            layer.qkv.apply(x.pointer, rows: total, into: qkv.pointer, isa: isa)
            let qkvPointer = UnsafeSendable(qkv.pointer), contextPointer = UnsafeSendable(context.pointer)
            let itemList = items, offsetList = offsets
            Parallel.forEach(chunks, threads: chunks) { chunk in
                let scratch = UnsafeMutablePointer<Float>.allocate(capacity: scratchSize)
                defer { scratch.deallocate() }
                for (s, head) in stride(from: chunk, to: itemList.count, by: chunks).map({ itemList[$0] }) {
                    let len = offsetList[s + 1] - offsetList[s]
                    let base = qkvPointer.pointer + offsetList[s] * 3 * h + head * headSize
                    clio_attention(isa, len, headSize, base, base + h, base + 2 * h, 3 * h,
                                   contextPointer.pointer + offsetList[s] * h + head * headSize, h, scratch)
                }
            }
            // y = LayerNorm(attention output + x); then x = LayerNorm(down(GELU(up(y))) + y).
            layer.attentionOutput.apply(context.pointer, rows: total, into: y.pointer,
                                        .residualLayerNorm(UnsafeSendable(x.pointer), layer.norm1, eps: eps), isa: isa)
            layer.up.apply(y.pointer, rows: total, into: inner.pointer, .gelu, isa: isa)
            layer.down.apply(inner.pointer, rows: total, into: x.pointer,
                             .residualLayerNorm(UnsafeSendable(y.pointer), layer.norm2, eps: eps), isa: isa)
        }

        // Mean pooling and L2 normalisation, sequences split across cores.
        var vectors = [[Float]](repeating: [], count: sequences.count)
        vectors.withUnsafeMutableBufferPointer { out in
            let out = UnsafeSendable(out.baseAddress!)
            Parallel.split(sequences.count) { range in
                for s in range {
                    var mean = [Double](repeating: 0, count: h)
                    for r in offsets[s]..<offsets[s + 1] {
                        let row = xPointer.pointer + r * h
                        for j in 0..<h { mean[j] += Double(row[j]) }
                    }
                    let n = Double(max(1, offsets[s + 1] - offsets[s]))
                    var v = mean.map { Float($0 / n) }
                    normalizeL2(&v)
                    (out.pointer + s).pointee = v
                }
            }
        }
        return vectors
    }
}
