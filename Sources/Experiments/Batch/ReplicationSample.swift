import Stochastics

/// A uniform sample of at most `capacity` replications, kept for quantiles (Algorithm R).
///
/// Quantiles are exact while a batch has no more replications than the capacity; beyond it they
/// come from a uniform random sample of that many replications, so memory stays fixed however many
/// replications run. Replications arrive in index order and the sampling stream has its own seed,
/// so the sample, and every quantile, depends on (seed, replications) only, never on threads.
/// Whole replications are sampled, so quantiles of different figures come from the same children.
struct ReplicationSample {
  let capacity: Int
  private(set) var figures: [[Double]] = []
  private(set) var series: [[Float]] = []
  private(set) var seen = 0
  private let stream: RandomStream

  init(capacity: Int, seed: UInt64) {
    self.capacity = capacity
    // Substream 15 of replication 0: a seed no model stream of any replication uses.
    stream = RandomStream(kind: .taus2, seed: SeedDerivation.seed(master: seed, replication: 0, substream: .quantileSample))
  }

  mutating func add(figures f: [Double], series s: [Float]) {
    defer { seen += 1 }
    if figures.count < capacity {
      figures.append(f)
      series.append(s)
      return
    }
    let j = stream.uniformInt(below: seen + 1)
    if j < capacity {
      figures[j] = f
      series[j] = s
    }
  }

  /// Sorted sample values of figure `i`.
  func sortedFigure(_ i: Int) -> [Double] { figures.map { $0[i] }.sorted() }

  /// Sorted sample values of series entry `i`.
  func sortedSeries(_ i: Int) -> [Double] { series.map { Double($0[i]) }.sorted() }

  /// Whether quantiles are exact (every replication kept).
  var isExact: Bool { seen <= capacity }
}
