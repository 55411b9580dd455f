/// Every substream a replication draws from, in one place so no two uses share one.
///
/// The raw values are part of reproducibility: a seed's outputs depend on them, so a value never
/// changes and a new stream takes an unused one below `SeedDerivation.substreamsPerReplication`.
public enum Substream: Int, CaseIterable, Sendable {
  /// The referral process's arrivals (a Poisson process per source).
  case demand = 0
  /// The referral process's year-to-year overdispersion of rates.
  case overdispersion = 1
  /// The key of every child's own counter stream (durations, routing, patience, …).
  case children = 2
  /// Which replications a batch keeps for its quantiles (a batch-level draw, the same stream for
  /// every replication count and thread count).
  case quantileSample = 15
}
