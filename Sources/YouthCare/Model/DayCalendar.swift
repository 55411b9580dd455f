/// The model's calendar: days from 1 January of the first simulated year, 365-day years, fixed months.
public enum DayCalendar {
  /// Days in a year (no leap years: a contract year is always 365 days).
  public static let daysPerYear = 365.0
  /// Days in each month, January first.
  public static let monthLengths: [Double] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  /// Day of the year on which each month starts (0-based), plus 365 at the end.
  public static let monthStarts: [Double] = {
    var starts: [Double] = [0]
    for length in monthLengths { starts.append(starts[starts.count - 1] + length) }
    return starts
  }()
  /// Days per month used when a scenario gives a duration in months (365/12).
  public static let daysPerMonth = daysPerYear / 12

  /// The simulation day on which month `month` (0-based, counted from the first simulated
  /// January) begins.
  public static func startOfMonth(_ month: Int) -> Double {
    Double(month / 12) * daysPerYear + monthStarts[month % 12]
  }

  /// The simulated year (0-based) that contains `day`.
  public static func year(of day: Double) -> Int {
    Int((day / daysPerYear).rounded(.down))
  }

  /// The 1-based day of the year on which `day` falls (1…365).
  public static func dayOfYear(_ day: Double) -> Int {
    let within = day - Double(year(of: day)) * daysPerYear
    return min(365, Int(within.rounded(.down)) + 1)
  }
}
