import Benchmark
import Experiments
import Foundation
import SweepStore
import YouthCare

/// A sweep of the M/M/c scenario cut to one contract year, from this file's location.
func smallSweep(points: Int, replications: Int, years: Int = 1) -> Sweep {
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  let capacities = (0..<points).map { String(10 + $0) }.joined(separator: ", ")
  do {
    return try SweepReader.read(yaml: """
      scenario: Scenarios/validation/mmc.yaml
      replications: \(replications)
      design:
        grid:
          horizon.contractYears: [\(years)]
          horizon.warmupYears: [0]
          careTypes.Q.capacity: [\(capacities)]
      """) { root.appendingPathComponent($0).path }
  } catch {
    fatalError("\(error)")
  }
}

func temporaryStore() -> String {
  FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID().uuidString).sqlite").path
}

func removeStore(_ path: String) {
  for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
}

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
    maxDuration: .seconds(10),
    maxIterations: 20
  )

  // Store overhead: the same 400 units of a small scenario, simulated only, and simulated and
  // stored in transactions of 256 units as `lumpsim sweep` does.
  let sweep = smallSweep(points: 4, replications: 100)
  let units = Array(0..<sweep.units)
  Benchmark("Sweep of 400 small units, simulated only") { benchmark in
    for _ in benchmark.scaledIterations {
      SweepRunner.run(sweep, units: units, threads: 1) { _, _, _, result in
        blackHole(result.events)
        return true
      }
    }
  }
  Benchmark("Sweep of 400 small units, simulated and stored") { benchmark in
    for _ in benchmark.scaledIterations {
      let path = temporaryStore()
      let store = try! SweepStore.openForRun(path, sweep: sweep, shard: .all)
      var pending = 0
      SweepRunner.run(sweep, units: units, threads: 1) { unit, point, replication, result in
        if pending == 0 { try! store.begin() }
        try! store.record(unit: unit, point: point, replication: replication, result: result)
        pending += 1
        if pending == 256 { try! store.commit(); pending = 0 }
        return true
      }
      try! store.commit()
      benchmark.stopMeasurement()
      removeStore(path)
    }
  }

  // Write speed: 600,000 year rows (100,000 units of a 6-year replication), one result reused.
  let sixYears = smallSweep(points: 1, replications: 100_000, years: 6)
  let result = Replication.run(try! sixYears.scenario(point: 0), seed: 1, replication: 0)
  Benchmark("Store 600,000 year rows (100,000 units × 6 years)", configuration: .init(maxIterations: 3)) { benchmark in
    for _ in benchmark.scaledIterations {
      let path = temporaryStore()
      let store = try! SweepStore.openForRun(path, sweep: sixYears, shard: .all)
      for unit in 0..<sixYears.units {
        if unit % 256 == 0 { try! store.begin() }
        try! store.record(unit: unit, point: 0, replication: unit, result: result)
        if unit % 256 == 255 { try! store.commit() }
      }
      try! store.commit()
      benchmark.stopMeasurement()
      removeStore(path)
    }
  }
}
