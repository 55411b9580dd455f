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
    metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal, .peakMemoryResident],
    maxDuration: .seconds(5),
    maxIterations: 500
  )

  for name in ["regio-midden.yaml", "grote-stad.yaml", "validation/mmc.yaml"] {
    let scenario = shippedScenario(name)
    let years = scenario.horizon.simulatedYears
    Benchmark("One replication of \(name) (\(years) simulated years)") { benchmark in
      for iteration in benchmark.scaledIterations {
        let result = Replication.run(scenario, seed: 1, replication: iteration)
        blackHole(result.events)
      }
    }
  }
}
