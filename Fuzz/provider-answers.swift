// Each provider's response decoding (OpenAI, Anthropic, Gemini, Ollama), in every structured
// mode, on any JSON the server might send.
@testable import ClioCore
@testable import ClioLLM

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let answer = try? JSONParser.parse(bytes) else { return 0 }
    let wires: [any ProviderWire] = [OpenAIWire(), AnthropicWire(), GeminiWire(), OllamaWire()]
    let modes: [ModelProfile.StructuredMode] = [.jsonSchema, .jsonObject, .outputConfig, .tool, .responseJsonSchema, .responseSchema, .jsonMime, .formatSchema]
    for wire in wires {
        for mode in modes { _ = try? wire.decode(answer, mode: mode) }
    }
    return 0
}
