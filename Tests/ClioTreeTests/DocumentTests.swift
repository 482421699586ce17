import Testing
import ClioCore
@testable import ClioTree

/// A list item read back from the Markdown output.
struct MarkdownItem {
    var depth: Int
    var name: String
    var size: Int
    var share: String
    var children: [MarkdownItem] = []
}

/// Reads the nested list back by indentation, independently of the renderer's code.
func parseMarkdownList(_ text: String) throws -> [MarkdownItem] {
    var roots: [MarkdownItem] = []
    var stack: [MarkdownItem] = []
    func close(to depth: Int) {
        while let last = stack.last, last.depth >= depth {
            stack.removeLast()
            if stack.isEmpty { roots.append(last) } else { stack[stack.count - 1].children.append(last) }
        }
    }
    let itemPattern = try Regex(#"^( *)- \*{1,2}(.+?)\*{1,2} — (\d+) conversations? \((\d+\.\d)%\)\\?$"#)
    for line in text.split(separator: "\n") {
        guard let match = try itemPattern.wholeMatch(in: String(line)) else { continue }
        func group(_ i: Int) -> String { match.output[i].substring.map(String.init) ?? "" }
        let depth = group(1).count / 2
        close(to: depth)
        stack.append(MarkdownItem(depth: depth, name: group(2).replacingBackslashes(), size: Int(group(3))!, share: group(4)))
    }
    close(to: 0)
    return roots
}

extension String {
    func replacingBackslashes() -> String {
        var out = ""
        var escaped = false
        for c in self {
            if c == "\\" && !escaped { escaped = true; continue }
            escaped = false
            out.append(c)
        }
        return out
    }
}

@Suite struct DocumentTests {
    @Test func markdownListNestsClustersWithSizesAndShares() throws {
        let text = try runTree(["--format", "markdown"], input: fixture)
        let items = try parseMarkdownList(text)
        #expect(items.map(\.name) == ["Cooking and baking", "Python debugging", "Other (below privacy threshold)"])
        #expect(items.map(\.size) == [30, 12, 3])
        // Shares of the 45 conversations, worked out by hand.
        #expect(items.map(\.share) == ["66.7", "26.7", "6.7"])
        #expect(items[0].children.map(\.name) == ["Bread baking", "Soup recipes"])
        #expect(items[0].children.map(\.size) == [20, 10])
        #expect(items[0].children.map(\.share) == ["44.4", "22.2"])
        #expect(text.contains("  Users asked for recipes and help with baking bread at home.\n"))
        #expect(text.contains("45 conversations in 3 top-level clusters."))
    }

    @Test func markdownEscapesMarkupInNames() throws {
        let input = cluster("a", parent: nil, name: "Fix *bold* [link] and_snake", size: 2)
        let text = try runTree(["--format", "markdown"], input: input)
        #expect(text.contains(#"**Fix \*bold\* \[link\] and\_snake**"#))
        #expect(try parseMarkdownList(text).first?.name == "Fix *bold* [link] and_snake")
    }

    @Test func jsonDocumentNestsChildrenAndCarriesTheRecordFields() throws {
        let text = try runTree(["--format", "json"], input: fixture)
        guard case .object(let document) = try JSONParser.parse(text) else { Issue.record("not an object"); return }
        #expect(document["total"]?.intValue == 45)
        let clusters = document["clusters"]?.arrayValue ?? []
        #expect(clusters.map { $0[path: "id"]?.stringValue } == ["L1-0", "L0-2", "other"])
        let children = clusters[0][path: "children"]?.arrayValue ?? []
        #expect(children.map { $0[path: "size"]?.intValue } == [20, 10])
        #expect(children.reduce(0) { $0 + ($1[path: "size"]?.intValue ?? 0) } == clusters[0][path: "size"]?.intValue)
        #expect(clusters[2][path: "withheld"]?.boolValue == true)
        #expect(clusters[0][path: "kind"] == nil)
        #expect(clusters[0][path: "parent"] == nil)
        #expect(text.contains("\n  \"total\": 45"))  // pretty-printed
    }

    @Test func jsonDepthLimitLeavesChildrenEmpty() throws {
        let text = try runTree(["--format", "json", "--depth", "1"], input: fixture)
        let document = try JSONParser.parse(text)
        #expect(document[path: "clusters.0.children"]?.arrayValue?.isEmpty == true)
    }
}

@Suite struct TreeInputTests {
    @Test func danglingParentIsAnErrorNamingTheRecord() {
        let input = cluster("L0-0", parent: nil, name: "A", size: 1) + "\n" + cluster("L0-1", parent: "L1-9", name: "B", size: 1) + "\n"
        do {
            _ = try runTree([], input: input)
            Issue.record("expected an error")
        } catch let error as ClioError {
            #expect(error.message == "parent \"L1-9\" of cluster \"L0-1\" does not exist")
            #expect(error.location?.line == 2)
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func cycleIsAnError() {
        let input = [
            cluster("root", parent: nil, name: "R", size: 3),
            cluster("a", parent: "b", name: "A", size: 1),
            cluster("b", parent: "a", name: "B", size: 1),
        ].joined(separator: "\n")
        #expect(throws: ClioError.self) { try runTree([], input: input) }
        do { _ = try runTree([], input: input) } catch let error as ClioError {
            #expect(error.message.hasPrefix("clusters form a cycle: "))
        } catch {}
    }

    @Test func selfParentIsACycle() {
        let input = cluster("a", parent: "a", name: "A", size: 1)
        #expect(throws: ClioError.self) { try runTree([], input: input) }
    }

    @Test func duplicateIdIsAnError() {
        let input = cluster("a", parent: nil, name: "A", size: 1) + "\n" + cluster("a", parent: nil, name: "B", size: 1)
        #expect(throws: ClioError.self) { try runTree([], input: input) }
    }

    @Test func recordWithoutSizeNamesTheField() {
        do {
            _ = try runTree([], input: #"{"kind":"cluster","id":"a","parent":null}"# + "\n")
            Issue.record("expected an error")
        } catch let error as ClioError {
            #expect(error.message == "field \"size\" is missing")
            #expect(error.location?.line == 1)
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func skipInvalidDropsTheBadRecord() throws {
        let input = #"{"kind":"cluster","id":"a"}"# + "\n" + cluster("b", parent: nil, name: "B", size: 4) + "\n"
        let text = try runTree(["--skip-invalid", "--width", "80"], input: input)
        #expect(text == "Clusters\n└── B\n    Contains 4 conversations\n")
    }
}
