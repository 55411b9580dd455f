import ArgumentParser
import YouthCare

/// `lumpsim validate`: check a scenario and list every problem at once.
struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check a scenario file: every problem at once, with its path and line; exit 2 if there are any.")

  @OptionGroup var scenarioOptions: ScenarioOptions

  func run() throws {
    // A scenario too large to run is still a valid scenario: its size is shown, not refused.
    let scenario = try scenarioOptions.loadUnchecked()
    let estimate = RunEstimate(scenario)
    if let problem = scenarioOptions.limits.problem(with: scenario) {
      printError("\(scenarioOptions.scenario): warning: \(problem); run and batch will refuse it without --force")
    }
    for warning in ScenarioAdvice.check(scenario) { printError("\(scenarioOptions.scenario): warning: \(warning)") }
    let yearOne = scenario.contracts.reduce(0) { $0 + $1.lumpsum.budget(inYear: 1) }
    let scope: String
    if scenario.contracts.count == 1 {
      scope = "in the lumpsum: " + scenario.contracts[0].careTypes.sorted().map { scenario.careTypes[$0].id }.joined(separator: ", ")
    } else {
      scope = "\(scenario.contracts.count) lumpsums: " + scenario.contracts.map { contract in
        "\(contract.id) (\(contract.careTypes.map { scenario.careTypes[$0].id }.joined(separator: ", ")))"
      }.joined(separator: "; ")
    }
    print("""
      \(scenarioOptions.scenario): OK — \(scenario.name)
        \(scenario.referralSources.count) referral sources, \(scenario.careTypes.count) care types (\(scope))
        \(scenario.horizon.contractYears) contract years after \(scenario.horizon.warmupYears) warm-up years; \
      lumpsum year 1 €\(String(format: "%.2f", yearOne / 1e6))M
        about \(RunLimits.count(estimate.events)) events and \(String(format: "%.0f", estimate.memoryBytes / 1_048_576)) MiB per replication
      """)
  }
}
