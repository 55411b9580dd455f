// swift-tools-version:6.1
import PackageDescription

// A package of its own, as swift-nio and swift-collections keep theirs, so `swift test` in the
// root never builds the benchmark harness. Run from this folder: `swift package benchmark`.
let package = Package(
  name: "lumpsim-benchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(name: "lumpsim", path: ".."),
    .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "Kernel",
      dependencies: [
        .product(name: "Benchmark", package: "package-benchmark"),
        .product(name: "LumpsimCore", package: "lumpsim"),
      ],
      path: "Benchmarks/Kernel",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
    ),
    .executableTarget(
      name: "Replication",
      dependencies: [
        .product(name: "Benchmark", package: "package-benchmark"),
        .product(name: "LumpsimCore", package: "lumpsim"),
      ],
      path: "Benchmarks/Replication",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
    ),
    .executableTarget(
      name: "Store",
      dependencies: [
        .product(name: "Benchmark", package: "package-benchmark"),
        .product(name: "LumpsimCore", package: "lumpsim"),
      ],
      path: "Benchmarks/Store",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
    ),
  ]
)
