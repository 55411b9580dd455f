import ArgumentParser
import Experiments
import Foundation
import Reports

/// `lumpsim verify`: the engine against queueing theory.
struct Verify: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check the engine against queueing theory (Erlang C, Little's law, Erlang A, M/G/∞); exit 1 if a check fails.")

  @Option(help: "Independent replications per check.")
  var replications: Int = 20

  @OptionGroup var seedOption: SeedOption

  @Option(help: "Confidence level of the intervals.")
  var level: Double = 0.99

  @Option(help: "What to print: table or json.")
  var format: OutputFormat = .table

  func validate() throws {
    guard replications >= 2 else { throw ValidationError("--replications must be at least 2, got \(replications)") }
    guard level > 0 && level < 1 else { throw ValidationError("--level must be between 0 and 1, got \(level)") }
  }

  func run() throws {
    let checks = Verification.run(replications: replications, seed: seedOption.seed(default: 2026), level: level)
    switch format {
    case .json:
      let document = JSONValue.array(checks.map { check in
        .object([
          ("name", .string(check.name)), ("theory", .double(check.theory)),
          ("observedMean", .double(check.observed.mean)), ("ciLow", .double(check.observed.low)),
          ("ciHigh", .double(check.observed.high)), ("level", .double(check.observed.level, 4)),
          ("replications", .int(check.observed.count)), ("passed", .bool(check.passed)),
        ])
      })
      print(document.rendered(), terminator: "")
    case .table:
      var table = TextTable([("Check", .left), ("Theory", .right), ("Observed", .right),
                             ("\(Int(level * 100))% CI", .right), ("", .left)])
      for check in checks {
        let ci = String(format: "[%.4f, %.4f]", check.observed.low, check.observed.high)
        table.append([check.name, String(format: "%.4f", check.theory), String(format: "%.4f", check.observed.mean),
                      ci, check.passed ? "pass" : "FAIL"])
      }
      print(table.rendered(), terminator: "")
      let failed = checks.filter { !$0.passed }.count
      print(failed == 0 ? "All \(checks.count) checks pass (\(replications) replications each)."
                        : "\(failed) of \(checks.count) checks FAIL.")
    }
    if checks.contains(where: { !$0.passed }) { throw ExitCode.failure }
  }
}
