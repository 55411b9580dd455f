import Foundation
import LumpsimTestSupport
import Testing
import YouthCare

/// Paths to the shipped scenarios, found from this file's location.
enum Fixtures {
  static let root = Repository.root

  static func scenarioPath(_ name: String) -> String {
    root.appendingPathComponent("Scenarios").appendingPathComponent(name).path
  }

  static func testFixture(_ name: String) -> String {
    root.appendingPathComponent("Tests/Fixtures").appendingPathComponent(name).path
  }

  static func scenario(_ name: String, _ overrides: [ScenarioOverride] = []) throws -> Scenario {
    try ScenarioReader.read(file: scenarioPath(name), overrides: overrides)
  }
}
