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
    let inPath = temporaryFile(input)
    let outPath = temporaryFile("", suffix: ".out")
    defer { unlink(inPath); unlink(outPath) }
    let command = try TreeCommand(arguments: arguments + [inPath])
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
