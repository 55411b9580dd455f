import ArgumentParser
import YouthCare

/// `lumpsim validate`: check a scenario and list every problem at once.
struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check a scenario file: every problem at once, with its path and line; exit 2 if there are any.")

  @OptionGroup var scenarioOptions: ScenarioOptions

  func run() throws {
    let scenario = try scenarioOptions.load()
    for warning in ScenarioWarnings.check(scenario) { printError("\(scenarioOptions.scenario): warning: \(warning)") }
    let inScope = scenario.careTypes.filter(\.inLumpsum).map(\.id).joined(separator: ", ")
    print("""
      \(scenarioOptions.scenario): OK — \(scenario.name)
        \(scenario.referralSources.count) referral sources, \(scenario.careTypes.count) care types (in the lumpsum: \(inScope))
        \(scenario.horizon.contractYears) contract years after \(scenario.horizon.warmupYears) warm-up years; \
      lumpsum year 1 €\(String(format: "%.2f", scenario.funding.lumpsum.budget(inYear: 1) / 1e6))M
      """)
  }
}
