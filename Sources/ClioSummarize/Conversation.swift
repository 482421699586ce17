import ClioCore
import Foundation

/// One message of a conversation, its content flattened to text.
public struct Message: Equatable, Sendable {
    public var role: String
    public var content: String
    public init(role: String, content: String) {
        self.role = role
        self.content = content
    }
}

/// A conversation in the canonical shape every input adapter produces.
public struct Conversation: Sendable {
    public var id: JSON
    public var user: String?
    public var createdAt: String?
    public var messages: [Message]
    /// The record as read (or as built by an adapter), so fields clio does not own pass through.
    public var record: JSONObject
    public var location: Location?
    /// User turns that carried attachments, images or other non-text parts and no text; the
    /// adapters count them so a conversation of files alone is told from an empty one.
    public var attachmentOnlyUserTurns = 0

    public init(id: JSON, user: String? = nil, createdAt: String? = nil, messages: [Message], record: JSONObject, location: Location? = nil) {
        self.id = id
        self.user = user
        self.createdAt = createdAt
        self.messages = messages
        self.record = record
        self.location = location
    }

    /// Number of user turns: the paper's `turns` facet is counted, never asked.
    public var userTurns: Int { messages.filter { $0.role == "user" }.count }

    /// Why this conversation has nothing to summarise, or nil when it has user text.
    public var skipReason: SkipReason? {
        func hasText(_ message: Message) -> Bool { !message.content.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        if messages.contains(where: { $0.role == "user" && hasText($0) }) { return nil }
        if attachmentOnlyUserTurns > 0 { return .attachmentsOnly }
        if !messages.contains(where: hasText) { return .empty }
        return .noUserText
    }
}

/// Why a well-formed conversation cannot be summarised. Real exports always hold some (empty
/// chats, a deleted first turn, a file sent without a word): they are unusual, not invalid, so
/// every summarize run skips and counts them instead of stopping (docs/summarize.md).
public enum SkipReason: String, Sendable, CaseIterable {
    /// No message with any text (no messages at all, or only empty ones).
    case empty = "empty conversation"
    /// Text, but none of it from the user (only assistant or system turns).
    case noUserText = "no user text"
    /// The user's turns carry only attachments, images or other non-text parts.
    case attachmentsOnly = "attachments only"
}

/// The facets of one conversation (Clio paper, appendix G.4) plus any custom facets.
public struct Facets: Equatable, Sendable {
    public var request: String
    public var task: String
    public var language: String
    public var concerning: Int
    public var turns: Int
    /// Custom facets from `--facets FILE`, in file order.
    public var extra: [(name: String, value: JSON)]

    public init(request: String, task: String, language: String, concerning: Int, turns: Int, extra: [(name: String, value: JSON)] = []) {
        self.request = request
        self.task = task
        self.language = language
        self.concerning = concerning
        self.turns = turns
        self.extra = extra
    }

    public var json: JSON {
        var object: JSONObject = [
            "request": .string(request), "task": .string(task), "language": .string(language),
            "concerning": .number(Double(concerning)), "turns": .number(Double(turns)),
        ]
        for (name, value) in extra { object[name] = value }
        return .object(object)
    }

    public static func == (a: Facets, b: Facets) -> Bool {
        a.request == b.request && a.task == b.task && a.language == b.language && a.concerning == b.concerning
            && a.turns == b.turns && a.extra.map(\.name) == b.extra.map(\.name) && a.extra.map(\.value) == b.extra.map(\.value)
    }
}
