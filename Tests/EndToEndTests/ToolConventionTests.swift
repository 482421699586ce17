import Foundation
import Testing

/// The conventions every tool shares: --help, --version, exit codes, bad lines, closed pipes.
@Suite struct ToolConventionTests {
    static let tools = ["clio-summarize", "clio-embed", "clio-cluster", "clio-label", "clio-tree"]

    @Test(arguments: tools)
    func helpPrintsUsageOptionsAndAnExample(_ tool: String) throws {
        let run = try Clio.run(tool, ["--help"])
        #expect(run.exitCode == 0)
        #expect(run.stdout.hasPrefix("usage: \(tool)") || run.stdout.contains("usage: \(tool)"))
        #expect(run.stdout.contains("--skip-invalid") || tool == "clio-tree")
        #expect(run.stdout.lowercased().contains("example"))
    }

    @Test(arguments: tools)
    func versionPrintsTheToolAndVersion(_ tool: String) throws {
        let run = try Clio.run(tool, ["--version"])
        #expect(run.exitCode == 0)
        #expect(run.stdout.hasPrefix("\(tool) "))
    }

    @Test(arguments: tools)
    func anUnknownOptionIsAUsageErrorWithExit64(_ tool: String) throws {
        let run = try Clio.run(tool, ["--no-such-option"])
        #expect(run.exitCode == 64)
        #expect(run.stderr.contains("\(tool): error: unknown option --no-such-option"))
        #expect(run.stdout.isEmpty)
    }

    @Test(arguments: tools)
    func aMissingInputFileIsARuntimeErrorWithExit1(_ tool: String) throws {
        let run = try Clio.run(tool, ["/nonexistent/input.jsonl"])
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("\(tool): error: "))
        #expect(run.stderr.contains("/nonexistent/input.jsonl"))
        #expect(run.stdout.isEmpty)
    }
}
