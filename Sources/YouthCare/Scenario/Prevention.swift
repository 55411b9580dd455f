/// A prevention investment: costs first, fewer referrals later (the J-curve of domain.md §3.1).
///
/// In each contract year listed in `costYears` the payer spends `costPerYear`, spread evenly over
/// the year. From `lagMonths` after the contract starts, an increasing share of referrals to the
/// affected care types is resolved without specialist care, reaching `effect` after `rampMonths`.
public struct Prevention: Sendable, Equatable {
  /// Who pays for the investment.
  public enum Payer: String, Sendable, Equatable, CaseIterable {
    /// Inside the lumpsum: the consortium's spend.
    case consortium
    /// Outside it: the municipality's cost.
    case municipality
  }

  public var costPerYear: Double
  /// Contract years (1-based) in which the cost is paid.
  public var costYears: [Int]
  public var paidBy: Payer
  /// The contract whose consortium pays, when `paidBy` is `consortium` (index; the first by default).
  public var contract: Int
  /// Share of referrals to the affected care types diverted once the effect is complete.
  public var effect: Double
  /// Care types (by index) whose referrals are affected.
  public var careTypes: [Int]
  public var lagMonths: Double
  public var rampMonths: Double

  public init(
    costPerYear: Double, costYears: [Int], paidBy: Payer = .consortium, effect: Double, careTypes: [Int],
    lagMonths: Double = 12, rampMonths: Double = 12, contract: Int = 0
  ) {
    self.contract = contract
    self.costPerYear = costPerYear
    self.costYears = costYears
    self.paidBy = paidBy
    self.effect = effect
    self.careTypes = careTypes
    self.lagMonths = lagMonths
    self.rampMonths = rampMonths
  }

  /// The diverted share at `daysIntoContract` days after the contract starts.
  public func effect(daysIntoContract days: Double) -> Double {
    let months = days / DayCalendar.daysPerMonth - lagMonths
    guard months > 0 else { return 0 }
    return rampMonths > 0 ? effect * min(1, months / rampMonths) : effect
  }
}
