import Foundation
import SimKernel
import YouthCare

/// Timings of the engine for `lumpsim bench`: one replication, batches over thread counts, and how
/// the cost grows with the horizon and the population. Wall times are measured here and printed;
/// they are never asserted in tests.
public enum EngineBench {
  /// One configuration's timing.
  public struct Timing: Sendable {
    public var label: String
    public var events: Int
    /// Median wall time of one replication, in milliseconds.
    public var msPerReplication: Double
    public var eventsPerSecond: Double { Double(events) / (msPerReplication / 1000) }
  }

  /// A batch's throughput on a number of threads.
  public struct Throughput: Sendable {
    public var threads: Int
    public var replicationsPerSecond: Double
    public var speedUp: Double
  }

  static func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
  }

  /// One timed replication.
  public struct ReplicationTiming: Sendable {
    public var replication: Int
    public var events: Int
    public var milliseconds: Double
  }

  /// Replications 0…runs−1 of `scenario`, one after another on this thread, each timed; a
  /// replication the watchdog cut short is no timing of the scenario and throws its `Runaway`.
  public static func replications(_ scenario: Scenario, seed: UInt64, runs: Int) throws(Runaway) -> [ReplicationTiming] {
    let clock = ContinuousClock()
    var timings: [ReplicationTiming] = []
    for r in 0..<max(1, runs) {
      let started = clock.now
      let result = Replication.run(scenario, seed: seed, replication: r)
      let milliseconds = seconds(clock.now - started) * 1000
      if let runaway = result.runaway { throw runaway }
      timings.append(ReplicationTiming(replication: r, events: result.events, milliseconds: milliseconds))
    }
    return timings
  }

  /// The median time of `runs` replications (replication indices 0…runs−1, one thread).
  public static func time(_ scenario: Scenario, label: String, seed: UInt64, runs: Int) throws(Runaway) -> Timing {
    let timings = try replications(scenario, seed: seed, runs: runs)
    let times = timings.map(\.milliseconds).sorted()
    return Timing(label: label, events: timings.last!.events, msPerReplication: times[times.count / 2])
  }

  /// Replications per second of a batch of `count` on 1…`maxThreads` threads.
  public static func throughput(
    _ scenario: Scenario, seed: UInt64, count: Int, maxThreads: Int
  ) throws(Runaway) -> [Throughput] {
    var out: [Throughput] = []
    let clock = ContinuousClock()
    for threads in 1...max(1, maxThreads) {
      let started = clock.now
      try ParallelReplications.run(scenario, seed: seed, count: count, threads: threads) { _, _ in true }
      let rate = Double(count) / seconds(clock.now - started)
      out.append(Throughput(threads: threads, replicationsPerSecond: rate, speedUp: rate / (out.first?.replicationsPerSecond ?? rate)))
    }
    return out
  }

  /// One run of the M/M/c on the kernel alone.
  public struct KernelRun: Sendable {
    public var seed: UInt64
    public var events: Int
    public var milliseconds: Double
    public var meanWait: Double
    public var eventsPerSecond: Double { Double(events) / (milliseconds / 1000) }
  }

  /// Runs `KernelQueue` (λ = 9, μ = 1, c = 10, `customers` customers, the compare-peers model)
  /// with seeds `seed`, `seed + 1`, …, timing each run.
  public static func kernel(runs: Int, seed: UInt64, customers: Int = 200_000) -> [KernelRun] {
    let clock = ContinuousClock()
    return (0..<max(1, runs)).map { r in
      let runSeed = seed &+ UInt64(r)
      var queue = KernelQueue(lambda: 9, mu: 1, servers: 10, customers: customers, seed: runSeed)
      let started = clock.now
      let events = queue.run(until: .infinity)
      let elapsed = seconds(clock.now - started) * 1000
      return KernelRun(seed: runSeed, events: events, milliseconds: elapsed, meanWait: queue.meanWait)
    }
  }

  /// The scenario over `factor` × its contract years.
  public static func longer(_ scenario: Scenario, by factor: Int) -> Scenario {
    var s = scenario
    s.horizon.contractYears *= factor
    return s
  }

  /// The scenario with `factor` × its youths, places and warm start (so the system stays as full).
  public static func larger(_ scenario: Scenario, by factor: Int) -> Scenario {
    var s = scenario
    s.population.youths *= Double(factor)
    for k in s.careTypes.indices {
      s.careTypes[k].capacity *= factor
      if var policy = s.careTypes[k].capacityPolicy {
        policy.minimum *= factor
        policy.maximum *= factor
        s.careTypes[k].capacityPolicy = policy
      }
    }
    for i in s.initialStock.indices {
      s.initialStock[i].inCare *= factor
      s.initialStock[i].waiting *= factor
    }
    for c in s.contracts.indices { s.contracts[c].lumpsum.base *= Double(factor) }
    return s
  }
}
