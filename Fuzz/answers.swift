// LLM answer extraction and validation: the object found in any answer text, then read by the
// facet validator and by each of clio-label's questions.
@testable import ClioCore
@testable import ClioLLM
@testable import ClioSummarize
@testable import ClioLabel

let facets = FacetPrompt(facets: FacetSpec.builtIn, maxChars: 2000)
let label = ClusterLabel(name: "Fix bicycle chains", description: "The user asked how to fix a bicycle chain.")
let questions: [@Sendable (JSONObject) -> Bool] = [
    { if case .success = LLMPrompts.nameBase(inside: ["a"], contrast: ["b"], fallback: label).read($0) { true } else { false } },
    { if case .success = LLMPrompts.nameParent(children: [label, label], fallback: label).read($0) { true } else { false } },
    { if case .success = LLMPrompts.propose(clusters: [label], outside: [], desired: 3, tag: 0).read($0) { true } else { false } },
    { if case .success = LLMPrompts.deduplicate(names: ["a", "b", "c"], desired: 2).read($0) { true } else { false } },
    { if case .success = LLMPrompts.assign(
        child: label, parents: ["a", "b"], fallback: 0, match: { name in ["a", "b"].firstIndex(of: name).map { ($0, false) } }, fuzzy: {}
    ).read($0) { true } else { false } },
    { if case .success = LLMPrompts.audit(label).read($0) { true } else { false } },
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = AnswerText.straightened(text)
    guard case .success(let object) = AnswerText.object(text) else { return 0 }
    _ = facets.validate(object)
    for question in questions { _ = question(object) }
    for (key, value) in object {
        _ = AnswerText.string(object, key)
        _ = AnswerText.integer(value)
    }
    return 0
}
