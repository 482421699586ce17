import Testing
import ClioCore
@testable import ClioTree

@Suite struct TextTreeTests {
    @Test func textTreeHasTheSeedLayoutWithSiblingsLargestFirst() throws {
        let text = try runTree(["--width", "80", "--color", "never"], input: fixture)
        #expect(text == """
            Clusters
            ├── Cooking and baking
            │   Description: Users asked for recipes and help with baking bread at home.
            │   Contains 30 conversations
            │   ├── Bread baking
            │   │   Description: Sourdough starters and oven temperatures.
            │   │   Contains 20 conversations
            │   └── Soup recipes
            │       Description: Soups.
            │       Contains 10 conversations
            ├── Python debugging
            │   Description: Fixing errors.
            │   Contains 12 conversations
            └── Other (below privacy threshold)
                Contains 3 conversations

            """)
    }

    @Test func descriptionsWrapToTheWidthWithContinuationLinesUnderTheGuides() throws {
        let text = try runTree(["--width", "44", "--depth", "2"], input: fixture)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(Array(lines[1...7]) == [
            "├── Cooking and baking",
            "│   Description: Users asked for recipes and",
            "│                help with baking bread at",
            "│                home.",
            "│   Contains 30 conversations",
            "│   ├── Bread baking",
            "│   │   Description: Sourdough starters and",
        ])
        #expect(lines[8] == "│   │                oven temperatures.")
        for line in lines { #expect(line.count <= 44, "\(line)") }
    }

    @Test func depthLimitStopsBelowTheGivenLevel() throws {
        let text = try runTree(["--depth", "1"], input: fixture)
        #expect(!text.contains("Bread baking"))
        #expect(!text.contains("Soup recipes"))
        #expect(text.contains("├── Cooking and baking"))
        #expect(text.contains("└── Other (below privacy threshold)"))
    }

    @Test func equalSizedSiblingsAreOrderedByName() throws {
        let input = [
            cluster("b", parent: nil, name: "Zebra", size: 5),
            cluster("a", parent: nil, name: "Apple", size: 5),
            cluster("c", parent: nil, name: "Mango", size: 9),
        ].joined(separator: "\n")
        let names = try runTree([], input: input).split(separator: "\n").filter { $0.hasPrefix("├") || $0.hasPrefix("└") }
        #expect(names == ["├── Mango", "├── Apple", "└── Zebra"])
    }

    @Test func colourCodesAppearOnlyWithColorAlways() throws {
        #expect(try runTree(["--color", "always"], input: fixture).contains("\u{1B}["))
        #expect(!(try runTree(["--color", "never"], input: fixture).contains("\u{1B}[")))
        // Tests do not write to a terminal, so auto means no colour.
        #expect(!(try runTree([], input: fixture).contains("\u{1B}[")))
    }

    @Test func autoColourFollowsTheTerminalAndNoColor() throws {
        let auto = try TreeCommand(arguments: [])
        #expect((auto.renderer(environment: [:], stdoutIsTerminal: true) as? TextRenderer)?.color == true)
        #expect((auto.renderer(environment: ["NO_COLOR": "1"], stdoutIsTerminal: true) as? TextRenderer)?.color == false)
        #expect((auto.renderer(environment: [:], stdoutIsTerminal: false) as? TextRenderer)?.color == false)
        let always = try TreeCommand(arguments: ["--color", "always"])
        #expect((always.renderer(environment: ["NO_COLOR": "1"], stdoutIsTerminal: false) as? TextRenderer)?.color == true)
    }

    @Test func widthComesFromTheOptionThenColumnsThenEighty() throws {
        let plain = try TreeCommand(arguments: [])
        #expect((plain.renderer(environment: ["COLUMNS": "50"], stdoutIsTerminal: false) as? TextRenderer)?.width == 50)
        #expect((plain.renderer(environment: [:], stdoutIsTerminal: false) as? TextRenderer)?.width == 80)
        let given = try TreeCommand(arguments: ["--width", "33"])
        #expect((given.renderer(environment: ["COLUMNS": "50"], stdoutIsTerminal: false) as? TextRenderer)?.width == 33)
    }

    @Test func wrappedLinesFitAndKeepEveryWordInOrder() {
        var rng = SplitMix(seed: 11)
        let vocabulary = ["a", "to", "the", "cluster", "conversations", "about", "supercalifragilistic", "x", "sourdough"]
        for _ in 0..<300 {
            let words = (0..<Int(rng.next() % 30)).map { _ in vocabulary[Int(rng.next() % UInt64(vocabulary.count))] }
            let width = 5 + Int(rng.next() % 40)
            let lines = wrap(words.joined(separator: " "), width: width)
            #expect(lines.flatMap { $0.split(separator: " ").map(String.init) } == words)
            for (i, line) in lines.enumerated() {
                #expect(line.count <= width || !line.contains(" "), "\(line) over \(width)")
                // Greedy: the next line's first word would not have fitted here.
                if i + 1 < lines.count, let next = lines[i + 1].split(separator: " ").first {
                    #expect(line.count + 1 + next.count > width)
                }
            }
        }
    }

    @Test func anUnknownFormatIsAUsageErrorThatListsTheFormats() {
        #expect(throws: UsageError("option --format must be one of text, markdown, json, html, got 'pdf'")) {
            try TreeCommand(arguments: ["--format", "pdf"])
        }
        #expect((try? TreeCommand(arguments: ["--format", "html"]))?.format == .html)
    }
}

/// Seeded, so the test's random inputs are the same on every run.
typealias SplitMix = SeededGenerator

@Suite struct NewClusterTests {
    /// A top-level cluster that a run into an earlier tree marked new.
    static let input = lines([
        clusterRecord("L0-0", level: 0, parent: nil, name: "Python", size: 10),
        clusterRecord("L0-1", level: 0, parent: nil, name: "Wi-Fi", size: 5, newSince: "2024-07-08"),
    ])

    @Test func textAndMarkdownSayWhenAClusterIsNew() throws {
        let text = try runTree(["--color", "never"], input: Self.input)
        #expect(text.contains("└── Wi-Fi (new since 2024-07-08)\n"))
        #expect(text.contains("├── Python\n"))
        let markdown = try runTree(["--format", "markdown"], input: Self.input)
        #expect(markdown.contains("- **Wi-Fi** — 5 conversations (33.3%), new since 2024-07-08\\\n"))
        #expect(markdown.contains("- **Python** — 10 conversations (66.7%)\\\n"))
    }

    @Test func theHTMLReportMarksNewClusters() throws {
        let page = try runTree(["--format", "html"], input: Self.input)
        #expect(page.contains(#""name":"Wi-Fi""#) && page.contains(#""since":"2024-07-08""#))
        #expect(page.components(separatedBy: #""since":"#).count == 2)  // only the new one
    }
}

/// Numbers at the edges (issue 16): sizes up to 9e15 were accepted, and the sum over many
/// roots (`ClusterTree.total`) overflowed; a size past JSON.largestCount is refused.
@Test func clusterSizePastTheLargestCountIsAnError() throws {
    var builder = ClusterTreeBuilder()
    let record = try #require(try JSONParser.parse(#"{"kind":"cluster","id":"a","level":0,"parent":null,"size":9000000000000000}"#).objectValue)
    #expect(throws: ClioError.self) { try builder.add(record) }
    let fine = try #require(try JSONParser.parse(#"{"kind":"cluster","id":"b","level":0,"parent":null,"size":1099511627776}"#).objectValue)
    #expect(try builder.add(fine))
}
