import Experiments
import YouthCare

/// The verdict on a batch, in one sentence: is this budget realistic?
///
/// Computed once, from the batch's summary (`BatchSummaryFile`: built in memory by `lumpsim batch`,
/// read back from `summary.json` by `lumpsim report`, the same numbers either way), and said by the
/// terminal table (English) and the HTML report (English and Dutch) with the same words.
///
/// - The rating follows the highest P(overspend) of any contract year (≥ 90% too low, ≥ 50% at
///   risk, ≥ 10% tight, else realistic).
/// - P(overspend) is given per contract year as the range from the lowest to the highest, with the
///   years at each end, and P(at least one overspent year) over the contract.
/// - When the money runs out is said for the first contract year, and for the last when there are
///   more: the share of replications in which the budget runs out that year, and the median
///   exhaustion day over all replications, a year that lasts counting as later than 31 December
///   (so a date only when more than half run out). It is the table's "Runs out (median)" column.
/// - The wait is the longest median mean wait (referral to start) of any care type, when at least
///   a day: in days below two weeks, else in weeks.
///
/// A share is never rounded to 0% or 100% unless it is exactly that ("<1%", ">99%").
public struct BatchVerdict: Equatable, Sendable {
  public enum Rating: Sendable, Equatable {
    case tooLow, atRisk, tight, realistic
  }

  /// A contract year's budget risk as the verdict states it.
  public struct Year: Equatable, Sendable {
    public var year: Int
    /// P(overspend).
    public var overspend: Double
    /// Share of replications in which the budget runs out within the year.
    public var runsOut: Double
    /// The median exhaustion day of the year (1–365) over all replications; nil when the median
    /// replication's budget lasts the year.
    public var medianExhaustionDay: Int?

    public init(year: Int, overspend: Double, runsOut: Double, medianExhaustionDay: Int?) {
      self.year = year
      self.overspend = overspend
      self.runsOut = runsOut
      self.medianExhaustionDay = medianExhaustionDay
    }
  }

  /// The care type children wait longest for, and the median of its mean wait.
  public struct Wait: Equatable, Sendable {
    public var careType: String
    public var name: String
    public var days: Double
  }

  public var rating: Rating
  /// The first contract year's budget (all contracts together), euros.
  public var budget: Double
  /// Contracts whose lumpsums the budget is.
  public var contracts: Int
  public var years: [Year]
  /// P(at least one overspent year).
  public var anyOverspend: Double
  public var longestWait: Wait?

  /// The verdict of a batch's summary; care types are named by the summary's assumptions (their
  /// ids when it has none).
  public init(_ summary: BatchSummaryFile) {
    years = summary.years.map { y in
      Year(year: y.year, overspend: y.risk.overspendProbability.p, runsOut: y.risk.exhaustedByEndOfMonth[11],
           medianExhaustionDay: Self.medianExhaustionDay(y[.exhaustionDay].p50, runsOut: y.risk.exhaustedByEndOfMonth[11]))
    }
    let highest = years.map(\.overspend).max() ?? 0
    rating = highest >= 0.9 ? .tooLow : highest >= 0.5 ? .atRisk : highest >= 0.1 ? .tight : .realistic
    budget = summary.years.first?[.budget].mean ?? 0
    contracts = summary.contracts?.count ?? 1
    anyOverspend = summary.contract.anyOverspendProbability.p
    var longest: BatchSummaryFile.CareType?
    for type in summary.careTypes where type[.meanWaitDays].p50 >= 1 {
      if type[.meanWaitDays].p50 > longest?[.meanWaitDays].p50 ?? 0 { longest = type }
    }
    longestWait = longest.map { type in
      Wait(careType: type.id, name: summary.assumptions?.careTypes.first { $0.id == type.id }?.name ?? type.id,
           days: type[.meanWaitDays].p50)
    }
  }

  /// The median exhaustion day of a year as a day of the year, from the median over replications
  /// (`p50`, a year that lasts counting as day 366) and the share that runs out; nil unless more
  /// than half run out. When exactly half do, the median lies between a day and "never" and is no
  /// date (the quantile's interpolation would make one up).
  public static func medianExhaustionDay(_ p50: Double, runsOut: Double) -> Int? {
    guard runsOut > 0.5, p50 < FigureLayout.notExhausted else { return nil }
    return min(max(Int(p50.rounded(.down)), 1), 365)
  }

  // MARK: Saying it

  /// The verdict as one sentence.
  public func sentence(_ language: ReportLanguage) -> String {
    var parts = [overspendClause(language), exhaustionClause(language)]
    if let wait = longestWait { parts.append(waitClause(wait, language)) }
    return "\(ratingLabel(language)): " + parts.joined(separator: "; ") + "."
  }

  func ratingLabel(_ language: ReportLanguage) -> String {
    switch (rating, language) {
    case (.tooLow, .en): "Too low"
    case (.atRisk, .en): "At risk"
    case (.tight, .en): "Tight"
    case (.realistic, .en): "Realistic"
    case (.tooLow, .nl): "Te laag"
    case (.atRisk, .nl): "Risicovol"
    case (.tight, .nl): "Krap"
    case (.realistic, .nl): "Realistisch"
    }
  }

  func overspendClause(_ language: ReportLanguage) -> String {
    let amount = language.millions(budget)
    let subject = switch language {
    case .en: contracts > 1 ? "at least one of the \(contracts) lumpsums (\(amount) together) is" : "the \(amount) lumpsum is"
    case .nl: contracts > 1 ? "minstens één van de \(contracts) lumpsums (samen \(amount)) wordt" : "de lumpsum van \(amount) wordt"
    }
    let shares = years.map(\.overspend)
    guard let low = shares.min(), let high = shares.max() else {
      return language == .en ? "\(subject) never simulated" : "\(subject) niet gesimuleerd"
    }
    let any = Self.percent(anyOverspend, language)
    if years.count == 1 {
      return language == .en ? "\(subject) overspent with probability \(Self.percent(high, language))"
        : "\(subject) overschreden met een kans van \(Self.percent(high, language))"
    }
    let same = Self.percent(low, language) == Self.percent(high, language)
    let range = "\(Self.percent(low, language)) (\(yearList(low))) \(language == .en ? "to" : "tot") \(Self.percent(high, language)) (\(yearList(high)))"
    switch language {
    case .en:
      return "\(subject) overspent with probability " + (same ? "\(Self.percent(high, language)) in every contract year" : "\(range) per contract year")
        + ", and at least one year overspends in \(any) of simulated contracts"
    case .nl:
      return "\(subject) " + (same ? "in elk contractjaar overschreden met een kans van \(Self.percent(high, language))"
        : "per contractjaar overschreden met een kans van \(range)")
        + ", en in \(any) van de gesimuleerde contracten wordt minstens één jaar overschreden"
    }
  }

  func exhaustionClause(_ language: ReportLanguage) -> String {
    guard let first = years.first, years.contains(where: { $0.runsOut > 0 }) else {
      return language == .en ? "the money lasts every simulated year" : "het geld raakt in geen enkel gesimuleerd jaar op"
    }
    let share = Self.percent(first.runsOut, language)
    var clause = language == .en ? "in \(first.year) the money runs out in \(share) of simulated years"
      : "in \(first.year) is het geld op in \(share) van de gesimuleerde jaren"
    if let day = first.medianExhaustionDay {
      clause += language == .en ? ", in the median on \(Self.date(day, language))" : ", mediaan op \(Self.date(day, language))"
    }
    if years.count > 1, let last = years.last {
      clause += language == .en ? ", and in \(last.year) in \(Self.percent(last.runsOut, language))"
        : ", en in \(last.year) in \(Self.percent(last.runsOut, language))"
      if let day = last.medianExhaustionDay {
        clause += language == .en ? ", on \(Self.date(day, language))" : ", op \(Self.date(day, language))"
      }
    }
    return clause
  }

  func waitClause(_ wait: Wait, _ language: ReportLanguage) -> String {
    let time: String
    if wait.days >= 14 {
      time = "\(language.number(wait.days / 7)) \(language == .en ? "weeks" : "weken")"
    } else {
      let days = language.number(wait.days)
      time = "\(days) \(language == .en ? (days == "1" ? "day" : "days") : (days == "1" ? "dag" : "dagen"))"
    }
    return language == .en ? "children wait \(time) on average for \(wait.name)" : "kinderen wachten gemiddeld \(time) op \(wait.name)"
  }

  /// The years whose P(overspend) is `share`, runs of consecutive years joined: "2027–2031".
  func yearList(_ share: Double) -> String {
    let chosen = years.filter { $0.overspend == share }.map(\.year)
    var runs: [(Int, Int)] = []
    for year in chosen {
      if let last = runs.last, last.1 + 1 == year { runs[runs.count - 1].1 = year } else { runs.append((year, year)) }
    }
    return runs.map { $0.0 == $0.1 ? String($0.0) : "\($0.0)–\($0.1)" }.joined(separator: ", ")
  }

  /// A share as a whole percentage that is 0% or 100% only when exactly so.
  public static func percent(_ p: Double, _ language: ReportLanguage) -> String {
    if p > 0 && p < 0.01 { return "<1%" }
    if p < 1 && p > 0.99 { return ">99%" }
    return "\(language.number(p * 100))%"
  }

  /// A day of the year (1–365) as a date: "10 Dec", "10 dec".
  public static func date(_ dayOfYear: Int, _ language: ReportLanguage) -> String {
    var day = Double(dayOfYear - 1)
    for (m, length) in DayCalendar.monthLengths.enumerated() {
      if day < length { return "\(Int(day) + 1) \(language.months[m])" }
      day -= length
    }
    return "31 \(language.months[11])"
  }
}
