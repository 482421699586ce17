import ClioCore

/// Placeholder until the stage lands: fails loudly rather than pretending to work.
public struct TreeCommand: Command {
    public static let name = "clio-tree"
    public static let help = "usage: clio-tree [options] [file ...]\n"
    public init(arguments: [String]) throws(UsageError) {}
    public func run(output: OutputWriter) throws { throw ClioError(.other, "not implemented yet") }
}
