import ClioTestSupport
import ClioCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import ClioTree

/// Runs `clio-tree` with `arguments` over `input` (as a file) and returns what it wrote.
func runTree(_ arguments: [String], input: String) throws -> String {
    try runTree(arguments, inputs: [input])
}

/// Runs `clio-tree` with `arguments` over `inputs`, each written to a file in this order, and
/// returns what it wrote.
func runTree(_ arguments: [String], inputs: [String]) throws -> String {
    let inPaths = inputs.map { temporaryFile($0) }
    let outPath = temporaryFile("", suffix: ".out")
    defer { for path in inPaths + [outPath] { unlink(path) } }
    let command = try TreeCommand(arguments: arguments + inPaths)
    let fd = open(outPath, O_WRONLY | O_TRUNC)
    let output = OutputWriter(fd: fd)
    defer { close(fd) }
    try command.run(output: output)
    try output.flush()
    return readFile(outPath)
}

/// A record line built from its fields.
func cluster(_ id: String, parent: String?, name: String, description: String = "", size: Int, withheld: Bool = false) -> String {
    var object: JSONObject = ["kind": "cluster", "id": .string(id), "parent": parent.map { .string($0) } ?? .null,
                              "name": .string(name), "description": .string(description), "size": .number(Double(size))]
    if withheld { object["withheld"] = true }
    return JSONSerializer.string(.object(object))
}

/// Two top-level clusters (one with two children), a privacy bucket, and lines to ignore;
/// written smallest first so the tests see the sort.
let fixture = [
    #"{"kind":"note","id":"x"}"#,
    cluster("L0-1", parent: "L1-0", name: "Soup recipes", description: "Soups.", size: 10),
    cluster("other", parent: nil, name: "Other (below privacy threshold)", size: 3, withheld: true),
    cluster("L0-2", parent: nil, name: "Python debugging", description: "Fixing errors.", size: 12),
    #"{"id":"no-kind"}"#,
    cluster("L0-0", parent: "L1-0", name: "Bread baking", description: "Sourdough starters and oven temperatures.", size: 20),
    cluster("L1-0", parent: nil, name: "Cooking and baking", description: "Users asked for recipes and help with baking bread at home.", size: 30),
].joined(separator: "\n") + "\n"

/// A cluster record as docs/FORMAT.md describes it.
func clusterRecord(
    _ id: String, level: Int, parent: String?, name: String, size: Int, children: [String] = [],
    description: String = "Users asked for something. It was answered.", centroid: [Double]? = nil,
    languages: [(String, Int)]? = nil, weeks: [(String, Int)] = [("2024-W09", 1)], withheld: Bool = false,
    newSince: String? = nil
) -> JSONObject {
    var record: JSONObject = [
        "kind": "cluster", "id": .string(id), "level": .number(Double(level)),
        "parent": parent.map { .string($0) } ?? .null, "name": .string(name), "description": .string(description),
        "size": .number(Double(size)), "users": .number(Double(max(1, size - 1))),
    ]
    if level == 0 {
        record["members"] = .array((0..<min(size, 3)).map { .string("c-\(id)-\($0)") })
    } else {
        record["children"] = .array(children.map { .string($0) })
    }
    let languageCounts = languages ?? [("English", size)]
    record["stats"] = [
        "languages": .object(JSONObject(languageCounts.map { (key: $0.0, value: .number(Double($0.1))) })),
        "concerning": .array([.number(Double(size)), 0, 0, 0, 0]),
        "mean_turns": 2.5,
        "weeks": .object(JSONObject(weeks.map { (key: $0.0, value: .number(Double($0.1))) })),
    ]
    if let centroid { record["centroid"] = .array(centroid.map { .number($0) }) }
    if withheld { record["withheld"] = true }
    if let newSince { record["new_since"] = .string(newSince) }
    return record
}

/// Records as JSON Lines.
func lines(_ records: [JSONObject]) -> String {
    records.map { JSONSerializer.string(.object($0)) }.joined(separator: "\n") + "\n"
}
