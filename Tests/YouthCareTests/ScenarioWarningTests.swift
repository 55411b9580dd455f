import Foundation
import Testing
import YouthCare

/// Values that read, but probably not as meant: Dutch thousands separators, places that do not fit
/// the load, warm-start stock far from steady state, values far outside the domain's ranges.
@Suite("Scenario warnings")
struct ScenarioWarningTests {
  static func read(_ name: String, _ overrides: [(String, String)] = []) throws -> [ScenarioWarning] {
    try ScenarioReader.readWithWarnings(
      file: Fixtures.scenarioPath(name), overrides: overrides.map { ScenarioOverride(path: $0.0, value: $0.1) }).warnings
  }

  static func regioMidden(replacing old: String, with new: String) throws -> [ScenarioWarning] {
    let text = try String(contentsOfFile: Fixtures.scenarioPath("regio-midden.yaml"), encoding: .utf8)
    precondition(text.contains(old), "regio-midden.yaml does not contain \(old)")
    return try ScenarioReader.readWithWarnings(yaml: text.replacingOccurrences(of: old, with: new)).warnings
  }

  @Test("1.240 in a cost field reads as 1.24 and is warned of at its line; in a rate it is not")
  func thousandsSeparatorInFile() throws {
    let warnings = try Self.regioMidden(replacing: "costPerDay: 220", with: "costPerDay: 1.240")
    let warning = try #require(warnings.first { $0.kind == .thousandsSeparator })
    #expect(warning.path == "careTypes[4].costPerDay")
    #expect(warning.line == 122)
    #expect(warning.message.hasPrefix("1.240 reads as 1.24; did you mean 1240?"))
    // A rate per 1,000 or a share may well have three decimals.
    let rate = try Self.regioMidden(replacing: "ratePer1000: 1.43 ", with: "ratePer1000: 1.430 ")
    #expect(!rate.contains { $0.kind == .thousandsSeparator })
    let share = try Self.regioMidden(replacing: "overheadShare: 0.07", with: "overheadShare: 0.070")
    #expect(!share.contains { $0.kind == .thousandsSeparator })
  }

  @Test("a whole number written 1.000 reads as 1 and is warned of; 1.450 is refused with what it looks like")
  func thousandsSeparatorInCount() throws {
    let one = try Self.read("validation/mmc.yaml", [("careTypes.Q.capacity", "1.000")])
    #expect(one.contains { $0.kind == .thousandsSeparator && $0.message.hasPrefix("1.000 reads as 1; did you mean 1000?") })
    #expect {
      try Self.read("validation/mmc.yaml", [("careTypes.Q.capacity", "1.450")])
    } throws: { error in
      (error as? ScenarioError)?.issues.first?.message.hasPrefix(
        "must be a whole number: 1.450 reads as 1.45; it looks like a Dutch thousands separator, write 1450") == true
    }
  }

  @Test("--set 26.000.000 is refused as a Dutch thousands separator; --set 26.000 is read as 26 and warned of")
  func thousandsSeparatorBySet() throws {
    #expect {
      try Self.read("regio-midden.yaml", [("funding.lumpsum.base", "26.000.000")])
    } throws: { error in
      let message = (error as? ScenarioError)?.issues.first?.message ?? ""
      return message == "must be a number: 26.000.000 looks like a Dutch thousands separator; write 26000000 "
        + "(given by --set funding.lumpsum.base=26.000.000)"
    }
    let warnings = try Self.read("regio-midden.yaml", [("funding.lumpsum.base", "26.000")])
    let warning = try #require(warnings.first { $0.kind == .thousandsSeparator })
    #expect(warning.path == "funding.lumpsum.base" && warning.line == nil)
    #expect(warning.message.hasPrefix("26.000 reads as 26; did you mean 26000?"))
    #expect(warning.message.hasSuffix("(given by --set funding.lumpsum.base=26.000)"))
  }

  @Test("halving the population leaves places half empty and the warm start twice too large")
  func halvedPopulation() throws {
    let warnings = try Self.read("regio-midden.yaml", [("population.youths", "27500")])
    let stock = warnings.filter { $0.kind == .initialStock }.map(\.path)
    #expect(stock == ["initialStock[0]", "initialStock[1]", "initialStock[2]", "initialStock[4]", "initialStock[5]"])
    #expect(warnings.contains { $0.path == "initialStock[1]" && $0.line == 155
      && $0.message.hasPrefix("SA: 1,800 children (1,450 in care + 350 waiting) on day 0, but steady state holds about 748 in care") })
    let empty = warnings.filter { $0.kind == .underUsed }.map(\.path)
    #expect(empty.contains("careTypes[0].capacity") && empty.contains("careTypes[4].capacity"))
    #expect(warnings.contains { $0.kind == .underUsed && $0.message.contains("half the places stand empty in steady state") })
  }

  @Test("a care type whose load exceeds its places warns that its list grows; crisis care may overflow")
  func overCapacity() throws {
    let warnings = try Self.read("regio-midden.yaml", [
      ("careTypes.RO.capacity", "100"), ("initialStock[4].inCare", "100"), ("careTypes.CR.capacity", "2"),
    ])
    let ro = try #require(warnings.first { $0.kind == .overCapacity && $0.path == "careTypes[4].capacity" })
    #expect(ro.message.hasPrefix("careTypes[4] (RO): steady-state load of "))
    #expect(ro.message.contains("exceeds its 100 places: its list grows without bound"))
    #expect(!warnings.contains { $0.path == "careTypes[6].capacity" })
  }

  @Test("a full care type whose children run out of patience sends the excess where its rule says")
  func redirects() throws {
    let text = """
      name: redirect
      horizon: {contractYears: 1}
      population: {youths: 10000}
      referralSources:
        - {id: gp, ratePer1000: 40, routing: {A: 1.0}}
      careTypes:
        - id: A
          capacity: 100
          duration: {family: exponential, mean: 12, unit: months}
          costPerDay: 20
          patience: {duration: {family: exponential, mean: 2, unit: months}, destination: B}
          transitions: {exit: 1.0}
        - id: B
          capacity: 1000
          duration: {family: exponential, mean: 6, unit: months}
          costPerDay: 20
          transitions: {exit: 1.0}
      funding:
        lumpsum: {base: 5000000}
      """
    let scenario = try ScenarioReader.read(yaml: text)
    let load = CapacityLoad(scenario)
    // 400 a year reach A, which starts 100 (100 places, a year each); 300 go on to B.
    #expect(abs(load.arrivalsPerYear[0] - 400) < 1e-6 && abs(load.excessPerYear[0] - 300) < 1e-6)
    #expect(abs(load.arrivalsPerYear[1] - 300) < 1e-6 && abs(load.inCare[0] - 100) < 1e-6)
    let warning = try #require(ScenarioWarning.check(scenario).first { $0.kind == .overCapacity })
    #expect(warning.message.contains("about 300 children a year are redirected to B when their patience runs out"))
  }

  @Test("a cost 3× above its domain range names the range; a duration without a unit is caught")
  func domainRanges() throws {
    let costly = try Self.read("regio-midden.yaml", [("careTypes.RO.costPerDay", "1100")])
    let cost = try #require(costly.first { $0.kind == .outsideDomainRange })
    #expect(cost.path == "careTypes[4].costPerDay")
    #expect(cost.message.hasPrefix("careTypes[4] (RO): costPerDay €1,100 a day is over 3× the top of the range for "
      + "open residential care (RO) in domain.md §3.1 (€150–350 a day)"))
    // Just under 3× the top is left alone.
    #expect(!(try Self.read("regio-midden.yaml", [("careTypes.RO.costPerDay", "1000")])).contains { $0.kind == .outsideDomainRange })
    let days = try Self.read("regio-midden.yaml", [("careTypes.RO.duration", "{family: lognormal, mean: 12, cv: 1.2}")])
    let duration = try #require(days.first { $0.kind == .outsideDomainRange })
    #expect(duration.path == "careTypes[4].duration.mean")
    #expect(duration.message.contains("under a third of the bottom of the range for open residential care (RO) in "
      + "domain.md §3.1 (8–18 months)") && duration.message.contains("write unit: months"))
  }

  @Test("the shipped scenarios warn only where a warning is right", arguments: [
    ("regio-midden.yaml", ["overCapacity careTypes[1].capacity"]),
    ("amersfoort-bsa.yaml", ["overCapacity careTypes[1].capacity"]),
    ("grote-stad.yaml", []),
    ("amsterdam-kernpartners.yaml", []),
    ("utrecht-twee-consortia.yaml", []),
    // Queueing theory, not youth care: a day-long episode and λ = 9 a day are far outside the domain.
    ("validation/mmc.yaml", ["outsideDomainRange referralSources", "outsideDomainRange careTypes[0].duration.mean",
                             "outsideDomainRange funding.lumpsum.base"]),
  ])
  func shipped(name: String, expected: [String]) throws {
    let warnings = try Self.read(name)
    #expect(warnings.map { "\($0.kind.rawValue) \($0.path)" } == expected, "\(warnings)")
  }
}
