import ClioTestSupport
import ClioCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ClioEmbed
import ClioLLM
@testable import ClioLabel

/// Which step of LLM labelling a request belongs to, told from the name of its answer's schema.
enum PromptKind: Equatable {
    case nameBase, nameParent, propose, deduplicate, assign, audit
}

func promptKind(_ request: ChatRequest) -> PromptKind {
    guard case .json(let name, _) = request.options.format else { return .audit }
    switch name {
    case "cluster_name": return .nameBase
    case "parent_name": return .nameParent
    case "proposals": return .propose
    case "deduplication": return .deduplicate
    case "assignment": return .assign
    default: return .audit
    }
}

/// The items between `<tag>` and `</tag>` of a prompt: one per line, `<cluster>` wrappers removed.
func listed(_ text: String, tag: String) -> [String] {
    guard let start = text.range(of: "<\(tag)>\n"), let end = text.range(of: "</\(tag)>", range: start.upperBound..<text.endIndex) else { return [] }
    return text[start.upperBound..<end.lowerBound].split(separator: "\n").map { line in
        var item = String(line)
        if item.hasPrefix("<cluster>") { item.removeFirst("<cluster>".count) }
        if item.hasSuffix("</cluster>") { item.removeLast("</cluster>".count) }
        return item
    }
}

/// The cluster line of an assignment prompt.
func assignedCluster(_ text: String) -> String {
    guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Name: ") }) else { return "" }
    return String(line.dropFirst("Name: ".count))
}

/// The user message of a labelling request (after the system prompt).
func userText(_ request: ChatRequest) -> String { request.messages.first { $0.role == .user }?.content ?? "" }

/// The fake chat model with a script that needs only the request.
func stubModel(_ answer: @escaping @Sendable (ChatRequest) throws -> String) -> FakeChatModel {
    FakeChatModel(model: "stub", answering: answer)
}

extension FakeChatModel {
    /// The requests of one labelling step.
    func requests(_ kind: PromptKind) -> [ChatRequest] { requests.filter { promptKind($0) == kind } }
}

func json(_ object: JSONObject) -> String { JSONSerializer.string(.object(object)) }
func labelAnswer(_ name: String, _ description: String = "Users asked for help. The assistant helped them.") -> String {
    json(["description": .string(description), "name": .string(name)])
}
func namesAnswer(_ names: [String]) -> String { json(["reasoning": "r", "names": .array(names.map { .string($0) })]) }
func categoryAnswer(_ name: String) -> String { json(["reasoning": "r", "category": .string(name)]) }

/// A well-behaved stub: names a base cluster after the topic word its summaries share, proposes
/// one parent per topic group ("Group <first letter>"), merges by keeping the first names,
/// assigns by the first letter of the cluster's topic, rates everything 5.
func sensibleAnswer(_ request: ChatRequest) -> String {
    let text = userText(request)
    switch promptKind(request) {
    case .nameBase:
        let first = listed(text, tag: "answers").first ?? ""
        let topic = first.split(separator: " ").last.map { String($0).trimmingCharacters(in: ".") } ?? "x"
        return labelAnswer("Discuss \(topic)")
    case .nameParent:
        let children = listed(text, tag: "answers").map { $0.split(separator: ":")[0] }
        return labelAnswer("Cover \(children.count) related topics")
    case .propose:
        let clusters = listed(text, tag: "cluster_list").map { String($0.split(separator: ":")[0]) }
        let letters = Set(clusters.map { groupName(for: $0) })
        let low = Int(text.components(between: "Give at least ", and: " and at most"))!
        return namesAnswer(Array(letters.sorted().prefix(max(low, letters.count))))
    case .deduplicate:
        let names = listed(text, tag: "cluster_names")
        let low = Int(text.components(between: "no fewer than ", and: " and no more"))!
        return namesAnswer(Array(names.prefix(max(low, 1))))
    case .assign:
        let cluster = assignedCluster(text)
        let categories = listed(text, tag: "higher_level_clusters")
        let wanted = groupName(for: cluster)
        return categoryAnswer(categories.contains(wanted) ? wanted : categories[0])
    case .audit:
        return json(["rating": 5])
    }
}

/// "Discuss apple3" → "Group a".
func groupName(for clusterName: String) -> String {
    let topic = clusterName.split(separator: " ").last.map(String.init) ?? "x"
    return "Group \(topic.prefix(1))"
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return String(s)
    }

    /// The text between the first `start` and the next `end` after it.
    func components(between start: String, and end: String) -> String {
        guard let a = range(of: start), let b = range(of: end, range: a.upperBound..<endIndex) else { return "" }
        return String(self[a.upperBound..<b.lowerBound])
    }
}

/// `clusters` base clusters of `perCluster` conversations each in `dimension` dimensions, well
/// apart; cluster c's summaries end on its topic word (`apple0`, `banana1`, …), so the sensible
/// stub groups clusters by the topic's first letter.
func llmFixture(clusters: Int, perCluster: Int, dimension: Int = 4, seed: UInt64 = 1, sizes: [Int]? = nil) -> [JSONObject] {
    let topics = ["apple", "avocado", "banana", "blueberry", "cherry", "carrot", "date", "durian"]
    var rng = SplitMix(seed: seed)
    var out: [JSONObject] = []
    for c in 0..<clusters {
        var centre = (0..<dimension).map { _ in rng.unit() * 10 }
        centre[c % dimension] += Float(c) * 3
        let count = sizes?[c] ?? perCluster
        for i in 0..<count {
            let v = centre.map { $0 + (rng.unit() - 0.5) * 0.2 }
            let topic = "\(topics[c % topics.count])\(c)"
            out.append(clustered(id: "c\(c)-\(i)", cluster: c, embedding: v, user: "u\(c)-\(i % 3)",
                                 request: "The user's overall request for the assistant is to ask question \(i) about \(topic)."))
        }
    }
    return out
}

/// An LLM labeller over `stub`, no cache, a 64-dimensional hashed embedder.
func llmLabeler(_ stub: any ChatModel, attempts: Int = 3, configure: (inout LLMLabelOptions) -> Void = { _ in }) -> (LLMLabeler, LLMStats) {
    var llm = LLMLabelOptions()
    llm.jobs = 4
    configure(&llm)
    let stats = LLMStats()
    let asker = Asker(model: CachedChatModel(base: stub, cache: nil, stats: stats), attempts: attempts)
    return (LLMLabeler(asker: asker, embedder: HashedEmbedder(dimension: 64), llm: llm), stats)
}

/// Runs the labelling loop over `records` with `stub`'s strategy.
func llmLabel(_ records: [JSONObject], stub: any ChatModel, options: LabelOptions = LabelOptions(), attempts: Int = 3,
              configure: (inout LLMLabelOptions) -> Void = { _ in }) throws -> (output: LabelOutput, labeler: LLMLabeler, stats: LLMStats) {
    let (labeler, stats) = llmLabeler(stub, attempts: attempts, configure: configure)
    return (try Labeler.label(try labelInput(records), options: options, strategy: labeler.strategy), labeler, stats)
}

/// Runs a prepared `LabelCommand` over `input` written to a file; returns stdout.
func runCommand(_ command: LabelCommand, input: String) throws -> String {
    let inPath = temporaryFile(input)
    let outPath = temporaryFile("", suffix: ".out")
    defer {
        unlink(inPath)
        unlink(outPath)
    }
    var command = command
    command.paths = [inPath]
    let fd = open(outPath, O_WRONLY | O_TRUNC)
    defer { close(fd) }
    let output = OutputWriter(fd: fd)
    try command.run(output: output)
    try output.flush()
    return readFile(outPath)
}
