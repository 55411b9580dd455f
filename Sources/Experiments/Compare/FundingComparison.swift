import SimKernel
import YouthCare

/// A paired difference between two funding models: the mean of (model − reference) over the same
/// replications, with its 95% interval.
public struct PairedDifference: Sendable, Equatable {
  public var mean: Double
  public var ci95Low: Double
  public var ci95High: Double
}

/// Funding models compared on the same children: replication i runs under every model.
public struct FundingComparison: Sendable {
  /// The models, the first being the reference for the differences.
  public var models: [Funding.Model]
  /// Each model's batch statistics.
  public var batches: [BatchResult]
  /// For each model after the first: the paired difference from the reference, per figure
  /// (layout order).
  public var differences: [[PairedDifference]]

  /// The scenario with `model` as its funding model.
  public static func scenario(_ scenario: Scenario, under model: Funding.Model) -> Scenario {
    var copy = scenario
    copy.funding.model = model
    return copy
  }

  /// Runs replications 0..<count under every model and compares them; nil when stopped from
  /// outside. A replication the watchdog cut short under any model stops the comparison: its
  /// `Runaway` is thrown and no partial figure enters a statistic.
  public static func run(
    _ scenario: Scenario, models: [Funding.Model], seed: UInt64, count: Int, threads: Int,
    sampleCapacity: Int = 2_000, stop: StopFlag = StopFlag(), progress: (Int) -> Void = { _ in }
  ) throws(Runaway) -> FundingComparison? {
    precondition(!models.isEmpty, "compare needs at least one model")
    let variants = models.map { Self.scenario(scenario, under: $0) }
    var accumulator = ComparisonAccumulator(variants: variants, seed: seed, sampleCapacity: sampleCapacity)
    let done = try ParallelReplications.run(count: count, threads: threads, stop: stop, work: { index in
      variants.map { Replication.run($0, seed: seed, replication: index) }
    }, cutShort: { _, results in results.lazy.compactMap(\.runaway).first }, consume: { _, results in
      accumulator.add(results)
      progress(accumulator.count)
      return true
    })
    guard done == count, !stop.isStopped else { return nil }
    return accumulator.result()
  }
}

/// Folds replications run under several models, in index order.
struct ComparisonAccumulator {
  let models: [Funding.Model]
  var batches: [BatchAccumulator]
  var differences: [[RunningMoments]]

  init(variants: [Scenario], seed: UInt64, sampleCapacity: Int) {
    models = variants.map(\.funding.model)
    batches = variants.map { BatchAccumulator(scenario: $0, seed: seed, sampleCapacity: sampleCapacity) }
    let figures = batches[0].layout.count
    differences = Array(repeating: Array(repeating: RunningMoments(), count: figures), count: max(0, variants.count - 1))
  }

  var count: Int { batches[0].count }

  mutating func add(_ results: [ReplicationResult]) {
    for (m, result) in results.enumerated() { batches[m].add(result) }
    let layout = batches[0].layout
    let reference = layout.figures(of: results[0])
    for m in 1..<results.count {
      let figures = layout.figures(of: results[m])
      for i in figures.indices { differences[m - 1][i].add(figures[i] - reference[i]) }
    }
  }

  func result() -> FundingComparison {
    FundingComparison(
      models: models, batches: batches.map { $0.result() },
      differences: differences.map { row in
        row.map { moments in
          let half = moments.halfWidth()
          return PairedDifference(mean: moments.mean, ci95Low: moments.mean - half, ci95High: moments.mean + half)
        }
      })
  }
}
