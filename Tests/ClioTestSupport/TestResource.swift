import Foundation
import Testing

/// Something a test needs installed (model weights, a program). Missing outside CI, the test is
/// skipped with the command that installs it; missing in CI (`CI` set, or
/// `CLIO_REQUIRE_RESOURCES=1`, which scripts/test.sh sets), it is a failure: CI installs every
/// resource, so a skip there would hide a broken install.
public struct TestResource: Sendable {
    public var name: String
    /// The command that installs it.
    public var install: String
    /// Where it was found; nil when it is missing.
    public var location: String?

    public init(name: String, install: String, location: String?) {
        self.name = name
        self.install = install
        self.location = location
    }

    /// True when a missing resource must fail the tests that need it.
    public static let required: Bool = {
        let env = ProcessInfo.processInfo.environment
        return !(env["CI"] ?? "").isEmpty || env["CLIO_REQUIRE_RESOURCES"] == "1"
    }()

    /// For `@Test(…)` and `@Suite(…)`: runs where the resource is installed or required,
    /// otherwise skips, naming the install command.
    public var enabled: ConditionTrait {
        .enabled(if: location != nil || Self.required, "\(name) is missing; get it with: \(install)")
    }

    /// The resource's location; where it is missing (only reached when required), a recorded
    /// failure that names the install command, and a thrown error that ends the test.
    public func require(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        guard let location else {
            Issue.record("\(name) is missing, and CI needs every resource; get it with: \(install)",
                         sourceLocation: sourceLocation)
            throw Missing()
        }
        return location
    }

    struct Missing: Error {}

    /// The MiniLM weights in clio-embed's default places (`$CLIO_MODEL_DIR`, else the cache).
    public static let miniLM: TestResource = {
        let env = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let dir = env["CLIO_MODEL_DIR"], !dir.isEmpty { candidates.append(dir) }
        let cache = env["XDG_CACHE_HOME"].map { $0 } ?? (NSHomeDirectory() + "/.cache")
        candidates.append(cache + "/clio/models/all-MiniLM-L6-v2")
        let found = candidates.first { dir in
            ["config.json", "vocab.txt", "model.safetensors"].allSatisfy { FileManager.default.fileExists(atPath: dir + "/" + $0) }
        }
        return TestResource(name: "all-MiniLM-L6-v2", install: "scripts/get-model.sh", location: found)
    }()

    /// The multilingual tests' tiny random model, made by a script rather than checked in.
    public static let multilingualFixture: TestResource = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ClioEmbedTests/Fixtures/multilingual/model.safetensors").path
        return TestResource(name: "the multilingual fixture model", install: "python3 scripts/make-multilingual-fixture.py --weights-only",
                            location: FileManager.default.fileExists(atPath: path) ? path : nil)
    }()

    /// An OpenAI-compatible server for the LLM integration tests, named by `CLIO_TEST_LLM_URL`.
    public static let llmServer = TestResource(
        name: "a test LLM server (CLIO_TEST_LLM_URL)",
        install: "export CLIO_TEST_LLM_URL=$(scripts/llama-server.sh start)",
        location: ProcessInfo.processInfo.environment["CLIO_TEST_LLM_URL"].flatMap { $0.isEmpty ? nil : $0 })
}
