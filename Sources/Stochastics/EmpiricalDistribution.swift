/// A distribution given by points of its cumulative distribution function, linear in between.
///
/// `values` rise strictly (or stay equal for an atom) and `cumulative` rises from 0 to 1, so the
/// density is constant on each segment. This is how an analyst enters "40% end within 3 months,
/// 75% within a year, all within 4 years" straight from a CBS table.
public struct EmpiricalDistribution: Sendable, Equatable {
  /// The support points x₀ ≤ x₁ ≤ … ≤ xₙ.
  public let values: [Double]
  /// F(xᵢ): starts at 0, ends at 1, never falls.
  public let cumulative: [Double]

  /// Why a list of points does not describe a distribution.
  public enum Problem: Error, Equatable, CustomStringConvertible {
    case tooFewPoints(Int)
    case lengthMismatch(values: Int, cumulative: Int)
    case valuesNotIncreasing(index: Int)
    case cumulativeNotIncreasing(index: Int)
    case cumulativeMustStartAtZero(Double)
    case cumulativeMustEndAtOne(Double)
    case notFinite(index: Int)

    public var description: String {
      switch self {
      case .tooFewPoints(let n): return "needs at least 2 points, got \(n)"
      case .lengthMismatch(let v, let c): return "values (\(v)) and cumulative (\(c)) must have the same length"
      case .valuesNotIncreasing(let i): return "values must not decrease (at index \(i))"
      case .cumulativeNotIncreasing(let i): return "cumulative probabilities must not decrease (at index \(i))"
      case .cumulativeMustStartAtZero(let c): return "cumulative must start at 0, got \(c)"
      case .cumulativeMustEndAtOne(let c): return "cumulative must end at 1, got \(c)"
      case .notFinite(let i): return "point \(i) is not a finite number"
      }
    }
  }

  /// Creates the distribution, checking that the points describe one.
  public init(values: [Double], cumulative: [Double]) throws(Problem) {
    guard values.count == cumulative.count else {
      throw .lengthMismatch(values: values.count, cumulative: cumulative.count)
    }
    guard values.count >= 2 else { throw .tooFewPoints(values.count) }
    for i in values.indices where !values[i].isFinite || !cumulative[i].isFinite {
      throw .notFinite(index: i)
    }
    for i in 1..<values.count {
      if values[i] < values[i - 1] { throw .valuesNotIncreasing(index: i) }
      if cumulative[i] < cumulative[i - 1] { throw .cumulativeNotIncreasing(index: i) }
    }
    guard abs(cumulative[0]) <= 1e-9 else { throw .cumulativeMustStartAtZero(cumulative[0]) }
    guard abs(cumulative[cumulative.count - 1] - 1) <= 1e-9 else {
      throw .cumulativeMustEndAtOne(cumulative[cumulative.count - 1])
    }
    self.values = values
    self.cumulative = cumulative
  }

  /// E[X]: each segment contributes its probability times its midpoint.
  public var mean: Double {
    var sum = 0.0
    for i in 1..<values.count {
      let p = cumulative[i] - cumulative[i - 1]
      sum += p * (values[i - 1] + values[i]) / 2
    }
    return sum
  }

  /// E[X²] − E[X]²; a uniform segment [a, b] has E[X²] = (a² + ab + b²)/3.
  public var variance: Double {
    var second = 0.0
    for i in 1..<values.count {
      let p = cumulative[i] - cumulative[i - 1]
      let a = values[i - 1], b = values[i]
      second += p * (a * a + a * b + b * b) / 3
    }
    let m = mean
    return max(0, second - m * m)
  }

  /// The inverse CDF at `u` in [0, 1).
  @inlinable
  public func quantile(_ u: Double) -> Double {
    var i = 1
    let last = values.count - 1
    while i < last && cumulative[i] <= u { i += 1 }
    let lower = cumulative[i - 1], upper = cumulative[i]
    let width = upper - lower
    if width <= 0 { return values[i] }
    return values[i - 1] + (u - lower) / width * (values[i] - values[i - 1])
  }

  /// A draw from the length-biased law (density ∝ x·f(x)), used for residual lives.
  ///
  /// A segment is chosen with weight p·(a+b)/2; inside it the density ∝ x inverts to
  /// x = √(a² + u(b² − a²)).
  @inlinable
  public func lengthBiasedSample(_ u1: Double, _ u2: Double) -> Double {
    let m = mean
    if m <= 0 { return 0 }
    var target = u1 * m
    var i = 1
    let last = values.count - 1
    while i < last {
      let w = (cumulative[i] - cumulative[i - 1]) * (values[i - 1] + values[i]) / 2
      if target < w { break }
      target -= w
      i += 1
    }
    let a = values[i - 1], b = values[i]
    return (a * a + u2 * (b * b - a * a)).squareRoot()
  }

  /// The same distribution with every value multiplied by `factor` (a change of time unit).
  public func scaled(by factor: Double) -> EmpiricalDistribution {
    // Scaling preserves every property the initialiser checks.
    try! EmpiricalDistribution(values: values.map { $0 * factor }, cumulative: cumulative)
  }
}
