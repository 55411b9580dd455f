import YouthCare

/// The budget questions for one contract year, counted over replications.
public struct YearRisk: Sendable, Equatable {
  /// Calendar year.
  public var year: Int
  /// Replications whose spend exceeded the budget.
  public var overspend: Proportion
  /// For each month: replications whose budget was exhausted by that month's end.
  public var exhaustedByEndOfMonth: [Proportion]
  /// Share of replications exhausted in each month (January … December), then never.
  public var exhaustionMonth: [Double]
  /// Mean overspend in the replications that overspent (euros); nil when none did.
  public var expectedShortfall: Double?
}

/// The budget questions for one of several contracts.
public struct ContractRisk: Sendable, Equatable {
  public var id: String
  public var name: String
  /// Per contract year.
  public var years: [YearRisk]
  /// Replications in which this contract overspent in at least one year.
  public var anyOverspend: Proportion
}

/// Counts budget outcomes per contract year as replications arrive.
struct BudgetRiskCounter {
  private(set) var trials = 0
  private var overspent: [Int]
  private var exhaustedBy: [[Int]]
  private var shortfall: [Double]
  private(set) var anyOverspent = 0
  let years: [Int]

  init(years: [Int]) {
    self.years = years
    overspent = Array(repeating: 0, count: years.count)
    exhaustedBy = Array(repeating: Array(repeating: 0, count: 12), count: years.count)
    shortfall = Array(repeating: 0, count: years.count)
  }

  /// The month (0–11) in which a 1-based day of the year falls.
  static func month(ofDay day: Int) -> Int {
    let zeroBased = Double(day - 1)
    return (0..<12).last { DayCalendar.monthStarts[$0] <= zeroBased } ?? 0
  }

  /// Adds one replication's region-wide years (any contract overspent, first exhaustion).
  mutating func add(_ result: ReplicationResult) {
    add(result.years.map { ($0.overspent, $0.overspend, $0.exhaustionDay) })
  }

  /// Adds one replication's years of contract `c`.
  mutating func add(_ result: ReplicationResult, contract c: Int) {
    add(result.years.map { ($0.contracts[c].overspent, $0.contracts[c].overspend, $0.contracts[c].exhaustionDay) })
  }

  private mutating func add(_ years: [(overspent: Bool, overspend: Double, exhaustionDay: Int?)]) {
    trials += 1
    var any = false
    for (y, year) in years.enumerated() {
      if year.overspent {
        overspent[y] += 1
        shortfall[y] += year.overspend
        any = true
      }
      if let day = year.exhaustionDay {
        for m in Self.month(ofDay: day)..<12 { exhaustedBy[y][m] += 1 }
      }
    }
    if any { anyOverspent += 1 }
  }

  /// Replications with at least one overspent year.
  var anyOverspend: Proportion { Proportion(successes: anyOverspent, trials: trials) }

  var risks: [YearRisk] {
    years.indices.map { y in
      let by = exhaustedBy[y].map { Proportion(successes: $0, trials: trials) }
      var distribution: [Double] = []
      var previous = 0
      for m in 0..<12 {
        distribution.append(trials > 0 ? Double(exhaustedBy[y][m] - previous) / Double(trials) : 0)
        previous = exhaustedBy[y][m]
      }
      distribution.append(trials > 0 ? Double(trials - previous) / Double(trials) : 0)
      return YearRisk(
        year: years[y], overspend: Proportion(successes: overspent[y], trials: trials), exhaustedByEndOfMonth: by,
        exhaustionMonth: distribution, expectedShortfall: overspent[y] > 0 ? shortfall[y] / Double(overspent[y]) : nil)
    }
  }
}
