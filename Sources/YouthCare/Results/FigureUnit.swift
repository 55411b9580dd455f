/// What a result figure measures, which fixes how every output writes it.
///
/// Writers format by unit, never by name: euros to cents, counts as whole numbers, days and
/// averages to 4 decimals, shares to 6, and a day of the year as a whole number or empty.
public enum FigureUnit: Sendable, Equatable {
  /// Euros, written to cents.
  case euros
  /// A whole number: children, episodes, places.
  case count
  /// 1 or 0: whether something happened (stored as an integer, averaged into a probability).
  case flag
  /// A day of the year, 1–365, or none (written empty or `null`; a batch counts none as 366).
  case dayOfYear
  /// Days of waiting, to 4 decimals.
  case days
  /// A scenario's norm in days, echoed to 3 decimals.
  case normDays
  /// A time-average of a count (children waiting, in care), to 4 decimals.
  case average
  /// A share or probability between 0 and 1 (use may exceed 1), to 6 decimals.
  case share
  /// Euros per member of a consortium: a list, written in JSON only.
  case eurosPerMember
  /// Labels of members: a list, written in JSON only.
  case memberLabels

  /// Whether the figure is money (kept to cents in every statistic).
  public var isMoney: Bool { self == .euros || self == .eurosPerMember }
  /// Whether the figure is a whole number (an SQL `INTEGER` column).
  public var isWhole: Bool { self == .count || self == .flag || self == .dayOfYear }
  /// Whether the figure is one number (not a list).
  public var isScalar: Bool { self != .eurosPerMember && self != .memberLabels }
  /// Decimals of a number that is neither money nor whole.
  public var decimals: Int {
    switch self {
    case .euros, .eurosPerMember: 2
    case .count, .flag, .dayOfYear, .memberLabels: 0
    case .normDays: 3
    case .days, .average: 4
    case .share: 6
    }
  }
}
