// swift-tools-version:6.0
import PackageDescription

// One module per pipeline stage over a small shared core. A tool links only the
// stages it runs: clio-cluster and clio-tree never link the networking layer.
let package = Package(
    name: "clio",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "clio-summarize", targets: ["clio-summarize"]),
        .executable(name: "clio-embed", targets: ["clio-embed"]),
        .executable(name: "clio-cluster", targets: ["clio-cluster"]),
        .executable(name: "clio-label", targets: ["clio-label"]),
        .executable(name: "clio-tree", targets: ["clio-tree"]),
    ],
    targets: [
        // Records, JSON, JSONL I/O, options, diagnostics, exit codes, progress, cache.
        .target(name: "ClioCore"),
        // Hot numeric kernels in C so they can be compiled for AVX2/FMA with runtime dispatch.
        .target(name: "CClioKernels"),
        .target(name: "ClioLLM", dependencies: ["ClioCore"]),
        .target(name: "ClioSummarize", dependencies: ["ClioCore", "ClioLLM"]),
        .target(name: "ClioEmbed", dependencies: ["ClioCore", "ClioLLM", "CClioKernels"]),
        .target(name: "ClioCluster", dependencies: ["ClioCore", "CClioKernels"]),
        // ClioSummarize for its PII masker, which the text guard on cluster names consults.
        .target(name: "ClioLabel", dependencies: ["ClioCore", "ClioLLM", "ClioEmbed", "ClioCluster", "ClioSummarize"]),
        .target(name: "ClioTree", dependencies: ["ClioCore"]),

        .executableTarget(name: "clio-summarize", dependencies: ["ClioSummarize"]),
        .executableTarget(name: "clio-embed", dependencies: ["ClioEmbed"]),
        .executableTarget(name: "clio-cluster", dependencies: ["ClioCluster"]),
        .executableTarget(name: "clio-label", dependencies: ["ClioLabel"]),
        .executableTarget(name: "clio-tree", dependencies: ["ClioTree"]),

        .testTarget(name: "ClioCoreTests", dependencies: ["ClioCore", "ClioTestSupport"]),
        // Shared by the tests: a local HTTP server that injects faults, strict emulators of the
        // providers' APIs, the fake chat model, scratch files and directories, resource checks.
        .target(name: "ClioTestSupport", dependencies: ["ClioCore", "ClioLLM"], path: "Tests/ClioTestSupport"),
        .testTarget(name: "ClioLLMTests", dependencies: ["ClioLLM", "ClioTestSupport"]),
        .testTarget(name: "ClioSummarizeTests", dependencies: ["ClioSummarize", "ClioTestSupport"]),
        // Fixtures are read by path (#filePath), not bundled.
        .testTarget(name: "ClioEmbedTests", dependencies: ["ClioEmbed", "ClioTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "ClioClusterTests", dependencies: ["ClioCluster", "ClioTestSupport"]),
        .testTarget(name: "ClioLabelTests", dependencies: ["ClioLabel", "ClioTestSupport"]),
        .testTarget(name: "ClioTreeTests", dependencies: ["ClioTree", "ClioTestSupport"]),
        // Runs the built executables; depending on them makes `swift test` build them first.
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["ClioCore", "ClioTestSupport", "clio-summarize", "clio-embed", "clio-cluster", "clio-label", "clio-tree"]),
    ],
    swiftLanguageModes: [.v5]
)
