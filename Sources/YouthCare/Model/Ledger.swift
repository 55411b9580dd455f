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
  let overflowFactor: ContiguousArray<Double>
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
  /// Each care type's part of the books, what an event changes in one record: one bounds check
  /// per event instead of one per array.
  private(set) var byType: UniqueArray<CareTypeBooks>

  /// Each contract's running account.
  private(set) var books: UniqueArray<ContractBooks>

  init(scenario: Scenario) {
    let careTypes = scenario.careTypes
    model = scenario.funding.model
    books = UniqueArray(scenario.contracts.map { ContractBooks(overheadFactor: 1 + $0.lumpsum.overheadShare) })
    byType = UniqueArray(careTypes.indices.map { k in
      let c = scenario.contractIndex(ofCareType: k) ?? -1
      return CareTypeBooks(
        contract: c, overhead: c >= 0 ? 1 + scenario.contracts[c].lumpsum.overheadShare : 1,
        capacity: careTypes[k].capacity)
    })
    baseTariff = ContiguousArray(careTypes.indices.map { scenario.tariffPerDay($0) })
    baseFee = ContiguousArray(careTypes.indices.map { scenario.feePerStart($0) })
    types = careTypes.count
    overflowFactor = ContiguousArray(careTypes.map(\.overflowCostFactor))
    baseCostPerDay = ContiguousArray(careTypes.map(\.effectiveCostPerDay))
    subcontractedPerDay = ContiguousArray(careTypes.map { ($0.subcontracting?.share ?? 0) * ($0.subcontracting?.tariffPerDay ?? 0) })
    baseFixedPerSlotDay = ContiguousArray(careTypes.map(\.fixedCostPerSlotDay))
    baseIntake = ContiguousArray(careTypes.map(\.intakeCost))
    priceRates()
  }

  /// Takes this year's per-client rates from the base figures and `priceLevel`.
  private mutating func priceRates() {
    for k in 0..<types {
      let perDay = baseCostPerDay[k] * priceLevel
      let overhead = byType[k].overhead
      byType[k].clientRate = perDay * overhead
      byType[k].overflowClientRate = perDay * overflowFactor[k] * overhead
      byType[k].clientPayment = baseTariff[k] * priceLevel
      byType[k].intakeCost = baseIntake[k] * priceLevel
    }
  }

  /// Brings contract `c`'s books up to `now`.
  @inline(__always)
  mutating func accrue(_ c: Int, to now: Double) {
    books[c].accrue(to: now, measuresSpend: model == .lumpsum)
  }

  /// True once the P×Q ceiling of care type `k`'s contract is reached by `now`.
  mutating func ceilingReached(_ k: Int, at now: Double) -> Bool {
    let c = byType[k].contract
    guard c >= 0, books[c].ceiling != nil else { return false }
    accrue(c, to: now)
    return books[c].ceilingReachedAt != nil
  }

  /// Records that type `k` goes from `oldCount` to `oldCount + delta` clients at `now` (delta ±1).
  @inline(__always)
  mutating func countChanges(_ k: Int, from oldCount: Int, by delta: Int, now: Double) {
    let change = byType[k].countChanges(from: oldCount, by: delta, now: now)
    guard change.contract >= 0 else { return }
    let measuresSpend = model == .lumpsum, pxq = model == .pxq
    books[change.contract].countChanges(
      rate: delta > 0 ? change.rate : -change.rate, payment: delta > 0 ? change.payment : -change.payment,
      pxq: pxq, now: now, measuresSpend: measuresSpend)
  }

  /// Books an output fee for a start in type `k` at `now`.
  @inline(__always)
  mutating func fee(_ k: Int, now: Double) {
    guard model == .output else { return }
    let c = byType[k].contract
    guard c >= 0 else { return }
    let fee = baseFee[k] * priceLevel
    byType[k].feesThisMonth += fee
    books[c].charge(payment: fee, at: now)
  }

  /// Books the intake cost of a start in type `k` at `now`.
  @inline(__always)
  mutating func intake(_ k: Int, now: Double) {
    let charge = byType[k].intake()
    guard charge.cost > 0, charge.contract >= 0 else { return }
    let c = charge.contract
    accrue(c, to: now)
    books[c].charge(spend: charge.cost * charge.overhead, at: now, measuresSpend: model == .lumpsum)
  }

  /// True when care type `k`'s contract has spent more this year than its budget's share of the
  /// year elapsed by `now`.
  mutating func isAheadOfBudget(_ k: Int, at now: Double, yearStart: Double) -> Bool {
    let c = byType[k].contract
    guard c >= 0 else { return false }
    accrue(c, to: now)
    return books[c].runningSpend > books[c].budget * (now - yearStart) / DayCalendar.daysPerYear
  }

  /// True when the budget of care type `k`'s contract has run out by `now`.
  mutating func isExhausted(_ k: Int, at now: Double) -> Bool {
    let c = byType[k].contract
    guard c >= 0 else { return false }
    accrue(c, to: now)
    return books[c].exhaustedAt != nil
  }

  /// The month's accounts per type: variable + fixed + intake at this year's prices, no overhead.
  mutating func closeMonth(counts: borrowing UniqueArray<CareTypeCounts>, now: Double) -> ContiguousArray<Double> {
    for c in 0..<books.count { accrue(c, to: now) }
    var costs = ContiguousArray<Double>(repeating: 0, count: types)
    for k in 0..<types {
      byType[k].integrate(heldCount: counts[k].inCare, now: now)
      let perDay = baseCostPerDay[k] * priceLevel
      let month = byType[k]
      costs[k] = perDay * (month.normalDays + overflowFactor[k] * month.overflowDays)
        + baseFixedPerSlotDay[k] * priceLevel * month.placeDays
        + month.intakeThisMonth
    }
    return costs
  }

  /// Client-days of type `k` this month (within and above capacity).
  func clientDays(_ k: Int) -> Double { byType[k].normalDays + byType[k].overflowDays }

  /// The contract-care cost per day of one more client of type `k` within capacity, overhead
  /// included (0 outside every contract).
  @inline(__always)
  func clientCostPerDay(_ k: Int) -> Double {
    byType[k].inScope ? byType[k].clientRate : 0
  }

  /// The cost of an intake in type `k` at this year's prices, overhead included.
  @inline(__always)
  func intakeCostWithOverhead(_ k: Int) -> Double { byType[k].intakeCost * byType[k].overhead }

  /// This month's payments by the consortia to subcontractors (in-scope types).
  func subcontractorPayment() -> Double {
    var total = 0.0
    for k in 0..<types where byType[k].inScope { total += subcontractedPerDay[k] * priceLevel * clientDays(k) }
    return total
  }

  /// This month's payment for care outside every contract: tariff × days of out-of-scope types.
  func outsidePayment() -> Double {
    var total = 0.0
    for k in 0..<types where !byType[k].inScope { total += baseTariff[k] * priceLevel * clientDays(k) }
    return total
  }

  /// In-scope cost per day of type `k` holding `count` children in `places` places, overhead included.
  private func dailyCost(_ k: Int, count: Int, places: Int) -> Double {
    guard byType[k].inScope else { return 0 }
    let perDay = baseCostPerDay[k] * priceLevel
    let variable = perDay * (Double(min(count, places)) + overflowFactor[k] * Double(max(0, count - places)))
    return (variable + baseFixedPerSlotDay[k] * priceLevel * Double(places)) * byType[k].overhead
  }

  /// Changes the places of type `k` at `now`, given the count it holds; the cost rate follows.
  mutating func setCapacity(_ k: Int, to places: Int, count: Int, now: Double) {
    byType[k].integrate(heldCount: count, now: now)
    let c = byType[k].contract
    if c >= 0 {
      accrue(c, to: now)
      books[c].rate += dailyCost(k, count: count, places: places) - dailyCost(k, count: count, places: byType[k].capacity)
    }
    byType[k].capacity = places
  }

  /// Starts a new month: clears the integrals (after `closeMonth` was read).
  mutating func resetMonth() {
    for k in 0..<types { byType[k].resetMonth() }
  }

  /// Starts a year with each contract's budget, ceiling and extra cost per day, and this year's
  /// price level; the rates are rebuilt from the counts.
  mutating func startYear(
    budgets: [Double], ceilings: [Double?], extraCostPerDay: [Double], priceLevel: Double,
    counts: borrowing UniqueArray<CareTypeCounts>, now: Double
  ) {
    self.priceLevel = priceLevel
    priceRates()
    for c in 0..<books.count {
      books[c].startYear(budget: budgets[c], ceiling: ceilings[c], extraCostPerDay: extraCostPerDay[c], now: now)
    }
    for k in 0..<types where byType[k].inScope {
      let c = byType[k].contract
      if model == .pxq { books[c].paymentRate += baseTariff[k] * priceLevel * Double(counts[k].inCare) }
      books[c].rate += dailyCost(k, count: counts[k].inCare, places: byType[k].capacity)
    }
  }
}

/// One care type's part of the ledger: this year's rates and what the type used since the last
/// month end.
struct CareTypeBooks {
  /// The type's contract, or -1 when the municipality pays it per day.
  let contract: Int
  /// 1 + overhead share of the type's contract (1 outside every contract).
  let overhead: Double
  var capacity: Int
  /// At this year's prices: what one more client adds to the contract's spend rate within
  /// capacity and above it (overhead included) and to its P×Q payment rate, and an intake's cost.
  /// Counts change on most events, prices once a year, so the products are taken once a year, in
  /// the order the per-event sums used to take them: the sums agree to the last bit.
  var clientRate = 0.0
  var overflowClientRate = 0.0
  var clientPayment = 0.0
  var intakeCost = 0.0
  /// Client-days within capacity and above it, and place-days, since the last month end (places
  /// change with policies and exits).
  var normalDays = 0.0
  var overflowDays = 0.0
  var placeDays = 0.0
  var lastTouched = 0.0
  /// Intake costs (this year's prices, no overhead) and output fees since the last month end.
  var intakeThisMonth = 0.0
  var feesThisMonth = 0.0

  /// In a contract, not paid per day outside every contract.
  var inScope: Bool { contract >= 0 }

  init(contract: Int, overhead: Double, capacity: Int) {
    self.contract = contract
    self.overhead = overhead
    self.capacity = capacity
  }

  /// Closes the client-day integral at `now`, given the count held until now.
  @inline(__always)
  mutating func integrate(heldCount: Int, now: Double) {
    let elapsed = now - lastTouched
    if elapsed > 0 {
      normalDays += Double(min(heldCount, capacity)) * elapsed
      if heldCount > capacity { overflowDays += Double(heldCount - capacity) * elapsed }
      placeDays += Double(capacity) * elapsed
    }
    lastTouched = now
  }

  /// Integrates up to `now` before the count goes from `oldCount` by `delta` (±1), and returns
  /// what the client who arrives or leaves changes in the contract's rates.
  @inline(__always)
  mutating func countChanges(from oldCount: Int, by delta: Int, now: Double) -> (contract: Int, rate: Double, payment: Double) {
    integrate(heldCount: oldCount, now: now)
    // The client who arrives or leaves is the last one counted: above capacity it costs more.
    let rate = (delta > 0 ? oldCount + 1 : oldCount) <= capacity ? clientRate : overflowClientRate
    return (contract, rate, clientPayment)
  }

  /// Books an intake's cost in this month's figures and returns it with the contract to charge.
  @inline(__always)
  mutating func intake() -> (cost: Double, contract: Int, overhead: Double) {
    if intakeCost > 0 { intakeThisMonth += intakeCost }
    return (intakeCost, contract, overhead)
  }

  /// Clears the month's integrals (after the month's accounts were read).
  mutating func resetMonth() {
    normalDays = 0
    overflowDays = 0
    placeDays = 0
    intakeThisMonth = 0
    feesThisMonth = 0
  }
}
