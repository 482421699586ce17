import ClioEmbed
import ClioCore

Tool.main(EmbedCommand.self)
