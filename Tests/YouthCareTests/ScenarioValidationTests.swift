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

  struct Case: CustomTestStringConvertible, Sendable {
    var label: String
    var yaml: String
    var path: String
    var line: Int?
    var message: String
    var testDescription: String { label }
  }

  static let cases: [Case] = [
    Case(label: "empty file", yaml: "  \n", path: "(root)", line: nil, message: "empty"),
    Case(label: "not YAML", yaml: "name: [unclosed\nhorizon: {", path: "(root)", line: nil, message: "not valid YAML"),
    Case(label: "not a mapping", yaml: "- just\n- a list\n", path: "(root)", line: 1, message: "must be a mapping"),
    Case(label: "unknown key", yaml: replacing("costPerDay: 20", with: "costPerDay: 20\n    costPerDya: 3"),
         path: "careTypes[0].costPerDya", line: 13, message: "unknown key"),
    Case(label: "missing field", yaml: replacing("    costPerDay: 200\n", with: ""),
         path: "careTypes[1].costPerDay", line: 14, message: "is required"),
    Case(label: "wrong type", yaml: replacing("capacity: 50", with: "capacity: many"),
         path: "careTypes[0].capacity", line: 10, message: "must be a number, got 'many'"),
    Case(label: "NaN", yaml: replacing("costPerDay: 20", with: "costPerDay: .nan"),
         path: "careTypes[0].costPerDay", line: 12, message: "finite"),
    Case(label: "negative rate", yaml: replacing("ratePer1000: 20", with: "ratePer1000: -4"),
         path: "referralSources[0].ratePer1000", line: 6, message: "must be ≥ 0, got -4"),
    Case(label: "negative CV", yaml: replacing("mean: 6, cv: 1.2", with: "mean: 6, cv: -1"),
         path: "careTypes[0].duration.cv", line: 11, message: "must be > 0, got -1"),
    Case(label: "probabilities not summing to 1", yaml: replacing("{exit: 0.9, RO: 0.1}", with: "{exit: 0.8, RO: 0.1}"),
         path: "careTypes[0].transitions", line: 13, message: "must sum to 1, got 0.9"),
    Case(label: "routing not summing to 1", yaml: replacing("{SA: 0.8, diverted: 0.2}", with: "{SA: 0.8}"),
         path: "referralSources[0].routing", line: 7, message: "must sum to 1, got 0.8"),
    Case(label: "transition to an unknown care type", yaml: replacing("{exit: 0.9, RO: 0.1}", with: "{exit: 0.9, XX: 0.1}"),
         path: "careTypes[0].transitions.XX", line: 13, message: "unknown care type 'XX'"),
    Case(label: "routing to an unknown care type", yaml: replacing("{SA: 0.8, diverted: 0.2}", with: "{SA: 0.8, DT: 0.2}"),
         path: "referralSources[0].routing.DT", line: 7, message: "unknown care type 'DT'"),
    Case(label: "duplicate ids", yaml: replacing("  - id: RO", with: "  - id: SA"),
         path: "careTypes[1].id", line: 14, message: "duplicate id 'SA'"),
    Case(label: "capacity 0 with demand", yaml: replacing("capacity: 10", with: "capacity: 0"),
         path: "careTypes[1].capacity", line: 15, message: "children would wait forever"),
    Case(label: "probability above 1", yaml: replacing("{exit: 0.9, RO: 0.1}", with: "{exit: 1.2, RO: -0.2}"),
         path: "careTypes[0].transitions.exit", line: 13, message: "must be a probability"),
    Case(label: "unknown distribution family", yaml: replacing("family: gamma", with: "family: gama"),
         path: "careTypes[1].duration.family", line: 16, message: "must be one of"),
    Case(label: "unknown time unit", yaml: replacing("unit: months", with: "unit: fortnights"),
         path: "careTypes[0].duration.unit", line: 11, message: "must be one of: days, weeks, months, years"),
    Case(label: "self transition", yaml: replacing("{exit: 0.7, SA: 0.3}", with: "{exit: 0.7, RO: 0.3}"),
         path: "careTypes[1].transitions.RO", line: 18, message: "cannot transition to itself"),
    Case(label: "contract of zero years", yaml: replacing("contractYears: 2", with: "contractYears: 0"),
         path: "horizon.contractYears", line: 2, message: "must be between 1 and 100"),
    Case(label: "whole number expected", yaml: replacing("capacity: 50", with: "capacity: 50.5"),
         path: "careTypes[0].capacity", line: 10, message: "must be a whole number"),
    Case(label: "funding model not available", yaml: replacing("  lumpsum: {base", with: "  model: pxq\n  lumpsum: {base"),
         path: "funding.model", line: 20, message: "planned but not yet available"),
    Case(label: "seasonality not averaging 1", yaml: replacing("ratePer1000: 20", with: "ratePer1000: 20\n    seasonality: [2,2,2,2,2,2,2,2,2,2,2,2]"),
         path: "referralSources[0].seasonality", line: 7, message: "must average 1"),
    Case(label: "duplicate key", yaml: replacing("costPerDay: 20", with: "costPerDay: 20\n    costPerDay: 30"),
         path: "(root)", line: nil, message: "key 'costPerDay' appears twice"),
    Case(label: "missing section", yaml: replacing("population: {youths: 10000}\n", with: ""),
         path: "population", line: nil, message: "is required"),
    Case(label: "stock above capacity", yaml: valid + "\ninitialStock:\n  - {careType: RO, inCare: 11}\n",
         path: "initialStock[0].inCare", line: 22, message: "exceed the capacity of RO"),
  ]

  @Test("the fixture itself is valid")
  func validFixture() throws {
    let scenario = try ScenarioReader.read(yaml: Self.valid)
    #expect(scenario.careTypes.count == 2)
    #expect(abs(scenario.careTypes[0].duration.mean - 6 * 365.0 / 12) < 1e-9)
  }

  @Test("each bad scenario is refused with the field's path, line and what was expected", arguments: cases)
  func refused(_ badCase: Case) {
    do {
      _ = try ScenarioReader.read(yaml: badCase.yaml)
      Issue.record("\(badCase.label): accepted")
    } catch {
      let match = error.issues.first { $0.path == badCase.path }
      #expect(match != nil, "\(badCase.label): no issue at \(badCase.path); got \(error.issues)")
      if let match {
        #expect(match.message.contains(badCase.message), "\(badCase.label): \(match.message)")
        if let line = badCase.line { #expect(match.line == line, "\(badCase.label): line \(String(describing: match.line))") }
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
    #expect(scenario.funding.lumpsum.bookedSavings == [0, 0.05])
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

import Foundation
