import SimKernel

/// Collects a replication's statistics over the contract years (the warm-up is not recorded).
///
/// Its counters are `UniqueArray`s: they change on nearly every event, and a write to one costs
/// an indexed store, with no copy-on-write check.
struct Recorder: ~Copyable {
  let types: Int
  let sources: Int
  let contractYears: Int
  let contractStartMonth: Int
  private(set) var recording = false

  // Per care type, over the contract.
  var arrivals: UniqueArray<Int>
  var starts: UniqueArray<Int>
  var exits: UniqueArray<Int>
  var reneged: UniqueArray<Int>
  /// Every start's wait in the order of the starts, and its cell [year × types + type]: two
  /// appends per start; `waitsByCell()` groups them once at the end.
  private var waitValues: UniqueArray<Double>
  private var waitCells: UniqueArray<Int32>
  var waitingDays: UniqueArray<Double>
  var inCareDays: UniqueArray<Double>
  var spend: UniqueArray<Double>
  private var waitingTouched: UniqueArray<Double>

  // Per contract year.
  var yearReferrals: UniqueArray<Int>
  var yearRepeatReferrals: UniqueArray<Int>
  var yearDiverted: UniqueArray<Int>
  var yearStarts: UniqueArray<Int>
  var yearExits: UniqueArray<Int>
  var yearReneged: UniqueArray<Int>
  var yearPeakWaiting: UniqueArray<Int>
  var yearWaitSum: UniqueArray<Double>
  /// Spend per contract year and care type, indexed [year × types + type].
  var yearSpendByType: UniqueArray<Double>

  // Per contract month.
  var monthlyReferrals: UniqueArray<Int>
  var monthlyStarts: UniqueArray<Int>
  var monthlyInCare: UniqueArray<Int>
  var monthlyWaiting: UniqueArray<Int>
  var monthlyCapacity: UniqueArray<Int>
  var monthlySpend: UniqueArray<Double>
  var monthlySpendInScope: UniqueArray<Double>

  init(types: Int, sources: Int, contractYears: Int, warmupYears: Int, expectedStarts: Int) {
    self.types = types
    self.sources = sources
    self.contractYears = contractYears
    contractStartMonth = warmupYears * 12
    let months = contractYears * 12
    arrivals = UniqueArray(repeating: 0, count: types)
    starts = UniqueArray(repeating: 0, count: types)
    exits = UniqueArray(repeating: 0, count: types)
    reneged = UniqueArray(repeating: 0, count: types)
    waitValues = UniqueArray(capacity: expectedStarts + 16)
    waitCells = UniqueArray(capacity: expectedStarts + 16)
    waitingDays = UniqueArray(repeating: 0, count: types)
    inCareDays = UniqueArray(repeating: 0, count: types)
    spend = UniqueArray(repeating: 0, count: types)
    waitingTouched = UniqueArray(repeating: 0, count: types)
    yearReferrals = UniqueArray(repeating: 0, count: contractYears)
    yearDiverted = UniqueArray(repeating: 0, count: contractYears)
    yearRepeatReferrals = UniqueArray(repeating: 0, count: contractYears)
    yearStarts = UniqueArray(repeating: 0, count: contractYears)
    yearExits = UniqueArray(repeating: 0, count: contractYears)
    yearReneged = UniqueArray(repeating: 0, count: contractYears)
    yearPeakWaiting = UniqueArray(repeating: 0, count: contractYears)
    yearWaitSum = UniqueArray(repeating: 0, count: contractYears)
    yearSpendByType = UniqueArray(repeating: 0, count: contractYears * types)
    monthlyReferrals = UniqueArray(repeating: 0, count: months * sources)
    monthlyStarts = UniqueArray(repeating: 0, count: months * types)
    monthlyInCare = UniqueArray(repeating: 0, count: months * types)
    monthlyWaiting = UniqueArray(repeating: 0, count: months * types)
    monthlyCapacity = UniqueArray(repeating: 0, count: months * types)
    monthlySpend = UniqueArray(repeating: 0, count: months * types)
    monthlySpendInScope = UniqueArray(repeating: 0, count: months)
  }

  /// Begins recording at the first contract day, with the lists as they are then.
  mutating func beginContract(now: Double) {
    recording = true
    for k in 0..<types {
      waitingDays[k] = 0
      waitingTouched[k] = now
    }
  }

  @inline(__always)
  func contractMonth(_ simulatedMonth: Int) -> Int { simulatedMonth - contractStartMonth }

  @inline(__always)
  mutating func referral(source: Int, month: Int) {
    guard recording else { return }
    let m = contractMonth(month)
    monthlyReferrals[m * sources + source] += 1
    yearReferrals[m / 12] += 1
  }

  /// A child returning after an exit: its timing follows earlier waits, so it is counted apart
  /// from the first-time referrals, which are the same under every policy.
  @inline(__always)
  mutating func repeatReferral(month: Int) {
    guard recording else { return }
    let m = contractMonth(month)
    yearRepeatReferrals[m / 12] += 1
    yearReferrals[m / 12] += 1
  }

  @inline(__always)
  mutating func diverted(month: Int) {
    guard recording else { return }
    yearDiverted[contractMonth(month) / 12] += 1
  }

  @inline(__always)
  mutating func arrival(_ k: Int) {
    if recording { arrivals[k] += 1 }
  }

  @inline(__always)
  mutating func start(_ k: Int, wait: Double, month: Int) {
    guard recording else { return }
    let m = contractMonth(month)
    starts[k] += 1
    waitValues.append(wait)
    waitCells.append(Int32((m / 12) * types + k))
    monthlyStarts[m * types + k] += 1
    yearStarts[m / 12] += 1
    yearWaitSum[m / 12] += wait
  }

  @inline(__always)
  mutating func episodeEnds(_ k: Int) {
    if recording { exits[k] += 1 }
  }

  @inline(__always)
  mutating func leftCare(month: Int) {
    guard recording else { return }
    yearExits[contractMonth(month) / 12] += 1
  }

  @inline(__always)
  mutating func renege(_ k: Int, month: Int) {
    guard recording else { return }
    reneged[k] += 1
    yearReneged[contractMonth(month) / 12] += 1
  }

  /// Integrates the waiting list of type `k`, which held `length` children until `now`.
  @inline(__always)
  mutating func waitingListChanges(_ k: Int, length: Int, now: Double) {
    guard recording else { return }
    waitingDays[k] += Double(length) * (now - waitingTouched[k])
    waitingTouched[k] = now
  }

  @inline(__always)
  mutating func totalWaiting(_ total: Int, month: Int) {
    guard recording else { return }
    let y = contractMonth(month) / 12
    if total > yearPeakWaiting[y] { yearPeakWaiting[y] = total }
  }

  /// Closes a contract month with the ledger's accounts and the end-of-month counts.
  mutating func closeMonth(
    month: Int, now: Double, costs: ContiguousArray<Double>, clientDays: ContiguousArray<Double>,
    inCare: borrowing UniqueArray<Int>, listLength: borrowing UniqueArray<Int>, capacity: borrowing UniqueArray<Int>,
    inScopeCost: Double
  ) {
    guard recording else { return }
    let m = contractMonth(month)
    for k in 0..<types {
      waitingListChanges(k, length: listLength[k], now: now)
      monthlyInCare[m * types + k] = inCare[k]
      monthlyWaiting[m * types + k] = listLength[k]
      monthlyCapacity[m * types + k] = capacity[k]
      monthlySpend[m * types + k] = costs[k]
      spend[k] += costs[k]
      inCareDays[k] += clientDays[k]
      yearSpendByType[(m / 12) * types + k] += costs[k]
    }
    monthlySpendInScope[m] = inScopeCost
  }

  /// Spend per care type in contract year `y`.
  func yearSpend(_ y: Int) -> [Double] {
    (0..<types).map { yearSpendByType[y * types + $0] }
  }

  /// Every start's wait grouped by care type, then contract year, each group in the order of the
  /// starts: group g = type × contractYears + year holds `values[offsets[g]..<offsets[g + 1]]`, so
  /// a type's waits over all years are one contiguous run.
  func waitsByTypeAndYear() -> (values: [Double], offsets: [Int]) {
    var offsets = [Int](repeating: 0, count: types * contractYears + 1)
    @inline(__always) func group(_ cell: Int32) -> Int {
      (Int(cell) % types) * contractYears + Int(cell) / types
    }
    for i in waitCells.indices { offsets[group(waitCells[i]) + 1] += 1 }
    for g in 0..<(offsets.count - 1) { offsets[g + 1] += offsets[g] }
    var next = offsets
    var values = [Double](repeating: 0, count: waitValues.count)
    for i in waitValues.indices {
      let g = group(waitCells[i])
      values[next[g]] = waitValues[i]
      next[g] += 1
    }
    return (values, offsets)
  }
}
