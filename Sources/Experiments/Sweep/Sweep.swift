import Foundation
import YouthCare

/// A parameter sweep: one base scenario, the parameters that vary (by their path in it), the
/// points of the design, and how many replications each point gets.
///
/// Replication i of every point uses the same random streams (common random numbers), so the
/// difference between two points is the parameters', not the luck's. Work is counted in units,
/// one per (point, replication): unit u = point × replications + replication.
public struct Sweep: Sendable, Equatable {
  /// The scenario file as the sweep file names it (relative to the sweep file), and its text
  /// (read once, so a sweep keeps running the scenario it started with).
  public var scenarioFile: String
  public var scenarioText: String
  /// Replications per point.
  public var replications: Int
  /// The master seed: replication i of every point draws from the same streams.
  public var seed: UInt64
  /// How the points were chosen.
  public var design: SweepDesign
  /// The varied paths, in the order the values are given.
  public var parameters: [String]
  /// Per point, the value of each parameter as YAML text (as `--set` takes it).
  public var points: [[String]]
  /// The scenario of every point, built once when the sweep file is checked (`SweepReader`), so a
  /// run does not read the scenario again for each point.
  public internal(set) var scenarios: [Scenario] = []
  /// What the points' scenarios read, but probably not as meant (`ScenarioWarning`), each kind at
  /// each path once, placed in the sweep file at the parameter that causes it (or the design) and
  /// naming the first point that shows it and how many more do.
  public internal(set) var warnings: [ScenarioWarning] = []

  /// Made by `SweepReader`, which checks the points and fills in `scenarios`.
  init(
    scenarioFile: String, scenarioText: String, replications: Int, seed: UInt64, design: SweepDesign,
    parameters: [String], points: [[String]]
  ) {
    self.scenarioFile = scenarioFile
    self.scenarioText = scenarioText
    self.replications = replications
    self.seed = seed
    self.design = design
    self.parameters = parameters
    self.points = points
  }

  /// Units of work in the whole sweep.
  public var units: Int { points.count * replications }

  /// The overrides that make point `p`.
  public func overrides(point p: Int) -> [ScenarioOverride] {
    zip(parameters, points[p]).map { ScenarioOverride(path: $0, value: $1) }
  }

  /// The scenario of point `p`.
  public func scenario(point p: Int) throws(ScenarioError) -> Scenario {
    try ScenarioReader.read(yaml: scenarioText, file: scenarioFile, overrides: overrides(point: p))
  }

  /// The whole definition as text: what makes two stores results of the same sweep. The scenario
  /// enters by its full text, so an edited scenario is a different sweep.
  public var definition: String {
    var lines = [
      "lumpsim sweep 1",
      "scenario \(scenarioFile)",
      "scenario-text \(Self.fingerprint(scenarioText))",
      "replications \(replications)",
      "seed \(seed)",
      "design \(design.rawValue)",
      "parameters \(parameters.joined(separator: " | "))",
    ]
    for (p, values) in points.enumerated() { lines.append("point \(p): \(values.joined(separator: " | "))") }
    return lines.joined(separator: "\n") + "\n"
  }

  /// 64-bit FNV-1a of `text`, as 16 hex digits: a short name for a definition.
  public static func fingerprint(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
