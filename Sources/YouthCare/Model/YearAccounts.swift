/// One simulated year's books: each contract's budget, spend and valve measures, and the
/// region-wide payments outside the contracts.
struct YearAccounts {
  /// Per contract, in scenario order.
  var contracts: [ContractYear]
  /// The prevention investment paid this year.
  var prevention: Double
  /// Paid by the consortia to subcontractors (part of the contracts' spend).
  var subcontracted = 0.0
  /// Paid by the municipality per day for care types outside every contract.
  var outsidePayment = 0.0
  /// Places removed at the year's end by members leaving.
  var capacityLost = 0

  init(contracts: [ContractYear], prevention: Double) {
    self.contracts = contracts
    self.prevention = prevention
  }
}

/// One contract's year: the budget and its valve parts, what was spent and paid, what the
/// valves measure, and how the year closed.
struct ContractYear {
  /// The contract budget, and the parts of it that valves added (V1, V5).
  var budget: Double
  var corridorAdjustment: Double
  var renegotiationAdjustment: Double
  /// In-scope spend from the month-end accounts, overhead included.
  var spend = 0.0
  /// Contract payments (the lumpsum, P×Q tariffs or output fees).
  var payment = 0.0
  /// What the valves measure during the year.
  var inScopeStarts = 0
  var inScopeClientDays = 0.0
  var statutoryReferrals = 0
  var highCostPayout = 0.0
  /// When the budget ran out, if it did.
  var exhaustedAt: Double?
  /// Valves, settlement and members at the year's end.
  var outcome = ContractYearEnd.Outcome()

  init(budget: Double, corridorAdjustment: Double, renegotiationAdjustment: Double) {
    self.budget = budget
    self.corridorAdjustment = corridorAdjustment
    self.renegotiationAdjustment = renegotiationAdjustment
  }
}
