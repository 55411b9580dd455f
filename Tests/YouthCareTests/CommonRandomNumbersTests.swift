import LumpsimTestSupport
import Testing
import YouthCare

@Suite("Common random numbers")
struct CommonRandomNumbersTests {
  @Test("two budgets on the same seed see the same children; only the money differs")
  func budgetsPaired() throws {
    let low = try Fixtures.scenario("regio-midden.yaml", [ScenarioOverride(path: "funding.lumpsum.base", value: "24000000")])
    let high = try Fixtures.scenario("regio-midden.yaml", [ScenarioOverride(path: "funding.lumpsum.base", value: "30000000")])
    for replication in 0..<3 {
      let a = runChecked(low, seed: 42, replication: replication)
      let b = runChecked(high, seed: 42, replication: replication)
      #expect(a.careTypes == b.careTypes)
      #expect(a.monthly.referrals == b.monthly.referrals)
      #expect(a.years.map(\.spend) == b.years.map(\.spend))
      // Paired difference of results is exactly the budget difference, year by year.
      for (x, y) in zip(a.years, b.years) {
        #expect(abs((y.result - x.result) - (y.budget - x.budget)) < 1e-6)
      }
    }
  }

  @Test("a policy that changes who waits does not change who is referred")
  func policyPaired() throws {
    let none = try Fixtures.scenario("regio-midden.yaml")
    let stop = try Fixtures.scenario("regio-midden.yaml", [ScenarioOverride(path: "funding.pressurePolicy", value: "intakeStop")])
    let a = runChecked(none, seed: 8), b = runChecked(stop, seed: 8)
    // First-time referrals are exogenous: identical month by month, source by source.
    #expect(a.monthly.referrals == b.monthly.referrals)
    #expect(a.years.map { $0.referrals - $0.repeatReferrals } == b.years.map { $0.referrals - $0.repeatReferrals })
    // The policy does change waiting and spend.
    #expect(a.careTypes[1].meanWaitDays != b.careTypes[1].meanWaitDays)
    #expect(b.years[0].spend < a.years[0].spend)
  }

  @Test("another replication or seed gives other children")
  func streamsDiffer() throws {
    let scenario = try Fixtures.scenario("regio-midden.yaml")
    let a = runChecked(scenario, seed: 1, replication: 0)
    #expect(a.monthly.referrals != runChecked(scenario, seed: 1, replication: 1).monthly.referrals)
    #expect(a.monthly.referrals != runChecked(scenario, seed: 2, replication: 0).monthly.referrals)
    #expect(a.monthly.referrals == runChecked(scenario, seed: 1, replication: 0).monthly.referrals)
  }
}
