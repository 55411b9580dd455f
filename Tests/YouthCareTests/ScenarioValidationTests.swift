import Foundation
import Testing
import YouthCare

/// Bad scenarios: each is refused with every problem, each naming the field's path and line.
@Suite("Scenario validation")
struct ScenarioValidationTests {
  /// A small valid scenario; each bad case replaces one line of it.
  static let valid = """
    name: small
    horizon: {contractYears: 2, warmupYears: 1}
    population: {youths: 10000}
    referralSources:
      - id: gp
        ratePer1000: 20
        routing: {SA: 0.8, diverted: 0.2}
    careTypes:
      - id: SA
        capacity: 50
        duration: {family: lognormal, mean: 6, cv: 1.2, unit: months}
        costPerDay: 20
        transitions: {exit: 0.9, RO: 0.1}
      - id: RO
        capacity: 10
        duration: {family: gamma, mean: 90, cv: 0.8}
        costPerDay: 200
        transitions: {exit: 0.7, SA: 0.3}
    funding:
      lumpsum: {base: 2000000, overheadShare: 0.05}
    """

  static func replacing(_ old: String, with new: String) -> String {
    precondition(valid.contains(old), "fixture does not contain \(old)")
    return valid.replacingOccurrences(of: old, with: new)
  }

  @Test("the fixture itself is valid, inline and as a file")
  func validFixture() throws {
    let scenario = try ScenarioReader.read(yaml: Self.valid)
    #expect(scenario.careTypes.count == 2)
    #expect(abs(scenario.careTypes[0].duration.mean - 6 * 365.0 / 12) < 1e-9)
    #expect(try ScenarioReader.read(file: Fixtures.testFixture("valid-small.yaml")) == scenario)
  }

  @Test("there are at least 15 kinds of bad scenario")
  func enoughKinds() {
    #expect(BadScenario.all.count >= 15)
  }

  @Test("each bad scenario is refused with the field's path, line and what was expected", arguments: BadScenario.all)
  func refused(_ bad: BadScenario) {
    do {
      _ = try ScenarioReader.read(file: bad.file)
      Issue.record("\(bad.name): accepted")
    } catch {
      let match = error.issues.first { $0.path == bad.path }
      #expect(match != nil, "\(bad.name): no issue at \(bad.path); got \(error.issues)")
      if let match {
        #expect(match.message.contains(bad.message), "\(bad.name): \(match.message)")
        if let line = bad.line { #expect(match.line == line, "\(bad.name): line \(String(describing: match.line))") }
      }
    }
  }

  @Test("several problems are reported together, in file order")
  func everyProblemAtOnce() {
    let yaml = Self.replacing("capacity: 50", with: "capacity: -5")
      .replacingOccurrences(of: "costPerDay: 200", with: "costPerDay: lots")
      .replacingOccurrences(of: "base: 2000000", with: "base: -1")
    do {
      _ = try ScenarioReader.read(yaml: yaml)
      Issue.record("accepted")
    } catch {
      #expect(error.issues.map(\.path) == ["careTypes[0].capacity", "careTypes[1].costPerDay", "funding.lumpsum.base"])
      #expect(error.description.contains("scenario:10: careTypes[0].capacity: must be between 0 and 10000000, got -5"))
    }
  }

  @Test("overrides set values by id, by index, add optional fields and parse YAML values")
  func overrides() throws {
    let scenario = try ScenarioReader.read(yaml: Self.valid, overrides: [
      ScenarioOverride(path: "careTypes.RO.capacity", value: "12"),
      ScenarioOverride(path: "careTypes[0].costPerDay", value: "25.5"),
      ScenarioOverride(path: "funding.lumpsum.bookedSavings", value: "[0, 0.05]"),
      ScenarioOverride(path: "careTypes.SA.patience", value: "{duration: {family: fixed, value: 30}, destination: RO}"),
    ])
    #expect(scenario.careTypes[1].capacity == 12)
    #expect(scenario.careTypes[0].costPerDay == 25.5)
    #expect(scenario.contracts[0].lumpsum.bookedSavings == [0, 0.05])
    #expect(scenario.careTypes[0].patience == Patience(duration: .fixed(30), destination: .careType(1)))
  }

  @Test("a bad override is refused with its path", arguments: [
    ("careTypes.XX.capacity=5", "no entry with id 'XX'"),
    ("careTypes[7].capacity=5", "index 7 is out of range"),
    ("horizon.nothing.deeper=1", "no key 'nothing'"),
    ("funding.lumpsum.base=-3", "must be ≥ 0, got -3"),
    ("careTypes.SA.capacity=", "empty value"),
    ("=5", "PATH=VALUE"),
  ])
  func badOverride(text: String, message: String) {
    do {
      let override = try ScenarioOverride(parsing: text)
      _ = try ScenarioReader.read(yaml: Self.valid, overrides: [override])
      Issue.record("\(text) accepted")
    } catch let error as ScenarioIssue {
      #expect(error.message.contains(message), "\(text): \(error)")
    } catch let error as ScenarioError {
      #expect(error.issues.contains { $0.message.contains(message) }, "\(text): \(error)")
    } catch {
      Issue.record("unexpected \(error)")
    }
  }
}
