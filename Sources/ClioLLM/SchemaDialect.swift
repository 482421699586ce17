import ClioCore

/// The JSON Schema each provider's structured-output mode accepts. clio writes one schema per
/// answer; this cuts it down to what a provider documents as supported. Nothing is lost by
/// that: every answer is validated against the full rules afterwards.
enum SchemaDialect {
    /// OpenAI strict mode: every object lists all its properties as required and forbids others.
    static func isStrictCompatible(_ schema: JSON) -> Bool {
        guard let object = schema.objectValue else { return true }
        if object["type"]?.stringValue == "object" {
            guard let properties = object["properties"]?.objectValue else { return false }
            guard object["additionalProperties"] == .bool(false) else { return false }
            let required = Set((object["required"]?.arrayValue ?? []).compactMap(\.stringValue))
            guard required == Set(properties.keys) else { return false }
            for (_, child) in properties where !isStrictCompatible(child) { return false }
        }
        if let items = object["items"], !isStrictCompatible(items) { return false }
        return true
    }

    /// `schema` without the given keywords, at every depth (property names are kept as they are).
    static func removing(_ keywords: Set<String>, from schema: JSON) -> JSON {
        guard let object = schema.objectValue else { return schema }
        var out = JSONObject()
        for (key, value) in object where !keywords.contains(key) {
            switch key {
            case "properties":
                var properties = JSONObject()
                for (name, child) in value.objectValue ?? [:] { properties[name] = removing(keywords, from: child) }
                out[key] = .object(properties)
            case "items":
                out[key] = removing(keywords, from: value)
            default:
                out[key] = value
            }
        }
        return .object(out)
    }

    /// Anthropic JSON outputs: no numeric or string-length constraints, no patterns.
    static func anthropic(_ schema: JSON) -> JSON {
        removing(["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "pattern",
                  "minItems", "maxItems"], from: schema)
    }

    /// Gemini `responseJsonSchema`: JSON Schema less patterns and string lengths.
    static func geminiJSONSchema(_ schema: JSON) -> JSON {
        removing(["pattern", "minLength", "maxLength", "multipleOf"], from: schema)
    }

    /// Gemini `responseSchema`, the OpenAPI 3.0 subset: no `additionalProperties`, no patterns,
    /// and `enum` only of strings.
    static func geminiOpenAPI(_ schema: JSON) -> JSON {
        let cut = removing(["additionalProperties", "pattern", "minLength", "maxLength", "multipleOf", "exclusiveMinimum",
                            "exclusiveMaximum"], from: schema)
        return dropNonStringEnums(cut)
    }

    private static func dropNonStringEnums(_ schema: JSON) -> JSON {
        guard var object = schema.objectValue else { return schema }
        if let values = object["enum"]?.arrayValue, !values.allSatisfy({ $0.stringValue != nil }) { object["enum"] = nil }
        if let properties = object["properties"]?.objectValue {
            var out = JSONObject()
            for (name, child) in properties { out[name] = dropNonStringEnums(child) }
            object["properties"] = .object(out)
        }
        if let items = object["items"] { object["items"] = dropNonStringEnums(items) }
        return .object(object)
    }
}
