import ClioTestSupport
import ClioCore
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// clio-cluster past one machine's memory: a fit on a sample, assignment as a map stage.
@Suite struct ScaleTests {
    /// GNU parallel, which scripts/test.sh installs (Debian: parallel).
    static let parallel: String? = ["/usr/bin/parallel", "/usr/local/bin/parallel"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// `n` embedded records around 12 centres in 16 dimensions, some with extra fields.
    static func embedded(_ n: Int, seed: UInt64 = 1) -> String {
        var rng = SeededGenerator(seed: seed)
        func uniform() -> Float { Float(Double(rng.next() >> 11) / Double(1 << 53)) }
        let centres = (0..<(12 * 16)).map { _ in uniform() * 8 - 4 }
        return (0..<n).map { i in
            let c = Int(rng.next() % 12)
            let v = (0..<16).map { centres[c * 16 + $0] + uniform() - 0.5 }
            var record: JSONObject = ["id": .string("c-\(i)")]
            if i % 3 == 0 { record["facets"] = ["request": .string("request \(i) with \"quotes\" and é")] }
            record["embedding"] = VectorCodec.encode(v)
            return JSONSerializer.string(.object(record))
        }.joined(separator: "\n") + "\n"
    }

    func contents(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    static func write(_ text: String, _ dir: String, _ name: String) throws -> String {
        let path = dir + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func fitSampleReadsStandardInputOnceAndLeavesNoSpoolBehind() throws {
        let dir = try Reliability.scratch("fit-sample")
        let spoolDir = dir + "/tmp"
        try FileManager.default.createDirectory(atPath: spoolDir, withIntermediateDirectories: true)
        let input = try Self.write(Self.embedded(3000), dir, "embedded.jsonl")
        let fromFile = try Clio.shell("clio-cluster --fit-sample 500 --centroids '\(dir)/a.jsonl' '\(input)'")
        let fromPipe = try Clio.shell("cat '\(input)' | clio-cluster --verbose --fit-sample 500 --centroids '\(dir)/b.jsonl'",
                                      environment: ["TMPDIR": spoolDir])
        #expect(fromFile.exitCode == 0 && fromPipe.exitCode == 0, "\(fromPipe.stderr)")
        #expect(fromPipe.stdout == fromFile.stdout)
        #expect(fromPipe.lines.count == 3000)
        #expect(contents("\(dir)/a.jsonl") == contents("\(dir)/b.jsonl"))
        #expect(fromPipe.stderr.contains("sample 500") && fromPipe.stderr.contains("standard input spooled"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: spoolDir).isEmpty)
    }

    /// Centres fitted on a sample of `n` records, and the one-process output of that run.
    static func fitted(_ dir: String, n: Int, seed: UInt64) throws -> (input: String, centres: String, output: String) {
        let input = try write(embedded(n, seed: seed), dir, "embedded.jsonl")
        let fit = try Clio.shell("clio-cluster --fit-sample \(n / 5) --centroids '\(dir)/centres.jsonl' '\(input)'")
        #expect(fit.exitCode == 0, "\(fit.stderr)")
        return (input, dir + "/centres.jsonl", fit.stdout)
    }

    @Test func assignOverPiecesOfTheInputJoinsToTheOneProcessOutput() throws {
        let dir = try Reliability.scratch("assign-pieces")
        let (input, centres, output) = try Self.fitted(dir, n: 4000, seed: 2)
        let one = try Clio.shell("clio-cluster --assign '\(centres)' < '\(input)'")
        #expect(one.stdout == output)
        let pieces = try Clio.shell(
            "split -l 333 '\(input)' '\(dir)/piece-' && for f in '\(dir)'/piece-*; do clio-cluster --assign '\(centres)' \"$f\"; done")
        #expect(pieces.exitCode == 0)
        #expect(pieces.stdout == one.stdout)
    }

    @Test(TestResource(name: "GNU parallel", install: "apt-get install parallel (scripts/test.sh installs it)", location: parallel).enabled)
    func assignUnderParallelPipeKeepOrderIsByteIdenticalToOneProcess() throws {
        let dir = try Reliability.scratch("assign-parallel")
        let (input, centres, output) = try Self.fitted(dir, n: 4000, seed: 4)
        let parallel = try Clio.shell("parallel --pipe --keep-order --block 50k -j 4 clio-cluster --assign '\(centres)' < '\(input)'")
        #expect(parallel.exitCode == 0, "\(parallel.stderr)")
        #expect(parallel.lines.count == 4000)
        #expect(parallel.stdout == output)
    }

    @Test(Reliability.pythonResource.enabled)
    func theSparkDriversSampleIsTheOneFitSampleTakes() throws {
        // scripts/spark_pipeline.py picks the sample's positions in Python; clustering those
        // records alone, told the collection's size, must give fit-sample's centres.
        let dir = try Reliability.scratch("spark-sample")
        let text = Self.embedded(2500, seed: 3)
        let input = try Self.write(text, dir, "embedded.jsonl")
        let script = Clio.packageRoot.appendingPathComponent("scripts").path
        let positions = try Clio.shell(
            "python3 -c 'import sys; sys.path.insert(0, \"\(script)\"); import spark_pipeline as s; print(*s.sample_positions(2500, 400, 9))'")
        #expect(positions.exitCode == 0, "\(positions.stderr)")
        let chosen = Set(positions.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { Int($0)! })
        #expect(chosen.count == 400)
        let lines = text.split(separator: "\n")
        let sample = try Self.write(lines.indices.filter { chosen.contains($0) }.map { lines[$0] }.joined(separator: "\n") + "\n",
                                    dir, "sample.jsonl")
        let fit = try Clio.shell("clio-cluster --fit-sample 400 --seed 9 --centroids '\(dir)/a.jsonl' '\(input)' > /dev/null")
        let alone = try Clio.shell("clio-cluster --population 2500 --seed 9 --centroids '\(dir)/b.jsonl' '\(sample)' > /dev/null")
        #expect(fit.exitCode == 0 && alone.exitCode == 0)
        #expect(!contents("\(dir)/a.jsonl").isEmpty)
        #expect(contents("\(dir)/a.jsonl") == contents("\(dir)/b.jsonl"))
    }

    @Test func aRecordOfTheWrongDimensionStopsAssignWithItsLine() throws {
        let dir = try Reliability.scratch("assign-error")
        let centres = try Self.write(#"{"cluster":0,"size":1,"centroid":[0,0]}"# + "\n", dir, "centres.jsonl")
        let run = try Clio.run("clio-cluster", ["--assign", centres],
                               stdin: #"{"embedding":[1,2]}"# + "\n" + #"{"embedding":[1,2,3]}"# + "\n")
        #expect(run.exitCode == 1)
        #expect(run.lines.count == 1)
        #expect(run.stderr.contains(#"<stdin>:2: field "embedding" has 3 numbers, expected 2 as the centres in \#(centres)"#))
        let skipped = try Clio.run("clio-cluster", ["--assign", centres, "--skip-invalid"],
                                   stdin: #"{"embedding":[1,2,3]}"# + "\n" + #"{"embedding":[3,4]}"# + "\n")
        #expect(skipped.exitCode == 0)
        #expect(skipped.lines == [#"{"embedding":[3,4],"cluster":0,"cluster_distance":5}"#])
    }

    @Test func assignWithAFitOptionIsAUsageError() throws {
        let run = try Clio.run("clio-cluster", ["--assign", "centres.jsonl", "-k", "10"])
        #expect(run.exitCode == 64)
        #expect(run.stderr.contains("option -k does not go with --assign"))
    }
}
