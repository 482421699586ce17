import Foundation
import Testing

/// clio-summarize's LLM path killed with SIGKILL mid-run, against a local fake OpenAI-compatible
/// server (scripts/crash-resume.py): the rerun must write exactly the uninterrupted output and ask
/// the server only for the conversations whose answers were not cached.
@Suite(.serialized) struct ReliabilityCrashResumeTests {
    init() { _ = Reliability.pipeSignalIgnored }

    @Test(Reliability.pythonResource.enabled, .enabled(if: ReliabilityFaultTests.llmPathBuilt, "needs the LLM path"))
    func aKilledLLMSummarizeRunResumesWithIdenticalOutputAndOnlyTheMissingRequests() throws {
        let script = Clio.packageRoot.appendingPathComponent("scripts/crash-resume.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Reliability.python!)
        process.arguments = [script, "--stage", "summarize", "--records", "1000", "--kills", "2", "--seed", "5", "--bin", Clio.binDirectory.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output.suffix(2000))")
        #expect(output.contains("crash-resume: passed"), "\(output.suffix(2000))")
        // The script's own checks: byte-identical output, whole entries, requests = missing entries.
        #expect(!output.contains("FAIL"), "\(output.suffix(2000))")
    }
}
