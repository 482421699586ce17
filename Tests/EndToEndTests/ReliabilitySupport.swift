import ClioTestSupport
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Shared facts for the reliability tests: where Python is, and scratch folders.
enum Reliability {
    /// See `Clio.pipeSignalIgnored`.
    static var pipeSignalIgnored: Bool { Clio.pipeSignalIgnored }

    /// A `python3` on PATH, which the fuzz test needs.
    static let python: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/python3"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    /// python3 as a resource: a skip outside CI, a failure in it.
    static let pythonResource = TestResource(name: "python3", install: "apt-get install python3", location: python)

    static func scratch(_ name: String) throws -> String {
        _ = pipeSignalIgnored
        return temporaryDirectory("reliability-\(name)")
    }

    /// Summary records with distinct requests, as JSONL text; `ids` picks which of a shared pool.
    static func summaries(_ ids: some Sequence<Int>) -> String {
        _ = pipeSignalIgnored
        let words = ["reverse", "list", "python", "bread", "visa", "essay", "rust", "tax", "garden", "guitar", "budget", "poem"]
        return ids.map { i in
            let text = "The user's overall request for the assistant is to \(words[i % 12]) \(words[(i / 12) % 12]) item \(i)."
            return "{\"id\":\"c-\(i)\",\"facets\":{\"request\":\"\(text)\"}}"
        }.joined(separator: "\n") + "\n"
    }

    /// Checks every entry of a cache folder the way `ContentCache` reads it: magic, then a
    /// little-endian length that matches the rest. Returns (whole entries, damaged entries).
    static func cacheEntries(_ directory: String) -> (whole: Int, damaged: [String]) {
        let magic = Array("CLIO1\n".utf8)
        var whole = 0
        var damaged: [String] = []
        let files = FileManager.default.enumerator(atPath: directory)
        while let relative = files?.nextObject() as? String {
            let path = directory + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                !(relative as NSString).lastPathComponent.hasPrefix(".tmp-")
            else { continue }
            let bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
            var length = 0
            if bytes.count >= magic.count + 8 {
                for i in 0..<8 { length |= Int(bytes[magic.count + i]) << (8 * i) }
            }
            if bytes.count >= magic.count + 8, Array(bytes[0..<magic.count]) == magic, length == bytes.count - magic.count - 8 {
                whole += 1
            } else {
                damaged.append(relative)
            }
        }
        return (whole, damaged)
    }
}
