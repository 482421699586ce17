import ClioCore
import ClioLLM

extension LLMStats {
    /// "12 requests, 1 retry": embedding calls have no token counts worth showing.
    func describeRequests() -> String {
        let v = snapshot
        var text = RunSummary.count(v.calls, "request")
        if v.retries > 0 { text += ", " + RunSummary.count(v.retries, "retry", "retries") }
        return text
    }
}
