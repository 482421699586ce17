import ClioCore

/// Turns a cluster tree into a document. HTML will be one more conformance.
public protocol TreeRenderer {
    func render(_ tree: ClusterTree) -> String
}

/// The seed's text tree: box-drawing guides, a description wrapped to the width, a size line.
public struct TextRenderer: TreeRenderer {
    /// Levels shown; nil for all.
    public var depth: Int?
    /// Columns to wrap descriptions to.
    public var width = 80
    public var color = false

    public init(depth: Int? = nil, width: Int = 80, color: Bool = false) {
        self.depth = depth
        self.width = width
        self.color = color
    }

    private static let descriptionLabel = "Description: "
    /// Descriptions never get narrower than this, however deep the tree.
    static let minimumTextWidth = 20

    public func render(_ tree: ClusterTree) -> String {
        var lines = [paint("Clusters", .bold)]
        for (i, node) in tree.roots.enumerated() {
            add(node, prefix: "", isLast: i == tree.roots.count - 1, level: 1, to: &lines)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func add(_ node: TreeNode, prefix: String, isLast: Bool, level: Int, to lines: inout [String]) {
        let branch = isLast ? "└── " : "├── "
        let inner = prefix + (isLast ? "    " : "│   ")
        lines.append(paint(prefix + branch, .dim) + paint(node.name, node.withheld ? .dim : .bold) + Self.newSince(node))
        if !node.withheld && !node.description.isEmpty {
            let available = max(width - inner.count - Self.descriptionLabel.count, Self.minimumTextWidth)
            let hang = String(repeating: " ", count: Self.descriptionLabel.count)
            for (j, line) in wrap(node.description, width: available).enumerated() {
                let label = j == 0 ? paint(Self.descriptionLabel, .dim) : hang
                lines.append(paint(inner, .dim) + label + line)
            }
        }
        lines.append(paint(inner, .dim) + "Contains \(node.size) conversation\(node.size == 1 ? "" : "s")")
        if let depth, level >= depth { return }
        for (i, child) in node.children.enumerated() {
            add(child, prefix: inner, isLast: i == node.children.count - 1, level: level + 1, to: &lines)
        }
    }

    /// ` (new since 2024-07-08)` for a cluster a run into an earlier tree marked new.
    static func newSince(_ node: TreeNode) -> String {
        node.record["new_since"]?.stringValue.map { " (new since \($0))" } ?? ""
    }

    enum Style: String {
        case bold = "\u{1B}[1m"
        case dim = "\u{1B}[2m"
    }

    private func paint(_ text: String, _ style: Style) -> String {
        guard color, !text.isEmpty else { return text }
        return style.rawValue + text + "\u{1B}[0m"
    }
}

/// Greedy word wrap: lines of at most `width` characters, except a single word longer than that.
public func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
        if line.isEmpty {
            line = String(word)
        } else if line.count + 1 + word.count <= width {
            line += " " + word
        } else {
            lines.append(line)
            line = String(word)
        }
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines
}

/// A nested Markdown list: `- **Name** — 57 conversations (14.3%)`, the description under it.
public struct MarkdownRenderer: TreeRenderer {
    public var depth: Int?
    public init(depth: Int? = nil) { self.depth = depth }

    public func render(_ tree: ClusterTree) -> String {
        let total = tree.total
        var out = "# Clusters\n\n"
        out += "\(total) conversation\(total == 1 ? "" : "s") in \(tree.roots.count) top-level cluster\(tree.roots.count == 1 ? "" : "s").\n\n"
        for node in tree.roots { add(node, indent: "", level: 1, total: total, to: &out) }
        return out
    }

    private func add(_ node: TreeNode, indent: String, level: Int, total: Int, to out: inout String) {
        let name = node.withheld ? "*\(Self.escape(node.name))*" : "**\(Self.escape(node.name))**"
        let count = "\(node.size) conversation\(node.size == 1 ? "" : "s")"
        out += "\(indent)- \(name) — \(count) (\(Self.percent(node.size, of: total)))"
        if let since = node.record["new_since"]?.stringValue { out += ", new since \(Self.escape(since))" }
        if !node.withheld && !node.description.isEmpty {
            // A backslash at the end of a line is a hard line break in CommonMark.
            out += "\\\n\(indent)  \(Self.escape(node.description))"
        }
        out += "\n"
        if let depth, level >= depth { return }
        for child in node.children { add(child, indent: indent + "  ", level: level + 1, total: total, to: &out) }
    }

    /// `14.3%`, one decimal, rounded half away from zero.
    static func percent(_ part: Int, of total: Int) -> String {
        guard total > 0 else { return "0.0%" }
        let tenths = Int((Double(part) * 1000 / Double(total)).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// Backslash-escapes the characters that would start Markdown markup inside a line.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            if "\\`*_[]<>#|".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}

/// One pretty-printed JSON document: `{"total": N, "clusters": [{…, "children": […]}]}`.
public struct JSONTreeRenderer: TreeRenderer {
    public var depth: Int?
    public init(depth: Int? = nil) { self.depth = depth }

    /// Record fields that the nesting replaces or that are too bulky for a report.
    static let dropped: Set<String> = ["kind", "parent", "children", "members", "centroid", "language_means"]

    public func render(_ tree: ClusterTree) -> String {
        let document: JSON = [
            "total": .number(Double(tree.total)),
            "clusters": .array(tree.roots.map { json($0, level: 1) }),
        ]
        return JSONSerializer.pretty(document) + "\n"
    }

    private func json(_ node: TreeNode, level: Int) -> JSON {
        var object = JSONObject(node.record.members.filter { !Self.dropped.contains($0.key) })
        // Fields clio-tree filled in for a record that lacked them.
        if object["name"] == nil { object["name"] = .string(node.name) }
        let children = depth.map { level >= $0 } == true ? [] : node.children
        object["children"] = .array(children.map { json($0, level: level + 1) })
        return .object(object)
    }
}
