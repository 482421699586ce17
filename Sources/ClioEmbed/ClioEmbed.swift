import ClioCore

/// Placeholder until the stage lands: fails loudly rather than pretending to work.
public struct EmbedCommand: Command {
    public static let name = "clio-embed"
    public static let help = "usage: clio-embed [options] [file ...]\n"
    public init(arguments: [String]) throws(UsageError) {}
    public func run(output: OutputWriter) throws { throw ClioError(.other, "not implemented yet") }
}
