import ClioCore

extension HTTPClient {
    /// POSTs a JSON body and parses the JSON answer; a 2xx answer that is not JSON is an
    /// `invalidResponse` error.
    func postJSON(_ url: String, headers: [(String, String)], body: JSON) throws -> JSON {
        let response = try post(HTTPRequest(url: url, headers: headers, body: JSONSerializer.bytes(body)))
        do {
            return try JSONParser.parse(response.body)
        } catch {
            throw LLMError(.invalidResponse, "the server's answer is not JSON: \(snippet(response.body))")
        }
    }
}

extension JSON {
    /// The integer at a path, or 0: token counts are optional in every API.
    func count(_ path: String) -> Int { self[path: path]?.intValue ?? 0 }
}

func missingField(_ provider: Provider, _ path: String, in value: JSON) -> LLMError {
    let text = JSONSerializer.string(value)
    let excerpt = text.count > 300 ? String(text.prefix(300)) + "…" : text
    return LLMError(.invalidResponse, "unexpected \(provider.rawValue) answer: no \(path) in \(excerpt)")
}
