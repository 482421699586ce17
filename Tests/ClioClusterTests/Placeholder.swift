import Testing
@testable import ClioCluster
