import LumpsimTestSupport
import Testing
import YouthCare

/// The three payment rules on the exact case of `DeterministicBudgetTests` (SA: 100 children for
/// 200 days at €100; DT: 10 places, 30-day episodes at €50, €500 intake; prices +10% in year 2).
@Suite("Funding models")
struct FundingModelTests {
  static func scenario(_ funding: String) throws -> Scenario {
    try ScenarioReader.read(yaml: DeterministicBudgetTests.yaml().replacingOccurrences(
      of: "  pressurePolicy: none\n", with: "  pressurePolicy: none\n" + funding))
  }

  @Test("P×Q without a ceiling pays exactly the delivered days × tariff")
  func pxqExact() throws {
    // Tariffs: SA €110 (cost €100 + 10% margin), DT €50 × 1.1 = €55; year 2 at prices × 1.1.
    let result = runChecked(try Self.scenario("  model: pxq\n  pxq: {margin: 0.1}\n"), seed: 1)
    let y1 = result.years[0], y2 = result.years[1]
    // Year 1: SA 20,000 days × €110 + DT 1,650 days × €55. Year 2: DT 1,350 days × €55 × 1.1.
    #expect(abs(y1.payment - (20_000 * 110 + 1_650 * 55)) < 0.005)
    #expect(abs(y2.payment - 1_350 * 55 * 1.1) < 0.005)
    // The provider's cost is the same care as under the lumpsum; its result is payment − cost.
    #expect(abs(y1.spend - 2_149_000 * 1.07) < 0.005)
    #expect(abs(y1.result - (y1.payment - y1.spend)) < 1e-6)
    // The municipality's €1M budget is passed when payments reach it: (100 × 110) a day → day 91.
    #expect(y1.exhaustionDay == 91)
    #expect(y1.budgetUse == y1.payment)
  }

  @Test("output funding pays exactly the starts × fee")
  func outputExact() throws {
    let result = runChecked(try Self.scenario("  model: output\n"), seed: 1)
    // DT fee = €50 × 30 days = €1,500 (no margin); SA has no starts (its children were there on day 0).
    #expect(abs(result.years[0].payment - 60 * 1_500) < 0.005)
    #expect(abs(result.years[1].payment - 40 * 1_500 * 1.1) < 0.005)
    #expect(result.years[0].exhaustionDay == nil)
  }

  @Test("a P×Q ceiling caps payment and holds regular children until 1 January")
  func pxqCeiling() throws {
    // Uncapped, year 1 pays SA 20,000 days × €110 = €2.2M plus DT €550 a day from day 200: €2,290,750.
    let loose = runChecked(try Self.scenario("  model: pxq\n  pxq: {margin: 0.1, ceiling: 2300000}\n"), seed: 1)
    #expect(abs(loose.years[0].payment - 2_290_750) < 0.005)
    #expect(loose.years[0].starts == 60)
    // At €2.25M the ceiling is reached on day 200 + 50,000 / 550 = 290.9: the DT batches of days
    // 200, 230, 260 and 290 start; those of days 320 and 350 wait for 1 January.
    let tight = runChecked(try Self.scenario("  model: pxq\n  pxq: {margin: 0.1, ceiling: 2250000}\n"), seed: 1)
    #expect(abs(tight.years[0].payment - 2_250_000) < 0.005)
    #expect(tight.years[0].starts == 40)
    #expect(tight.years[1].starts == 60)
  }

  @Test("all three models see the same children and, without a ceiling or intake stop, the same care", arguments: ["lumpsum", "pxq", "output"])
  func sameDemand(model: String) throws {
    let base = try Fixtures.scenario("regio-midden.yaml")
    let other = try Fixtures.scenario("regio-midden.yaml", [ScenarioOverride(path: "funding.model", value: model)])
    let a = runChecked(base, seed: 13), b = runChecked(other, seed: 13)
    #expect(a.monthly.referrals == b.monthly.referrals)
    #expect(a.careTypes == b.careTypes)
    #expect(a.years.map(\.spend) == b.years.map(\.spend))
    #expect(a.years.map(\.outsidePayment) == b.years.map(\.outsidePayment))
    if model != "lumpsum" { #expect(a.years.map(\.payment) != b.years.map(\.payment)) }
  }
}

@Suite("Throttle policy")
struct ThrottleTests {
  @Test("while spend runs ahead of budget, new episodes shorten by the factor")
  func shorterEpisodes() throws {
    let scenario = try ScenarioReader.read(yaml: DeterministicBudgetTests.yaml(policy: "throttle"))
    let result = runChecked(scenario, seed: 1)
    // Year 1 is far over budget from day 93: DT episodes last 30 × 0.85 = 25.5 days, so batches
    // start on days 200, 225.5, …, 353 (7 batches) instead of 6.
    #expect(result.years[0].starts == 70)
    // In year 2 spend runs well below the pro-rata budget: the remaining 30 children get 30 days.
    #expect(result.years[1].starts == 30)
    #expect(result.careTypes[1].exits == 100)
  }

  @Test("throttling diverts extra referrals but refers the same children")
  func diversion() throws {
    let none = runChecked(try Fixtures.scenario("regio-midden.yaml"), seed: 4)
    let throttled = runChecked(try Fixtures.scenario("regio-midden.yaml", [
      ScenarioOverride(path: "funding.pressurePolicy", value: "throttle"),
      ScenarioOverride(path: "funding.throttle", value: "{durationFactor: 0.8, extraDiversion: 0.2}"),
    ]), seed: 4)
    #expect(none.years.allSatisfy { $0.diverted == 0 })
    #expect(throttled.years.allSatisfy { $0.diverted > 0 })
    #expect(none.monthly.referrals == throttled.monthly.referrals)
    #expect(throttled.years[0].spend < none.years[0].spend)
  }

  @Test("throttle bounds are enforced", arguments: [
    ("{durationFactor: 0.4}", "funding.throttle.durationFactor"), ("{extraDiversion: 0.6}", "funding.throttle.extraDiversion"),
  ])
  func bounds(value: String, path: String) {
    do {
      _ = try Fixtures.scenario("regio-midden.yaml", [ScenarioOverride(path: "funding.throttle", value: value)])
      Issue.record("accepted \(value)")
    } catch let error as ScenarioError {
      #expect(error.issues.contains { $0.path == path })
    } catch {
      Issue.record("unexpected \(error)")
    }
  }
}

@Suite("Prevention investment")
struct PreventionTests {
  @Test("the consortium's investment adds exactly its cost to spend, and the budget runs out sooner")
  func costFirst() throws {
    let yaml = DeterministicBudgetTests.yaml()
      + "\nprevention: {costPerYear: 365000, costYears: [1], effect: 0.1, careTypes: [DT], lagMonths: 24}\n"
    let result = runChecked(try ScenarioReader.read(yaml: yaml), seed: 1)
    #expect(abs(result.years[0].spend - (2_149_000 * 1.07 + 365_000)) < 0.005)
    #expect(abs(result.years[1].spend - 136_400 * 1.07) < 0.005)
    // (€10,807 + €1,000) a day passes €1M on day 84.7: day 85.
    #expect(result.years[0].exhaustionDay == 85)
    #expect(result.years[0].preventionCost == 365_000)
  }

  @Test("after the lag, referrals are diverted; before it, nothing changes")
  func savingsLater() throws {
    let plain = runChecked(try Fixtures.scenario("regio-midden.yaml"), seed: 6)
    let invested = runChecked(try Fixtures.scenario("regio-midden.yaml", [ScenarioOverride(
      path: "prevention",
      value: "{costPerYear: 500000, costYears: [1, 2], paidBy: municipality, effect: 0.3, careTypes: [SA], lagMonths: 12, rampMonths: 0}")]), seed: 6)
    #expect(invested.years[0].diverted == 0)
    #expect(invested.years[1].diverted > 0)
    #expect(plain.monthly.referrals == invested.monthly.referrals)
    // Year 1 is the same care; the municipality pays the investment on top.
    #expect(invested.years[0].spend == plain.years[0].spend)
    #expect(abs(invested.years[0].municipalCost - plain.years[0].municipalCost - 500_000) < 1e-6)
  }
}

@Suite("Behaviour per funding model")
struct ModelBehaviourTests {
  static let behaviour = "  behaviour: {pxq: {durationFactor: 1.1, adminCostShare: 0.06}, lumpsum: {adminCostShare: 0.02}}\n"

  @Test("under P×Q episodes in contract care last the model's factor longer, and admin cost is its share of spend")
  func pxqLonger() throws {
    let pxq = runChecked(try FundingModelTests.scenario("  model: pxq\n" + Self.behaviour), seed: 1)
    // DT episodes last 33 days: batches start on days 200, 233, 266, 299, 332 in year 1.
    #expect(pxq.years[0].starts == 50)
    #expect(abs(pxq.years[0].adminCost - 0.06 * pxq.years[0].spend) < 1e-6)
    let lumpsum = runChecked(try FundingModelTests.scenario(Self.behaviour), seed: 1)
    #expect(lumpsum.years[0].starts == 60)
    #expect(abs(lumpsum.years[0].adminCost - 0.02 * lumpsum.years[0].spend) < 1e-6)
  }

  @Test("behaviour changes what children receive, not which children come")
  func sameChildren() throws {
    let base = runChecked(try Fixtures.scenario("regio-midden.yaml", [ScenarioOverride(path: "funding.model", value: "pxq")]), seed: 2)
    let longer = runChecked(try Fixtures.scenario("regio-midden.yaml", [
      ScenarioOverride(path: "funding.model", value: "pxq"),
      ScenarioOverride(path: "funding.behaviour", value: "{pxq: {durationFactor: 1.2}}"),
    ]), seed: 2)
    #expect(base.monthly.referrals == longer.monthly.referrals)
    #expect(longer.years[0].payment > base.years[0].payment)
  }
}
