import SimKernel
import YouthCare

/// Runs a sweep's units on several threads, handing them over in unit order.
///
/// Unit u is replication u mod R of point u div R, run with the sweep's master seed, so
/// replication i of every point draws the same streams (common random numbers) and a unit's
/// result depends on the unit alone: not on the thread, the shard or what ran before it.
public enum SweepRunner {
  /// A unit the watchdog cut short: where in the sweep, and what the watchdog saw.
  public struct UnitRunaway: Error, Sendable {
    public var unit: Int
    public var point: Int
    public var replication: Int
    public var runaway: Runaway
  }

  /// Runs `units` (ascending) and passes each result to `consume` with its point and replication;
  /// `consume` returns false to stop. Returns the number of units consumed. A unit the watchdog
  /// cut short holds partial figures: it never reaches `consume`, and the run stops with its
  /// `UnitRunaway` (the units consumed before it are complete).
  @discardableResult
  public static func run(
    _ sweep: Sweep, units: [Int], threads: Int, stop: StopFlag = StopFlag(),
    consume: (_ unit: Int, _ point: Int, _ replication: Int, ReplicationResult) -> Bool
  ) throws(UnitRunaway) -> Int {
    let replications = sweep.replications, seed = sweep.seed, scenarios = sweep.scenarios
    return try ParallelReplications.run(count: units.count, threads: threads, stop: stop, work: { i in
      let unit = units[i]
      return Replication.run(scenarios[unit / replications], seed: seed, replication: unit % replications)
    }, cutShort: { i, result in
      let unit = units[i]
      return result.runaway.map { UnitRunaway(unit: unit, point: unit / replications, replication: unit % replications, runaway: $0) }
    }, consume: { i, result in
      let unit = units[i]
      return consume(unit, unit / replications, unit % replications, result)
    })
  }
}
