import ClioLLM

extension LLMStats {
    /// "12 requests, 1 retry": embedding calls have no token counts worth showing.
    func describeRequests() -> String {
        let v = snapshot
        var text = "\(v.calls) request\(v.calls == 1 ? "" : "s")"
        if v.retries > 0 { text += ", \(v.retries) retr\(v.retries == 1 ? "y" : "ies")" }
        return text
    }
}
