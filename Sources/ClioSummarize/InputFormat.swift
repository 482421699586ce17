import Foundation
import ClioCore

/// The conversation formats clio-summarize reads. Each adapter turns one record (a JSONL line
/// or one element of an export's JSON array) into a `Conversation`.
public enum InputFormat: String, CaseIterable, Sendable {
    /// OpenAI-style `{"id", "messages": [{"role", "content"}]}`, the canonical shape.
    case messages
    /// A Claude.ai export (`conversations.json`): `uuid`, `chat_messages[]` with `sender`.
    case claude
    /// A ChatGPT export (`conversations.json`): a `mapping` tree walked back from `current_node`.
    case chatgpt
    /// ShareGPT: `{"id", "conversations": [{"from", "value"}]}`.
    case sharegpt

    /// The format a record looks like, from its keys; nil when none fits.
    public static func detect(_ record: JSONObject) -> InputFormat? {
        for member in record.members {
            switch member.key {
            case "messages": return .messages
            case "conversations": return .sharegpt
            case "chat_messages": return .claude
            case "mapping": return .chatgpt
            default: continue
            }
        }
        return nil
    }

    /// Converts one record of this format to a conversation. The record kept in the result is
    /// what passes through to the output: for JSONL formats the input record minus its message
    /// list, for exports a small canonical record (`id`, `user`, `created_at`, `metadata`).
    public func conversation(from record: JSONObject, location: Location? = nil) throws(ClioError) -> Conversation {
        var conversation: Conversation
        switch self {
        case .messages: conversation = try Adapters.messages(record)
        case .claude: conversation = try Adapters.claude(record)
        case .chatgpt: conversation = try Adapters.chatGPT(record)
        case .sharegpt: conversation = try Adapters.shareGPT(record)
        }
        conversation.location = location
        return conversation
    }
}

/// The per-format conversions. Each validates only what it needs and names the field it
/// could not use.
enum Adapters {
    static func requireID(_ record: JSONObject, keys: [String]) throws(ClioError) -> JSON {
        for key in keys {
            guard let value = record[key] else { continue }
            switch value {
            case .string(let s) where !s.isEmpty: return value
            case .number, .rawNumber: return value
            case .string: throw ClioError(.invalidRecord, "field \"\(key)\" is empty")
            default: throw ClioError(.invalidRecord, "field \"\(key)\" must be a string or a number, got \(value.typeName)")
            }
        }
        throw ClioError(.invalidRecord, "field \"\(keys[0])\" is missing")
    }

    /// A number as written in a record ("17", not "17.0").
    static func numberText(_ value: JSON) -> String? {
        var object = JSONObject()
        object["id"] = value
        return object.idString()
    }

    static func optionalString(_ record: JSONObject, _ key: String) throws(ClioError) -> String? {
        switch record[key] {
        case nil, .null?: return nil
        case .string(let s)?: return s
        case let value?: throw ClioError(.invalidRecord, "field \"\(key)\" must be a string, got \(value.typeName)")
        }
    }

    /// Text of a message content: a string, or the `text` of parts whose type is text-like.
    /// Other parts (images, files, tool calls) carry no words to summarise and are ignored.
    static func text(of content: JSON?, field: String) throws(ClioError) -> String {
        switch content {
        case nil, .null?: return ""
        case .string(let s)?: return s
        case .array(let parts)?:
            var pieces: [String] = []
            for part in parts {
                switch part {
                case .string(let s): pieces.append(s)
                case .object(let o):
                    let type = o["type"]?.stringValue ?? "text"
                    guard type == "text" || type == "input_text" || type == "output_text" else { continue }
                    if let text = o["text"]?.stringValue { pieces.append(text) }
                default: continue
                }
            }
            return pieces.joined(separator: "\n")
        case let value?:
            throw ClioError(.invalidRecord, "field \"\(field)\" must be a string or a list of parts, got \(value.typeName)")
        }
    }

    /// Whether a message content holds parts that are not text (images, files, tool calls).
    static func hasNonTextParts(_ content: JSON?) -> Bool {
        guard case .array(let parts)? = content else { return false }
        return parts.contains { part in
            guard case .object(let o) = part else { return false }
            let type = o["type"]?.stringValue ?? "text"
            return !(type == "text" || type == "input_text" || type == "output_text")
        }
    }

    /// Whether a message without text still carried something: non-text parts or, in Claude
    /// exports, `attachments` or `files`.
    static func carriesAttachments(_ message: JSONObject) -> Bool {
        if hasNonTextParts(message["content"]) { return true }
        for key in ["attachments", "files"] { if case .array(let items)? = message[key], !items.isEmpty { return true } }
        return false
    }

    static func isBlank(_ text: String) -> Bool { text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }

    static func messages(_ record: JSONObject) throws(ClioError) -> Conversation {
        let id = try requireID(record, keys: ["id"])
        guard let list = record["messages"] else { throw ClioError(.invalidRecord, "field \"messages\" is missing") }
        guard case .array(let items) = list else {
            throw ClioError(.invalidRecord, "field \"messages\" must be an array, got \(list.typeName)")
        }
        var messages: [Message] = []
        messages.reserveCapacity(items.count)
        var attachmentOnly = 0
        for (index, item) in items.enumerated() {
            guard case .object(let message) = item else {
                throw ClioError(.invalidRecord, "field \"messages.\(index)\" must be an object, got \(item.typeName)")
            }
            guard let role = message["role"]?.stringValue else {
                throw ClioError(.invalidRecord, "field \"messages.\(index).role\" is missing or not a string")
            }
            let text = try text(of: message["content"], field: "messages.\(index).content")
            if role == "user" && isBlank(text) && carriesAttachments(message) { attachmentOnly += 1 }
            messages.append(Message(role: role, content: text))
        }
        var user = try optionalString(record, "user")
        if user == nil, let number = record["user"], number.doubleValue != nil {
            user = numberText(number)
        }
        var conversation = Conversation(
            id: id, user: user, createdAt: try optionalString(record, "created_at"), messages: messages,
            record: record)
        conversation.attachmentOnlyUserTurns = attachmentOnly
        return conversation
    }

    static func claude(_ record: JSONObject) throws(ClioError) -> Conversation {
        let id = try requireID(record, keys: ["uuid", "id"])
        guard let list = record["chat_messages"] else { throw ClioError(.invalidRecord, "field \"chat_messages\" is missing") }
        guard case .array(let items) = list else {
            throw ClioError(.invalidRecord, "field \"chat_messages\" must be an array, got \(list.typeName)")
        }
        var messages: [Message] = []
        var attachmentOnly = 0
        for (index, item) in items.enumerated() {
            guard case .object(let message) = item else {
                throw ClioError(.invalidRecord, "field \"chat_messages.\(index)\" must be an object, got \(item.typeName)")
            }
            let role: String
            switch message["sender"]?.stringValue {
            case "human"?, "user"?: role = "user"
            case "assistant"?: role = "assistant"
            case let other?: role = other
            case nil: throw ClioError(.invalidRecord, "field \"chat_messages.\(index).sender\" is missing or not a string")
            }
            // Newer exports put the text in `content[]`; older ones only in `text`.
            var text = try text(of: message["content"], field: "chat_messages.\(index).content")
            if text.isEmpty { text = message["text"]?.stringValue ?? "" }
            if role == "user" && isBlank(text) && carriesAttachments(message) { attachmentOnly += 1 }
            messages.append(Message(role: role, content: text))
        }
        var output = JSONObject()
        output["id"] = id
        if let account = record["account"]?.objectValue?["uuid"]?.stringValue { output["user"] = .string(account) }
        if let created = try optionalString(record, "created_at") { output["created_at"] = .string(created) }
        output["metadata"] = ["source": "claude"]
        var conversation = Conversation(
            id: id, user: output["user"]?.stringValue, createdAt: output["created_at"]?.stringValue,
            messages: messages, record: output)
        conversation.attachmentOnlyUserTurns = attachmentOnly
        return conversation
    }

    static func chatGPT(_ record: JSONObject) throws(ClioError) -> Conversation {
        let id = try requireID(record, keys: ["id", "conversation_id"])
        guard let mappingValue = record["mapping"] else { throw ClioError(.invalidRecord, "field \"mapping\" is missing") }
        guard case .object(let mapping) = mappingValue else {
            throw ClioError(.invalidRecord, "field \"mapping\" must be an object, got \(mappingValue.typeName)")
        }
        var nodes: [String: JSONObject] = [:]
        for (key, value) in mapping { if case .object(let node) = value { nodes[key] = node } }
        // The conversation is the branch that ends at `current_node`; other branches hold
        // regenerated or edited turns the user moved away from.
        var leaf = record["current_node"]?.stringValue
        if leaf == nil || nodes[leaf!] == nil {
            // No current node: follow the last child from the root, the newest branch.
            // A node seen twice is a cycle in `children` (found by fuzzing: it looped forever).
            var node = mapping.members.first { nodes[$0.key]?["parent"]?.stringValue == nil }?.key
            var visited = Set<String>()
            while let current = node, visited.insert(current).inserted, let children = nodes[current]?["children"]?.arrayValue,
                let last = children.last?.stringValue, nodes[last] != nil, !visited.contains(last)
            {
                node = last
            }
            leaf = node
        }
        var path: [JSONObject] = []
        var seen = Set<String>()
        var cursor = leaf
        while let key = cursor, let node = nodes[key], !seen.contains(key) {
            seen.insert(key)
            path.append(node)
            cursor = node["parent"]?.stringValue
        }
        var messages: [Message] = []
        var attachmentOnly = 0
        for node in path.reversed() {
            guard case .object(let message)? = node["message"] else { continue }
            guard let role = message["author"]?.objectValue?["role"]?.stringValue, role == "user" || role == "assistant" else {
                continue
            }
            guard let content = message["content"]?.objectValue else { continue }
            var pieces: [String] = []
            var otherParts = false
            if let parts = content["parts"]?.arrayValue {
                for part in parts {
                    if let s = part.stringValue { pieces.append(s) } else if part.objectValue != nil { otherParts = true }
                }
            } else if let text = content["text"]?.stringValue {
                pieces.append(text)
            }
            let text = pieces.joined(separator: "\n")
            if isBlank(text) {
                // An image or file the user sent without a word: nothing to summarise, but not nothing.
                if role == "user" && otherParts { attachmentOnly += 1 }
                continue
            }
            messages.append(Message(role: role, content: text))
        }
        var output = JSONObject()
        output["id"] = id
        if let time = record["create_time"], let number = time.doubleValue {
            guard let date = CivilDate.timestamp(unixTime: number) else {
                throw ClioError(
                    .invalidRecord,
                    "field \"create_time\" is out of range: \(numberText(time) ?? String(number)) (expected Unix seconds or milliseconds from year 1 to 9999)")
            }
            output["created_at"] = .string(date)
        }
        output["metadata"] = ["source": "chatgpt"]
        var conversation = Conversation(id: id, createdAt: output["created_at"]?.stringValue, messages: messages, record: output)
        conversation.attachmentOnlyUserTurns = attachmentOnly
        return conversation
    }

    static func shareGPT(_ record: JSONObject) throws(ClioError) -> Conversation {
        let id = try requireID(record, keys: ["id"])
        guard let list = record["conversations"] else { throw ClioError(.invalidRecord, "field \"conversations\" is missing") }
        guard case .array(let items) = list else {
            throw ClioError(.invalidRecord, "field \"conversations\" must be an array, got \(list.typeName)")
        }
        var messages: [Message] = []
        for (index, item) in items.enumerated() {
            guard case .object(let turn) = item else {
                throw ClioError(.invalidRecord, "field \"conversations.\(index)\" must be an object, got \(item.typeName)")
            }
            guard let from = turn["from"]?.stringValue else {
                throw ClioError(.invalidRecord, "field \"conversations.\(index).from\" is missing or not a string")
            }
            let role: String
            switch from.lowercased() {
            case "human", "user": role = "user"
            case "gpt", "chatgpt", "assistant", "bing", "bard", "model": role = "assistant"
            case "system": role = "system"
            default: role = from
            }
            messages.append(Message(role: role, content: try text(of: turn["value"], field: "conversations.\(index).value")))
        }
        var user = try optionalString(record, "user")
        if user == nil, let number = record["user"], number.doubleValue != nil {
            user = numberText(number)
        }
        return Conversation(id: id, user: user, createdAt: try optionalString(record, "created_at"), messages: messages, record: record)
    }
}
