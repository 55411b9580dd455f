/// The contract's books: the provider's spend and the municipality's payments, accrued exactly
/// between events, and the moments the budget runs out or a P×Q ceiling is reached.
///
/// Costs and P×Q payments change only when a count changes, so the ledger never ticks per day: it
/// keeps the current rates and, whenever it is brought up to date, adds rate × elapsed time. A
/// threshold crossed inside that interval is found by solving for the moment, so it is exact, not
/// rounded to an event or a day. Per care type it integrates client-days, which the month-end
/// accounts turn into euros; the two computations of spend are checked against each other.
///
/// What runs out depends on the model: under `lumpsum` the consortium's spend is measured against
/// the budget; under `pxq` and `output` the municipality's payments are.
struct Ledger {
  let types: Int
  let inScope: ContiguousArray<Bool>
  private(set) var capacity: ContiguousArray<Int>
  let overflowFactor: ContiguousArray<Double>
  let overheadFactor: Double
  let baseCostPerDay: ContiguousArray<Double>
  let baseFixedPerSlotDay: ContiguousArray<Double>
  let baseIntake: ContiguousArray<Double>
  /// Per client-day, what the consortium pays subcontractors (share × their tariff), year-1 prices.
  let subcontractedPerDay: ContiguousArray<Double>
  let model: Funding.Model
  /// P×Q tariff per day and output fee per start, at year-1 prices.
  let baseTariff: ContiguousArray<Double>
  let baseFee: ContiguousArray<Double>

  /// This year's price multiplier (cost indexation).
  private(set) var priceLevel = 1.0
  /// Client-days within capacity and above it, per type, since the last month end.
  private(set) var normalDays: ContiguousArray<Double>
  private(set) var overflowDays: ContiguousArray<Double>
  /// Place-days per type since the last month end (places change with policies and exits).
  private(set) var placeDays: ContiguousArray<Double>
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

  /// Contract payments per day at the current counts (P×Q), and accrued this year.
  private var paymentRate = 0.0
  private(set) var runningPayment = 0.0
  /// This year's P×Q ceiling, and when it was reached.
  private var ceiling: Double?
  private(set) var ceilingReachedAt: Double?
  /// Output fees per type since the last month end.
  private(set) var feesThisMonth: ContiguousArray<Double>

  init(scenario: Scenario) {
    let careTypes = scenario.careTypes
    let overheadShare = scenario.funding.lumpsum.overheadShare
    model = scenario.funding.model
    baseTariff = ContiguousArray(careTypes.indices.map { scenario.tariffPerDay($0) })
    baseFee = ContiguousArray(careTypes.indices.map { scenario.feePerStart($0) })
    feesThisMonth = ContiguousArray(repeating: 0, count: careTypes.count)
    types = careTypes.count
    inScope = ContiguousArray(careTypes.map(\.inLumpsum))
    capacity = ContiguousArray(careTypes.map(\.capacity))
    overflowFactor = ContiguousArray(careTypes.map(\.overflowCostFactor))
    overheadFactor = 1 + overheadShare
    baseCostPerDay = ContiguousArray(careTypes.map(\.effectiveCostPerDay))
    subcontractedPerDay = ContiguousArray(careTypes.map { ($0.subcontracting?.share ?? 0) * ($0.subcontracting?.tariffPerDay ?? 0) })
    baseFixedPerSlotDay = ContiguousArray(careTypes.map(\.fixedCostPerSlotDay))
    baseIntake = ContiguousArray(careTypes.map(\.intakeCost))
    normalDays = ContiguousArray(repeating: 0, count: types)
    overflowDays = ContiguousArray(repeating: 0, count: types)
    placeDays = ContiguousArray(repeating: 0, count: types)
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
      if model == .lumpsum && exhaustedAt == nil && runningSpend > budget && rate > 0 {
        exhaustedAt = accruedUntil + max(0, budget - before) / rate
      }
      if paymentRate > 0 && ceilingReachedAt == nil { accruePayment(elapsed) }
    }
    accruedUntil = now
  }

  /// P×Q payments over `elapsed` days: the ceiling caps them, the budget may run out on the way.
  private mutating func accruePayment(_ elapsed: Double) {
    let before = runningPayment
    var after = before + paymentRate * elapsed
    if let ceiling, after >= ceiling {
      ceilingReachedAt = accruedUntil + max(0, ceiling - before) / paymentRate
      after = ceiling
    }
    if exhaustedAt == nil && after > budget {
      exhaustedAt = accruedUntil + max(0, budget - before) / paymentRate
    }
    runningPayment = after
  }

  /// True once this year's P×Q ceiling is reached by `now` (brings the books up to `now`).
  mutating func ceilingReached(at now: Double) -> Bool {
    guard ceiling != nil else { return false }
    accrue(to: now)
    return ceilingReachedAt != nil
  }

  /// Closes the client-day integral of type `k` at `now`, given the count it held until now.
  @inline(__always)
  private mutating func integrate(_ k: Int, heldCount: Int, now: Double) {
    let elapsed = now - lastTouched[k]
    if elapsed > 0 {
      let cap = capacity[k]
      normalDays[k] += Double(min(heldCount, cap)) * elapsed
      if heldCount > cap { overflowDays[k] += Double(heldCount - cap) * elapsed }
      placeDays[k] += Double(cap) * elapsed
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
      if model == .pxq { paymentRate += Double(delta) * baseTariff[k] * priceLevel }
    }
  }

  /// Books an output fee for a start in type `k` at `now`.
  @inline(__always)
  mutating func fee(_ k: Int, now: Double) {
    guard model == .output, inScope[k] else { return }
    let fee = baseFee[k] * priceLevel
    feesThisMonth[k] += fee
    runningPayment += fee
    if exhaustedAt == nil && runningPayment > budget { exhaustedAt = now }
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
    if model == .lumpsum && exhaustedAt == nil && runningSpend > budget { exhaustedAt = now }
  }

  /// True when spend so far this year exceeds the budget's share of the year elapsed by `now`.
  mutating func isAheadOfBudget(at now: Double, yearStart: Double) -> Bool {
    accrue(to: now)
    return runningSpend > budget * (now - yearStart) / DayCalendar.daysPerYear
  }

  /// True when this year's budget has run out by `now` (brings the books up to `now`).
  mutating func isExhausted(at now: Double) -> Bool {
    accrue(to: now)
    return exhaustedAt != nil
  }

  /// The month's accounts per type: variable + fixed + intake at this year's prices, no overhead.
  mutating func closeMonth(counts: ContiguousArray<Int>, now: Double) -> ContiguousArray<Double> {
    accrue(to: now)
    var costs = ContiguousArray<Double>(repeating: 0, count: types)
    for k in 0..<types {
      integrate(k, heldCount: counts[k], now: now)
      let perDay = baseCostPerDay[k] * priceLevel
      costs[k] = perDay * (normalDays[k] + overflowFactor[k] * overflowDays[k])
        + baseFixedPerSlotDay[k] * priceLevel * placeDays[k]
        + intakeThisMonth[k]
    }
    return costs
  }

  /// Client-days of type `k` this month (within and above capacity).
  func clientDays(_ k: Int) -> Double { normalDays[k] + overflowDays[k] }

  /// This month's payments by the consortium to subcontractors (in-scope types).
  func subcontractorPayment() -> Double {
    var total = 0.0
    for k in 0..<types where inScope[k] { total += subcontractedPerDay[k] * priceLevel * clientDays(k) }
    return total
  }

  /// This month's payment for care outside the contract: tariff × days of out-of-scope types.
  func outsidePayment() -> Double {
    var total = 0.0
    for k in 0..<types where !inScope[k] { total += baseTariff[k] * priceLevel * clientDays(k) }
    return total
  }

  /// In-scope cost per day of type `k` holding `count` children in `places` places, overhead included.
  private func dailyCost(_ k: Int, count: Int, places: Int) -> Double {
    guard inScope[k] else { return 0 }
    let perDay = baseCostPerDay[k] * priceLevel
    let variable = perDay * (Double(min(count, places)) + overflowFactor[k] * Double(max(0, count - places)))
    return (variable + baseFixedPerSlotDay[k] * priceLevel * Double(places)) * overheadFactor
  }

  /// Changes the places of type `k` at `now`, given the count it holds; the cost rate follows.
  mutating func setCapacity(_ k: Int, to places: Int, count: Int, now: Double) {
    accrue(to: now)
    integrate(k, heldCount: count, now: now)
    rate += dailyCost(k, count: count, places: places) - dailyCost(k, count: count, places: capacity[k])
    capacity[k] = places
  }

  /// Starts a new month: clears the integrals (after `closeMonth` was read).
  mutating func resetMonth() {
    for k in 0..<types {
      normalDays[k] = 0
      overflowDays[k] = 0
      placeDays[k] = 0
      intakeThisMonth[k] = 0
      feesThisMonth[k] = 0
    }
  }

  /// Starts a year with its budget and price level; the rate is rebuilt from the counts.
  /// Extra in-scope cost per day this year (a prevention investment paid by the consortium).
  private(set) var extraCostPerDay = 0.0

  mutating func startYear(
    budget: Double, ceiling: Double?, priceLevel: Double, counts: ContiguousArray<Int>, now: Double,
    extraCostPerDay: Double = 0
  ) {
    self.extraCostPerDay = extraCostPerDay
    self.budget = budget
    self.ceiling = ceiling
    self.priceLevel = priceLevel
    runningSpend = 0
    runningPayment = 0
    exhaustedAt = nil
    ceilingReachedAt = nil
    accruedUntil = now
    paymentRate = 0
    if model == .pxq {
      for k in 0..<types where inScope[k] { paymentRate += baseTariff[k] * priceLevel * Double(counts[k]) }
    }
    var newRate = 0.0
    for k in 0..<types where inScope[k] {
      let cap = capacity[k]
      let perDay = baseCostPerDay[k] * priceLevel
      newRate += perDay * (Double(min(counts[k], cap)) + overflowFactor[k] * Double(max(0, counts[k] - cap)))
      newRate += baseFixedPerSlotDay[k] * priceLevel * Double(cap)
    }
    rate = newRate * overheadFactor + extraCostPerDay
  }
}
