import Foundation
import Stochastics

/// Referrals from all sources as one non-homogeneous Poisson process, exact on monthly pieces.
///
/// Each month of each simulated year has a constant total rate: population × rate per 1,000 ×
/// seasonal factor × trend × that year's gamma over-dispersion multiplier, summed over sources.
/// The next arrival inverts the integrated rate with one exponential draw; the source is then
/// chosen in proportion to the sources' rates in that month.
struct ReferralProcess {
  /// Referrals per day in each simulated month.
  private(set) var ratePerDay: ContiguousArray<Double>
  /// Cumulative source shares per month, `sources` entries per month.
  private var sourceCumulative: ContiguousArray<Double>
  let sources: Int
  private var month = 0
  private var time = 0.0
  /// When the current month ends: kept, not recomputed per referral (a division, a remainder and
  /// a table lookup each time).
  private var monthEnd = DayCalendar.startOfMonth(1)

  /// Builds the rate table, drawing each source's yearly multipliers from `overdispersion`.
  init(scenario: Scenario, overdispersion: RandomStream) {
    let years = scenario.horizon.simulatedYears
    let warmup = scenario.horizon.warmupYears
    sources = scenario.referralSources.count
    ratePerDay = ContiguousArray(repeating: 0, count: years * 12)
    sourceCumulative = ContiguousArray(repeating: 0, count: years * 12 * max(sources, 1))
    // Yearly multipliers, drawn for every year up front so the stream's use never depends on events.
    var multipliers = [[Double]](repeating: [], count: sources)
    for (s, source) in scenario.referralSources.enumerated() {
      multipliers[s] = (0..<years).map { _ in
        let cv = source.overdispersionCV
        // A cv so small that 1/cv² overflows (below about 1e-154) is a cv of 0 in double
        // precision: its multiplier is 1. Drawn as a gamma it was NaN, and no child was referred.
        let shape = 1 / (cv * cv)
        return cv > 0 && shape.isFinite ? overdispersion.gamma(shape: shape, scale: cv * cv) : 1
      }
    }
    for year in 0..<years {
      // Contract year index: warm-up years use the level of contract year 1.
      let t = Double(max(0, year - warmup))
      let youths = scenario.population.youths * pow(1 + scenario.population.growthPerYear, t)
      for m in 0..<12 {
        let piece = year * 12 + m
        var total = 0.0
        for (s, source) in scenario.referralSources.enumerated() {
          // Weighting by month length keeps the yearly expectation exactly ratePer1000 when the
          // factors average 1 over months of unequal length.
          let seasonal = source.seasonality[m] / Self.dayWeightedMean(source.seasonality)
          let perYear = youths / 1000 * source.ratePer1000 * pow(1 + source.trendPerYear, t)
          total += perYear * seasonal * multipliers[s][year] / DayCalendar.daysPerYear
          sourceCumulative[piece * sources + s] = total
        }
        ratePerDay[piece] = total
        if total > 0 {
          for s in 0..<sources { sourceCumulative[piece * sources + s] /= total }
        }
      }
    }
  }

  static func dayWeightedMean(_ factors: [Double]) -> Double {
    var sum = 0.0
    for m in 0..<12 { sum += factors[m] * DayCalendar.monthLengths[m] }
    let mean = sum / DayCalendar.daysPerYear
    return mean > 0 ? mean : 1
  }

  /// The expected number of referrals in simulated year `year` (0-based), given the drawn multipliers.
  func expectedReferrals(inYear year: Int) -> Double {
    (0..<12).reduce(0.0) { $0 + ratePerDay[year * 12 + $1] * DayCalendar.monthLengths[$1] }
  }

  /// Advances to the next referral after the previous one; nil when none falls before the horizon.
  mutating func next(_ stream: RandomStream) -> Double? {
    var need = stream.exponential(mean: 1)
    while month < ratePerDay.count {
      let rate = ratePerDay[month]
      let available = rate * (monthEnd - time)
      if need < available {
        time += need / rate
        return time
      }
      need -= available
      time = monthEnd
      month += 1
      monthEnd = DayCalendar.startOfMonth(month + 1)
    }
    return nil
  }

  /// The source of a referral in the current month, from one uniform draw.
  func source(_ u: Double) -> Int {
    let base = month * sources
    var s = 0
    while s < sources - 1 && u >= sourceCumulative[base + s] { s += 1 }
    return s
  }
}
