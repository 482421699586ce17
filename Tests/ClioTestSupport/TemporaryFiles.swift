import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A scratch file holding `text`, removed by the caller.
public func temporaryFile(_ text: String, suffix: String = ".jsonl") -> String {
    temporaryFile(bytes: Array(text.utf8), suffix: suffix)
}

/// A scratch file holding `bytes` (which need not be UTF-8), removed by the caller.
public func temporaryFile(bytes: [UInt8], suffix: String = ".jsonl") -> String {
    var template = Array("/tmp/clio-test-XXXXXX\(suffix)".utf8CString)
    let fd = mkstemps(&template, Int32(suffix.utf8.count))
    precondition(fd >= 0)
    var bytes = bytes
    _ = write(fd, &bytes, bytes.count)
    close(fd)
    return String(cString: template)
}

/// The file's text, or "" when it cannot be read.
public func readFile(_ path: String) -> String {
    (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
}

/// A fresh, empty scratch directory (`clio-test-<unique>-<name>`), removed by the caller.
public func temporaryDirectory(_ name: String = "dir") -> String {
    let path = temporaryPath(name)
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// A scratch path that nothing exists at yet, ending in `-<name>` (so `name` can carry an
/// extension): for code that must create the file or directory itself.
public func temporaryPath(_ name: String = "scratch") -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("clio-test-\(UUID().uuidString)-\(name)").path
}
