/// One simulated year's books: the budget and its valve parts, what was spent and paid, what the
/// valves measure, and how the year closed.
struct YearAccounts {
  /// The contract budget, and the parts of it that valves added (V1, V5).
  var budget: Double
  var corridorAdjustment: Double
  var renegotiationAdjustment: Double
  /// The prevention investment paid this year.
  var prevention: Double
  /// In-scope spend from the month-end accounts, overhead included.
  var spend = 0.0
  /// Contract payments (the lumpsum, P×Q tariffs or output fees).
  var payment = 0.0
  var subcontracted = 0.0
  var outsidePayment = 0.0
  /// What the valves measure during the year.
  var inScopeStarts = 0
  var inScopeClientDays = 0.0
  var statutoryReferrals = 0
  var highCostPayout = 0.0
  /// Places removed at the year's end by members leaving.
  var capacityLost = 0
  /// When the budget ran out, if it did.
  var exhaustedAt: Double?
  /// Valves, settlement and members at the year's end.
  var outcome = ContractYearEnd.Outcome()

  init(budget: Double, corridorAdjustment: Double, renegotiationAdjustment: Double, prevention: Double) {
    self.budget = budget
    self.corridorAdjustment = corridorAdjustment
    self.renegotiationAdjustment = renegotiationAdjustment
    self.prevention = prevention
  }
}
