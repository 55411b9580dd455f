import LumpsimTestSupport
import Testing
import YouthCare

/// Safety valves and settlement, on the exact case of `DeterministicBudgetTests`: year 1 has 60
/// starts in contract care (the DT batches), spend €2,299,430.00 against a €1M budget; year 2's
/// formula budget is €945,000 and its spend €145,948.00.
@Suite("Safety valves and settlement")
struct ValveTests {
  static func scenario(_ funding: String) throws -> Scenario {
    try ScenarioReader.read(yaml: DeterministicBudgetTests.yaml().replacingOccurrences(
      of: "  pressurePolicy: none\n", with: "  pressurePolicy: none\n" + funding))
  }

  @Test("V1 volume corridor: nothing at the corridor's edge, factor × excess × cost just beyond it")
  func corridor() throws {
    // Upper edge 50 × 1.2 = 60 = the year's starts: no adjustment.
    let edge = runChecked(try Self.scenario(
      "  valves: {volumeCorridor: {baseline: 50, threshold: 0.2, factor: 0.5, averageCost: 1000}}\n"), seed: 1)
    #expect(edge.years[1].corridorAdjustment == 0)
    #expect(abs(edge.years[1].budget - 945_000) < 0.005)
    // Edge 49 × 1.2 = 58.8: 1.2 starts beyond, × 0.5 × €1,000 = €600 more in year 2.
    let above = runChecked(try Self.scenario(
      "  valves: {volumeCorridor: {baseline: 49, threshold: 0.2, factor: 0.5, averageCost: 1000}}\n"), seed: 1)
    #expect(abs(above.years[1].corridorAdjustment - 600) < 1e-9)
    #expect(abs(above.years[1].budget - 945_600) < 0.005)
    #expect(above.years[0].corridorAdjustment == 0)
    // Lower edge 80 × 0.8 = 64: 4 starts short → −€2,000.
    let below = runChecked(try Self.scenario(
      "  valves: {volumeCorridor: {baseline: 80, threshold: 0.2, factor: 0.5, averageCost: 1000}}\n"), seed: 1)
    #expect(abs(below.years[1].corridorAdjustment + 2_000) < 1e-9)
  }

  @Test("V5 renegotiation: a deficit past the trigger resets next year's budget to this year's spend, indexed")
  func renegotiation() throws {
    let result = runChecked(try Self.scenario("  valves: {renegotiation: {threshold: 0.05}}\n"), seed: 1)
    // Year 1 loses €1,299,430 > 5% of €1M: year 2's budget becomes €2,299,430 × 1.05.
    #expect(abs(result.years[1].budget - 2_299_430 * 1.05) < 0.005)
    #expect(abs(result.years[1].renegotiationAdjustment - (2_299_430 * 1.05 - 945_000)) < 0.005)
    // A trigger the deficit does not pass changes nothing.
    let calm = runChecked(try Self.scenario("  valves: {renegotiation: {threshold: 1.3}}\n"), seed: 1)
    #expect(abs(calm.years[1].budget - 945_000) < 0.005)
  }

  @Test("V4 indexation clause: full, none or one year late")
  func indexation() {
    let full = Lumpsum(base: 100, indexPerYear: 0.1, indexation: .full)
    let none = Lumpsum(base: 100, indexPerYear: 0.1, indexation: .none)
    let lagged = Lumpsum(base: 100, indexPerYear: 0.1, indexation: .lagged)
    #expect(abs(full.budget(inYear: 3) - 121) < 1e-9)
    #expect(none.budget(inYear: 3) == 100)
    #expect(lagged.budget(inYear: 1) == 100 && lagged.budget(inYear: 2) == 100)
    #expect(abs(lagged.budget(inYear: 3) - 110) < 1e-9)
  }

  @Test("settlement splits a year's result between consortium and municipality by the bands")
  func settlementBands() {
    let rule = Settlement()  // 100% of a deficit within 5%, 50% beyond; surplus kept to 3%, 50% beyond
    let budget = 1_000_000.0
    #expect(rule.consortiumShare(result: -40_000, budget: budget) == -40_000)
    #expect(rule.consortiumShare(result: -50_000, budget: budget) == -50_000)
    #expect(rule.consortiumShare(result: -150_000, budget: budget) == -100_000)  // 50,000 + 50% of 100,000
    #expect(rule.consortiumShare(result: 20_000, budget: budget) == 20_000)
    #expect(rule.consortiumShare(result: 130_000, budget: budget) == 80_000)  // 30,000 + 50% of 100,000
    #expect(rule.consortiumShare(result: 0, budget: budget) == 0)
  }

  @Test("settled accounts add up to the cent: budget + valves − spend = consortium share + municipal share")
  func settledAccounts() throws {
    let result = runChecked(try Self.scenario("  settlement: {}\n"), seed: 1)
    let y1 = result.years[0]
    // Deficit €1,299,430: the consortium bears €50,000 + 50% × €1,249,430; the municipality the rest.
    #expect(abs(y1.consortiumResult - -(50_000 + 0.5 * 1_249_430)) < 0.005)
    #expect(abs(y1.settlement - 0.5 * 1_249_430) < 0.005)
    #expect(abs((y1.budget + y1.valvePayout - y1.spend) - (y1.consortiumResult - y1.settlement)) < 0.005)
    #expect(abs(y1.municipalCost - (1_000_000 + 0.5 * 1_249_430)) < 0.005)
    // Year 2: surplus €799,052; kept €28,350 (3% of €945,000) + 50% of the rest.
    let y2 = result.years[1]
    #expect(abs(y2.consortiumResult - (28_350 + 0.5 * (799_052 - 28_350))) < 0.005)
  }

  @Test("V2 statutory referrals: nothing at the limit, pay per referral beyond it")
  func statutoryReferrals() throws {
    let base = try Fixtures.scenario("regio-midden.yaml")
    let plain = runChecked(base, seed: 3)
    let sources = ["gi", "rechter", "specialist"].map { id in base.referralSources.firstIndex { $0.id == id }! }
    let width = base.referralSources.count
    // First-time statutory referrals in year 1, counted from the monthly series.
    let count = (0..<12).reduce(0) { m, month in m + sources.reduce(0) { $0 + plain.monthly.referrals[month * width + $1] } }
    func run(baseline: Double) throws -> YearResult {
      let valve = "{statutoryReferrals: {sources: [gi, rechter, specialist], baseline: \(baseline), threshold: 0.25, payPerReferral: 10000}}"
      return runChecked(try Fixtures.scenario("regio-midden.yaml", [ScenarioOverride(path: "funding.valves", value: valve)]), seed: 3).years[0]
    }
    let atLimit = try run(baseline: Double(count) / 1.25)
    #expect(atLimit.valvePayout == 0)
    let beyond = try run(baseline: Double(count - 3) / 1.25)
    #expect(abs(beyond.valvePayout - 30_000) < 1e-6)
    // The same children either way (common random numbers); only the payout differs.
    #expect(beyond.spend == atLimit.spend)
    #expect(abs((beyond.result - atLimit.result) - 30_000) < 1e-6)
  }

  @Test("defaults: the corridor's baseline is the steady-state volume, and V2 counts the expected referrals")
  func defaults() throws {
    let scenario = try Fixtures.scenario("regio-midden.yaml", [ScenarioOverride(
      path: "funding.valves", value: "{volumeCorridor: {}, statutoryReferrals: {sources: [gi, rechter]}}")])
    let corridor = try #require(scenario.contracts[0].valves.volumeCorridor)
    let steady = SteadyState(scenario)
    let inScope = scenario.careTypes.indices.filter { scenario.isInContract($0) }
    #expect(abs(corridor.baseline - inScope.reduce(0) { $0 + steady.arrivalsPerYear[$1] }) < 1e-6)
    #expect(abs(corridor.averageCost - 26_000_000 / corridor.baseline) < 1e-6)
    let v2 = try #require(scenario.contracts[0].valves.statutoryReferrals)
    #expect(abs(v2.baseline - 55 * (2.34 + 0.13)) < 1e-9)
  }
}

@Suite("High-cost carve-out (V3)")
struct HighCostTests {
  @Test("the part of each child's yearly cost above the threshold is paid, to the cent")
  func exact() throws {
    // Per child in year 1: SA 200 days × €100 × 1.07 = €21,400; a whole DT episode 30 × €50 × 1.07 =
    // €1,605 plus intake €535; the day-350 batch has 15 DT days (€802.50) in year 1.
    let result = runChecked(try ValveTests.scenario("  valves: {highCostCases: {threshold: 22000}}\n"), seed: 1)
    #expect(abs(result.years[0].valvePayout - (50 * 1_540 + 10 * 737.5)) < 0.005)
    #expect(result.years[1].valvePayout == 0)
    let y1 = result.years[0]
    #expect(abs(y1.result - (y1.budget + y1.valvePayout - y1.spend)) < 1e-6)
    // Below every child's cost the carve-out pays what the children cost above it, nothing more.
    let none = runChecked(try ValveTests.scenario("  valves: {highCostCases: {threshold: 30000}}\n"), seed: 1)
    #expect(none.years[0].valvePayout == 0)
  }

  @Test("on a random run the carve-out pays more with a lower threshold, and changes no child")
  func monotone() throws {
    func run(_ threshold: Int) throws -> ReplicationResult {
      runChecked(try Fixtures.scenario("regio-midden.yaml", [ScenarioOverride(
        path: "funding.valves", value: "{highCostCases: {threshold: \(threshold)}}")]), seed: 9)
    }
    let high = try run(150_000), low = try run(60_000)
    #expect(low.years.reduce(0) { $0 + $1.valvePayout } > high.years.reduce(0) { $0 + $1.valvePayout })
    #expect(low.years.map(\.spend) == high.years.map(\.spend))
  }
}

@Suite("Valves at their exact thresholds")
struct ValveThresholdTests {
  @Test("V5 renegotiation: a loss equal to the trigger does not reset; one euro more does")
  func renegotiationEdge() throws {
    // Year 1 loses exactly €1,299,430 on a €1M budget.
    let equal = runChecked(try ValveTests.scenario("  valves: {renegotiation: {threshold: 1.29943}}\n"), seed: 1)
    #expect(equal.years[1].renegotiationAdjustment == 0)
    let below = runChecked(try ValveTests.scenario("  valves: {renegotiation: {threshold: 1.299429}}\n"), seed: 1)
    #expect(below.years[1].renegotiationAdjustment > 0)
  }

  @Test("V3 carve-out: a child costing exactly the threshold earns nothing; one euro over earns one euro")
  func highCostEdge() throws {
    // The 50 children whose DT episode fits in year 1 cost exactly €23,540 each.
    let equal = runChecked(try ValveTests.scenario("  valves: {highCostCases: {threshold: 23540}}\n"), seed: 1)
    #expect(equal.years[0].valvePayout == 0)
    let over = runChecked(try ValveTests.scenario("  valves: {highCostCases: {threshold: 23539}}\n"), seed: 1)
    #expect(abs(over.years[0].valvePayout - 50) < 1e-6)
  }

  @Test("settlement: the deficit and surplus bands meet at their edges")
  func settlementEdge() {
    let rule = Settlement()
    // At the deficit band's edge the two sides of the rule agree.
    #expect(rule.consortiumShare(result: -50_000, budget: 1_000_000) == -50_000)
    #expect(abs(rule.consortiumShare(result: -50_000.01, budget: 1_000_000) - -50_000.005) < 1e-6)
    #expect(abs(rule.consortiumShare(result: 30_000.02, budget: 1_000_000) - 30_000.01) < 1e-6)
  }
}
