import Foundation

/// How care is paid for, and what the providers do when the money runs short.
///
/// The rules here hold for every contract of the region (`Scenario.contracts`). Each contract's
/// yearly budget is its lumpsum formula: under `lumpsum` it is what the consortium receives; under
/// `pxq` and `output` it is the amount the municipality planned to spend on that scope, against
/// which its payments are measured.
public struct Funding: Sendable, Equatable {
  /// The payment rule.
  public var model: Model
  /// Price × quantity: a tariff per delivered day.
  public var pxq: PxQ
  /// Output-based: a fee per started trajectory.
  public var output: OutputFees
  /// The consortium's response to an exhausted budget.
  public var pressurePolicy: PressurePolicy
  /// How each payment rule changes care and administration (domain.md §3.4).
  public var behaviour: [Model: ModelBehaviour]
  /// How hard the `throttle` policy presses.
  public var throttle: Throttle

  /// The payment rules ("uitvoeringsvarianten").
  public enum Model: String, Sendable, Equatable, CaseIterable {
    /// Task-based: a fixed yearly sum ("taakgerichte bekostiging").
    case lumpsum
    /// Effort-based: a tariff per delivered day ("inspanningsgericht", P×Q).
    case pxq
    /// Output-based: a fee per started trajectory ("resultaatgericht").
    case output
  }

  /// What the consortium does under budget pressure.
  public enum PressurePolicy: String, Sendable, Equatable, CaseIterable {
    /// Keep delivering; the overrun is recorded.
    case none
    /// Once the year's budget is spent, no regular starts in lumpsum care until 1 January
    /// (crisis and court-ordered referrals still start).
    case intakeStop
    /// While spend runs ahead of the pro-rata budget, new episodes in lumpsum care are shorter
    /// and more referrals are diverted (see `Throttle`).
    case throttle
  }

  /// The behaviour under the current model (neutral when the scenario gives none).
  public var currentBehaviour: ModelBehaviour { behaviour[model] ?? ModelBehaviour() }

  /// Whether what is measured against the budget can change with the size of the budget.
  ///
  /// Under `lumpsum` with policy `none` the consortium delivers whatever the budget; under
  /// `intakeStop` an exhausted budget holds children back, so a larger budget buys more care.
  /// Under `pxq` and `output` the municipality's payments follow the care, not its budget.
  public var budgetUseDependsOnBudget: Bool { model == .lumpsum && pressurePolicy != .none }

  /// Creates the funding rules.
  public init(
    model: Model = .lumpsum, pxq: PxQ = PxQ(), output: OutputFees = OutputFees(),
    pressurePolicy: PressurePolicy = .none, throttle: Throttle = Throttle(), behaviour: [Model: ModelBehaviour] = [:]
  ) {
    self.behaviour = behaviour
    self.throttle = throttle
    self.model = model
    self.pxq = pxq
    self.output = output
    self.pressurePolicy = pressurePolicy
  }
}

/// What a payment rule does to care and to paperwork, beyond the money.
///
/// Under P×Q a provider earns more by delivering longer ("productieprikkel"), under output funding
/// by delivering shorter, under a lumpsum by delivering less; each rule has its own administrative
/// burden (declarations, decisions, checks). The notes give directions and ranges, all [A].
public struct ModelBehaviour: Sendable, Equatable {
  /// Episodes in contract care last this factor × their drawn length (the same draw, so the same
  /// children).
  public var durationFactor: Double
  /// Administrative cost as a share of the contract's care cost, borne by the municipality.
  public var adminCostShare: Double

  public init(durationFactor: Double = 1, adminCostShare: Double = 0) {
    self.durationFactor = durationFactor
    self.adminCostShare = adminCostShare
  }
}

/// The `throttle` policy: what the consortium does while its spend runs ahead of the budget's
/// pro-rata share of the year ("zorg beperken in duur en lengte", seeds 002 and 004).
public struct Throttle: Sendable, Equatable {
  /// New episodes in lumpsum care last this fraction of their length (0.5…1).
  public var durationFactor: Double
  /// Extra share of referrals to lumpsum care that is diverted (0…0.5).
  public var extraDiversion: Double

  /// The notes' default: durations −15%, diversion +5 points [A].
  public init(durationFactor: Double = 0.85, extraDiversion: Double = 0.05) {
    self.durationFactor = durationFactor
    self.extraDiversion = extraDiversion
  }
}

/// Price × quantity: the municipality pays a tariff per delivered care day.
public struct PxQ: Sendable, Equatable {
  /// Default tariff = cost per day × (1 + margin), where a care type gives no tariff of its own.
  public var margin: Double
  /// Yearly indexation of the contracts' revenue ceilings (`Contract.pxqCeiling`).
  public var ceilingIndexPerYear: Double

  /// Creates the rule.
  public init(margin: Double = 0.03, ceilingIndexPerYear: Double = 0) {
    self.margin = margin
    self.ceilingIndexPerYear = ceilingIndexPerYear
  }
}

/// Output-based funding: a fee per started trajectory.
public struct OutputFees: Sendable, Equatable {
  /// Default fee = cost per day × mean episode length × (1 + margin), where a care type gives none.
  public var margin: Double

  /// Creates the rule.
  public init(margin: Double = 0) {
    self.margin = margin
  }
}

/// The lumpsum: budget in contract year t = base × (1 + index)^(t−1) × (1 − booked savings in t).
public struct Lumpsum: Sendable, Equatable {
  /// V4, the indexation clause: how the yearly index reaches the budget.
  public enum Indexation: String, Sendable, Equatable, CaseIterable {
    /// Every year: (1 + index)^(t−1).
    case full
    /// Never: the budget stays at the base (before savings).
    case none
    /// One year late: (1 + index)^(t−2) from year 2 on.
    case lagged
  }
  /// The indexation clause (V4).
  public var indexation: Indexation
  /// Budget of contract year 1, in euros.
  public var base: Double
  /// Yearly indexation of the budget.
  public var indexPerYear: Double
  /// Savings booked in advance per contract year (fractions; the last one repeats).
  public var bookedSavings: [Double]
  /// Consortium overhead as a share of in-scope care cost.
  public var overheadShare: Double

  /// Creates a lumpsum.
  public init(
    base: Double, indexPerYear: Double = 0, bookedSavings: [Double] = [], overheadShare: Double = 0,
    indexation: Indexation = .full
  ) {
    self.indexation = indexation
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
    base * factor(inYear: year)
  }

  /// The budget of contract year `year` per euro of base: index factor × (1 − booked savings).
  public func factor(inYear year: Int) -> Double {
    indexFactor(inYear: year) * (1 - savings(inYear: year))
  }

  /// The index factor of contract year `year` under the indexation clause.
  public func indexFactor(inYear year: Int) -> Double {
    switch indexation {
    case .full: return pow(1 + indexPerYear, Double(year - 1))
    case .none: return 1
    case .lagged: return pow(1 + indexPerYear, Double(max(0, year - 2)))
    }
  }
}
