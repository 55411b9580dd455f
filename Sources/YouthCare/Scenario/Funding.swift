import Foundation

/// How care is paid for, and what the consortium does when the money runs short.
public struct Funding: Sendable, Equatable {
  /// The payment rule. Issue C adds P×Q and output-based funding.
  public var model: Model
  /// The lumpsum contract.
  public var lumpsum: Lumpsum
  /// The consortium's response to an exhausted budget.
  public var pressurePolicy: PressurePolicy

  /// The payment rules.
  public enum Model: String, Sendable, Equatable, CaseIterable {
    /// A fixed yearly sum ("taakgerichte bekostiging").
    case lumpsum
  }

  /// What the consortium does under budget pressure.
  public enum PressurePolicy: String, Sendable, Equatable, CaseIterable {
    /// Keep delivering; the overrun is recorded.
    case none
    /// Once the year's budget is spent, no regular starts in lumpsum care until 1 January
    /// (crisis and court-ordered referrals still start).
    case intakeStop
  }

  /// Whether care delivered, and so spend, can change with the size of the budget.
  ///
  /// Under `none` the consortium delivers whatever the budget; under `intakeStop` an exhausted
  /// budget holds children back, so a larger budget buys more care.
  public var spendDependsOnBudget: Bool { pressurePolicy != .none }

  /// Creates the funding rules.
  public init(model: Model = .lumpsum, lumpsum: Lumpsum, pressurePolicy: PressurePolicy = .none) {
    self.model = model
    self.lumpsum = lumpsum
    self.pressurePolicy = pressurePolicy
  }
}

/// The lumpsum: budget in contract year t = base × (1 + index)^(t−1) × (1 − booked savings in t).
public struct Lumpsum: Sendable, Equatable {
  /// Budget of contract year 1, in euros.
  public var base: Double
  /// Yearly indexation of the budget.
  public var indexPerYear: Double
  /// Savings booked in advance per contract year (fractions; the last one repeats).
  public var bookedSavings: [Double]
  /// Consortium overhead as a share of in-scope care cost.
  public var overheadShare: Double

  /// Creates a lumpsum.
  public init(base: Double, indexPerYear: Double = 0, bookedSavings: [Double] = [], overheadShare: Double = 0) {
    self.base = base
    self.indexPerYear = indexPerYear
    self.bookedSavings = bookedSavings
    self.overheadShare = overheadShare
  }

  /// The savings fraction booked for contract year `year` (1-based).
  public func savings(inYear year: Int) -> Double {
    guard !bookedSavings.isEmpty else { return 0 }
    return bookedSavings[min(year, bookedSavings.count) - 1]
  }

  /// The budget of contract year `year` (1-based).
  public func budget(inYear year: Int) -> Double {
    base * pow(1 + indexPerYear, Double(year - 1)) * (1 - savings(inYear: year))
  }
}
