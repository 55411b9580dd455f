import Testing
@testable import YouthCare

@Suite("Run size estimate")
struct RunEstimateTests {
  @Test("the estimate before a run is within 10% of the events the runs take, for every shipped scenario",
        arguments: ["regio-midden.yaml", "grote-stad.yaml", "amersfoort-bsa.yaml", "amsterdam-kernpartners.yaml",
                    "utrecht-twee-consortia.yaml", "validation/mmc.yaml"])
  func eventsMatch(name: String) throws {
    let scenario = try Fixtures.scenario(name)
    let estimate = RunEstimate(scenario)
    let runs = (0..<3).map { Replication.run(scenario, seed: 11, replication: $0).events }
    let mean = Double(runs.reduce(0, +)) / 3
    // An estimate for refusing the absurd, not a forecast: 10% is far inside the factors it guards.
    #expect(abs(estimate.events - mean) / mean < 0.10, "estimate \(estimate.events), runs \(runs)")
    #expect(estimate.memoryBytes > 25_000_000 && estimate.memoryBytes < 100_000_000)
  }

  @Test("M/M/c exactly: λ·T referrals with one episode each, plus the month ends")
  func mmcExact() throws {
    let scenario = try Fixtures.scenario("validation/mmc.yaml")
    let estimate = RunEstimate(scenario)
    let referrals = 9.0 * 365 * Double(scenario.horizon.simulatedYears)
    #expect(abs(estimate.events - (2 * referrals + Double(12 * scenario.horizon.simulatedYears))) < 1e-6 * referrals)
    #expect(abs(estimate.episodesPerReferral - 1) < 1e-12)
  }

  @Test("steps multiply the episodes: a type that sends half its children on to another averages 1.5 episodes")
  func steps() throws {
    var scenario = try Fixtures.scenario("validation/mmc.yaml")
    var second = scenario.careTypes[0]
    second.id = "R"
    second.transitions = Transitions(exit: 1, next: [0, 0])
    scenario.careTypes[0].transitions = Transitions(exit: 0.5, next: [0, 0.5])
    scenario.careTypes.append(second)
    scenario.referralSources[0].routing = [1, 0]
    #expect(abs(RunEstimate(scenario).episodesPerReferral - 1.5) < 1e-9)
  }

  @Test("limits: refused above the event or memory bound, with the figures in the message")
  func limits() throws {
    let scenario = try Fixtures.scenario("validation/mmc.yaml")
    #expect(RunLimits(maxEvents: 1e9, maxMemoryBytes: 1e12).problem(with: scenario) == nil)
    let events = try #require(RunLimits(maxEvents: 50_000, maxMemoryBytes: 1e12).problem(with: scenario))
    #expect(events.contains("about 72,") && events.contains("the limit is 50,000"))
    let memory = try #require(RunLimits(maxEvents: 1e9, maxMemoryBytes: 100_000_000).problem(with: scenario, parallel: 4))
    #expect(memory.contains("for 4 replications at once"))
  }
}
