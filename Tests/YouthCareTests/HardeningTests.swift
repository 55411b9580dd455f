import Experiments
import Foundation
import Stochastics
import Testing
@testable import YouthCare

/// The defects found by trying to break lumpsim 0.1.0 (issue "Hardening", D1–D16): each is a
/// case here, written so that the old code fails it.
@Suite("Hardening: no crash, no silent wrong answer")
struct HardeningTests {
  static func read(_ yaml: String, _ overrides: [ScenarioOverride] = []) throws(ScenarioError) -> Scenario {
    try ScenarioReader.read(yaml: yaml, file: "test.yaml", overrides: overrides)
  }

  static func refusal(_ yaml: String, _ overrides: [ScenarioOverride] = []) -> ScenarioError? {
    do {
      _ = try read(yaml, overrides)
      return nil
    } catch {
      return error
    }
  }

  /// `count` sources, each referring to SA, the one at `busy` at 20 per 1,000 and the others
  /// almost silent; SA steps to RO, RO exits, and 99% of children come back once: a return is
  /// routed by the child's own source.
  static func sources(_ count: Int, busy: Int) -> String {
    let list = (0..<count).map { "  - id: s\($0)\n    ratePer1000: \($0 == busy ? "20" : "0.000001")\n    routing: {SA: 1.0}\n" }
    return """
      name: sources
      horizon: {contractYears: 2, warmupYears: 0}
      population: {youths: 10000}
      referralSources:
      \(list.joined())careTypes:
        - id: SA
          capacity: 10000
          duration: {family: exponential, mean: 30, unit: days}
          costPerDay: 20
          transitions: {RO: 1.0}
        - id: RO
          capacity: 10000
          duration: {family: exponential, mean: 30, unit: days}
          costPerDay: 200
          transitions: {exit: 1.0}
      reReferral: {probability: 0.99, delay: {family: exponential, mean: 30, unit: days}}
      funding:
        lumpsum: {base: 100000000}
      """
  }

  @Test("D1: a run the watchdog stops before its last contract year returns the runaway, without trapping")
  func runawayBeforeTheLastYear() throws {
    for name in ["limits/runaway-warmup.yaml", "limits/runaway-2years.yaml"] {
      let scenario = try ScenarioReader.read(file: Fixtures.testFixture(name))
      let result = Replication.run(scenario, seed: 1)
      #expect(result.runaway != nil, "\(name)")
      #expect(result.years.isEmpty, "\(name): no contract year was closed")
      #expect(result.monthly.cumulativeSpend.count == scenario.horizon.contractYears * 12)
    }
  }

  @Test("D2: a cv that takes a law beyond double precision is refused at its path and line")
  func unusableCV() throws {
    let yaml = try String(contentsOfFile: Fixtures.testFixture("valid-small.yaml"), encoding: .utf8)
    for (cv, family) in [("1e155", "lognormal"), ("1e300", "lognormal")] {
      let error = try #require(Self.refusal(yaml, [ScenarioOverride(path: "careTypes.SA.duration.cv", value: cv)]))
      #expect(error.issues.contains { $0.path == "careTypes[0].duration.cv" && $0.message.contains("\(family) law lumpsim cannot draw from") },
              "\(error)")
    }
    // A gamma whose shape underflows, and a Weibull whose mean overflows.
    let gamma = try #require(Self.refusal(yaml, [ScenarioOverride(path: "careTypes.SA.duration", value: "{family: gamma, mean: 30, cv: 1e200}")]))
    #expect(gamma.description.contains("gamma law lumpsim cannot draw from"), "\(gamma)")
    let weibull = try #require(Self.refusal(yaml, [ScenarioOverride(path: "careTypes.SA.duration", value: "{family: weibull, shape: 0.001, scale: 30}")]))
    #expect(weibull.description.contains("its mean is not a finite number"), "\(weibull)")
    // An ordinary large cv is still a valid (if implausible) law.
    _ = try Self.read(yaml, [ScenarioOverride(path: "careTypes.SA.duration.cv", value: "8")])
  }

  @Test("D3, D5: more sources or contracts than a child's record can index are refused at read, naming the limit")
  func indexLimits() throws {
    let sources = try #require(Self.refusal(Self.sources(256, busy: 0)))
    #expect(sources.issues.map(\.description) == ["line 5: referralSources: lists 256 referral sources; lumpsim takes at most 255 (a child records its source in one byte)"])
    _ = try Self.read(Self.sources(255, busy: 0))
    let types = (0..<128).map { "  - {id: T\($0), capacity: 20, duration: {family: exponential, mean: 60}, costPerDay: 100, transitions: {exit: 1.0}}\n" }
    let contracts = (0..<128).map { "  - {id: c\($0), careTypes: [T\($0)], lumpsum: {base: 100000}}\n" }
    let yaml = """
      name: contracts
      funding: {model: lumpsum}
      horizon: {contractYears: 1, warmupYears: 0}
      population: {youths: 100000}
      referralSources:
        - {id: gp, ratePer1000: 20, routing: {T0: 1.0}}
      careTypes:
      \(types.joined())contracts:
      \(contracts.joined())
      """
    let error = try #require(Self.refusal(yaml))
    #expect(error.description.contains("contracts: lists 128 contracts; lumpsim takes at most 127"), "\(error)")
    // 127 contracts, each with the high-cost valve (which records the contract on the child), run.
    let fitting = yaml.replacingOccurrences(of: contracts[127], with: "").replacingOccurrences(of: "lumpsum: {base: 100000}}", with: "lumpsum: {base: 100000}, valves: {highCostCases: {threshold: 1000}}}")
      .replacingOccurrences(of: "routing: {T0: 1.0}", with: "routing: {T0: 0.5, T126: 0.5}")
    let scenario = try Self.read(fitting)
    #expect(scenario.contracts.count == 127)
    let result = Replication.run(scenario, seed: 3)
    #expect(result.runaway == nil && result.flow.isConserved)
    #expect(result.years[0].contracts[126].valvePayout > 0, "the last contract's carve-out pays out")
  }

  @Test("D4: with at most 255 sources the last is a source like any other (its children come back by their own source); 256 are refused in either order")
  func lastSourceIsAnOrdinarySource() throws {
    // With the old one-byte marker, the 256th source's children looked like warm-start children
    // and never came back. Here every child of the busy source returns with probability 0.99,
    // whichever position it has.
    // The old marker was index 255: a 256th source is refused wherever the busy one stands.
    for busy in [0, 255] {
      let error = try #require(Self.refusal(Self.sources(256, busy: busy)))
      #expect(error.description.contains("lists 256 referral sources; lumpsim takes at most 255"))
    }
    for busy in [0, 254] {
      let result = Replication.run(try Self.read(Self.sources(255, busy: busy)), seed: 11)
      let first = result.years.reduce(0) { $0 + $1.referrals }
      let repeats = result.years.reduce(0) { $0 + $1.repeatReferrals }
      // Over two years most children who left have come back: far more than half of them.
      #expect(first > 300 && Double(repeats) > 0.5 * Double(first), "busy source \(busy): \(first) first, \(repeats) repeat referrals")
    }
  }

  @Test("D9: 1,001 care types are refused at read; the memory estimate grows with care types squared")
  func careTypeLimitAndEstimate() throws {
    func yaml(_ n: Int) -> String {
      let types = (0..<n).map { "  - {id: T\($0), capacity: 5, duration: {family: exponential, mean: 30}, costPerDay: 10, transitions: {exit: 1.0}}\n" }
      return "name: many\nhorizon: {contractYears: 1, warmupYears: 0}\npopulation: {youths: 10000}\nreferralSources:\n"
        + "  - {id: gp, ratePer1000: 20, routing: {T0: 1.0}}\ncareTypes:\n\(types.joined())funding:\n  lumpsum: {base: 2000000}\n"
    }
    let error = try #require(Self.refusal(yaml(1_001)))
    #expect(error.description.contains("careTypes: lists 1,001 care types; lumpsim takes at most 1,000"), "\(error)")
    let small = RunEstimate(try Self.read(yaml(10))), large = RunEstimate(try Self.read(yaml(1_000)))
    // Two dense tables of 1,000² numbers, held by the scenario and the replication.
    #expect(large.memoryBytes - small.memoryBytes >= 2 * 16 * 1_000_000 * 0.99)
  }

  @Test("D11: problems beyond the first are counted, not kept, and the message says how many more")
  func issuesCapped() throws {
    let yaml = try String(contentsOfFile: Fixtures.testFixture("valid-small.yaml"), encoding: .utf8)
      + (0..<5_000).map { "k\($0): \($0)\n" }.joined()
    let error = try #require(Self.refusal(yaml))
    #expect(error.count == 5_000 && error.issues.count == ScenarioLimits.issuesKept)
    let lines = error.description.split(separator: "\n")
    #expect(lines.count == ScenarioLimits.issuesShown + 1)
    #expect(lines.last == "... and 4,980 more")
  }

  @Test("D11: a file over the size limit is refused before it is parsed")
  func fileSizeLimit() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("lumpsim-big-\(UUID().uuidString).yaml").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let line = "k: 1\n"
    try String(repeating: line, count: ScenarioLimits.fileBytes / line.utf8.count + 1).write(toFile: path, atomically: false, encoding: .utf8)
    #expect(throws: ScenarioError.self) { try ScenarioReader.read(file: path) }
    do {
      _ = try ScenarioReader.read(file: path)
    } catch {
      #expect(error.issues.count == 1 && error.issues[0].message.contains("larger than the 4 MiB a scenario or sweep file may have"),
              "\(error)")
    }
  }

  @Test("D6, D10: a grid over the point limit and an integer range beyond whole numbers are refused with path and line")
  func sweepLimits() throws {
    let mmc = Fixtures.scenarioPath("validation/mmc.yaml")
    let values = "[" + (1...100).map(String.init).joined(separator: ",") + "]"
    let grid = "scenario: \(mmc)\nreplications: 1\ndesign:\n  grid:\n    careTypes.Q.capacity: \(values)\n    funding.lumpsum.base: \(values)\n    population.youths: \(values)\n"
    #expect(throws: ScenarioError.self) { try SweepReader.read(yaml: grid) }
    do { _ = try SweepReader.read(yaml: grid) } catch {
      #expect(error.description.contains("design.grid: makes 1.0 million points (100 × 100 × 100); a sweep takes at most 100,000"), "\(error)")
    }
    let lhs = "scenario: \(mmc)\nreplications: 1\ndesign:\n  latinHypercube:\n    points: 3\n    ranges: {careTypes.Q.capacity: {min: 10, max: 1e19, integer: true}}\n"
    do { _ = try SweepReader.read(yaml: lhs); Issue.record("accepted") } catch {
      #expect(error.description.contains("ranges.careTypes.Q.capacity: with integer: true needs min and max below 1e15"), "\(error)")
    }
  }

  @Test("D16: a problem in a --set value names the override, not line 1 of the file")
  func overrideProblemsNameTheOverride() throws {
    let yaml = try String(contentsOfFile: Fixtures.testFixture("valid-small.yaml"), encoding: .utf8)
    let error = try #require(Self.refusal(yaml, [ScenarioOverride(path: "careTypes.SA.capacity", value: "-5")]))
    #expect(error.issues.count == 1)
    #expect(error.issues[0].line == nil)
    #expect(error.issues[0].message.hasSuffix("(given by --set careTypes.SA.capacity=-5)"), "\(error)")
  }

  @Test("a referral source's overdispersion cv too small for 1/cv² to be a number counts as 0, not as no referrals")
  func tinyOverdispersion() throws {
    let yaml = try String(contentsOfFile: Fixtures.testFixture("valid-small.yaml"), encoding: .utf8)
    let plain = Replication.run(try Self.read(yaml), seed: 8)
    let tiny = Replication.run(try Self.read(yaml, [ScenarioOverride(path: "referralSources.gp.overdispersionCV", value: "1e-170")]), seed: 8)
    // Before, the yearly multiplier was NaN and not one child was referred, with exit 0.
    #expect(tiny.flow.referrals > 0)
    #expect(tiny.years.map(\.referrals) == plain.years.map(\.referrals), "a cv of 1e-170 is a cv of 0")
  }

  @Test("a cycle of 1,000 care types no child leaves reads in bounded time and warns of overload, not of empty places")
  func capacityLoadWithoutExit() throws {
    let types = (0..<1_000).map { "  - {id: T\($0), capacity: 100000, duration: {family: exponential, mean: 30}, costPerDay: 10, transitions: {T\(($0 + 1) % 1_000): 1.0}}\n" }
    let yaml = "name: cycle\nhorizon: {contractYears: 1, warmupYears: 0}\npopulation: {youths: 10000}\nreferralSources:\n"
      + "  - {id: gp, ratePer1000: 20, routing: {T0: 1.0}}\ncareTypes:\n\(types.joined())funding:\n  lumpsum: {base: 2000000}\n"
    let (_, warnings) = try ScenarioReader.readWithWarnings(yaml: yaml)
    #expect(!warnings.contains { $0.message.contains("fills under half") }, "\(warnings.prefix(3))")
    #expect(warnings.contains { $0.message.contains("steady-state load of unbounded places' worth") }, "\(warnings.prefix(3))")
  }

  @Test("D16: a count of events prints in a few characters however large, and never traps on infinity or NaN")
  func countsInWords() {
    #expect(RunLimits.count(1e300) == "1.0e+300")
    #expect(RunLimits.count(4.1e9) == "4.1 billion")
    #expect(RunLimits.count(72_402) == "72,402")
    #expect(RunLimits.count(.infinity) == "an unbounded number of" && RunLimits.count(.nan) == "an unbounded number of")
    #expect(RunLimits.grouped(4_999_980) == "4,999,980")
  }

  @Test("warm start: waiting children start on day 0 when their care type has free places")
  func warmStartFillsFreePlaces() throws {
    // 0 in care, 5 waiting, 40 places, 1 referral a day of 30 days: before the fix nobody started
    // until the first 1 January, and the new referrals queued behind the five. With 100 places
    // (30 busy on average) a list can only come from the bug.
    let yaml = """
      name: warm start
      horizon: {contractYears: 1, warmupYears: 0}
      population: {youths: 1000}
      referralSources:
        - {id: all, ratePer1000: 365, routing: {A: 1.0}}
      careTypes:
        - {id: A, capacity: 100, duration: {family: fixed, value: 30}, costPerDay: 100, transitions: {exit: 1.0}}
      initialStock:
        - {careType: A, inCare: 0, waiting: 5}
      funding:
        lumpsum: {base: 10000000}
      """
    let result = Replication.run(try Self.read(yaml), seed: 4)
    let year = try #require(result.years.first)
    #expect(year.starts == year.referrals + 5, "everybody starts within the year")
    #expect(year.meanWaitDays == 0 && year.peakWaiting == 0, "\(year.meanWaitDays) days, peak \(year.peakWaiting)")
    #expect(result.monthly.starts[0] >= 5)
  }
}
