import ClioTestSupport
import Testing
import ClioCore
@testable import ClioLabel

@Suite struct LabelCommandTests {
    let good = lines([
        clustered(id: "a", cluster: 0, embedding: [0, 1]),
        clustered(id: "b", cluster: 1, embedding: [1, 0]),
    ])

    func expectError(_ input: String, line: Int, message: String) {
        do {
            _ = try runLabel([], input: input)
            Issue.record("expected an error")
        } catch let error as ClioError {
            #expect(error.message == message)
            #expect(error.location?.line == line)
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func missingClusterNamesTheFieldAndLine() {
        var record = clustered(id: "c", cluster: 0, embedding: [0, 0])
        record["cluster"] = nil
        expectError(good + lines([record]), line: 3, message: "field \"cluster\" is missing")
    }

    @Test func missingEmbeddingNamesTheFieldAndLine() {
        var record = clustered(id: "c", cluster: 0, embedding: [0, 0])
        record["embedding"] = nil
        expectError(good + lines([record]), line: 3, message: "field \"embedding\" is missing")
    }

    @Test func mixedDimensionsAreAnError() {
        let input = good + lines([clustered(id: "c", cluster: 0, embedding: [0, 0, 0])])
        do {
            _ = try runLabel([], input: input)
            Issue.record("expected an error")
        } catch let error as ClioError {
            #expect(error.location?.line == 3)
            #expect(error.message.hasPrefix("field \"embedding\" has dimension 3, expected 2 (set by "))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func skipInvalidLeavesTheBadRecordOut() throws {
        var bad = clustered(id: "c", cluster: 0, embedding: [0, 0])
        bad["cluster"] = "zero"
        let run = try runLabel(["--skip-invalid"], input: good + lines([bad]))
        let records = try run.output.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        let members = records.flatMap { $0[path: "members"]?.arrayValue ?? [] }
        #expect(members.sorted { $0.stringValue! < $1.stringValue! } == ["a", "b"])
    }

    @Test func compactVectorsAreReadLikeArrays() throws {
        var compact = clustered(id: "c", cluster: 1, embedding: [0, 0])
        compact["embedding"] = VectorCodec.encode([1, 0.5], compact: true)
        let run = try runLabel(["--top", "5"], input: good + lines([compact]))
        #expect(run.output.contains(#""members":["b","c"]"#))
    }

    @Test func assignmentsFileHasOneLinePerConversation() throws {
        let path = temporaryFile("", suffix: ".assign")
        defer { unlink(path) }
        _ = try runLabel(["--assignments", path, "--top", "1"], input: good)
        let assigned = try readFile(path).split(separator: "\n").map { try JSONParser.parse(String($0)) }
        #expect(assigned.map { $0[path: "id"] } == ["a", "b"])
        #expect(assigned[0][path: "cluster"] == "L0-0")
        #expect(assigned[0][path: "path"] == ["L1-0", "L0-0"])
    }

    @Test func optionsAreValidated() {
        #expect(throws: UsageError.self) { try LabelCommand(arguments: ["--children", "1"]) }
        #expect(throws: UsageError.self) { try LabelCommand(arguments: ["--levels", "1"]) }
        #expect(throws: UsageError.self) { try LabelCommand(arguments: ["--top", "0"]) }
        #expect(throws: UsageError.self) { try LabelCommand(arguments: ["--bogus"]) }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
