import Stochastics

/// A mean with a Student-t confidence interval, from independent observations (one per replication).
public struct ConfidenceInterval: Sendable, Equatable, Codable {
  /// The sample mean.
  public var mean: Double
  /// Half the interval's width.
  public var halfWidth: Double
  /// The confidence level (0.95 for a 95% interval).
  public var level: Double
  /// Observations used.
  public var count: Int

  /// Lower end.
  public var low: Double { mean - halfWidth }
  /// Upper end.
  public var high: Double { mean + halfWidth }

  /// Whether `value` lies in the interval.
  public func covers(_ value: Double) -> Bool { abs(value - mean) <= halfWidth }

  /// The interval of the mean of `values` at confidence `level` (needs at least two values).
  public init(_ values: [Double], level: Double = 0.95) {
    precondition(values.count >= 2, "a confidence interval needs at least two observations")
    let n = Double(values.count)
    let mean = values.reduce(0, +) / n
    let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
    let t = ReferenceQuantiles.studentT(1 - (1 - level) / 2, degreesOfFreedom: values.count - 1)
    self.mean = mean
    self.halfWidth = t * (variance / n).squareRoot()
    self.level = level
    self.count = values.count
  }
}
