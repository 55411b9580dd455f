import YouthCare

/// What a batch reports for one figure: the mean with its 95% interval, and five quantiles.
public struct FigureStatistics: Sendable, Equatable {
  public var mean: Double
  public var ci95Low: Double
  public var ci95High: Double
  public var p05: Double
  public var p25: Double
  public var p50: Double
  public var p75: Double
  public var p95: Double

  /// From the running moments (mean, interval) and sorted sample values (quantiles).
  init(moments: RunningMoments, sortedSample: [Double]) {
    let half = moments.halfWidth()
    mean = moments.mean
    ci95Low = moments.mean - half
    ci95High = moments.mean + half
    p05 = Statistics.quantile(sorted: sortedSample, 0.05)
    p25 = Statistics.quantile(sorted: sortedSample, 0.25)
    p50 = Statistics.quantile(sorted: sortedSample, 0.5)
    p75 = Statistics.quantile(sorted: sortedSample, 0.75)
    p95 = Statistics.quantile(sorted: sortedSample, 0.95)
  }

  /// From all the values at once (exact quantiles).
  public init(values: [Double]) {
    var moments = RunningMoments()
    for x in values { moments.add(x) }
    self.init(moments: moments, sortedSample: values.sorted())
  }
}
