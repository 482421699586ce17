import Foundation
import Testing

/// A small seeded run of scripts/fuzz.py against the built tools: hostile input must never crash,
/// hang or exhaust memory, and every rejection must name its line.
@Suite(.serialized) struct ReliabilityFuzzTests {
    init() { _ = Reliability.pipeSignalIgnored }

    @Test(Reliability.pythonResource.enabled)
    func twoHundredHostileInputsNeverCrashHangOrLoseTheirLineNumber() throws {
        let script = Clio.packageRoot.appendingPathComponent("scripts/fuzz.py").path
        let out = try Reliability.scratch("fuzz")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Reliability.python!)
        // Debug builds parse more slowly; 2 MB long lines keep the run well under a minute.
        process.arguments = [
            script, "--seed", "20261129", "--cases", "200", "--bin", Clio.binDirectory.path,
            "--long-line-mb", "2", "--timeout", "60", "--out", out,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let failures = output.split(separator: "\n").filter { $0.hasPrefix("FAIL") || $0.hasPrefix("     reproduce") }
        #expect(process.terminationStatus == 0, "\(failures.prefix(20).joined(separator: "\n"))\n\(output.suffix(400))")
        #expect(output.contains("200 cases on clio-summarize, clio-embed, clio-cluster, clio-label, clio-tree"), "\(output.suffix(400))")
    }
}
