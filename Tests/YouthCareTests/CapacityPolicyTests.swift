import LumpsimTestSupport
import Testing
import YouthCare

/// The capacity policy on the exact case of `DeterministicBudgetTests`: from day 200, 90 children
/// wait for DT's 10 places.
@Suite("Capacity policy")
struct CapacityPolicyTests {
  static func scenario(budgetAware: Bool) throws -> Scenario {
    let policy = "    capacityPolicy: {reviewDays: 30, addWhenWaitingAbove: 0.1, step: 0.5, hiringLagDays: 10, minimum: 10, maximum: 20, budgetAware: \(budgetAware)}\n"
    let yaml = DeterministicBudgetTests.yaml().replacingOccurrences(
      of: "    intakeCost: 500\n", with: "    intakeCost: 500\n" + policy)
    return try ScenarioReader.read(yaml: yaml)
  }

  @Test("hires arrive after the lag, within the bounds, and places are shed when the list is gone")
  func hiresAndSheds() throws {
    let result = runChecked(try Self.scenario(budgetAware: false), seed: 1)
    let dt = 1, types = 2
    let capacity = (0..<24).map { result.monthly.capacity[$0 * types + dt] }
    // Review on day 210 hires 5 (arrive day 220), day 240 hires 5 more (arrive day 250).
    #expect(capacity[6] == 10)   // end of July, day 212
    #expect(capacity[7] == 15)   // end of August, day 243
    #expect(capacity[8] == 20)   // end of September, day 273
    #expect(capacity.allSatisfy { (10...20).contains($0) })
    #expect(capacity[23] == 10)  // the list long gone, use low: back to the minimum
    #expect(result.years[0].starts > 60)
    // Fixed costs follow the place-days: the ledger's running spend and month-end accounts agree.
    #expect(result.ledgerDiscrepancy < 1e-6)
  }

  @Test("a budget-aware policy hires nothing while spend runs ahead of the budget")
  func budgetAware() throws {
    let result = runChecked(try Self.scenario(budgetAware: true), seed: 1)
    #expect((0..<12).allSatisfy { result.monthly.capacity[$0 * 2 + 1] == 10 })
    #expect(result.years[0].starts == 60)
  }

  @Test("the policy's bounds are checked")
  func bounds() {
    let yaml = DeterministicBudgetTests.yaml().replacingOccurrences(
      of: "    intakeCost: 500\n", with: "    intakeCost: 500\n    capacityPolicy: {minimum: 30, maximum: 20}\n")
    do {
      _ = try ScenarioReader.read(yaml: yaml)
      Issue.record("accepted")
    } catch {
      #expect(error.issues.contains { $0.path == "careTypes[1].capacityPolicy.maximum" && $0.message.contains("must be at least minimum (30)") })
    }
  }
}
