/// Collects a replication's statistics over the contract years (the warm-up is not recorded).
struct Recorder {
  let types: Int
  let sources: Int
  let contractYears: Int
  let contractStartMonth: Int
  private(set) var recording = false

  // Per care type, over the contract.
  var arrivals: ContiguousArray<Int>
  var starts: ContiguousArray<Int>
  var exits: ContiguousArray<Int>
  var reneged: ContiguousArray<Int>
  /// Waits of the starts in each contract year and care type, indexed [year × types + type].
  var waits: [ContiguousArray<Double>]
  var waitingDays: ContiguousArray<Double>
  var inCareDays: ContiguousArray<Double>
  var spend: ContiguousArray<Double>
  private var waitingTouched: ContiguousArray<Double>

  // Per contract year.
  var yearReferrals: [Int]
  var yearRepeatReferrals: [Int]
  var yearDiverted: [Int]
  var yearStarts: [Int]
  var yearExits: [Int]
  var yearReneged: [Int]
  var yearPeakWaiting: [Int]
  var yearWaitSum: [Double]
  var yearSpendByType: [[Double]]

  // Per contract month.
  var monthlyReferrals: [Int]
  var monthlyStarts: [Int]
  var monthlyInCare: [Int]
  var monthlyWaiting: [Int]
  var monthlyCapacity: [Int]
  var monthlySpend: [Double]
  var monthlySpendInScope: [Double]

  init(types: Int, sources: Int, contractYears: Int, warmupYears: Int, expectedStarts: Int) {
    self.types = types
    self.sources = sources
    self.contractYears = contractYears
    contractStartMonth = warmupYears * 12
    let months = contractYears * 12
    arrivals = ContiguousArray(repeating: 0, count: types)
    starts = arrivals
    exits = arrivals
    reneged = arrivals
    waits = (0..<(types * contractYears)).map { _ in
      var w = ContiguousArray<Double>()
      w.reserveCapacity(expectedStarts / max(types * contractYears, 1) + 16)
      return w
    }
    waitingDays = ContiguousArray(repeating: 0, count: types)
    inCareDays = waitingDays
    spend = waitingDays
    waitingTouched = waitingDays
    yearReferrals = Array(repeating: 0, count: contractYears)
    yearDiverted = yearReferrals
    yearRepeatReferrals = yearReferrals
    yearStarts = yearReferrals
    yearExits = yearReferrals
    yearReneged = yearReferrals
    yearPeakWaiting = yearReferrals
    yearWaitSum = Array(repeating: 0, count: contractYears)
    yearSpendByType = Array(repeating: Array(repeating: 0, count: types), count: contractYears)
    monthlyReferrals = Array(repeating: 0, count: months * sources)
    monthlyStarts = Array(repeating: 0, count: months * types)
    monthlyInCare = monthlyStarts
    monthlyWaiting = monthlyStarts
    monthlyCapacity = monthlyStarts
    monthlySpend = Array(repeating: 0, count: months * types)
    monthlySpendInScope = Array(repeating: 0, count: months)
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
    waits[(m / 12) * types + k].append(wait)
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
    inCare: ContiguousArray<Int>, listLength: ContiguousArray<Int>, capacity: ContiguousArray<Int>, inScopeCost: Double
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
      yearSpendByType[m / 12][k] += costs[k]
    }
    monthlySpendInScope[m] = inScopeCost
  }
}
