/// A choice among a fixed number of outcomes with given probabilities, by inverse CDF on a GSL uniform.
///
/// Used for routing a referral to its first care type and for the step-up / step-down matrix.
/// Lists are short (under ten outcomes), so a linear scan beats an alias table here.
public struct Categorical: Sendable, Equatable {
  /// Cumulative probabilities; the last is exactly 1.
  public let cumulative: [Double]
  /// The outcome when only one has a positive probability, else -1: a draw that cannot change
  /// anything need not be made.
  public let certainOutcome: Int

  /// Creates the law from probabilities that sum to 1 (they are normalised to remove rounding).
  public init(probabilities: [Double]) {
    precondition(!probabilities.isEmpty, "a categorical law needs at least one outcome")
    let total = probabilities.reduce(0, +)
    precondition(total > 0, "probabilities must not all be zero")
    var running = 0.0
    var cumulative = probabilities.map { p -> Double in
      running += p / total
      return running
    }
    cumulative[cumulative.count - 1] = 1
    self.cumulative = cumulative
    let possible = probabilities.indices.filter { probabilities[$0] > 0 }
    certainOutcome = possible.count == 1 ? possible[0] : -1
  }

  /// The number of outcomes.
  public var count: Int { cumulative.count }

  /// The probability of outcome `i`.
  public func probability(_ i: Int) -> Double {
    i == 0 ? cumulative[0] : cumulative[i] - cumulative[i - 1]
  }

  /// The outcome that uniform number `u` in [0, 1) selects.
  @inlinable
  public func outcome(_ u: Double) -> Int {
    var i = 0
    let last = cumulative.count - 1
    while i < last && u >= cumulative[i] { i += 1 }
    return i
  }

  /// One draw.
  @inlinable
  public func sample<Source: RandomSource & ~Copyable>(_ stream: borrowing Source) -> Int {
    outcome(stream.uniform())
  }

  /// Mean of the outcome index.
  public var mean: Double {
    (0..<count).reduce(0.0) { $0 + Double($1) * probability($1) }
  }

  /// Variance of the outcome index.
  public var variance: Double {
    let m = mean
    return (0..<count).reduce(0.0) { $0 + (Double($1) - m) * (Double($1) - m) * probability($1) }
  }
}
