#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ClioCluster
import ClioCore
import ClioEmbed
import Foundation

/// How many conversations clio-label keeps per base cluster for naming (`--keep`, `--reservoir`).
public enum ReservoirPolicy: Equatable, Sendable {
    /// Up to N per cluster, however many clusters there are (`--reservoir N`; `Int.max` is
    /// `all`).
    case perCluster(Int)
    /// The default: at most `total` conversations in all. An input of no more is held whole
    /// (and its users counted exactly), so its output is that of holding every record; a larger
    /// one keeps the same number c of every cluster, the largest from `least` to `most` with
    /// Σ min(size, c) ≤ `total` — what small clusters leave unused goes to the large ones — so
    /// it holds about `total`, until `least` × the clusters passes it.
    case shared(total: Int, most: Int, least: Int)

    /// Keeps every conversation so far, so the users are counted exactly too.
    var keepsEverything: Bool {
        switch self {
        case .perCluster(let n): n == .max
        case .shared: true
        }
    }
}

/// clio-label's one pass over the clustered records, in memory bounded by the number of
/// clusters rather than of records. Per base cluster it keeps
///
/// - exact counts of what its cluster record says: size, `stats` (languages, concerning
///   scores, turns, weeks), the sum of its vectors (so the centroid is the exact mean);
/// - its distinct users, exactly up to `userCap` named users and a HyperLogLog sketch past
///   that (written as an estimate, `users_estimated`);
/// - a seeded reservoir of records (summary, user, vector, …) that naming, the contrast sets,
///   the member-level grouping and `distance_p95` draw on, as many as `policy` says; a cluster
///   with no more members than that keeps all of them;
/// - its member ids, spilled to a temporary file in chunks, for the `members` of its record.
///
/// With `--assignments`, each record's id and cluster go to a second temporary file in input
/// order and are copied out once the hierarchy is known. When every cluster fits its
/// reservoir, `finish` gives the very input that holding every record gives, so the output is
/// byte for byte the same.
///
/// Under `.shared` every reservoir shrinks by one whenever the records kept pass the total. A
/// reservoir keeps the members with the smallest sampling keys, so one shrunk to c holds what
/// one of capacity c from the start would; and Σ min(members so far, c) only grows, so a step
/// down taken mid-stream is one the whole input needs too. The sample therefore depends on the
/// records and the seed, not on their order.
public struct ClusterDigest {
    public let policy: ReservoirPolicy
    /// Records kept per base cluster for naming, for the clusters seen so far.
    public private(set) var reservoir: Int
    /// Named users counted exactly per base cluster (see `userCap(minUsers:)`); under
    /// `.shared`, every user while the input is held whole.
    public private(set) var userCap: Int
    private let sampledUserCap: Int
    private let keys: SampleKey
    /// Base clusters in order of first appearance ("slots"), with their `cluster` numbers.
    private var slotOf: [Int: Int] = [:]
    private var values: [Int] = []
    private var sizes: [Int] = []
    private var stats: [ClusterStats] = []
    private var users: [UserCount] = []
    private var sums: [[Double]] = []
    /// With centring: every record's vector summed by language, and each cluster's records
    /// counted by language (for the centres of clusters only sampled).
    private var languageSums: LanguageSums?
    private var languageCounts: [[String: Int]] = []
    /// The means the vectors were centred at, set by `finish`.
    public private(set) var centring: LanguageCentring?
    /// A kept record, its vector in `vectors` at `row`.
    struct Kept {
        var record: LabelRecord
        var row: Int
    }
    private var samples: [BottomK<Kept>] = []
    /// The kept records' vectors, a row each; a record that evicts another takes its row, and
    /// rows freed by shrinking reservoirs (`freeRows`) are taken before new ones.
    private var vectors = VectorRows()
    private var freeRows: [Int] = []
    /// Records in the reservoirs now.
    private var kept = 0
    private var members: ChunkedLists
    private var assignments: SpillFile?
    private var check = DimensionCheck()
    private var embeddingModel: JSON?
    private let centres: Bool
    /// Records read.
    public private(set) var count = 0

    /// The named users a cluster counts exactly: comfortably above what the privacy
    /// threshold and the text guard compare with (`--min-users`, at least 3), so that those
    /// decisions never rest on an estimate.
    public static func userCap(minUsers: Int) -> Int { max(64, 4 * minUsers) }

    /// `reservoir`: records kept per cluster (`Int.max` keeps every one, and then every user is
    /// counted exactly too); `seed` draws them;
    /// `assignments`: keep each record's id and cluster for `writeAssignments`.
    public init(reservoir: Int, minUsers: Int, seed: UInt64, assignments: Bool) throws(ClioError) {
        try self.init(policy: .perCluster(reservoir), minUsers: minUsers, seed: seed, assignments: assignments)
    }

    /// `centring`: centre the vectors by language (`LanguageCentring`) as clio-cluster does.
    public init(policy: ReservoirPolicy, minUsers: Int, seed: UInt64, assignments: Bool, centring: Bool = false) throws(ClioError) {
        self.policy = policy
        centres = centring
        if case .perCluster(let n) = policy { reservoir = n } else { reservoir = .max }
        precondition(reservoir > 0)
        // Keeping every record, it may as well count every user exactly.
        sampledUserCap = Self.userCap(minUsers: minUsers)
        userCap = policy.keepsEverything ? .max : sampledUserCap
        // Apart from clio-cluster's fit sample of the same seed.
        keys = SampleKey(seed: seed ^ 0x6C61_6265_6C2D_7265)
        members = ChunkedLists(file: try SpillFile())
        if assignments { self.assignments = try SpillFile() }
    }

    /// Reads one clustered record; a bad one throws an `invalidRecord` error naming the field
    /// and leaves the digest unchanged.
    public mutating func add(_ object: JSONObject, at location: Location? = nil) throws(ClioError) {
        var record = try LabelRecord(object, at: location, cluster: nil, dimension: &check)
        let slot: Int
        if let known = slotOf[record.cluster] {
            slot = known
        } else {
            slot = values.count
            slotOf[record.cluster] = slot
            values.append(record.cluster)
            sizes.append(0)
            stats.append(ClusterStats())
            users.append(UserCount(cap: userCap))
            sums.append([Double](repeating: 0, count: record.vector.count))
            if centres { languageCounts.append([:]) }
            members.addList()
            samples.append(BottomK(capacity: reservoir))
        }
        if embeddingModel == nil { embeddingModel = record.embeddingModel }
        // The `members` array of the record: ids as JSON, a comma before all but the first.
        var id: [UInt8] = []
        if sizes[slot] > 0 { id.append(UInt8(ascii: ",")) }
        JSONSerializer.write(record.id, to: &id)
        try members.append(slot, id)
        if let assignments {
            var entry: [UInt8] = []
            appendUInt32(UInt32(slot), to: &entry)
            let start = sizes[slot] > 0 ? 1 : 0
            appendUInt32(UInt32(id.count - start), to: &entry)
            entry.append(contentsOf: id[start...])
            _ = try assignments.append(entry)
        }
        sizes[slot] += 1
        stats[slot].add(record)
        users[slot].add(record.user)
        sums[slot].withUnsafeMutableBufferPointer { sum in
            for (t, x) in record.vector.enumerated() { sum[t] += Double(x) }
        }
        if centres {
            let language = LanguageCentring.primary(record.languages.first)
            if languageSums == nil { languageSums = LanguageSums(dimension: record.vector.count) }
            languageSums!.add(record.vector, language: language)
            languageCounts[slot][language, default: 0] += 1
        }
        let vector = record.vector
        record.vector = []
        let fresh = freeRows.last ?? vectors.count
        switch samples[slot].offer(key: keys.key(index: UInt64(count)), index: count, { Kept(record: record, row: $0?.row ?? fresh) }) {
        case .added:
            if freeRows.isEmpty { vectors.append(vector) } else { vectors.set(freeRows.removeLast(), vector) }
            kept += 1
            if case let .shared(total, most, least) = policy, kept > total {
                if reservoir == .max { startSampling(total: total, most: most, least: least) }
                while kept > total && reservoir > least { shrinkReservoirs(to: reservoir - 1) }
            }
        case .replaced(let evicted): vectors.set(evicted.row, vector)
        case .rejected: break
        }
        count += 1
    }

    /// The input has passed `total`: from here on every cluster keeps at most c, starting from
    /// the largest c (up to `most`) that the clusters so far leave within the total, and users
    /// past the usual cap are sketched. Σ min(members so far, c) only grows, so the final c is
    /// no larger than this one, and the steps down from it are the ones the whole input needs.
    private mutating func startSampling(total: Int, most: Int, least: Int) {
        userCap = sampledUserCap
        for slot in users.indices { users[slot].lower(cap: userCap) }
        shrinkReservoirs(to: max(least, min(most, Self.waterLevel(samples.map(\.count), total: total))))
    }

    /// The largest c with Σ min(count, c) ≤ `total` (binary search: the sum grows with c).
    static func waterLevel(_ counts: [Int], total: Int) -> Int {
        var low = 0, high = counts.max() ?? 0
        while low < high {
            let mid = (low + high + 1) / 2
            if counts.reduce(0, { $0 + min($1, mid) }) <= total { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// Lowers every reservoir to `capacity`, freeing the rows of the records dropped. It runs
    /// once per step down (at most `most` − `least` times), so its cost is k per step.
    private mutating func shrinkReservoirs(to capacity: Int) {
        reservoir = capacity
        for slot in samples.indices {
            samples[slot].shrink(to: capacity) { freeRows.append($0.row); kept -= 1 }
        }
    }

    /// What labelling reads once the pass is over.
    struct Finished {
        /// The records kept, in input order.
        var input: LabelInput
        /// Per base cluster (ascending `cluster` number), the counts over every member.
        var totals: ClusterTotals
    }

    /// The kept records as one input and the totals in base-cluster order. The reservoirs are
    /// emptied (their records move into the input).
    mutating func finish() throws(ClioError) -> Finished {
        try members.flush()
        try assignments?.flush()
        let order = values.indices.sorted { values[$0] < values[$1] }
        slotOfBase = order
        baseOfSlot = [Int](repeating: 0, count: values.count)
        for (b, slot) in order.enumerated() { baseOfSlot[slot] = b }
        var kept: [BottomK<Kept>.Entry] = []
        kept.reserveCapacity(samples.reduce(0) { $0 + $1.count })
        var sampled = [Int](repeating: 0, count: values.count)
        for slot in samples.indices {
            sampled[slot] = samples[slot].count
            kept += samples[slot].drain()
        }
        samples = []
        kept.sort { $0.index < $1.index }
        // The vectors move into input order where they are, then into the input a block at a
        // time, each block freed once copied.
        let d = check.dimension ?? 0
        // Rows freed by shrinking hold nothing; they go last and are cut off.
        vectors.permute(toRows: kept.map(\.element.row) + freeRows)
        vectors.truncate(to: kept.count)
        freeRows = []
        var input = LabelInput()
        input.reserve(kept.count)
        for entry in kept { input.appendFields(entry.element.record) }
        kept = []
        input.setVectors(vectors.drain(), dimension: d)
        if let embeddingModel { input.embeddingModel = embeddingModel }
        centring = languageSums?.centring()
        if let centring { centreSums(&input, centring: centring, sampled: sampled) }
        let totals = ClusterTotals(
            sizes: order.map { sizes[$0] }, stats: order.map { stats[$0] }, users: order.map { users[$0] }, sums: order.map { sums[$0] },
            complete: order.map { sampled[$0] == sizes[$0] })
        return Finished(input: input, totals: totals)
    }

    /// Centres the kept vectors by language and replaces each cluster's sum with that of its
    /// centred members: exact for a cluster whose members are all kept (added in input order,
    /// as `ClusterTotals(input:members:)` adds them); for a sampled one, its sum less its
    /// languages' means, divided by its kept members' mean length after the subtraction (each
    /// centred vector is scaled by its own length, which only the kept ones have).
    private mutating func centreSums(_ input: inout LabelInput, centring: LanguageCentring, sampled: [Int]) {
        let d = input.dimension
        var exact = [[Double]](repeating: [Double](repeating: 0, count: d), count: values.count)
        var lengths = [Double](repeating: 0, count: values.count)
        let slots = input.clusters.map { slotOf[$0]! }
        input.centreByLanguage(centring) { i, row, length in
            let slot = slots[i]
            lengths[slot] += length
            exact[slot].withUnsafeMutableBufferPointer { sum in
                for t in 0..<d { sum[t] += Double(row[t]) }
            }
        }
        for slot in values.indices {
            if sampled[slot] == sizes[slot] {
                sums[slot] = exact[slot]
                continue
            }
            let length = sampled[slot] > 0 ? lengths[slot] / Double(sampled[slot]) : 1
            for (language, n) in languageCounts[slot] {
                let mean = centring.mean(for: language)
                for t in 0..<d { sums[slot][t] -= Double(n) * Double(mean[t]) }
            }
            if length > 0 { for t in 0..<d { sums[slot][t] /= length } }
        }
    }

    /// Slot → base cluster and back, set by `finish`.
    private var baseOfSlot: [Int] = []
    private var slotOfBase: [Int] = []

    /// Writes a cluster record whose `members` (an empty array) stands for every member id of
    /// base cluster `base`, streamed from the spill file. Keys in order, as `JSONSerializer`
    /// writes them.
    func write(_ record: JSONObject, membersOf base: Int, to output: OutputWriter) throws {
        let slot = slotOfBase[base]
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        for (i, member) in record.members.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONSerializer.writeString(member.key, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            guard member.key == "members" else {
                JSONSerializer.write(member.value, to: &bytes)
                continue
            }
            bytes.append(UInt8(ascii: "["))
            try output.write(bytes: bytes)
            bytes.removeAll(keepingCapacity: true)
            try members.forEachChunk(slot) { try output.write(bytes: $0) }
            bytes.append(UInt8(ascii: "]"))
        }
        bytes.append(UInt8(ascii: "}"))
        bytes.append(0x0A)
        try output.write(bytes: bytes)
    }

    /// Writes `{"id","cluster","path"}` per record in input order, `paths` giving each base
    /// cluster's `cluster` and `path` values.
    func writeAssignments(paths: [(cluster: JSON, path: JSON)], to output: OutputWriter) throws {
        guard let assignments else { return }
        // Everything after the id is the same for all records of a base cluster.
        let suffixes = paths.map { cluster, path -> [UInt8] in
            var bytes: [UInt8] = Array(#","cluster":"#.utf8)
            JSONSerializer.write(cluster, to: &bytes)
            bytes.append(contentsOf: #","path":"#.utf8)
            JSONSerializer.write(path, to: &bytes)
            bytes.append(contentsOf: "}\n".utf8)
            return bytes
        }
        let prefix = Array(#"{"id":"#.utf8)
        var reader = SpillFile.Reader(file: assignments)
        while let header = try reader.read(8) {
            let slot = Int(readUInt32(header, 0)), length = Int(readUInt32(header, 4))
            guard let id = try reader.read(length) else { throw ClioError(.io, "the temporary assignments file ended early") }
            try output.writeLine { line in
                line.append(contentsOf: prefix)
                line.append(contentsOf: id)
                line.append(contentsOf: suffixes[baseOfSlot[slot]])
            }
        }
    }
}

/// Vectors of one dimension in blocks of rows, so that growing never copies them and handing
/// them over (`drain`) frees each block as it is copied.
struct VectorRows {
    static let blockRows = 1024
    private var blocks: [[Float]] = []
    private(set) var count = 0
    private var dimension = 0

    mutating func append(_ vector: [Float]) {
        if count == 0 { dimension = vector.count }
        if count % Self.blockRows == 0 { blocks.append([Float](repeating: 0, count: Self.blockRows * dimension)) }
        set(count, vector)
        count += 1
    }

    mutating func set(_ row: Int, _ vector: [Float]) {
        let start = (row % Self.blockRows) * dimension
        blocks[row / Self.blockRows].withUnsafeMutableBufferPointer { block in
            for (t, x) in vector.enumerated() { block[start + t] = x }
        }
    }

    func row(_ row: Int) -> ArraySlice<Float> {
        let start = (row % Self.blockRows) * dimension
        return blocks[row / Self.blockRows][start..<(start + dimension)]
    }

    /// Reorders the rows in place so that row i holds what row `order[i]` held (`order` a
    /// permutation of the rows), following each cycle with one row of scratch.
    mutating func permute(toRows order: [Int]) {
        precondition(order.count == count)
        var done = [Bool](repeating: false, count: count)
        for start in 0..<count where !done[start] {
            let first = Array(row(start))
            var i = start
            while true {
                done[i] = true
                let from = order[i]
                if from == start {
                    set(i, first)
                    break
                }
                set(i, Array(row(from)))
                i = from
            }
        }
    }

    /// Forgets the rows from `count` on.
    mutating func truncate(to count: Int) {
        precondition(count <= self.count)
        self.count = count
        blocks.removeLast(blocks.count - (count + Self.blockRows - 1) / Self.blockRows)
    }

    /// The rows as one row-major array; the blocks are released as they are copied.
    mutating func drain() -> [Float] {
        var out: [Float] = []
        out.reserveCapacity(count * dimension)
        var remaining = count
        blocks.reverse()
        while let block = blocks.popLast() {
            let rows = min(remaining, Self.blockRows)
            out.append(contentsOf: block[0..<(rows * dimension)])
            remaining -= rows
        }
        count = 0
        return out
    }
}

/// Per base cluster, what its record says counted over every member, while the `LabelInput`
/// beside it holds the members kept for naming: all of them (`complete`) or a sample.
struct ClusterTotals {
    var sizes: [Int]
    var stats: [ClusterStats]
    var users: [UserCount]
    /// The sum of the member vectors, added in input order in `Double`: the centroid is the
    /// same mean `LabelInput.centroid` takes over all members.
    var sums: [[Double]]
    /// Whether the input holds every member.
    var complete: [Bool]

    init(sizes: [Int], stats: [ClusterStats], users: [UserCount], sums: [[Double]], complete: [Bool]) {
        self.sizes = sizes
        self.stats = stats
        self.users = users
        self.sums = sums
        self.complete = complete
    }

    /// From an input that holds every member of each of `members`' clusters.
    init(input: LabelInput, members: [[Int]]) {
        sizes = members.map(\.count)
        stats = members.map { input.stats($0) }
        users = members.map { list in
            var count = UserCount(cap: .max)
            for m in list { count.add(input.users[m] < 0 ? nil : input.userNames[input.users[m]]) }
            return count
        }
        let d = input.dimension
        sums = members.map { list in
            var sum = [Double](repeating: 0, count: d)
            input.vectors.withUnsafeBufferPointer { v in
                for m in list { for t in 0..<d { sum[t] += Double(v[m * d + t]) } }
            }
            return sum
        }
        complete = [Bool](repeating: true, count: members.count)
    }

    /// The mean of the vectors of every member of `bases` (base cluster indices).
    func centroid(_ bases: [Int]) -> [Float] {
        guard let first = bases.first else { return [] }
        var sum = sums[first]
        for b in bases.dropFirst() { for t in sum.indices { sum[t] += sums[b][t] } }
        let n = Double(max(bases.reduce(0) { $0 + sizes[$1] }, 1))
        return sum.map { Float($0 / n) }
    }

    /// Distinct users of `bases` together, and whether that is an estimate.
    func users(_ bases: [Int]) -> (count: Int, estimated: Bool) { UserCount.union(bases.map { users[$0] }) }

    func stats(_ bases: [Int]) -> ClusterStats {
        var total = ClusterStats()
        for b in bases { total.add(stats[b]) }
        return total
    }
}

/// The distinct users of a cluster: exact up to `cap` named users, then a HyperLogLog sketch.
/// A conversation without a `user` is its own user, counted exactly.
struct UserCount {
    private(set) var cap: Int
    private(set) var named = Set<String>()
    private(set) var sketch: HyperLogLog?
    private(set) var anonymous = 0
    /// Conversations with a user: no cluster has more distinct users than that.
    private(set) var withUser = 0
    /// Named users known to be distinct once sketched (cap + 1).
    private(set) var floor = 0

    init(cap: Int) { self.cap = cap }

    /// Lowers the cap to `cap`, sketching the users past it as `add` would have had the cap been
    /// `cap` from the start (the sketch of a set does not depend on the order of its members,
    /// and the known floor is cap + 1 either way).
    mutating func lower(cap: Int) {
        guard cap < self.cap else { return }
        self.cap = cap
        if sketch == nil, named.count > cap { startSketch() }
    }

    /// The named users move into a sketch; `cap` + 1 of them are known to be distinct.
    private mutating func startSketch() {
        var start = HyperLogLog()
        for u in named { start.add(fnv1a(u)) }
        sketch = start
        floor = cap + 1
        named = []
    }

    mutating func add(_ user: String?) {
        guard let user else {
            anonymous += 1
            return
        }
        withUser += 1
        if sketch != nil {
            sketch!.add(fnv1a(user))
        } else if named.insert(user).inserted, named.count > cap {
            startSketch()
        }
    }

    /// Distinct users of all `parts` together: exact when every part is, else the sketches'
    /// union, kept between the largest part's known count and the conversations with a user.
    static func union(_ parts: [UserCount]) -> (count: Int, estimated: Bool) {
        let anonymous = parts.reduce(0) { $0 + $1.anonymous }
        if parts.allSatisfy({ $0.sketch == nil }) {
            if parts.count == 1 { return (parts[0].named.count + anonymous, false) }
            var all = Set<String>()
            for part in parts { all.formUnion(part.named) }
            return (all.count + anonymous, false)
        }
        var merged = HyperLogLog()
        var known = 0, withUser = 0
        for part in parts {
            if let sketch = part.sketch {
                merged.merge(sketch)
                known = max(known, part.floor)
            } else {
                for u in part.named { merged.add(fnv1a(u)) }
                known = max(known, part.named.count)
            }
            withUser += part.withUser
        }
        return (min(max(merged.estimate, known), withUser) + anonymous, true)
    }
}

/// HyperLogLog (Flajolet et al. 2007) with 2¹² registers: a distinct count in 4 KB with a
/// standard error of about 1.6%, and linear counting while many registers are empty (which
/// is exact to within a few users at the sizes a sketch starts at).
struct HyperLogLog: Equatable {
    static let precision = 12
    private var registers = [UInt8](repeating: 0, count: 1 << precision)

    /// Adds an item by its 64-bit hash: the top bits choose the register, the rest's leading
    /// zeros are the rank.
    mutating func add(_ hash: UInt64) {
        let p = Self.precision
        let index = Int(hash >> UInt64(64 - p))
        let rank = UInt8(min((hash << UInt64(p)).leadingZeroBitCount, 64 - p) + 1)
        if rank > registers[index] { registers[index] = rank }
    }

    mutating func merge(_ other: HyperLogLog) {
        for i in registers.indices where other.registers[i] > registers[i] { registers[i] = other.registers[i] }
    }

    var estimate: Int {
        let m = Double(registers.count)
        var sum = 0.0
        var zeros = 0
        for r in registers {
            sum += Double(sign: .plus, exponent: -Int(r), significand: 1)
            if r == 0 { zeros += 1 }
        }
        let alpha = 0.7213 / (1 + 1.079 / m)
        var e = alpha * m * m / sum
        if e <= 2.5 * m && zeros > 0 { e = m * Foundation.log(m / Double(zeros)) }
        return Int(e.rounded())
    }
}

/// Byte lists, one per cluster, appended to piece by piece and read back whole: each list's
/// newest bytes in memory, older ones in a spill file as a backward chain of chunks (each
/// chunk: the offset of the one before, or -1; its length; its bytes), so memory is one chunk
/// per list whatever the lists' lengths.
struct ChunkedLists {
    static let chunkSize = 1024
    private let file: SpillFile
    private var tails: [[UInt8]] = []
    private var newest: [Int64] = []

    init(file: SpillFile) { self.file = file }

    mutating func addList() {
        tails.append([])
        newest.append(-1)
    }

    mutating func append(_ list: Int, _ bytes: [UInt8]) throws(ClioError) {
        tails[list].append(contentsOf: bytes)
        guard tails[list].count >= Self.chunkSize else { return }
        var chunk: [UInt8] = []
        chunk.reserveCapacity(12 + tails[list].count)
        appendUInt64(UInt64(bitPattern: newest[list]), to: &chunk)
        appendUInt32(UInt32(tails[list].count), to: &chunk)
        chunk.append(contentsOf: tails[list])
        newest[list] = try file.append(chunk)
        tails[list].removeAll(keepingCapacity: true)
    }

    func flush() throws(ClioError) { try file.flush() }

    /// Calls `body` with the list's bytes, oldest first, in pieces (after `flush`).
    func forEachChunk(_ list: Int, _ body: ([UInt8]) throws -> Void) throws {
        var chain: [(offset: Int64, length: Int)] = []
        var offset = newest[list]
        while offset >= 0 {
            let header = try file.read(at: offset, count: 12)
            chain.append((offset + 12, Int(readUInt32(header, 8))))
            offset = Int64(bitPattern: readUInt64(header, 0))
        }
        for (start, length) in chain.reversed() { try body(try file.read(at: start, count: length)) }
        if !tails[list].isEmpty { try body(tails[list]) }
    }
}

/// A temporary file for what clio-label spills: created in `$TMPDIR` (else /tmp) and unlinked
/// at once, so it goes away with the process however that ends. Appends go through a buffer.
final class SpillFile {
    private let fd: Int32
    private let directory: String
    private var buffer: [UInt8] = []
    /// Bytes appended, buffered ones included.
    private(set) var size: Int64 = 0

    init() throws(ClioError) {
        let environment = ProcessInfo.processInfo.environment["TMPDIR"] ?? ""
        directory = environment.isEmpty ? "/tmp" : environment
        var template = Array((directory.hasSuffix("/") ? directory : directory + "/").utf8CString.dropLast()) + Array("clio-label.XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw ClioError(.io, "cannot create a temporary file in \(directory): \(systemError())") }
        fd = descriptor
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        buffer.reserveCapacity(1 << 16)
    }

    deinit { close(fd) }

    /// Appends `bytes`; returns the offset they start at.
    func append(_ bytes: [UInt8]) throws(ClioError) -> Int64 {
        let offset = size
        buffer.append(contentsOf: bytes)
        size += Int64(bytes.count)
        if buffer.count >= 1 << 16 { try flush() }
        return offset
    }

    func flush() throws(ClioError) {
        var done = 0
        while done < buffer.count {
            let n = buffer.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ClioError(.io, "cannot write a temporary file in \(directory): \(systemError())")
            }
            done += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// `count` bytes from `offset`, which must have been flushed.
    func read(at offset: Int64, count: Int) throws(ClioError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, count - done, off_t(offset) + off_t(done)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw ClioError(.io, "cannot read a temporary file in \(directory): \(n < 0 ? systemError() : "it ended early")") }
            done += n
        }
        return out
    }

    /// Reads a flushed file from the start, in order.
    struct Reader {
        let file: SpillFile
        private var block: [UInt8] = []
        private var position = 0
        private var offset: Int64 = 0

        init(file: SpillFile) { self.file = file }

        /// The next `count` bytes; nil at the end of the file.
        mutating func read(_ count: Int) throws(ClioError) -> [UInt8]? {
            var out: [UInt8] = []
            while out.count < count {
                if position == block.count {
                    guard offset < file.size else { return out.isEmpty ? nil : out }
                    block = try file.read(at: offset, count: Int(min(Int64(1 << 16), file.size - offset)))
                    offset += Int64(block.count)
                    position = 0
                }
                let take = min(count - out.count, block.count - position)
                out.append(contentsOf: block[position..<(position + take)])
                position += take
            }
            return out
        }
    }
}

private func appendUInt32(_ value: UInt32, to bytes: inout [UInt8]) {
    for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
}

private func appendUInt64(_ value: UInt64, to bytes: inout [UInt8]) {
    for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
}

private func readUInt32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
    (0..<4).reduce(0) { $0 | UInt32(bytes[at + $1]) << UInt32(8 * $1) }
}

private func readUInt64(_ bytes: [UInt8], _ at: Int) -> UInt64 {
    (0..<8).reduce(0) { $0 | UInt64(bytes[at + $1]) << UInt64(8 * $1) }
}
