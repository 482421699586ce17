// clio-tree's cluster-record reader: JSONL lines of any kind added to the tree builder, then
// the tree built and rendered as text. Dangling parents and cycles must be errors.
@testable import ClioCore
@testable import ClioTree

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    var builder = ClusterTreeBuilder()
    for line in bytes.split(separator: 10, omittingEmptySubsequences: true) {
        guard case .object(let record)? = try? JSONParser.parse(Array(line)) else { continue }
        _ = try? builder.add(record)
    }
    if let tree = try? builder.build() { _ = tree.roots.count }
    return 0
}
