import LumpsimTestSupport
import Testing
import YouthCare

@Suite("Invariants on every run")
struct InvariantTests {
  static let variants: [(String, [String])] = [
    ("regio-midden.yaml", []),
    ("regio-midden.yaml", ["funding.pressurePolicy=intakeStop"]),
    ("regio-midden.yaml", ["blockedStepDown=false", "random.generator=taus2"]),
    // Patience: children leave the SA list after a while, to outside care or to the wijkteam.
    ("regio-midden.yaml", ["careTypes.SA.patience={duration: {family: exponential, mean: 60}, destination: outside}"]),
    ("regio-midden.yaml", ["careTypes.SA.patience={duration: {family: exponential, mean: 60}, destination: L}",
                           "careTypes.DT.patience={duration: {family: gamma, mean: 30, cv: 0.5}, destination: exit}",
                           "random.generator=ranlxd2"]),
    ("regio-midden.yaml", ["careTypes.RO.capacity=110", "initialStock[4].inCare=100", "funding.pressurePolicy=intakeStop"]),
    ("grote-stad.yaml", []),
    ("amersfoort-bsa.yaml", []),
    ("amersfoort-bsa.yaml", ["funding.pressurePolicy=throttle", "consortium.split=byCause",
                             "funding.valves.highCostCases={threshold: 80000}"]),
    ("amsterdam-kernpartners.yaml", []),
    ("amsterdam-kernpartners.yaml", ["funding.pressurePolicy=intakeStop", "contracts.kp06.valves={highCostCases: {threshold: 60000}}",
                                     "contracts.kp01.settlement={}"]),
    ("utrecht-twee-consortia.yaml", []),
    ("utrecht-twee-consortia.yaml", ["funding.model=pxq", "contracts.koos.pxqCeiling=20000000"]),
    ("utrecht-twee-consortia.yaml", ["funding.pressurePolicy=throttle", "contracts.spoor.consortium.split=byCause"]),
    ("validation/mmc.yaml", []),
  ]

  @Test("conservation, capacity and accounting hold", arguments: variants)
  func invariants(file: String, sets: [String]) throws {
    let overrides = try sets.map { try ScenarioOverride(parsing: $0) }
    let scenario = try Fixtures.scenario(file, overrides)
    for replication in 0..<3 {
      let result = runChecked(scenario, seed: 11, replication: replication)
      #expect(result.events > 0, "\(file) \(sets)")
    }
  }

  @Test("reneging happens when patience is set, and not otherwise")
  func reneging() throws {
    let base = try Fixtures.scenario("regio-midden.yaml")
    #expect(runChecked(base, seed: 3).careTypes.allSatisfy { $0.reneged == 0 })
    let impatient = try Fixtures.scenario("regio-midden.yaml", [
      ScenarioOverride(path: "careTypes.SA.patience", value: "{duration: {family: exponential, mean: 30}, destination: outside}"),
    ])
    let result = runChecked(impatient, seed: 3)
    #expect(result.careTypes[1].reneged > 0)
    #expect(result.flow.renegedOut > 0)
  }

  @Test("blocked step-down keeps children in the heavier type: crisis beds fill up")
  func blockedStepDown() throws {
    let blocked = runChecked(try Fixtures.scenario("regio-midden.yaml"), seed: 5)
    let free = runChecked(try Fixtures.scenario("regio-midden.yaml", [
      ScenarioOverride(path: "blockedStepDown", value: "false"),
    ]), seed: 5)
    let cr = 6
    #expect(blocked.careTypes[cr].meanInCare > free.careTypes[cr].meanInCare)
  }
}
