import ClioCore

/// Placeholder until the stage lands: fails loudly rather than pretending to work.
public struct SummarizeCommand: Command {
    public static let name = "clio-summarize"
    public static let help = "usage: clio-summarize [options] [file ...]\n"
    public init(arguments: [String]) throws(UsageError) {}
    public func run(output: OutputWriter) throws { throw ClioError(.other, "not implemented yet") }
}
