import Experiments
import LumpsimTestSupport
import Testing
import YouthCare

/// The sweep file's top-level keys: an optional description, and a seed that is absent, good or bad.
@Suite("Sweep file keys")
struct SweepReaderTests {
  static let mmc = Repository.path("Scenarios/validation/mmc.yaml")
  static func sweep(_ extra: String) -> String {
    "scenario: \(mmc)\nreplications: 2\n\(extra)design:\n  grid:\n    careTypes.Q.capacity: [10, 11]\n"
  }

  @Test("a description is accepted and is no part of the definition: the same sweep with or without it")
  func description() throws {
    let plain = try SweepReader.read(yaml: Self.sweep(""))
    let described = try SweepReader.read(yaml: Self.sweep("description: what does one more place buy?\n"))
    #expect(described.definition == plain.definition)
  }

  @Test("the seed is the scenario's when absent, the given one when good, and refused with its path when bad")
  func seed() throws {
    let scenario = try ScenarioReader.read(file: Self.mmc)
    #expect(try SweepReader.read(yaml: Self.sweep("")).seed == scenario.random.seed)
    #expect(try SweepReader.read(yaml: Self.sweep("seed: 42\n")).seed == 42)
    do {
      _ = try SweepReader.read(yaml: Self.sweep("seed: -3\n"))
      Issue.record("a negative seed was accepted")
    } catch {
      #expect(error.issues.map(\.path) == ["seed"] && error.issues[0].line == 3, "\(error)")
      #expect(error.description.contains("must be a whole number from 0 to 18446744073709551615"), "\(error)")
    }
  }

  @Test("an unknown top-level key lists every key a sweep file takes")
  func unknownKey() throws {
    do {
      _ = try SweepReader.read(yaml: Self.sweep("replicatons: 3\n"))
      Issue.record("a misspelt key was accepted")
    } catch {
      #expect(error.description.contains("replicatons: unknown key; expected one of: scenario, replications, seed, design, description"),
              "\(error)")
    }
  }
}
