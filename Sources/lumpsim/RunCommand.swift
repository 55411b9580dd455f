import ArgumentParser
import Foundation
import Reports
import SimKernel
import YouthCare

/// `lumpsim run`: one replication of a scenario.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Simulate one replication: spend against budget per year, exhaustion day, waits per care type.")

  @OptionGroup var scenarioOptions: ScenarioOptions
  @OptionGroup var seedOption: SeedOption

  @Option(name: .outputNames, help: ArgumentHelp("Write summary.json, years.csv and monthly.csv (and contracts.csv with several contracts) into this folder.", valueName: "folder"))
  var out: String?

  @Option(help: "What to print: table (readable) or json (the output contract).")
  var format: OutputFormat = .table

  func run() throws {
    let scenario = try scenarioOptions.load()
    let seed = seedOption.seed(default: scenario.random.seed)
    var names = ["summary.json", "years.csv", "monthly.csv"]
    if scenario.contracts.count > 1 { names.append("contracts.csv") }
    let output = try openOutput(out, writing: names)
    let clock = ContinuousClock()
    let started = clock.now
    let result = Replication.run(scenario, seed: seed)
    let elapsed = (clock.now - started).components
    if let runaway = result.runaway {
      output?.discard()
      throw BadInput(runaway)
    }
    let wallSeconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18

    if let output {
      do throws(AtomicFile.WriteError) {
        try output.write("summary.json", RunSummary.json(result, wallSeconds: nil).rendered())
        try output.write("years.csv", RunCSV.years(result))
        try output.write("monthly.csv", RunCSV.monthly(result, firstYear: scenario.horizon.firstYear))
        if scenario.contracts.count > 1 { try output.write("contracts.csv", RunCSV.contracts(result)) }
        try output.commit()
      } catch {
        output.discard()
        throw error.commandError
      }
    }
    switch format {
    case .json: print(RunSummary.json(result, wallSeconds: wallSeconds).rendered(), terminator: "")
    case .table: print(RunTable.render(result, scenario: scenario, wallSeconds: wallSeconds), terminator: "")
    }
  }
}

extension BadInput {
  /// The watchdog stopped a replication: the scenario is at fault (exit 2), and this says where to look.
  init(_ runaway: Runaway) {
    self.init(message: runawayMessage(runaway))
  }
}

/// What to say when the watchdog stopped a replication.
func runawayMessage(_ runaway: Runaway) -> String {
  let day = Int(runaway.time), events = runaway.eventsInPeriod
  return "the run was stopped on simulated day \(day) (year \(day / 365 + 1)): \(events) events in one "
    + "day, far more than the scenario's demand can cause. Look for episodes of (almost) zero length stepping "
    + "between care types (careTypes.*.duration, careTypes.*.transitions) or patience that redirects at once."
}
