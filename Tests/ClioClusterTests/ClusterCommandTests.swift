import ClioCore
import Testing
@testable import ClioCluster

@Suite struct ClusterCommandTests {
    @Test func everyRecordPassesThroughWithClusterFields() throws {
        let data = Blobs(n: 60, d: 8, centres: 3, spread: 0.05, seed: 11)
        let run = try runCluster(["-k", "3"], input: records(data.points, d: 8))
        #expect(run.error == nil)
        let out = try parseLines(run.stdout)
        #expect(out.count == 60)
        for (i, r) in out.enumerated() {
            #expect(r.keys == ["id", "embedding", "cluster", "cluster_distance"])
            #expect(r["id"] == .string("r\(i)"))
        }
        #expect(samePartition(out.map { $0["cluster"]!.intValue! }, data.truth))
        let centroids = try parseLines(run.centroids)
        #expect(centroids.map { $0["cluster"]!.intValue! } == [0, 1, 2])
        #expect(centroids.map { $0["size"]!.intValue! } == [20, 20, 20])
        #expect(centroids.allSatisfy { $0["centroid"]!.arrayValue!.count == 8 })
    }

    @Test func perClusterSetsKToTheCeilingOfNOverN() throws {
        let data = Blobs(n: 45, d: 4, centres: 45, spread: 0.01, seed: 12)
        let run = try runCluster(["--per-cluster", "10"], input: records(data.points, d: 4))
        #expect(try parseLines(run.centroids).count == 5)
    }

    @Test func bothVectorEncodingsGiveTheSameOutput() throws {
        let data = Blobs(n: 200, d: 16, centres: 7, spread: 2, seed: 13)
        let plain = try runCluster(["-k", "7"], input: records(data.points, d: 16))
        let compact = try runCluster(["-k", "7"], input: records(data.points, d: 16, compact: true))
        let a = try parseLines(plain.stdout).map { [$0["cluster"]!, $0["cluster_distance"]!] }
        let b = try parseLines(compact.stdout).map { [$0["cluster"]!, $0["cluster_distance"]!] }
        #expect(a == b)
        #expect(plain.centroids == compact.centroids)
    }

    @Test func splicedOutputEqualsAFullReserialisation() throws {
        let lines = [
            #"{"id":"a","embedding":[1,2],"meta":{"x":[1,{"y":null}],"s":"q\"uote\\"}}"#,
            #"{"embedding":[0.5,-2.25]}"#,
            #"{"id":7,"text":"héllo","embedding":"f32le:AACAPwAAAEA=","z":false}"#,
        ]
        for line in lines {
            var spliced: [UInt8] = []
            ClusterCommand.annotate(Array(line.utf8), fullSerialisation: false, cluster: 12, distance: 0.1234567, into: &spliced)
            var record = try JSONParser.parse(line).objectValue!
            record["cluster"] = 12
            var number: [UInt8] = []
            JSONSerializer.writeNumber(Float(0.1234567), to: &number)
            record["cluster_distance"] = .rawNumber(String(decoding: number, as: UTF8.self))
            #expect(String(decoding: spliced, as: UTF8.self) == JSONSerializer.string(.object(record)))
        }
        var empty: [UInt8] = []
        ClusterCommand.annotate(Array("{ }".utf8), fullSerialisation: false, cluster: 0, distance: 0, into: &empty)
        #expect(try JSONParser.parse(empty) == ["cluster": 0, "cluster_distance": 0])
    }

    @Test func existingClusterFieldsAreReplacedInPlace() throws {
        let input = #"{"id":1,"cluster":99,"embedding":[1,2],"cluster_distance":5}"# + "\n" + #"{"id":2,"embedding":[1,2]}"# + "\n"
        let run = try runCluster(["-k", "1"], input: input)
        let out = try parseLines(run.stdout)
        #expect(out[0].keys == ["id", "cluster", "embedding", "cluster_distance"])
        #expect(out[0]["cluster"] == 0)
        #expect(out[0]["cluster_distance"]?.doubleValue == 0)
    }

    @Test func aMissingVectorNamesItsLine() throws {
        let input = #"{"embedding":[1,2]}"# + "\n" + #"{"embedding":[3,4]}"# + "\n" + #"{"id":3}"# + "\n"
        let run = try runCluster([], input: input)
        #expect(run.error?.description == #"in.jsonl:3: field "embedding" is missing"#)
        #expect(run.stdout.isEmpty)
    }

    @Test func aVectorOfAnotherDimensionNamesItsLine() throws {
        let input = #"{"embedding":[1,2]}"# + "\n\n" + #"{"embedding":[3,4,5]}"# + "\n"
        let run = try runCluster([], input: input)
        #expect(run.error?.description == #"in.jsonl:3: field "embedding" has 3 numbers, expected 2 as on line 1"#)
    }

    @Test func brokenJSONNamesItsLine() throws {
        let input = #"{"embedding":[1,2]}"# + "\n" + #"{"embedding":[1,2],"a":tru}"# + "\n"
        let run = try runCluster([], input: input)
        #expect(run.error?.code == .invalidJSON)
        #expect(run.error?.location?.line == 2)
    }

    @Test func nonFiniteValuesAreErrors() throws {
        // 1e39 overflows float32; NaN can only arrive in the f32le form.
        let nan = VectorCodec.encode([1, .nan], compact: true)
        for bad in [#"{"embedding":[1,1e39]}"#, JSONSerializer.string(["embedding": nan])] {
            let run = try runCluster([], input: #"{"embedding":[1,2]}"# + "\n" + bad + "\n")
            #expect(run.error?.code == .invalidRecord)
            #expect(run.error?.location?.line == 2)
            #expect(run.error?.message.contains("not a finite float32") == true)
        }
    }

    @Test func skipInvalidDropsBadRecordsAndClustersTheRest() throws {
        let input = [#"{"id":1,"embedding":[1,2]}"#, "{oops", #"{"id":3}"#, #"{"id":4,"embedding":[1]}"#, #"{"id":5,"embedding":[2,2]}"#]
            .joined(separator: "\n")
        let run = try runCluster(["--skip-invalid", "-k", "2"], input: input)
        #expect(run.error == nil)
        #expect(try parseLines(run.stdout).map { $0["id"]!.intValue! } == [1, 5])
    }

    @Test func emptyInputGivesEmptyOutput() throws {
        let run = try runCluster([], input: "\n\n")
        #expect(run.error == nil)
        #expect(run.stdout.isEmpty)
        #expect(run.centroids.isEmpty)
    }

    @Test func aNestedFieldCanHoldTheVector() throws {
        let input = #"{"v":{"e":[1,2]}}"# + "\n" + #"{"v":{"e":[1,2.5]}}"# + "\n"
        let run = try runCluster(["--field", "v.e", "-k", "1"], input: input)
        #expect(try parseLines(run.stdout).map { $0["cluster_distance"]!.doubleValue! } == [0.25, 0.25])
    }

    @Test func badOptionsAreUsageErrors() {
        #expect(throws: UsageError.self) { try ClusterCommand(arguments: ["-k", "0"]) }
        #expect(throws: UsageError.self) { try ClusterCommand(arguments: ["--per-cluster", "x"]) }
        #expect(throws: UsageError.self) { try ClusterCommand(arguments: ["--bogus"]) }
        #expect(throws: UsageError.self) { try ClusterCommand(arguments: ["--seed", "-1"]) }
        #expect(throws: UsageError.self) { try ClusterCommand(arguments: ["--bound-group", "0"]) }
    }

    @Test func theBoundGroupSizeReachesTheEngineAndChangesNoResult() throws {
        #expect(try ClusterCommand(arguments: ["--bound-group", "3"]).options(count: 100).boundGroupSize == 3)
        #expect(try ClusterCommand(arguments: []).options(count: 100).boundGroupSize == nil)
        let data = Blobs(n: 600, d: 16, centres: 12, spread: 3, seed: 14)
        let input = records(data.points, d: 16)
        let outputs = try ["1", "2", "12"].map { try runCluster(["-k", "12", "--bound-group", $0], input: input) }
        let plain = try runCluster(["-k", "12", "--no-bounds"], input: input)
        for run in outputs {
            #expect(try parseLines(run.stdout).map { $0["cluster"]! } == parseLines(plain.stdout).map { $0["cluster"]! })
        }
    }
}
