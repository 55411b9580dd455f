import Benchmark
import Foundation
import YouthCare

/// The shipped scenarios, found from this file's location.
func shippedScenario(_ name: String) -> Scenario {
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  let path = root.appendingPathComponent("Scenarios").appendingPathComponent(name).path
  do {
    return try ScenarioReader.read(file: path)
  } catch {
    fatalError("\(error)")
  }
}

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    // No peak-memory metric: package-benchmark samples it from a thread of its own whose
    // allocations land in the malloc count, more the longer a run takes (a hold run counted
    // 56–83 mallocs with it, 16–18 without). The checked count must be the code's alone.
    metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal],
    maxDuration: .seconds(5),
    maxIterations: 500,
    // The threshold check in CI (scripts/check-benchmarks) compares mallocs per run; a few come
    // and go with the runtime's first-use allocations, an allocation per event would add thousands.
    thresholds: [.mallocCountTotal: .init(absolute: [.p90: 10])]
  )

  for name in ["regio-midden.yaml", "grote-stad.yaml", "validation/mmc.yaml"] {
    let scenario = shippedScenario(name)
    let years = scenario.horizon.simulatedYears
    // Names without spaces or slashes: package-benchmark writes threshold files under cleaned
    // names but reads them under the raw ones, so only such names round-trip.
    let label = name.replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: ".yaml", with: "")
    Benchmark("Replication_\(label)_\(years)_simulated_years") { benchmark in
      for iteration in benchmark.scaledIterations {
        let result = Replication.run(scenario, seed: 1, replication: iteration)
        blackHole(result.events)
      }
    }
  }
}
