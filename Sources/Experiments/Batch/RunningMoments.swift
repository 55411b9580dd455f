import Stochastics

/// Mean and variance of a stream of numbers in one pass (Welford), for confidence intervals.
public struct RunningMoments: Sendable, Equatable {
  public private(set) var count = 0
  public private(set) var mean = 0.0
  private var squares = 0.0

  public init() {}

  /// Adds one observation.
  public mutating func add(_ x: Double) {
    count += 1
    let delta = x - mean
    mean += delta / Double(count)
    squares += delta * (x - mean)
  }

  /// The sample variance (n − 1 in the denominator); 0 with fewer than two observations.
  public var variance: Double { count > 1 ? squares / Double(count - 1) : 0 }

  /// Half the width of the Student-t confidence interval of the mean; 0 with fewer than two.
  public func halfWidth(level: Double = 0.95) -> Double {
    guard count > 1 else { return 0 }
    let t = ReferenceQuantiles.studentT(1 - (1 - level) / 2, degreesOfFreedom: count - 1)
    return t * (variance / Double(count)).squareRoot()
  }
}

/// A proportion with its 95% Wilson score interval (sound near 0 and 1, unlike the normal one).
public struct Proportion: Sendable, Equatable {
  public var successes: Int
  public var trials: Int

  public init(successes: Int, trials: Int) {
    self.successes = successes
    self.trials = trials
  }

  public var estimate: Double { trials > 0 ? Double(successes) / Double(trials) : 0 }

  /// The Wilson score interval at the given level.
  public func interval(level: Double = 0.95) -> (low: Double, high: Double) {
    guard trials > 0 else { return (0, 1) }
    let z = ReferenceQuantiles.standardNormal(1 - (1 - level) / 2)
    let n = Double(trials), p = estimate
    let center = (p + z * z / (2 * n)) / (1 + z * z / n)
    let half = z / (1 + z * z / n) * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot()
    return (max(0, center - half), min(1, center + half))
  }

  /// Half the interval's width.
  public func halfWidth(level: Double = 0.95) -> Double {
    let i = interval(level: level)
    return (i.high - i.low) / 2
  }
}
