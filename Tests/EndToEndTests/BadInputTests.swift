import ClioTestSupport
import ClioCore
import Foundation
import Testing

/// Each tool's handling of malformed lines, --skip-invalid and a closed output pipe.
@Suite(.serialized) struct BadInputTests {
    /// Valid input for each tool, made once by running the offline pipeline on a slice of the examples.
    static let stageInputs: [String: [String]] = {
        let examples = (try? String(contentsOfFile: PipelineTests.examples, encoding: .utf8)) ?? ""
        let conversations = Array(examples.split(separator: "\n").prefix(60).map(String.init))
        func stage(_ tool: String, _ args: [String], _ input: [String]) -> [String] {
            let run = try? Clio.run(tool, args, stdin: input.joined(separator: "\n") + "\n")
            return run?.lines ?? []
        }
        let summaries = stage("clio-summarize", ["--quiet"], conversations)
        let embedded = stage("clio-embed", ["--model", "hash", "--no-cache"], summaries)
        let clustered = stage("clio-cluster", ["-k", "4"], embedded)
        let clusters = stage("clio-label", [], clustered)
        return [
            "clio-summarize": conversations, "clio-embed": summaries, "clio-cluster": embedded,
            "clio-label": clustered, "clio-tree": clusters,
        ]
    }()

    static let streaming: Set<String> = ["clio-summarize", "clio-embed"]
    static let extraArguments: [String: [String]] = ["clio-embed": ["--model", "hash", "--no-cache"]]

    func input(_ tool: String) throws -> [String] {
        let lines = Self.stageInputs[tool] ?? []
        try #require(lines.count >= 4, "no valid input could be made for \(tool)")
        return lines
    }

    @Test(arguments: ToolConventionTests.tools)
    func aMalformedLineIsReportedWithFileAndLine(_ tool: String) throws {
        let good = try input(tool)
        let text = [good[0], good[1], "{broken", good[2]].joined(separator: "\n") + "\n"
        let run = try Clio.run(tool, Self.extraArguments[tool, default: []], stdin: text)
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("\(tool): error: <stdin>:3: "), "\(run.stderr)")
        if Self.streaming.contains(tool) {
            // Everything good before the bad line has been written.
            #expect(run.lines.count == 2)
        } else {
            #expect(run.stdout.isEmpty)
        }
    }

    @Test(arguments: ToolConventionTests.tools)
    func skipInvalidGoesOnAndSaysHowManyWereSkipped(_ tool: String) throws {
        let good = try input(tool)
        let text = (good + ["{broken", "[1,2,3]"]).joined(separator: "\n") + "\n"
        let run = try Clio.run(tool, Self.extraArguments[tool, default: []] + ["--skip-invalid"], stdin: text)
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stderr.contains("<stdin>:\(good.count + 1):"))
        #expect(run.stderr.contains("skipped 2"))
        if Self.streaming.contains(tool) { #expect(run.lines.count == good.count) }
    }

    @Test(arguments: ToolConventionTests.tools)
    func theClosingLineSaysRecordsReadWrittenAndSkipped(_ tool: String) throws {
        let good = try input(tool)
        let text = (good + ["{broken"]).joined(separator: "\n") + "\n"
        let run = try Clio.run(tool, Self.extraArguments[tool, default: []] + ["--skip-invalid"], stdin: text)
        #expect(run.exitCode == 0, "\(run.stderr)")
        let closing = run.stderr.split(separator: "\n").last.map(String.init) ?? ""
        #expect(closing.hasPrefix("\(tool): read \(good.count + 1) records, wrote "), "\(run.stderr)")
        #expect(closing.contains(", skipped 1"), "\(run.stderr)")
        if Self.streaming.contains(tool) || tool == "clio-cluster" {
            #expect(closing.contains("wrote \(good.count), skipped 1"), "\(run.stderr)")
        }
    }

    @Test(arguments: ToolConventionTests.tools)
    func aClosedOutputPipeEndsQuietlyWithExitZero(_ tool: String) throws {
        // Enough input that the output outgrows the pipe buffer after head has gone.
        let good = try input(tool)
        let file = temporaryPath("head.jsonl")
        var big = good
        if Self.streaming.contains(tool) { while big.count < 3000 { big += good } }
        try (big.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        // --quiet: the final summary lines and notices are not what this test is about.
        let args = (Self.extraArguments[tool, default: []] + ["--quiet"] + (tool == "clio-tree" ? ["--format", "json"] : []))
            .joined(separator: " ")
        let run = try Clio.shell("\(tool) \(args) '\(file)' | head -c 10")
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        #expect(run.stdout.count == 10)
    }
}
