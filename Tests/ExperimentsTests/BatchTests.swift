import Experiments
import Foundation
import LumpsimTestSupport
import SimKernel
import Testing
import YouthCare

/// A batch folded from `ParallelReplications` on the given number of threads.
func runBatch(_ scenario: Scenario, seed: UInt64, count: Int, threads: Int, sample: Int = 10_000) throws -> BatchResult {
  var accumulator = BatchAccumulator(scenario: scenario, seed: seed, sampleCapacity: sample)
  var order: [Int] = []
  try ParallelReplications.run(scenario, seed: seed, count: count, threads: threads) { index, result in
    for problem in checkInvariants(result, scenario) { Issue.record("replication \(index): \(problem)") }
    order.append(index)
    accumulator.add(result)
    return true
  }
  #expect(order == Array(0..<count), "replications must arrive in index order")
  return accumulator.result()
}

/// A short M/M/c with money that runs out: one warm-up year, two contract years.
func shortQueue(budget: Double = 3.2e5) -> Scenario {
  var scenario = Verification.mmcScenario(years: 2)
  scenario.contracts[0].lumpsum.base = budget
  return scenario
}

@Suite("Batches")
struct BatchTests {
  @Test("1, 2 and 7 threads give identical statistics, sample included")
  func threadIndependence() throws {
    let scenario = shortQueue()
    // A sample smaller than the batch exercises the reservoir's random replacement too.
    let one = try runBatch(scenario, seed: 5, count: 24, threads: 1, sample: 10)
    for threads in [2, 7] {
      let other = try runBatch(scenario, seed: 5, count: 24, threads: threads, sample: 10)
      #expect(other.figures == one.figures, "\(threads) threads")
      #expect(other.bands == one.bands)
      #expect(other.years == one.years)
      #expect(other.events == one.events)
    }
  }

  @Test("95% intervals of the mean wait cover Erlang C at about the stated rate over repeated batches")
  func coverage() throws {
    let scenario = Verification.mmcScenario(years: 1)
    let theory = QueueingTheory.mmcMeanWait(arrivalRate: 9, serviceRate: 1, servers: 10)
    let batches = 40
    var covered = 0
    for b in 0..<batches {
      let batch = try runBatch(scenario, seed: 1000 + UInt64(b), count: 8, threads: 2)
      let wait = batch.careType(0, .meanWaitDays)
      if wait.ci95Low <= theory && theory <= wait.ci95High { covered += 1 }
    }
    // Binomial(40, 0.95): P(covered ≤ 33) ≈ 0.014 and P(covered = 40) ≈ 0.13. A broken interval
    // (too narrow, biased) lands well below 34; one that is always right is suspicious but possible.
    #expect(covered >= 34, "\(covered) of \(batches) intervals covered Wq = \(theory)")
  }

  @Test("two budgets on the same seed: identical demand, paired results differ by the budget alone")
  func commonRandomNumbers() throws {
    let low = try runBatch(shortQueue(budget: 3.0e5), seed: 9, count: 12, threads: 2)
    let high = try runBatch(shortQueue(budget: 3.6e5), seed: 9, count: 12, threads: 2)
    let layout = low.layout
    for y in layout.years.indices {
      for figure: YearFigure in [.referrals, .starts, .spend, .meanWaitDays, .peakWaiting] {
        #expect(low.year(y, figure) == high.year(y, figure), "\(figure) in year \(y)")
      }
      let difference = high.year(y, .result).mean - low.year(y, .result).mean
      #expect(abs(difference - 0.6e5) < 1e-6)
      #expect(low.years[y].overspend.estimate >= high.years[y].overspend.estimate)
    }
  }

  @Test("budget risk counts: overspend, exhaustion by month and the month distribution agree")
  func riskCounts() throws {
    let batch = try runBatch(shortQueue(), seed: 3, count: 30, threads: 2)
    for risk in batch.years {
      #expect(abs(risk.exhaustionMonth.reduce(0, +) - 1) < 1e-12)
      // Exhausted by December's end is exactly "exhausted at all", and that implies overspent.
      let exhausted = risk.exhaustedByEndOfMonth[11].estimate
      #expect(abs(exhausted - (1 - risk.exhaustionMonth[12])) < 1e-12)
      #expect(exhausted <= risk.overspend.estimate + 1e-12)
      #expect(zip(risk.exhaustedByEndOfMonth, risk.exhaustedByEndOfMonth.dropFirst()).allSatisfy { $0.estimate <= $1.estimate })
    }
    #expect(batch.anyOverspend.estimate >= batch.years.map(\.overspend.estimate).max()!)
  }
}

@Suite("Replications the watchdog cut short")
struct RunawayTests {
  /// The fixture whose waiting children redirect A → B → A without time passing.
  static func runawayScenario() throws -> Scenario {
    try ScenarioReader.read(file: Repository.path("Tests/Fixtures/limits/runaway.yaml"))
  }

  @Test("a batch stops at a cut replication and throws its Runaway; consume never sees the partial figures")
  func batch() throws {
    let scenario = try Self.runawayScenario()
    var consumed = 0
    let thrown = #expect(throws: Runaway.self) {
      try ParallelReplications.run(scenario, seed: 1, count: 2, threads: 1) { _, _ in
        consumed += 1
        return true
      }
    }
    #expect(consumed == 0)
    #expect((thrown?.time ?? 1) < 1 && (thrown?.eventsInPeriod ?? 0) > 1_000_000, "stopped on day 0")
  }

  @Test("a comparison and a budget search stop with the Runaway instead of using partial figures")
  func comparisonAndBudget() throws {
    let scenario = try Self.runawayScenario()
    #expect(throws: Runaway.self) {
      _ = try FundingComparison.run(scenario, models: [.lumpsum, .pxq], seed: 1, count: 2, threads: 1)
    }
    #expect(throws: Runaway.self) {
      _ = try BudgetSolver.solve(scenario, seed: 1, replications: 2, threads: 1, target: 0.1, years: .all)
    }
  }
}

@Suite("Batch statistics on known samples")
struct BatchStatisticsTests {
  @Test("running moments match the two-pass formulas")
  func moments() {
    var m = RunningMoments()
    let xs: [Double] = [2, 4, 4, 4, 5, 5, 7, 9]
    for x in xs { m.add(x) }
    #expect(m.count == 8)
    #expect(m.mean == 5)
    #expect(abs(m.variance - 32.0 / 7) < 1e-12)
    // t(0.975, 7) = 2.3646242515927849
    #expect(abs(m.halfWidth() - 2.3646242515927849 * (32.0 / 7 / 8).squareRoot()) < 1e-12)
    #expect(RunningMoments().halfWidth() == 0)
  }

  @Test("the Wilson interval matches its textbook value")
  func wilson() {
    let p = Proportion(successes: 8, trials: 10)
    let i = p.interval()
    // Wilson 95% for 8/10: [0.4901624, 0.9433178]
    #expect(abs(i.low - 0.4901624) < 1e-6)
    #expect(abs(i.high - 0.9433178) < 1e-6)
    #expect(Proportion(successes: 0, trials: 50).interval().low == 0)
  }

  @Test("quantiles are exact while the sample holds every replication")
  func exactQuantiles() throws {
    let batch = try runBatch(shortQueue(), seed: 11, count: 9, threads: 2)
    #expect(batch.quantileSample == 9)
    var accumulatorValues: [Double] = []
    try ParallelReplications.run(shortQueue(), seed: 11, count: 9, threads: 1) { _, r in
      accumulatorValues.append(r.years[0].spend)
      return true
    }
    let sorted = accumulatorValues.sorted()
    let spend = batch.year(0, .spend)
    #expect(spend.p50 == Statistics.quantile(sorted: sorted, 0.5))
    #expect(spend.p05 == Statistics.quantile(sorted: sorted, 0.05))
    #expect(abs(spend.mean - sorted.reduce(0, +) / 9) < 1e-6)
  }

  @Test("a day of the year falls in its month")
  func months() {
    let cases = [(1, 0), (31, 0), (32, 1), (59, 1), (60, 2), (334, 10), (335, 11), (365, 11)]
    for (day, month) in cases {
      let batchDay = DayCalendar.monthStarts.lastIndex { $0 <= Double(day - 1) }!
      #expect(batchDay == month, "day \(day)")
    }
  }
}

@Suite("Batches with members")
struct MemberBatchTests {
  @Test("P(member exit) and capacity lost are counted over replications")
  func exitProbability() throws {
    var scenario = smallQueue()
    scenario.contracts[0].lumpsum.base = 7.0e4  // a loss most years
    scenario.contracts[0].consortium = Consortium(
      members: [Member(id: "big", share: 0.8, revenue: 1e9, capacityShare: [0.67]),
                Member(id: "small", share: 0.2, revenue: 2e4, capacityShare: [0.33])],
      exitRule: ExitRule(lossShareOfRevenue: 0.05, maxDependence: 0.9))
    let batch = try runBatch(scenario, seed: 2, count: 20, threads: 2)
    let layout = batch.layout
    #expect(layout.memberIDs == ["big", "small"])
    let small = batch.figures[layout.member(1, .exited)]
    let big = batch.figures[layout.member(0, .exited)]
    #expect(big.mean == 0)
    #expect(small.mean > 0 && small.mean <= 1)
    // The small member holds one of the three places: each exit removes exactly one.
    #expect(abs(batch.contract(.capacityLost).mean - small.mean) < 1e-12)
  }
}

@Suite("Batch with several contracts")
struct ContractBatchTests {
  @Test("each contract's risk is counted, and the region's lies between the largest and the sum")
  func perContractRisk() throws {
    var scenario = try BudgetSolverTests.twoContracts()
    // Near the expected spend (2 children in care × €100 × 365 days), so both sometimes overspend.
    scenario.contracts[0].lumpsum.base = 74_000
    scenario.contracts[1].lumpsum.base = 73_000
    let n = 60
    let batch = try runBatch(scenario, seed: 3, count: n, threads: 2)
    #expect(batch.contracts.map(\.id) == ["a", "b"])
    #expect(batch.layout.contractIDs == ["a", "b"])
    // Count again from the replications themselves.
    var counts = [[Int]](repeating: [0, 0], count: 2), any = [0, 0]
    try ParallelReplications.run(scenario, seed: 3, count: n, threads: 1) { _, r in
      for (y, year) in r.years.enumerated() {
        for c in 0..<2 where year.contracts[c].overspent { counts[y][c] += 1 }
      }
      for c in 0..<2 where r.years.contains(where: { $0.contracts[c].overspent }) { any[c] += 1 }
      return true
    }
    for y in 0..<2 {
      let a = batch.contracts[0].years[y].overspend, b = batch.contracts[1].years[y].overspend
      #expect([a.successes, b.successes] == counts[y])
      let region = batch.years[y].overspend.successes
      #expect(region >= max(a.successes, b.successes) && region <= a.successes + b.successes)
      #expect(a.successes > 0 && a.successes < n && b.successes > 0 && b.successes < n, "\(a.successes), \(b.successes)")
      // The per-contract figures in the layout are that contract's own.
      let budget = batch.figures[batch.layout.contract(1, year: y, .budget)]
      #expect(budget.mean == 73_000)
    }
    #expect(batch.contracts.map(\.anyOverspend.successes) == any)
  }
}
