import Foundation

/// A linear map from data values to SVG coordinates, with "nice" tick values (1, 2, 2.5 or 5 × a
/// power of ten) that cover the data.
public struct LinearScale: Sendable, Equatable {
  /// The data interval, widened to whole ticks.
  public let domain: ClosedRange<Double>
  /// The drawing interval (may run downwards: y grows down in SVG).
  public let low: Double
  public let high: Double
  /// The tick values, from the domain's lower end to its upper end.
  public let ticks: [Double]

  /// A scale for data in `data`, mapped onto `low…high`, with about `tickCount` ticks; with
  /// `includeZero` the domain reaches down (or up) to 0; with `exact` the domain is the data's
  /// (for axes whose ticks the caller places, such as months).
  public init(data: ClosedRange<Double>, low: Double, high: Double, tickCount: Int = 5, includeZero: Bool = false,
              exact: Bool = false) {
    var lower = data.lowerBound, upper = data.upperBound
    if includeZero { lower = min(lower, 0); upper = max(upper, 0) }
    if upper - lower < 1e-12 * max(1, abs(upper)) {
      // A flat series still needs a visible axis.
      let pad = max(abs(upper) * 0.1, 1)
      lower -= pad
      upper += pad
    }
    let step = LinearScale.niceStep((upper - lower) / Double(max(1, tickCount)))
    let first = (lower / step).rounded(.down) * step
    let last = (upper / step).rounded(.up) * step
    var ticks: [Double] = []
    var value = first
    while value <= last + step * 1e-9 {
      let tick = abs(value) < step * 1e-9 ? 0 : value
      if !exact || (tick >= lower - step * 1e-9 && tick <= upper + step * 1e-9) { ticks.append(tick) }
      value += step
    }
    self.domain = exact ? lower...upper : first...last
    self.low = low
    self.high = high
    self.ticks = ticks
  }

  /// The smallest of 1, 2, 2.5, 5, 10 × 10ᵏ at least `raw`.
  public static func niceStep(_ raw: Double) -> Double {
    guard raw > 0, raw.isFinite else { return 1 }
    let magnitude = pow(10, (log10(raw)).rounded(.down))
    for factor in [1.0, 2, 2.5, 5, 10] where factor * magnitude >= raw * (1 - 1e-12) { return factor * magnitude }
    return 10 * magnitude
  }

  /// The coordinate of `value`.
  public func callAsFunction(_ value: Double) -> Double {
    let span = domain.upperBound - domain.lowerBound
    return low + (value - domain.lowerBound) / span * (high - low)
  }
}
