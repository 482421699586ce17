import ClioTestSupport
import Testing
import ClioCore
import ClioLLM
import Foundation
@testable import ClioLabel

@Suite struct LLMCommandTests {
    func command(_ extra: [String], stub: FakeChatModel) throws -> LabelCommand {
        var command = try LabelCommand(arguments: ["--model", "openai:stub", "--base-url", "http://stub.invalid/v1", "--embed-model", "hash", "--top", "2"] + extra)
        command.chatModel = stub
        return command
    }

    @Test func aRerunIsServedFromTheCacheWithTheSameOutput() throws {
        let input = lines(llmFixture(clusters: 9, perCluster: 3))
        let cache = temporaryPath("label-llm-cache")
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let first = stubModel { sensibleAnswer($0) }
        let a = try runCommand(try command(["--cache", cache], stub: first), input: input)
        let second = stubModel { _ in "" }
        let b = try runCommand(try command(["--cache", cache], stub: second), input: input)
        #expect(first.requests.count > 9)
        #expect(second.requests.isEmpty)
        #expect(a == b)
        let third = stubModel { sensibleAnswer($0) }
        _ = try runCommand(try command(["--no-cache"], stub: third), input: input)
        #expect(third.requests.count == first.requests.count)
    }

    @Test func aRerunAfterUnusableAnswersAsksNothingAndWritesTheSame() throws {
        // A model whose names are unusable for every other cluster: those fall back offline, and
        // the rerun must not ask again (at temperature 1.0 it could get another answer).
        let input = lines(llmFixture(clusters: 9, perCluster: 3))
        let cache = temporaryPath("label-llm-unusable")
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let first = stubModel { request in
            promptKind(request) == .nameBase && userText(request).contains("avocado") ? "no" : sensibleAnswer(request)
        }
        let a = try runCommand(try command(["--cache", cache], stub: first), input: input)
        let second = stubModel { _ in "" }
        let b = try runCommand(try command(["--cache", cache], stub: second), input: input)
        #expect(first.requests(.nameBase).count > 9)
        #expect(second.requests.isEmpty)
        #expect(a == b)
    }

    @Test func theSameInputAsksTheSameQuestions() throws {
        let input = lines(llmFixture(clusters: 12, perCluster: 2))
        let a = stubModel { sensibleAnswer($0) }, b = stubModel { sensibleAnswer($0) }
        _ = try runCommand(try command(["--no-cache", "-j", "5"], stub: a), input: input)
        _ = try runCommand(try command(["--no-cache", "-j", "1"], stub: b), input: input)
        func sorted(_ s: FakeChatModel) -> [String] { s.requests.map { JSONSerializer.string($0.canonicalJSON) }.sorted() }
        #expect(sorted(a) == sorted(b))
    }

    @Test func optionsAreParsedAndChecked() throws {
        let c = try LabelCommand(arguments: ["--model", "openai:m", "--base-url", "http://x/v1", "--samples", "7", "--contrast", "0",
                                             "--neighbourhood", "12", "--audit", "-j", "3", "--attempts", "4"])
        #expect(c.llmOptions.samples == 7 && c.llmOptions.contrast == 0 && c.llmOptions.neighbourhood == 12)
        #expect(c.llmOptions.audit && c.llmOptions.jobs == 3 && c.llm.attempts == 4)
        #expect(throws: UsageError.self) { try LabelCommand(arguments: ["--audit"]) }
        #expect(throws: UsageError.self) { try LabelCommand(arguments: ["--model", "nope"]) }
        #expect(throws: UsageError.self) { try LabelCommand(arguments: ["--model", "openai:m", "--base-url", "http://x/v1", "--embed-model", "openai:e"]) }
    }
}
