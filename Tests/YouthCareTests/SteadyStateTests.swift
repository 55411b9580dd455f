import Experiments
import LumpsimTestSupport
import Testing
import YouthCare

@Suite("Steady state and warnings")
struct SteadyStateTests {
  /// regio-midden with room for everyone and no growth: a network of M/G/∞ stations with routing.
  static func unconstrained() throws -> Scenario {
    var scenario = try Fixtures.scenario("regio-midden.yaml")
    for s in scenario.referralSources.indices { scenario.referralSources[s].trendPerYear = 0 }
    for k in scenario.careTypes.indices { scenario.careTypes[k].capacity = 1_000_000 }
    scenario.horizon = Horizon(contractYears: 4, warmupYears: 3)
    return scenario
  }

  @Test("simulated occupancy per care type matches the traffic equations (Jackson network, Little's law)")
  func jackson() throws {
    let scenario = try Self.unconstrained()
    let theory = SteadyState(scenario)
    var occupancy = [[Double]](repeating: [], count: scenario.careTypes.count)
    for r in 0..<10 {
      let result = runChecked(scenario, seed: 31, replication: r)
      for (k, c) in result.careTypes.enumerated() { occupancy[k].append(c.meanInCare) }
    }
    for (k, type) in scenario.careTypes.enumerated() {
      let interval = ConfidenceInterval(occupancy[k], level: 0.99)
      #expect(interval.covers(theory.inCare[k]), "\(type.id): theory \(theory.inCare[k]), observed \(interval)")
    }
  }

  @Test("validate warns when the lumpsum is below the expected cost, and about tariffs below cost")
  func warnings() throws {
    let scenario = try Fixtures.scenario("regio-midden.yaml")
    let warnings = ScenarioAdvice.check(scenario)
    #expect(warnings.count == 1)
    #expect(warnings.first?.contains("covers 0.94 of the expected steady-state in-scope cost") == true)
    let rich = try Fixtures.scenario("regio-midden.yaml", [ScenarioOverride(path: "funding.lumpsum.base", value: "30000000")])
    #expect(ScenarioAdvice.check(rich).isEmpty)
    let cheap = try Fixtures.scenario("regio-midden.yaml", [
      ScenarioOverride(path: "funding.lumpsum.base", value: "30000000"),
      ScenarioOverride(path: "careTypes.RO.tariffPerDay", value: "200"),
    ])
    let tariffWarnings = ScenarioAdvice.check(cheap)
    #expect(tariffWarnings.count == 1)
    #expect(tariffWarnings.first?.contains("careTypes[4] (RO): tariff €200.00 a day is below its cost €235.40") == true)
  }
}
