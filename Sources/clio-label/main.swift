import ClioLabel
import ClioCore

Tool.main(LabelCommand.self)
