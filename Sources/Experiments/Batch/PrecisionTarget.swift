/// A sequential-stopping target: run until a confidence interval is this narrow.
public struct PrecisionTarget: Sendable, Equatable {
  /// The metrics one can ask for, and what each measures.
  public enum Metric: String, CaseIterable, Sendable {
    /// Largest 95% half-width of P(overspend) over the contract years.
    case overspendProbability
    /// 95% half-width of P(at least one overspent year).
    case anyOverspendProbability
    /// Largest 95% half-width of the mean spend over the years, in euros.
    case spend
    /// 95% half-width of the mean total contract result, in euros.
    case totalResult
    /// Largest 95% half-width of the mean wait over the care types, in days.
    case meanWaitDays
  }

  public var metric: Metric
  public var halfWidth: Double

  public init(metric: Metric, halfWidth: Double) {
    self.metric = metric
    self.halfWidth = halfWidth
  }

  /// Reads `METRIC=HALFWIDTH` (a positive, finite half-width); nil if it is not one.
  public init?(parsing argument: String) {
    let parts = argument.split(separator: "=", maxSplits: 1)
    guard parts.count == 2, let metric = Metric(rawValue: String(parts[0])), let h = Double(parts[1]), h > 0,
      h.isFinite
    else { return nil }
    self.metric = metric
    self.halfWidth = h
  }

  /// The half-width the metric has now.
  public func achieved(_ accumulator: BatchAccumulator) -> Double {
    let layout = accumulator.layout
    switch metric {
    case .overspendProbability:
      return accumulator.risks.map { $0.overspend.halfWidth() }.max() ?? .infinity
    case .anyOverspendProbability:
      return accumulator.anyOverspend.halfWidth()
    case .spend:
      return layout.years.indices.map { accumulator.moments(of: layout.year($0, .spend)).halfWidth() }.max() ?? .infinity
    case .totalResult:
      return accumulator.moments(of: layout.contract(.totalResult)).halfWidth()
    case .meanWaitDays:
      return layout.careTypeIDs.indices.map { accumulator.moments(of: layout.careType($0, .meanWaitDays)).halfWidth() }
        .max() ?? .infinity
    }
  }
}
