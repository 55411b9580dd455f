import SimKernel

/// The contracts' books: the providers' spend and the municipality's payments, accrued exactly
/// between events, and the moments a budget runs out or a P×Q ceiling is reached.
///
/// Costs and P×Q payments change only when a count changes, so the ledger never ticks per day: it
/// keeps the current rates and, whenever it is brought up to date, adds rate × elapsed time. A
/// threshold crossed inside that interval is found by solving for the moment, so it is exact, not
/// rounded to an event or a day. Each contract has its own running account (`ContractBooks`);
/// per care type the ledger integrates client-days, which the month-end accounts turn into euros;
/// the two computations of spend are checked against each other.
///
/// What runs out depends on the model: under `lumpsum` a consortium's spend is measured against
/// its budget; under `pxq` and `output` the municipality's payments are.
struct Ledger: ~Copyable {
  let types: Int
  /// The contract of each care type, or -1 when the municipality pays it per day.
  let contractOf: ContiguousArray<Int>
  let inScope: ContiguousArray<Bool>
  private(set) var capacity: UniqueArray<Int>
  let overflowFactor: ContiguousArray<Double>
  /// 1 + overhead share of each care type's contract (1 outside every contract).
  let overheadOf: ContiguousArray<Double>
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
  /// Per care type at this year's prices: what one more client adds to its contract's spend rate
  /// within capacity and above it (overhead included) and to its P×Q payment rate, and an intake's
  /// cost. Counts change on most events, prices once a year, so the products are taken once a
  /// year, in the order the per-event sums used to take them: the sums agree to the last bit.
  private(set) var clientRate: UniqueArray<Double>
  private var overflowClientRate: UniqueArray<Double>
  private var clientPayment: UniqueArray<Double>
  private(set) var intakeCost: UniqueArray<Double>
  /// Client-days within capacity and above it, per type, since the last month end.
  private(set) var normalDays: UniqueArray<Double>
  private(set) var overflowDays: UniqueArray<Double>
  /// Place-days per type since the last month end (places change with policies and exits).
  private(set) var placeDays: UniqueArray<Double>
  private var lastTouched: UniqueArray<Double>
  /// Intake costs per type since the last month end (at this year's prices, no overhead).
  private(set) var intakeThisMonth: UniqueArray<Double>

  /// Each contract's running account.
  private(set) var books: UniqueArray<ContractBooks>
  /// Output fees per type since the last month end.
  private(set) var feesThisMonth: UniqueArray<Double>

  init(scenario: Scenario) {
    let careTypes = scenario.careTypes
    model = scenario.funding.model
    let contractOf = ContiguousArray(careTypes.indices.map { scenario.contractIndex(ofCareType: $0) ?? -1 })
    self.contractOf = contractOf
    books = UniqueArray(scenario.contracts.map { ContractBooks(overheadFactor: 1 + $0.lumpsum.overheadShare) })
    overheadOf = ContiguousArray(contractOf.map { $0 >= 0 ? 1 + scenario.contracts[$0].lumpsum.overheadShare : 1 })
    baseTariff = ContiguousArray(careTypes.indices.map { scenario.tariffPerDay($0) })
    baseFee = ContiguousArray(careTypes.indices.map { scenario.feePerStart($0) })
    feesThisMonth = UniqueArray(repeating: 0, count: careTypes.count)
    types = careTypes.count
    inScope = ContiguousArray(contractOf.map { $0 >= 0 })
    capacity = UniqueArray(careTypes.map(\.capacity))
    overflowFactor = ContiguousArray(careTypes.map(\.overflowCostFactor))
    baseCostPerDay = ContiguousArray(careTypes.map(\.effectiveCostPerDay))
    subcontractedPerDay = ContiguousArray(careTypes.map { ($0.subcontracting?.share ?? 0) * ($0.subcontracting?.tariffPerDay ?? 0) })
    baseFixedPerSlotDay = ContiguousArray(careTypes.map(\.fixedCostPerSlotDay))
    baseIntake = ContiguousArray(careTypes.map(\.intakeCost))
    normalDays = UniqueArray(repeating: 0, count: types)
    overflowDays = UniqueArray(repeating: 0, count: types)
    placeDays = UniqueArray(repeating: 0, count: types)
    lastTouched = UniqueArray(repeating: 0, count: types)
    intakeThisMonth = UniqueArray(repeating: 0, count: types)
    clientRate = UniqueArray(repeating: 0, count: types)
    overflowClientRate = UniqueArray(repeating: 0, count: types)
    clientPayment = UniqueArray(repeating: 0, count: types)
    intakeCost = UniqueArray(repeating: 0, count: types)
    priceRates()
  }

  /// Takes this year's per-client rates from the base figures and `priceLevel`.
  private mutating func priceRates() {
    for k in 0..<types {
      let perDay = baseCostPerDay[k] * priceLevel
      clientRate[k] = perDay * overheadOf[k]
      overflowClientRate[k] = perDay * overflowFactor[k] * overheadOf[k]
      clientPayment[k] = baseTariff[k] * priceLevel
      intakeCost[k] = baseIntake[k] * priceLevel
    }
  }

  /// Brings contract `c`'s books up to `now`.
  @inline(__always)
  mutating func accrue(_ c: Int, to now: Double) {
    books[c].accrue(to: now, measuresSpend: model == .lumpsum)
  }

  /// True once the P×Q ceiling of care type `k`'s contract is reached by `now`.
  mutating func ceilingReached(_ k: Int, at now: Double) -> Bool {
    let c = contractOf[k]
    guard c >= 0, books[c].ceiling != nil else { return false }
    accrue(c, to: now)
    return books[c].ceilingReachedAt != nil
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
    integrate(k, heldCount: oldCount, now: now)
    let c = contractOf[k]
    if c >= 0 {
      accrue(c, to: now)
      // The client who arrives or leaves is the last one counted: above capacity it costs more.
      let rate = (delta > 0 ? oldCount + 1 : oldCount) <= capacity[k] ? clientRate[k] : overflowClientRate[k]
      books[c].rate += delta > 0 ? rate : -rate
      if model == .pxq { books[c].paymentRate += delta > 0 ? clientPayment[k] : -clientPayment[k] }
    }
  }

  /// Books an output fee for a start in type `k` at `now`.
  @inline(__always)
  mutating func fee(_ k: Int, now: Double) {
    let c = contractOf[k]
    guard model == .output, c >= 0 else { return }
    let fee = baseFee[k] * priceLevel
    feesThisMonth[k] += fee
    books[c].runningPayment += fee
    if books[c].exhaustedAt == nil && books[c].runningPayment > books[c].budget { books[c].exhaustedAt = now }
  }

  /// Books the intake cost of a start in type `k` at `now`.
  @inline(__always)
  mutating func intake(_ k: Int, now: Double) {
    let cost = intakeCost[k]
    guard cost > 0 else { return }
    intakeThisMonth[k] += cost
    let c = contractOf[k]
    guard c >= 0 else { return }
    accrue(c, to: now)
    books[c].runningSpend += cost * overheadOf[k]
    if model == .lumpsum && books[c].exhaustedAt == nil && books[c].runningSpend > books[c].budget { books[c].exhaustedAt = now }
  }

  /// True when care type `k`'s contract has spent more this year than its budget's share of the
  /// year elapsed by `now`.
  mutating func isAheadOfBudget(_ k: Int, at now: Double, yearStart: Double) -> Bool {
    let c = contractOf[k]
    guard c >= 0 else { return false }
    accrue(c, to: now)
    return books[c].runningSpend > books[c].budget * (now - yearStart) / DayCalendar.daysPerYear
  }

  /// True when the budget of care type `k`'s contract has run out by `now`.
  mutating func isExhausted(_ k: Int, at now: Double) -> Bool {
    let c = contractOf[k]
    guard c >= 0 else { return false }
    accrue(c, to: now)
    return books[c].exhaustedAt != nil
  }

  /// The month's accounts per type: variable + fixed + intake at this year's prices, no overhead.
  mutating func closeMonth(counts: borrowing UniqueArray<Int>, now: Double) -> ContiguousArray<Double> {
    for c in 0..<books.count { accrue(c, to: now) }
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

  /// This month's payments by the consortia to subcontractors (in-scope types).
  func subcontractorPayment() -> Double {
    var total = 0.0
    for k in 0..<types where inScope[k] { total += subcontractedPerDay[k] * priceLevel * clientDays(k) }
    return total
  }

  /// This month's payment for care outside every contract: tariff × days of out-of-scope types.
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
    return (variable + baseFixedPerSlotDay[k] * priceLevel * Double(places)) * overheadOf[k]
  }

  /// Changes the places of type `k` at `now`, given the count it holds; the cost rate follows.
  mutating func setCapacity(_ k: Int, to places: Int, count: Int, now: Double) {
    integrate(k, heldCount: count, now: now)
    let c = contractOf[k]
    if c >= 0 {
      accrue(c, to: now)
      books[c].rate += dailyCost(k, count: count, places: places) - dailyCost(k, count: count, places: capacity[k])
    }
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

  /// Starts a year with each contract's budget, ceiling and extra cost per day, and this year's
  /// price level; the rates are rebuilt from the counts.
  mutating func startYear(
    budgets: [Double], ceilings: [Double?], extraCostPerDay: [Double], priceLevel: Double,
    counts: borrowing UniqueArray<Int>, now: Double
  ) {
    self.priceLevel = priceLevel
    priceRates()
    for c in 0..<books.count {
      books[c].startYear(budget: budgets[c], ceiling: ceilings[c], extraCostPerDay: extraCostPerDay[c], now: now)
    }
    for k in 0..<types where inScope[k] {
      let c = contractOf[k]
      if model == .pxq { books[c].paymentRate += baseTariff[k] * priceLevel * Double(counts[k]) }
      books[c].rate += dailyCost(k, count: counts[k], places: capacity[k])
    }
  }
}
