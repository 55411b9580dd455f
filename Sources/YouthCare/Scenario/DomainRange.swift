/// A range a parameter takes in practice, from the domain notes (`../shared/domain.md`).
///
/// A value a factor 3 or more outside it (≥ 3 × the top, or ≤ the bottom ÷ 3) is more likely a
/// misreading (a forgotten `unit: months`, a rate per 100 instead of per 1,000, a percentage
/// written as a whole number) than a region that different; `ScenarioWarning.domainRanges` warns.
struct DomainRange: Sendable {
  var low: Double
  var high: Double
  /// What the range is of, for the message: "open residential care (RO)".
  var subject: String
  /// Where it comes from: "domain.md §3.1".
  var source: String
  /// How its numbers are written in a message.
  var unit: Unit

  /// How a range's numbers are written in a message.
  enum Unit {
    case euroPerDay, euro, months, count, percent

    /// `value` in this unit: "€4,000 a day", "0.4 months", "35%".
    func show(_ value: Double) -> String {
      switch self {
      case .euroPerDay: "€\(number(value)) a day"
      case .euro: "€\(number(value))"
      case .months: "\(number(value)) months"
      case .count: number(value)
      case .percent: "\(number(value * 100))%"
      }
    }

    /// `low`–`high` in this unit: "€150–350 a day", "2–6.5%".
    func show(_ low: Double, _ high: Double) -> String {
      switch self {
      case .euroPerDay: "€\(number(low))–\(number(high)) a day"
      case .euro: "€\(number(low))–\(number(high))"
      case .months: "\(number(low))–\(number(high)) months"
      case .count: "\(number(low))–\(number(high))"
      case .percent: "\(number(low * 100))–\(number(high * 100))%"
      }
    }

    /// Grouped in thousands above 1,000; up to two decimals below 100, as the notes write them.
    private func number(_ value: Double) -> String {
      if abs(value) >= 100 || (value != 0 && abs(value) < 0.05) { return ScenarioWarning.amount(value) }
      let text = String(format: "%.2f", value)
      return text.contains(".") ? String(text.reversed().drop { $0 == "0" }.drop { $0 == "." }.reversed()) : text
    }
  }

  /// How far outside the range `value` lies, as a phrase; nil when within a factor 3 of it.
  func outside(_ value: Double) -> String? {
    if value >= 3 * high { return "over 3× the top" }
    if low > 0, value > 0, value <= low / 3 { return "under a third of the bottom" }
    return nil
  }

  /// The domain's care-type categories (domain.md §3.0), light to heavy.
  enum Category: String, CaseIterable {
    case L, SA, DT, RO, SC, CR, FC

    var name: String {
      switch self {
      case .L: "light ambulant care (L)"
      case .SA: "specialist ambulant care (SA)"
      case .DT: "day treatment (DT)"
      case .RO: "open residential care (RO)"
      case .SC: "secure care (SC)"
      case .CR: "crisis care (CR)"
      case .FC: "foster care (FC)"
      }
    }

    /// The category a care type belongs to: by the letters its id starts with (`SA`, `SA-GGZ1`,
    /// `RO-BG`), or crisis care when it is marked `crisis`; nil when neither says.
    init?(_ type: CareType) {
      let prefix = type.id.prefix { $0.isLetter }.uppercased()
      if let category = Category(rawValue: prefix) {
        self = category
      } else if type.crisis {
        self = .CR
      } else {
        return nil
      }
    }
  }

  /// Unit cost per day in care at 2025 prices, domain.md §3.1 "Unit costs" (the bracketed ranges).
  static func costPerDay(_ category: Category?) -> DomainRange {
    let (low, high): (Double, Double) = switch category {
    case .L?: (5, 15)
    case .SA?: (12, 35)
    case .DT?: (40, 110)
    case .RO?: (150, 350)
    case .SC?: (450, 850)
    case .CR?: (250, 500)
    case .FC?: (40, 90)
    // A care type the notes do not name: the broadest range over all of them.
    case nil: (5, 850)
    }
    return DomainRange(
      low: low, high: high, subject: category?.name ?? "any care type", source: "domain.md §3.1", unit: .euroPerDay)
  }

  /// Mean episode length in months, domain.md §3.1 "Durations" (the bracketed sweep ranges; SA
  /// includes its GI-referred variant, 14–24 months).
  static func durationMonths(_ category: Category?) -> DomainRange {
    let (low, high): (Double, Double) = switch category {
    case .L?: (4, 12)
    case .SA?: (9, 24)
    case .DT?: (6, 24)
    case .RO?: (8, 18)
    case .SC?: (3, 8)
    case .CR?: (0.25, 2)
    case .FC?: (24, 60)
    case nil: (0.25, 60)
    }
    return DomainRange(
      low: low, high: high, subject: category?.name ?? "any care type", source: "domain.md §3.1", unit: .months)
  }

  /// First referrals a year per 1,000 youths, all sources together: 39 (scenario A's 60 starts
  /// per 1,000, §3.2, less the 35% that are repeat requests, which `reReferral` models) to 80
  /// (scenario B's starts per 1,000, repeats included, §3.3).
  static let referralsPer1000 = DomainRange(
    low: 39, high: 80, subject: "first referrals a year per 1,000 youths", source: "domain.md §3.2–3.3", unit: .count)

  /// Yearly growth of referral volume, domain.md §3.1 "Demand growth" (0–4%).
  static let referralGrowth = DomainRange(low: 0, high: 0.04, subject: "referral growth a year", source: "domain.md §3.1", unit: .percent)

  /// Yearly lumpsum indexation, domain.md §3.1 "Indexation" (2.0–6.5%).
  static let indexation = DomainRange(low: 0.02, high: 0.065, subject: "lumpsum indexation a year", source: "domain.md §3.1", unit: .percent)

  /// Yearly growth of unit costs: indexation (2.0–6.5%) plus real cost-per-client drift (0–3%),
  /// domain.md §3.1 "Indexation" and "Demand growth and drift".
  static let costGrowth = DomainRange(
    low: 0.02, high: 0.095, subject: "cost indexation plus real drift a year", source: "domain.md §3.1", unit: .percent)

  /// Consortium coordination and overhead on care cost, domain.md §3.1 "Unit costs" (3–12%).
  static let overhead = DomainRange(low: 0.03, high: 0.12, subject: "overhead on care cost", source: "domain.md §3.1", unit: .percent)

  /// P(return within 24 months) after an exit, domain.md §3.1 "Re-referral" (0.10–0.30).
  static let reReferral = DomainRange(low: 0.10, high: 0.30, subject: "re-referral probability", source: "domain.md §3.1", unit: .count)

  /// Year-1 lumpsum per youth 0–17: €26.0M for 55,000 (scenario A, §3.2) to €128M for 150,000
  /// (scenario B, §3.3); Utrecht's ≈€60M for 70,602 lies between.
  static let lumpsumPerYouth = DomainRange(
    low: 470, high: 855, subject: "year-1 lumpsum per youth", source: "domain.md §3.2–3.3", unit: .euro)
}
