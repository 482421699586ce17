import ClioCore
import Foundation
import Testing

/// The k-anonymity guard on cluster texts, through the built clio-label.
@Suite struct TextGuardEndToEndTests {
    /// Two clusters: sourdough questions from six users, and tax questions of which four come
    /// from one user who writes a surname and a street address into every request.
    static let input: String = {
        var lines: [String] = []
        func add(_ id: String, cluster: Int, user: String, request: String, at x: Double) {
            lines.append(#"{"id":"\#(id)","user":"\#(user)","cluster":\#(cluster),"embedding":[\#(x),\#(1 - x),0.5],"facets":{"request":"\#(request)"}}"#)
        }
        for i in 0..<6 { add("s\(i)", cluster: 0, user: "u\(i)", request: "The user's overall request for the assistant is to help bake sourdough bread loaf \(i).", at: 0.9) }
        for i in 0..<4 {
            add("t\(i)", cluster: 1, user: "kw", request: "The user's overall request for the assistant is to help Okafor fill tax forms for 62 Calle Mayor.", at: 0.1)
        }
        for i in 0..<3 { add("r\(i)", cluster: 1, user: "v\(i)", request: "The user's overall request for the assistant is to help fill tax forms.", at: 0.12) }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func aSurnameAndAddressOneUserWroteReachNoClusterRecord() throws {
        let run = try Clio.run("clio-label", ["--top", "1"], stdin: Self.input)
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(!run.stdout.lowercased().contains("okafor"))
        #expect(!run.stdout.contains("62") && !run.stdout.lowercased().contains("calle"))
        #expect(run.stdout.contains("\"text_guard\":{\"min_users\":3"))
        #expect(run.stderr.contains("text guard (at least 3 users per identifying word): 0 words removed"), "\(run.stderr)")
        #expect(run.stderr.contains("key phrases left out"))
    }

    @Test func withTheRuleSetToOneUserTheSameRunNamesTheSurname() throws {
        // The guard is what keeps them out: at K = 1 the surname reaches a record.
        let run = try Clio.run("clio-label", ["--top", "1", "--text-min-users", "1"], stdin: Self.input)
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.lowercased().contains("okafor"))
        #expect(run.stderr.contains("text guard (at least 1 user per identifying word)"))
    }

    @Test func textMinUsersMustBeAWholeNumberFromOne() throws {
        let run = try Clio.run("clio-label", ["--text-min-users", "0"], stdin: Self.input)
        #expect(run.exitCode == 64)
        #expect(run.stderr.contains("--text-min-users"))
    }
}
