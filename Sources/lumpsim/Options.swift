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

  @OptionGroup var strictOption: StrictOption

  @OptionGroup var limitOptions: LimitOptions

  /// The limits in force: the defaults, with the options given.
  var limits: RunLimits { limitOptions.limits }

  /// Refuses (exit 2) a scenario whose estimated size exceeds the limits, unless `--force`.
  ///
  /// `replications` is how many rows of figures the command keeps (a batch, a comparison, a
  /// budget search), so the estimate covers them too.
  func checkSize(_ scenario: Scenario, parallel: Int = 1, replications: Int = 0) throws {
    let rows = RunEstimate.batchRowBytes(scenario, replications: replications)
    guard let problem = limitOptions.problem(with: scenario, parallel: parallel, extraBytes: rows) else { return }
    throw BadInput(message: "\(self.scenario): the run looks too large: \(problem). Shorten the horizon or the "
      + "population, raise the limit, or run anyway with --force.")
  }

  /// The scenario with the overrides applied, validated, and checked against the size limits.
  func load(parallel: Int = 1, replications: Int = 0) throws -> Scenario {
    let scenario = try loadUnchecked()
    try checkSize(scenario, parallel: parallel, replications: replications)
    return scenario
  }

  /// The scenario with the overrides applied, validated; its warnings printed (and refused with `--strict`).
  func loadUnchecked() throws -> Scenario {
    try readScenario(file: scenario, overrides: overrides, strict: strictOption.strict)
  }
}

/// Whether a scenario's warnings refuse it, shared by every command that reads one.
struct StrictOption: ParsableArguments {
  @Flag(help: "Treat the scenario's warnings (a Dutch thousands separator, places that do not fit the load, a warm start far from steady state, a value far outside the domain's ranges) as errors: exit 2.")
  var strict = false
}

/// Reads a scenario file with `--set` overrides applied; every malformed override is reported at
/// once. Its warnings go to standard error; with `strict` they refuse it (exit 2) after the same lines.
func readScenario(file: String, overrides: [String], strict: Bool) throws -> Scenario {
  let (scenario, warnings) = try readScenarioWithWarnings(file: file, overrides: overrides)
  printWarnings(warnings, file: file)
  if strict, !warnings.isEmpty { throw strictRefusal(file: file, count: warnings.count) }
  return scenario
}

/// Prints a scenario's warnings, at most `ScenarioLimits.issuesShown` of them and then how many
/// more: a thousand care types can each warn, and errors are capped the same way.
func printWarnings(_ warnings: [ScenarioWarning], file: String) {
  for warning in warnings.prefix(ScenarioLimits.issuesShown) { printError(warning.printed(file: file)) }
  if warnings.count > ScenarioLimits.issuesShown {
    printError("\(file): ... and \(RunLimits.grouped(warnings.count - ScenarioLimits.issuesShown)) more warnings")
  }
}

/// What `--strict` says after printing a scenario's warnings.
func strictRefusal(file: String, count: Int) -> BadInput {
  BadInput(message: "\(file): \(count) warning\(count == 1 ? "" : "s") above, refused under --strict; fix the scenario or drop --strict")
}

/// Reads a scenario file with `--set` overrides applied, and its warnings.
func readScenarioWithWarnings(file: String, overrides: [String]) throws -> (scenario: Scenario, warnings: [ScenarioWarning]) {
  var parsed: [ScenarioOverride] = []
  var problems: [ScenarioIssue] = []
  for text in overrides {
    do throws(ScenarioIssue) {
      parsed.append(try ScenarioOverride(parsing: text))
    } catch {
      problems.append(error)
    }
  }
  if !problems.isEmpty { throw ScenarioError(file: file, issues: problems) }
  return try ScenarioReader.readWithWarnings(file: file, overrides: parsed)
}

/// How large a run may look before it is refused, shared by every command that runs scenarios.
struct LimitOptions: ParsableArguments {
  @Flag(help: "Run even when the scenario looks larger than --max-events or --max-memory allow.")
  var force = false

  @Option(help: ArgumentHelp("Refuse a scenario expected to take more events per replication than this (default 2e9).",
                             valueName: "N"))
  var maxEvents: Double?

  @Option(help: ArgumentHelp("Refuse a run expected to need more memory than this many GiB (default: half of this machine's).",
                             valueName: "GIB"))
  var maxMemory: Double?

  /// Refuses limits that would switch the check off: NaN compares false with everything, so
  /// `--max-memory nan` let any run through; a negative or infinite limit means nothing either.
  func validate() throws {
    for (name, value) in [("--max-events", maxEvents), ("--max-memory", maxMemory)] {
      guard let value else { continue }
      guard value.isFinite, value > 0 else {
        throw ValidationError("\(name) must be a positive finite number, got \(value); use --force to run without the limit")
      }
    }
  }

  /// The limits in force: the defaults, with the options given.
  var limits: RunLimits {
    var limits = RunLimits.standard
    if let maxEvents { limits.maxEvents = maxEvents }
    if let maxMemory { limits.maxMemoryBytes = maxMemory * 1_073_741_824 }
    return limits
  }

  /// What is too large about `scenario` run `parallel` at a time; nil when it fits or with `--force`.
  func problem(with scenario: Scenario, parallel: Int = 1, extraBytes: Double = 0) -> String? {
    force ? nil : limits.problem(with: scenario, parallel: parallel, extraBytes: extraBytes)
  }
}

/// The master seed.
struct SeedOption: ParsableArguments {
  @Option(help: "Master seed; the same seed gives byte-identical output. Default: the scenario's random.seed.")
  var seed: UInt64?

  /// The seed given, or the command's default (the scenario's `random.seed`).
  func seed(default fallback: UInt64) -> UInt64 { seed ?? fallback }
}

/// Every command that writes a file or a folder names it with `-o`/`--out`; `--output` stays as
/// the spelling `report` and `export` had, so scripts written for either keep working.
extension NameSpecification {
  static let outputNames: NameSpecification = [.customShort("o"), .customLong("out"), .customLong("output")]
}

/// How many threads a command runs replications on.
///
/// The option has no default value of its own: swift-argument-parser would print it in the help
/// (`(default: 8)`), and the help would then differ from machine to machine. Without `--threads`
/// the command uses all cores, as the help says in words.
struct ThreadsOption: ParsableArguments {
  @Option(name: .customLong("threads"), help: "Threads; the output is identical for any number. Default: all cores.")
  var requestedThreads: Int?

  /// The threads given, or all cores.
  var threads: Int { requestedThreads ?? ProcessInfo.processInfo.activeProcessorCount }

  func validate() throws {
    guard threads >= 1 else { throw ValidationError("--threads must be at least 1, got \(threads)") }
  }
}

/// How results are printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case table
  case json
}
