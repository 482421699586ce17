import ClioCore
import Foundation

/// Checks records against the JSON Schemas in docs/schema, so the documented contract and the
/// tools cannot drift apart. Supports the keywords those schemas use: type, required, properties,
/// additionalProperties (as a schema), items, enum, minimum, maximum, minLength, minItems,
/// maxItems, pattern.
struct SchemaValidator {
    let schema: JSON

    init(named name: String) throws {
        let url = Clio.packageRoot.appendingPathComponent("docs/schema/\(name).schema.json")
        schema = try JSONParser.parse(Array(try Data(contentsOf: url)))
    }

    /// Every violation, as `path: problem`; empty when the value conforms.
    func violations(_ value: JSON) -> [String] {
        var found: [String] = []
        check(value, against: schema, path: "$", into: &found)
        return found
    }

    private func check(_ value: JSON, against schema: JSON, path: String, into found: inout [String]) {
        guard case .object(let s) = schema else { return }
        if let type = s["type"] {
            let allowed = type.arrayValue?.compactMap(\.stringValue) ?? [type.stringValue ?? ""]
            if !allowed.contains(where: { matches(value, type: $0) }) {
                found.append("\(path): expected \(allowed.joined(separator: " or ")), got \(value.typeName)")
                return
            }
        }
        if let options = s["enum"]?.arrayValue, !options.contains(value) {
            found.append("\(path): \(JSONSerializer.string(value)) is not one of \(JSONSerializer.string(.array(options)))")
        }
        if let d = value.doubleValue {
            if let min = s["minimum"]?.doubleValue, d < min { found.append("\(path): \(d) < \(min)") }
            if let max = s["maximum"]?.doubleValue, d > max { found.append("\(path): \(d) > \(max)") }
        }
        if case .string(let text) = value {
            if let min = s["minLength"]?.intValue, text.count < min { found.append("\(path): shorter than \(min)") }
            if let pattern = s["pattern"]?.stringValue, text.range(of: pattern, options: .regularExpression) == nil {
                found.append("\(path): does not match \(pattern)")
            }
        }
        if case .array(let elements) = value {
            if let min = s["minItems"]?.intValue, elements.count < min { found.append("\(path): fewer than \(min) items") }
            if let max = s["maxItems"]?.intValue, elements.count > max { found.append("\(path): more than \(max) items") }
            if let items = s["items"] {
                for (i, element) in elements.enumerated() { check(element, against: items, path: "\(path)[\(i)]", into: &found) }
            }
        }
        if case .object(let object) = value {
            for key in s["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where object[key] == nil {
                found.append("\(path): missing \"\(key)\"")
            }
            let properties = s["properties"]?.objectValue ?? JSONObject()
            for (key, child) in object {
                if let sub = properties[key] {
                    check(child, against: sub, path: "\(path).\(key)", into: &found)
                } else if let extra = s["additionalProperties"], extra.objectValue != nil {
                    check(child, against: extra, path: "\(path).\(key)", into: &found)
                }
            }
        }
    }

    private func matches(_ value: JSON, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object): return true
        case ("number", .number), ("number", .rawNumber): return true
        case ("integer", _): return value.intValue != nil
        default: return false
        }
    }
}
