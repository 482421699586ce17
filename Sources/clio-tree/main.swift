import ClioTree
import ClioCore

Tool.main(TreeCommand.self)
