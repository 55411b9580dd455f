import ArgumentParser
import Experiments
import Foundation
import Reports
import SimKernel
import YouthCare

/// `lumpsim budget`: the smallest lumpsum that meets an overspend target.
struct Budget: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Find the smallest lumpsum (year-1 base) whose chance of overspending stays at or below a target.")

  @OptionGroup var scenarioOptions: ScenarioOptions
  @OptionGroup var seedOption: SeedOption

  @Option(help: "The largest acceptable probability of overspending, e.g. 0.1.")
  var maxOverspendProbability: Double

  @Option(help: "Which year must meet it: a contract year (1, 2, …), a calendar year (2026) or all.")
  var year: String = "all"

  @Option(name: .short, help: "Replications per evaluation (the same children for every candidate).")
  var n: Int = 1000

  @OptionGroup var threadsOption: ThreadsOption

  @Option(help: "What to print: table or json.")
  var format: OutputFormat = .table

  func validate() throws {
    guard maxOverspendProbability >= 0 && maxOverspendProbability < 1 else {
      throw ValidationError("--max-overspend-probability must be in [0, 1), got \(maxOverspendProbability)")
    }
    guard n >= 2 else { throw ValidationError("-n must be at least 2, got \(n)") }
  }

  func run() throws {
    let scenario = try scenarioOptions.load(parallel: threadsOption.threads, replications: min(n, BatchAccumulator.defaultSampleCapacity))
    let seed = seedOption.seed(default: scenario.random.seed)
    let years = try parseYears(scenario)
    let interrupt = InterruptHandler()
    // A replication the watchdog cut short throws `Runaway`, which `Lumpsim.main` reports (exit 2).
    let solved = try BudgetSolver.solve(
      scenario, seed: seed, replications: n, threads: threadsOption.threads, target: maxOverspendProbability,
      years: years, stop: interrupt.flag)
    guard let answer = solved else {
      throw RuntimeFailure(description: "Interrupted; no answer.", code: interrupt.interrupted ? 130 : 1)
    }
    let labels = (0..<scenario.horizon.contractYears).map { scenario.horizon.firstYear + $0 }
    switch format {
    case .json:
      let document = JSONValue.object([
        ("scenario", .string(scenario.name)), ("seed", .unsigned(seed)),
        ("maxOverspendProbability", .double(maxOverspendProbability, 6)),
        ("years", years == .all ? .string("all") : .int(labels[answer.bindingYear])),
        ("base", .double(answer.base, 2)),
        ("contractBases", .object(zip(scenario.contracts, answer.contractBases).map { ($0.id, .double($1, 2)) })),
        ("bindingYear", .int(labels[answer.bindingYear])),
        ("method", .string(answer.method)), ("evaluations", .int(answer.evaluations)),
        ("replications", .int(answer.replications)),
        ("perYear", .array(answer.budgets.indices.map { y in
          .object([("year", .int(labels[y])), ("budget", .double(answer.budgets[y], 2)),
                   ("overspendProbability", BatchSummary.proportion(answer.overspend[y]))])
        })),
      ])
      print(document.rendered(), terminator: "")
    case .table:
      let scope = years == .all ? "every contract year" : String(labels[answer.bindingYear])
      let split = scenario.contracts.count > 1
        ? ",\n  split over the \(scenario.contracts.count) contracts as now: "
          + zip(scenario.contracts, answer.contractBases).map { "\($0.id) €\(String(format: "%.2f", $1 / 1e6))M" }.joined(separator: ", ")
        : ""
      print("""
        Smallest lumpsum with P(overspend) ≤ \(String(format: "%g", maxOverspendProbability * 100))% in \(scope): \
        €\(String(format: "%.2f", answer.base / 1e6))M in \(labels[0]) (now €\(String(format: "%.2f", scenario.lumpsumBase / 1e6))M)\(split).
        \(answer.replications) replications per evaluation, \(answer.evaluations) evaluation\(answer.evaluations == 1 ? "" : "s") (\(answer.method)); \
        \(labels[answer.bindingYear]) decides.

        """)
      var table = TextTable([("Year", .left), ("Budget €M", .right), ("P(overspend)", .right), ("95% CI", .right)])
      for y in answer.budgets.indices {
        let p = answer.overspend[y], i = p.interval()
        table.append([String(labels[y]), String(format: "%.2f", answer.budgets[y] / 1e6),
                      String(format: "%.1f%%", p.estimate * 100),
                      String(format: "%.1f–%.1f%%", i.low * 100, i.high * 100)])
      }
      print(table.rendered(), terminator: "")
    }
  }

  func parseYears(_ scenario: Scenario) throws -> BudgetSolver.Years {
    if year == "all" { return .all }
    let horizon = scenario.horizon
    if let value = Int(year) {
      if (1...horizon.contractYears).contains(value) { return .year(value - 1) }
      if (horizon.firstYear..<(horizon.firstYear + horizon.contractYears)).contains(value) {
        return .year(value - horizon.firstYear)
      }
    }
    throw BadInput(message: "--year must be all, a contract year 1…\(horizon.contractYears) or a calendar year \(horizon.firstYear)…\(horizon.firstYear + horizon.contractYears - 1); got '\(year)'")
  }
}
