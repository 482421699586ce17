import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the built executables as a user would: stdin in, stdout, stderr and exit status out.
enum Clio {
    struct Result {
        var exitCode: Int32
        var stdout: String
        var stderr: String
        var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
    }

    /// The folder holding the executables: `CLIO_BIN_DIR`, else the folder of the running test
    /// bundle (SwiftPM puts both in the same build folder).
    static let binDirectory: URL = {
        if let dir = ProcessInfo.processInfo.environment["CLIO_BIN_DIR"] { return URL(fileURLWithPath: dir) }
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("clio-tree").path) { return url }
        }
        return URL(fileURLWithPath: packageRoot.path + "/.build/debug")
    }()

    static let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func url(_ tool: String) -> URL { binDirectory.appendingPathComponent(tool) }

    /// A tool that exits before reading all of its standard input closes the pipe the harness
    /// is still writing to; without this, SIGPIPE would end the whole test process.
    static let pipeSignalIgnored: Bool = {
        signal(SIGPIPE, SIG_IGN)
        return true
    }()

    /// Runs `tool` with `arguments`, feeding `stdin`; `environment` entries are added to ours.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String] = [], stdin: String = "", environment: [String: String] = [:])
        throws -> Result
    {
        try run(tool, arguments, stdinData: Data(stdin.utf8), environment: environment)
    }

    static func run(_ tool: String, _ arguments: [String] = [], stdinData: Data, environment: [String: String] = [:])
        throws -> Result
    {
        _ = pipeSignalIgnored
        let process = Process()
        process.executableURL = url(tool)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Write stdin and read both outputs concurrently so a large stream cannot deadlock.
        let group = DispatchGroup()
        nonisolated(unsafe) var out = Data(), err = Data()
        DispatchQueue.global().async(group: group) { out = output.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { err = error.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) {
            try? input.fileHandleForWriting.write(contentsOf: stdinData)
            try? input.fileHandleForWriting.close()
        }
        process.waitUntilExit()
        group.wait()
        return Result(
            exitCode: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }

    /// Runs a shell pipeline with the tools on PATH (for `| head -1` and multi-stage checks).
    static func shell(_ script: String, environment: [String: String] = [:]) throws -> Result {
        var env = environment
        env["PATH"] = binDirectory.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        return try runAbsolute("/bin/bash", ["-o", "pipefail", "-c", script], environment: env)
    }
}

extension Clio {
    fileprivate static func runAbsolute(_ absolute: String, _ arguments: [String], environment: [String: String]) throws
        -> Result
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: absolute)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.currentDirectoryURL = packageRoot
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var out = Data(), err = Data()
        DispatchQueue.global().async(group: group) { out = output.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { err = error.fileHandleForReading.readDataToEndOfFile() }
        process.waitUntilExit()
        group.wait()
        return Result(
            exitCode: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }
}
