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
  var exits: UniqueArray<Int>
  var reneged: UniqueArray<Int>
  /// Every start that waited, in order: one append per such start. The sums of waits by type
  /// and year are added up once at the end (`startFigures()`).
  private var startRecords: UniqueArray<StartRecord>
  /// Starts per contract month and care type, [month × types + type].
  private var monthlyStarts: UniqueArray<Int>
  /// Starts without a wait per care type and contract year, [type × contractYears + year]: many
  /// children start at once, and a count is all their waits need.
  private var zeroWaits: UniqueArray<Int>
  var waitingDays: UniqueArray<Double>
  var inCareDays: UniqueArray<Double>
  var spend: UniqueArray<Double>
  private var waitingTouched: UniqueArray<Double>

  // Per contract year.
  var yearRepeatReferrals: UniqueArray<Int>
  var yearDiverted: UniqueArray<Int>
  var yearExits: UniqueArray<Int>
  var yearReneged: UniqueArray<Int>
  var yearPeakWaiting: UniqueArray<Int>
  /// Spend per contract year and care type, indexed [year × types + type].
  var yearSpendByType: UniqueArray<Double>

  // Per contract month.
  var monthlyReferrals: UniqueArray<Int>
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
    exits = UniqueArray(repeating: 0, count: types)
    reneged = UniqueArray(repeating: 0, count: types)
    startRecords = UniqueArray(capacity: expectedStarts + 16)
    monthlyStarts = UniqueArray(repeating: 0, count: months * types)
    zeroWaits = UniqueArray(repeating: 0, count: types * contractYears)
    waitingDays = UniqueArray(repeating: 0, count: types)
    inCareDays = UniqueArray(repeating: 0, count: types)
    spend = UniqueArray(repeating: 0, count: types)
    waitingTouched = UniqueArray(repeating: 0, count: types)
    yearDiverted = UniqueArray(repeating: 0, count: contractYears)
    yearRepeatReferrals = UniqueArray(repeating: 0, count: contractYears)
    yearExits = UniqueArray(repeating: 0, count: contractYears)
    yearReneged = UniqueArray(repeating: 0, count: contractYears)
    yearPeakWaiting = UniqueArray(repeating: 0, count: contractYears)
    yearSpendByType = UniqueArray(repeating: 0, count: contractYears * types)
    monthlyReferrals = UniqueArray(repeating: 0, count: months * sources)
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
  }

  /// A child returning after an exit: its timing follows earlier waits, so it is counted apart
  /// from the first-time referrals, which are the same under every policy.
  @inline(__always)
  mutating func repeatReferral(month: Int) {
    guard recording else { return }
    let m = contractMonth(month)
    yearRepeatReferrals[m / 12] += 1
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
    // Index arithmetic wraps instead of trapping: the subscript's bounds check still guards it.
    let m = contractMonth(month)
    monthlyStarts[m &* types &+ k] &+= 1
    guard wait > 0 else {
      zeroWaits[k &* contractYears &+ m / 12] &+= 1
      return
    }
    startRecords.append(StartRecord(wait: wait, month: Int32(truncatingIfNeeded: m), careType: Int32(truncatingIfNeeded: k)))
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
    counts: borrowing UniqueArray<CareTypeCounts>, inScopeCost: Double
  ) {
    guard recording else { return }
    let m = contractMonth(month)
    for k in 0..<types {
      waitingListChanges(k, length: counts[k].listLength, now: now)
      monthlyInCare[m * types + k] = counts[k].inCare
      monthlyWaiting[m * types + k] = counts[k].listLength
      monthlyCapacity[m * types + k] = counts[k].capacity
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

  /// Referrals in contract year `y`, first-time and repeat.
  func yearReferrals(_ y: Int) -> Int {
    var total = yearRepeatReferrals[y]
    for i in (y * 12 * sources)..<((y + 1) * 12 * sources) { total += monthlyReferrals[i] }
    return total
  }

  /// The starts added up by type, year and month, with their waits' means, counts over each
  /// type's norm (`waitingNorms`) and 90th percentiles.
  func startFigures(waitingNorms: [Double]) -> StartFigures {
    startRecords.withUnsafeBufferPointer { startFigures($0, waitingNorms: waitingNorms) }
  }

  private func startFigures(_ records: UnsafeBufferPointer<StartRecord>, waitingNorms: [Double]) -> StartFigures {
    let months = contractYears * 12, groups = types * contractYears
    // Local UniqueArrays: no copy-on-write check on each of the many additions. Every sum runs
    // in the order of the starts, as a running sum during the run would have; a zero wait
    // changes no sum, so skipping them keeps the sums the same to the bit.
    var yearWaitSum = UniqueArray<Double>(repeating: 0, count: contractYears)
    var typeWaitSum = UniqueArray<Double>(repeating: 0, count: types), overNorm = UniqueArray<Int>(repeating: 0, count: types)
    var groupWaitSum = UniqueArray<Double>(repeating: 0, count: groups)
    // Group g = type × contractYears + year: a type's waits over all years are one contiguous run.
    for record in records {
      let k = Int(record.careType), y = Int(record.month) / 12
      yearWaitSum[y] += record.wait
      typeWaitSum[k] += record.wait
      if record.wait > waitingNorms[k] { overNorm[k] &+= 1 }
      groupWaitSum[k &* contractYears &+ y] += record.wait
    }
    // The counts by type, by year and by group follow from the monthly counts (integers, so
    // exactly).
    var byType = [Int](repeating: 0, count: types), byYear = [Int](repeating: 0, count: contractYears)
    var offsets = UniqueArray<Int>(repeating: 0, count: groups + 1)
    for m in 0..<months {
      for k in 0..<types {
        let starts = monthlyStarts[m * types + k]
        byType[k] += starts
        byYear[m / 12] += starts
        offsets[k * contractYears + m / 12 + 1] += starts
      }
    }
    // A group's positive waits are its starts less its zeros.
    for g in 0..<groups { offsets[g + 1] += offsets[g] - zeroWaits[g] }
    var next = UniqueArray<Int>(repeating: 0, count: groups)
    for g in 0..<groups { next[g] = offsets[g] }
    var waits = UniqueArray<Double>(repeating: 0, count: offsets[groups])
    for record in records {
      let g = Int(record.careType) &* contractYears &+ Int(record.month) / 12
      waits[next[g]] = record.wait
      next[g] &+= 1
    }
    var p90 = [Double](repeating: 0, count: types)
    var yearMean = Array(repeating: [Double](repeating: 0, count: types), count: contractYears)
    var yearP90 = yearMean
    waits.withUnsafeMutableBufferPointer { all in
      // Selection reorders a group's waits, so each year's percentile is taken before the type's.
      for k in 0..<types {
        var typeZeros = 0
        for y in 0..<contractYears {
          let g = k * contractYears + y
          let part = UnsafeMutableBufferPointer(rebasing: all[offsets[g]..<offsets[g + 1]])
          let starts = part.count + zeroWaits[g]
          yearMean[y][k] = starts == 0 ? 0 : groupWaitSum[g] / Double(starts)
          yearP90[y][k] = Statistics.quantile(selecting: part, zeros: zeroWaits[g], 0.9)
          typeZeros += zeroWaits[g]
        }
        p90[k] = Statistics.quantile(
          selecting: UnsafeMutableBufferPointer(rebasing: all[offsets[k * contractYears]..<offsets[(k + 1) * contractYears]]),
          zeros: typeZeros, 0.9)
      }
    }
    return StartFigures(
      byType: byType, byYear: byYear, monthly: monthlyStarts.array, yearWaitSum: yearWaitSum.array,
      typeWaitSum: typeWaitSum.array, overNorm: overNorm.array, p90: p90, yearMean: yearMean, yearP90: yearP90)
  }
}

/// One start that waited: its wait, contract month and care type.
struct StartRecord {
  var wait: Double
  var month: Int32
  var careType: Int32
}

/// The starts of a replication added up at the end.
struct StartFigures {
  /// Starts per care type, per contract year, and per contract month × types + type.
  var byType: [Int], byYear: [Int], monthly: [Int]
  /// The sum of the waits of each contract year's starts, and of each care type's.
  var yearWaitSum: [Double], typeWaitSum: [Double]
  /// Per care type over the contract: starts that waited longer than the norm; the 90th percentile.
  var overNorm: [Int], p90: [Double]
  /// Per contract year and care type: the mean wait and its 90th percentile.
  var yearMean: [[Double]], yearP90: [[Double]]
}
