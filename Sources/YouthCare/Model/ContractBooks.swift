/// One contract's running account within a year: spend and payments accrued exactly between
/// events, against its budget and P×Q ceiling.
///
/// The ledger keeps one per contract, so each lumpsum runs out on its own day.
struct ContractBooks {
  /// 1 + the contract's overhead share.
  let overheadFactor: Double
  /// In-scope spend per day at the current counts, overhead and extra cost included.
  var rate = 0.0
  var accruedUntil = 0.0
  /// In-scope spend this year including overhead, accrued until `accruedUntil`.
  private(set) var runningSpend = 0.0
  /// The budget of the current year.
  var budget = 0.0
  /// When this year's budget ran out (simulation day), if it has: set only by `budgetUseGrew`.
  private(set) var exhaustedAt: Double?
  /// Contract payments per day at the current counts (P×Q), and accrued this year.
  var paymentRate = 0.0
  private(set) var runningPayment = 0.0
  /// This year's P×Q ceiling, and when it was reached.
  var ceiling: Double?
  var ceilingReachedAt: Double?
  /// Extra in-scope cost per day this year (a prevention investment paid by the consortium).
  var extraCostPerDay = 0.0

  init(overheadFactor: Double) {
    self.overheadFactor = overheadFactor
  }

  /// Brings spend and payments up to `now`, noting the moment the budget or ceiling is crossed.
  @inline(__always)
  mutating func accrue(to now: Double, measuresSpend: Bool) {
    let elapsed = now - accruedUntil
    if elapsed > 0 {
      let before = runningSpend
      runningSpend += rate * elapsed
      if measuresSpend && rate > 0 { budgetUseGrew(from: before, to: runningSpend, since: accruedUntil, perDay: rate) }
      if paymentRate > 0 && ceilingReachedAt == nil { accruePayment(elapsed) }
    }
    accruedUntil = now
  }

  /// Accrues up to `now`, then changes the spend rate by `rate` and, under P×Q, the payment
  /// rate by `payment`: one client more or fewer.
  @inline(__always)
  mutating func countChanges(rate: Double, payment: Double, pxq: Bool, now: Double, measuresSpend: Bool) {
    accrue(to: now, measuresSpend: measuresSpend)
    self.rate += rate
    if pxq { paymentRate += payment }
  }

  /// P×Q payments over `elapsed` days: the ceiling caps them, the budget may run out on the way.
  private mutating func accruePayment(_ elapsed: Double) {
    let before = runningPayment
    var after = before + paymentRate * elapsed
    if let ceiling, after >= ceiling {
      ceilingReachedAt = accruedUntil + max(0, ceiling - before) / paymentRate
      after = ceiling
    }
    budgetUseGrew(from: before, to: after, since: accruedUntil, perDay: paymentRate)
    runningPayment = after
  }

  /// Books a one-off cost at `now` (an intake), in-scope and with overhead.
  @inline(__always)
  mutating func charge(spend amount: Double, at now: Double, measuresSpend: Bool) {
    let before = runningSpend
    runningSpend += amount
    if measuresSpend { budgetUseGrew(from: before, to: runningSpend, since: now, perDay: 0) }
  }

  /// Books a one-off payment at `now` (an output fee).
  @inline(__always)
  mutating func charge(payment amount: Double, at now: Double) {
    let before = runningPayment
    runningPayment += amount
    budgetUseGrew(from: before, to: runningPayment, since: now, perDay: 0)
  }

  /// The one place the budget runs out: what is measured against it went from `before` to
  /// `after`, growing by `rate` a day from `start` (at once at `start` when the rate is 0); the
  /// first crossing of the budget is the exhaustion moment, solved exactly.
  @inline(__always)
  private mutating func budgetUseGrew(from before: Double, to after: Double, since start: Double, perDay rate: Double) {
    guard exhaustedAt == nil, after > budget else { return }
    exhaustedAt = rate > 0 ? start + max(0, budget - before) / rate : start
  }

  /// Starts a year: counts from zero against a new budget and ceiling.
  mutating func startYear(budget: Double, ceiling: Double?, extraCostPerDay: Double, now: Double) {
    self.budget = budget
    self.ceiling = ceiling
    self.extraCostPerDay = extraCostPerDay
    runningSpend = 0
    runningPayment = 0
    exhaustedAt = nil
    ceilingReachedAt = nil
    accruedUntil = now
    paymentRate = 0
    rate = extraCostPerDay
  }
}
