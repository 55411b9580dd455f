/// The lumpsum's books: spend accrued exactly between events, and the moment the budget runs out.
///
/// Costs change only when a count changes, so the ledger never ticks per day: it keeps the
/// current in-scope cost rate and, whenever it is brought up to date, adds rate × elapsed time.
/// The exhaustion moment is found inside that interval by solving spend(t) = budget, so it is
/// exact, not rounded to an event or a day. Per care type it integrates client-days, which the
/// month-end accounts turn into euros; the two computations are checked against each other.
struct Ledger {
  let types: Int
  let inScope: ContiguousArray<Bool>
  let capacity: ContiguousArray<Int>
  let overflowFactor: ContiguousArray<Double>
  let overheadFactor: Double
  let baseCostPerDay: ContiguousArray<Double>
  let baseFixedPerSlotDay: ContiguousArray<Double>
  let baseIntake: ContiguousArray<Double>

  /// This year's price multiplier (cost indexation).
  private(set) var priceLevel = 1.0
  /// Client-days within capacity and above it, per type, since the last month end.
  private(set) var normalDays: ContiguousArray<Double>
  private(set) var overflowDays: ContiguousArray<Double>
  private var lastTouched: ContiguousArray<Double>
  /// Intake costs per type since the last month end (at this year's prices, no overhead).
  private(set) var intakeThisMonth: ContiguousArray<Double>

  /// In-scope spend per day at the current counts, including overhead.
  private var rate = 0.0
  private var accruedUntil = 0.0
  /// In-scope spend this year including overhead, accrued until `accruedUntil`.
  private(set) var runningSpend = 0.0
  /// The budget of the current year.
  private(set) var budget = 0.0
  /// When this year's budget ran out (simulation day), if it has.
  private(set) var exhaustedAt: Double?

  init(careTypes: [CareType], overheadShare: Double) {
    types = careTypes.count
    inScope = ContiguousArray(careTypes.map(\.inLumpsum))
    capacity = ContiguousArray(careTypes.map(\.capacity))
    overflowFactor = ContiguousArray(careTypes.map(\.overflowCostFactor))
    overheadFactor = 1 + overheadShare
    baseCostPerDay = ContiguousArray(careTypes.map(\.costPerDay))
    baseFixedPerSlotDay = ContiguousArray(careTypes.map(\.fixedCostPerSlotDay))
    baseIntake = ContiguousArray(careTypes.map(\.intakeCost))
    normalDays = ContiguousArray(repeating: 0, count: types)
    overflowDays = ContiguousArray(repeating: 0, count: types)
    lastTouched = ContiguousArray(repeating: 0, count: types)
    intakeThisMonth = ContiguousArray(repeating: 0, count: types)
  }

  /// The cost per day of one client in type `k` when the type holds `count` clients including it.
  @inline(__always)
  func marginalRate(_ k: Int, count: Int) -> Double {
    let perDay = baseCostPerDay[k] * priceLevel
    return count <= capacity[k] ? perDay : perDay * overflowFactor[k]
  }

  /// Brings the running in-scope spend up to `now`, noting the moment the budget is crossed.
  @inline(__always)
  mutating func accrue(to now: Double) {
    let elapsed = now - accruedUntil
    if elapsed > 0 {
      let before = runningSpend
      runningSpend += rate * elapsed
      if exhaustedAt == nil && runningSpend > budget && rate > 0 {
        exhaustedAt = accruedUntil + max(0, budget - before) / rate
      }
    }
    accruedUntil = now
  }

  /// Closes the client-day integral of type `k` at `now`, given the count it held until now.
  @inline(__always)
  private mutating func integrate(_ k: Int, heldCount: Int, now: Double) {
    let elapsed = now - lastTouched[k]
    if elapsed > 0 {
      let cap = capacity[k]
      normalDays[k] += Double(min(heldCount, cap)) * elapsed
      if heldCount > cap { overflowDays[k] += Double(heldCount - cap) * elapsed }
    }
    lastTouched[k] = now
  }

  /// Records that type `k` goes from `oldCount` to `oldCount + delta` clients at `now` (delta ±1).
  @inline(__always)
  mutating func countChanges(_ k: Int, from oldCount: Int, by delta: Int, now: Double) {
    accrue(to: now)
    integrate(k, heldCount: oldCount, now: now)
    if inScope[k] {
      let marginal = marginalRate(k, count: delta > 0 ? oldCount + 1 : oldCount)
      rate += Double(delta) * marginal * overheadFactor
    }
  }

  /// Books the intake cost of a start in type `k` at `now`.
  @inline(__always)
  mutating func intake(_ k: Int, now: Double) {
    let cost = baseIntake[k] * priceLevel
    guard cost > 0 else { return }
    intakeThisMonth[k] += cost
    guard inScope[k] else { return }
    accrue(to: now)
    runningSpend += cost * overheadFactor
    if exhaustedAt == nil && runningSpend > budget { exhaustedAt = now }
  }

  /// True when this year's budget has run out by `now` (brings the books up to `now`).
  mutating func isExhausted(at now: Double) -> Bool {
    accrue(to: now)
    return exhaustedAt != nil
  }

  /// The month's accounts per type: variable + fixed + intake at this year's prices, no overhead.
  mutating func closeMonth(counts: ContiguousArray<Int>, now: Double, days: Double) -> ContiguousArray<Double> {
    accrue(to: now)
    var costs = ContiguousArray<Double>(repeating: 0, count: types)
    for k in 0..<types {
      integrate(k, heldCount: counts[k], now: now)
      let perDay = baseCostPerDay[k] * priceLevel
      costs[k] = perDay * (normalDays[k] + overflowFactor[k] * overflowDays[k])
        + baseFixedPerSlotDay[k] * priceLevel * Double(capacity[k]) * days
        + intakeThisMonth[k]
    }
    return costs
  }

  /// Client-days of type `k` this month (within and above capacity).
  func clientDays(_ k: Int) -> Double { normalDays[k] + overflowDays[k] }

  /// Starts a new month: clears the integrals (after `closeMonth` was read).
  mutating func resetMonth() {
    for k in 0..<types {
      normalDays[k] = 0
      overflowDays[k] = 0
      intakeThisMonth[k] = 0
    }
  }

  /// Starts a year with its budget and price level; the rate is rebuilt from the counts.
  mutating func startYear(budget: Double, priceLevel: Double, counts: ContiguousArray<Int>, now: Double) {
    self.budget = budget
    self.priceLevel = priceLevel
    runningSpend = 0
    exhaustedAt = nil
    accruedUntil = now
    var newRate = 0.0
    for k in 0..<types where inScope[k] {
      let cap = capacity[k]
      let perDay = baseCostPerDay[k] * priceLevel
      newRate += perDay * (Double(min(counts[k], cap)) + overflowFactor[k] * Double(max(0, counts[k] - cap)))
      newRate += baseFixedPerSlotDay[k] * priceLevel * Double(cap)
    }
    rate = newRate * overheadFactor
  }
}
