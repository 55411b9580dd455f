import LumpsimTestSupport
import Testing
import YouthCare

/// Exact cases: fixed durations, no arrivals, a warm stock. Every euro and every day is known.
@Suite("Deterministic budget cases")
struct DeterministicBudgetTests {
  /// 100 children in SA for exactly 200 days, then all step up to DT (10 places, 30-day episodes).
  static func yaml(policy: String = "none") -> String {
    """
    name: exact
    horizon: {contractYears: 2, warmupYears: 0, firstYear: 2030}
    population: {youths: 1000}
    referralSources: []
    careTypes:
      - id: SA
        capacity: 100
        duration: {family: fixed, value: 200}
        costPerDay: 100
        fixedCostPerSlotDay: 1
        transitions: {DT: 1.0}
      - id: DT
        capacity: 10
        duration: {family: fixed, value: 30}
        costPerDay: 50
        intakeCost: 500
        waitingNormDays: 98
        transitions: {exit: 1.0}
    initialStock:
      - {careType: SA, inCare: 100, remaining: fresh}
    costs: {indexPerYear: 0.1}
    funding:
      pressurePolicy: \(policy)
      lumpsum: {base: 1000000, indexPerYear: 0.05, bookedSavings: [0, 0.1], overheadShare: 0.07}
    """
  }

  @Test("spend, budget, result and exhaustion day are exact to the cent and the day")
  func exactBudget() throws {
    let scenario = try ScenarioReader.read(yaml: Self.yaml())
    let result = runChecked(scenario, seed: 1)
    let y1 = result.years[0], y2 = result.years[1]
    // Year 1: SA 100 × 200 d × €100 + 100 slots × 365 d × €1; DT 1,650 client-days × €50 + 60 intakes × €500.
    #expect(abs(y1.spend - 2_149_000 * 1.07) < 0.005)
    #expect(y1.budget == 1_000_000)
    #expect(abs(y1.result - (1_000_000 - 2_299_430)) < 0.005)
    // Spend runs at (100 × 100 + 100) × 1.07 = €10,807 a day: €1M is passed on day 92.53, i.e. day 93.
    #expect(y1.exhaustionDay == 93)
    // Year 2 at prices × 1.1: SA fixed €40,150; DT 1,350 client-days × €55 = €74,250; 40 intakes × €550.
    #expect(abs(y2.spend - 136_400 * 1.07) < 0.005)
    #expect(abs(y2.budget - 945_000) < 0.005)
    #expect(y2.exhaustionDay == nil)
    #expect(y1.year == 2030 && y2.year == 2031)
    // The ledger's running spend and the month-end accounts agree.
    #expect(result.ledgerDiscrepancy < 1e-6)
    // Monthly accounts add up to the year.
    let monthly = result.monthly
    let yearOne = monthly.spendInScope[0..<12].reduce(0, +)
    #expect(abs(yearOne - y1.spend) < 0.005)
    #expect(abs(monthly.cumulativeSpend[11] - y1.spend) < 0.005)
    #expect(abs(monthly.budgetPaid[5] - 500_000) < 0.005)
  }

  @Test("waits in the DT queue are exact: batch j of 10 waits 30·j days")
  func exactWaits() throws {
    let scenario = try ScenarioReader.read(yaml: Self.yaml())
    let result = runChecked(scenario, seed: 99)
    let dt = result.careTypes[1]
    #expect(dt.starts == 100)
    #expect(dt.exits == 100)
    #expect(abs(dt.meanWaitDays - 135) < 1e-9)
    #expect(abs(dt.p90WaitDays - 243) < 1e-9)  // type-7 quantile between 240 and 270
    #expect(abs(dt.shareOverNorm - 0.6) < 1e-12)  // batches waiting 120…270 days exceed 98
    // The list holds 90, 80, …, 10 children for 30 days each: 13,500 child-days over 730 days.
    #expect(abs(dt.meanWaiting - 13_500 / 730) < 1e-9)
    #expect(result.years[0].starts == 60 && result.years[1].starts == 40)
    #expect(result.years[0].peakWaiting == 90)
    #expect(result.flow.isConserved)
    #expect(result.flow.exited == 100 && result.flow.initialStock == 100)
  }

  @Test("under intakeStop regular starts wait for the new budget on 1 January")
  func intakeStop() throws {
    let scenario = try ScenarioReader.read(yaml: Self.yaml(policy: "intakeStop"))
    let result = runChecked(scenario, seed: 1)
    // The budget ran out on day 93, before any DT place was needed: no DT start in year 1.
    #expect(result.years[0].starts == 0)
    #expect(result.years[1].starts == 100)
    // Batch j starts on day 365 + 30·j after waiting since day 200.
    let dt = result.careTypes[1]
    #expect(abs(dt.meanWaitDays - (165 + 135)) < 1e-9)
    #expect(result.years[0].exhaustionDay == 93)
    #expect(result.flow.isConserved)
  }

  @Test("the same scenario and seed give the same result; the seed does not matter without randomness")
  func seedIndependentWhenDeterministic() throws {
    let scenario = try ScenarioReader.read(yaml: Self.yaml())
    let a = runChecked(scenario, seed: 1), b = runChecked(scenario, seed: 2)
    #expect(a.years == b.years)
    #expect(a.careTypes == b.careTypes)
  }
}

@Suite("Waits per year and care type")
struct YearlyWaitTests {
  @Test("each year's DT waits are the batches that started in it")
  func perYear() throws {
    let result = runChecked(try ScenarioReader.read(yaml: DeterministicBudgetTests.yaml()), seed: 1)
    // Year 1: batches 0–5 start (waits 0…150, mean 75); year 2: batches 6–9 (waits 180…270, mean 225).
    #expect(abs(result.years[0].meanWaitByCareType[1] - 75) < 1e-9)
    #expect(abs(result.years[1].meanWaitByCareType[1] - 225) < 1e-9)
    #expect(result.years[0].meanWaitByCareType[0] == 0)
    // Year 2: 40 waits, 10 each of 180, 210, 240, 270; type-7 p90 at position 35.1 → 270.
    #expect(abs(result.years[1].p90WaitByCareType[1] - 270) < 1e-9)
  }
}
