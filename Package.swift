// swift-tools-version:6.0
import PackageDescription

// MARK: - Layers
// CGSL → Stochastics → SimKernel → YouthCare → Experiments → SweepStore → Reports → lumpsim (CLI).
// Each layer imports only the ones before it; the kernel knows no domain words. CSQLite is the
// system SQLite that SweepStore keeps sweep results in.

let package = Package(
  name: "lumpsim",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "lumpsim", targets: ["lumpsim"]),
    .library(name: "LumpsimCore", targets: ["Stochastics", "SimKernel", "YouthCare", "Experiments", "SweepStore", "Reports"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
  ],
  targets: [
    // MARK: GNU Scientific Library
    .systemLibrary(
      name: "CGSL",
      pkgConfig: "gsl",
      providers: [.apt(["libgsl-dev"]), .brew(["gsl"])]
    ),

    // MARK: Randomness and probability
    .target(name: "Stochastics", dependencies: ["CGSL"]),

    // MARK: Discrete-event kernel (no domain words)
    .target(name: "SimKernel"),

    // MARK: The youth-care model
    .target(
      name: "YouthCare",
      dependencies: ["Stochastics", "SimKernel", .product(name: "Yams", package: "Yams")]
    ),

    // MARK: Replications, statistics, theory checks
    .target(name: "Experiments", dependencies: ["Stochastics", "SimKernel", "YouthCare", .product(name: "Yams", package: "Yams")]),

    // MARK: SQLite (the sweep store)
    .systemLibrary(
      name: "CSQLite",
      pkgConfig: "sqlite3",
      providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
    ),

    // MARK: Sweep results on disk: resumable, shardable, mergeable
    .target(name: "SweepStore", dependencies: ["CSQLite", "YouthCare", "Experiments"]),

    // MARK: Tables, JSON, CSV
    .target(name: "Reports", dependencies: ["YouthCare", "Experiments", "SweepStore"]),

    // MARK: Command line
    .executableTarget(
      name: "lumpsim",
      dependencies: [
        "SimKernel", "YouthCare", "Experiments", "SweepStore", "Reports",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),

    // MARK: Fuzzing: scenario and sweep reading (libFuzzer with scripts/fuzz; a corpus replay otherwise)
    .executableTarget(name: "lumpsim-fuzz", dependencies: ["YouthCare", "Experiments", "Reports", "SweepStore"]),

    // MARK: Tests
    // What the test targets share: the repository's root, and a replication with every invariant checked.
    .target(name: "LumpsimTestSupport", dependencies: ["YouthCare"], path: "Tests/LumpsimTestSupport"),
    .testTarget(name: "StochasticsTests", dependencies: ["Stochastics"]),
    .testTarget(name: "SimKernelTests", dependencies: ["SimKernel"]),
    .testTarget(name: "YouthCareTests", dependencies: ["YouthCare", "Experiments", "Stochastics", "LumpsimTestSupport"]),
    .testTarget(name: "ExperimentsTests", dependencies: ["Experiments", "SimKernel", "YouthCare", "LumpsimTestSupport"]),
    .testTarget(name: "ReportsTests", dependencies: ["Reports", "YouthCare", "Experiments", "LumpsimTestSupport"]),
    .testTarget(name: "SweepStoreTests", dependencies: ["SweepStore", "YouthCare", "Experiments", "LumpsimTestSupport"]),
    .testTarget(name: "CLITests", dependencies: ["lumpsim", "SweepStore", "LumpsimTestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
