import Benchmark
import Experiments
import SimKernel
import Stochastics

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    // No peak-memory metric: package-benchmark samples it from a thread of its own whose
    // allocations land in the malloc count, more the longer a run takes (a hold run counted
    // 56–83 mallocs with it, 16–18 without). The checked count must be the code's alone.
    metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal],
    maxDuration: .seconds(5),
    maxIterations: 50,
    // The threshold check in CI (scripts/check-benchmarks) compares mallocs per run; a few come
    // and go with the runtime's first-use allocations, an allocation per event would add thousands.
    thresholds: [.mallocCountTotal: .init(absolute: [.p90: 10])]
  )

  // λ = 9, μ = 1, c = 10, 200,000 customers: 400,000 events per iteration.
  // Throughput is in iterations per second; events/s = throughput × 400,000 (docs/performance.md).
  Benchmark("MMc_lambda9_mu1_c10_200000_customers") { benchmark in
    for iteration in benchmark.scaledIterations {
      // A fresh seed per iteration so the branch predictor cannot learn one sequence.
      var model = KernelQueue(lambda: 9, mu: 1, servers: 10, customers: 200_000, seed: UInt64(iteration + 1))
      benchmark.startMeasurement()
      let events = model.run(until: .infinity)
      benchmark.stopMeasurement()
      blackHole(events)
      blackHole(model.totalWait)
    }
  }

  // The DES "hold" step at a steady 10,000 pending events: remove the next, schedule one later.
  Benchmark("EventCalendar_hold_at_10000_pending_1M_operations") { benchmark in
    let stream = RandomStream(kind: .taus2, seed: 17)
    var calendar = EventCalendar<Int32>(capacity: 10_000)
    for i in 0..<10_000 { calendar.schedule(Int32(i), at: stream.exponential(mean: 1000), class: EventClass(rank: 0)) }
    let delays = (0..<1_000_000).map { _ in stream.exponential(mean: 1000) }
    benchmark.startMeasurement()
    for delay in delays {
      let next = calendar.removeNext()!
      calendar.schedule(next.payload, at: next.time + delay, class: EventClass(rank: 0))
    }
    benchmark.stopMeasurement()
    blackHole(calendar.count)
  }
}
