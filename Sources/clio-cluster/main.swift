import ClioCluster
import ClioCore

Tool.main(ClusterCommand.self)
