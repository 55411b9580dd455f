import Foundation
import ArgumentParser
import YouthCare

/// The scenario file and what may change in it, shared by every command that reads one.
struct ScenarioOptions: ParsableArguments {
  @Argument(help: "The scenario file (YAML).", completion: .file(extensions: ["yaml", "yml"]))
  var scenario: String

  @Option(name: .customLong("set"), help: ArgumentHelp(
    "Change one scenario value, e.g. --set funding.lumpsum.base=28000000 or --set careTypes.SA.capacity=1500 (repeatable).",
    valueName: "PATH=VALUE"))
  var overrides: [String] = []

  /// The scenario with the overrides applied, validated.
  func load() throws -> Scenario {
    var parsed: [ScenarioOverride] = []
    var problems: [ScenarioIssue] = []
    for text in overrides {
      do throws(ScenarioIssue) {
        parsed.append(try ScenarioOverride(parsing: text))
      } catch {
        problems.append(error)
      }
    }
    if !problems.isEmpty { throw ScenarioError(file: scenario, issues: problems) }
    return try ScenarioReader.read(file: scenario, overrides: parsed)
  }
}

/// The master seed.
struct SeedOption: ParsableArguments {
  @Option(help: "Master seed; the same seed gives byte-identical output. Default: the scenario's random.seed.")
  var seed: UInt64?
}

/// How many threads run replications; the results never depend on it.
struct ThreadsOption: ParsableArguments {
  @Option(help: "Threads; the output is identical for any number. Default: all cores.")
  var threads: Int = ProcessInfo.processInfo.activeProcessorCount

  func validate() throws {
    guard threads >= 1 else { throw ValidationError("--threads must be at least 1, got \(threads)") }
  }
}

/// How results are printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case table
  case json
}
