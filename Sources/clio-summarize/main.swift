import ClioSummarize
import ClioCore

Tool.main(SummarizeCommand.self)
