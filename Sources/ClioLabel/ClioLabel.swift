import ClioCore

/// Placeholder until the stage lands: fails loudly rather than pretending to work.
public struct LabelCommand: Command {
    public static let name = "clio-label"
    public static let help = "usage: clio-label [options] [file ...]\n"
    public init(arguments: [String]) throws(UsageError) {}
    public func run(output: OutputWriter) throws { throw ClioError(.other, "not implemented yet") }
}
