import ArgumentParser
import Experiments
import Foundation
import Reports
import SimKernel
import YouthCare

/// `lumpsim bench [SCENARIO]`: how fast the engine runs a scenario, and how that scales.
struct Bench: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Time the engine on a scenario: events/s, ms per replication, speed-up over threads, and how the cost grows with horizon and population.")

  @Argument(help: "A scenario file; without one, the built-in M/M/c (λ = 9, μ = 1, c = 10).")
  var scenario: String?

  @Option(name: .customLong("set"), help: ArgumentHelp(
    "Change one value of the scenario file, as in run and batch (repeatable).", valueName: "PATH=VALUE"))
  var overrides: [String] = []

  @Option(help: "Replications timed per configuration (the median is shown).")
  var runs: Int = 5

  @Option(help: "Replications per batch in the thread table.")
  var batch: Int = 40

  // No default value of its own, so the help does not print this machine's core count.
  @Option(name: .customLong("max-threads"), help: "Threads up to this many in the thread table (default: all cores).")
  var requestedMaxThreads: Int?

  /// The threads given, or all cores.
  var maxThreads: Int { requestedMaxThreads ?? ProcessInfo.processInfo.activeProcessorCount }

  @Flag(help: "Time the M/M/c written on the kernel alone (no youth-care model), as compare-peers does.")
  var kernel = false

  @Option(help: "What to print: table, or json (one object per run: the scenario as written, or with --kernel the kernel's M/M/c).")
  var format: OutputFormat = .table

  @OptionGroup var seedOption: SeedOption

  @OptionGroup var strictOption: StrictOption

  @OptionGroup var limitOptions: LimitOptions

  func validate() throws {
    guard runs >= 1, batch >= 1, maxThreads >= 1 else { throw ValidationError("--runs, --batch and --max-threads must be at least 1") }
    if kernel && scenario != nil { throw ValidationError("--kernel runs its own M/M/c; give no scenario") }
    if scenario == nil && !overrides.isEmpty { throw ValidationError("--set changes a scenario file; give one") }
  }

  func run() throws {
    if kernel { return runKernel() }
    let base: Scenario = try scenario.map { try readScenario(file: $0, overrides: overrides, strict: strictOption.strict) } ?? Verification.mmcScenario()
    let seed = seedOption.seed(default: base.random.seed)
    let configurations = [
      ("as written (\(base.horizon.simulatedYears) simulated years)", base),
      ("horizon × 2", EngineBench.longer(base, by: 2)), ("horizon × 4", EngineBench.longer(base, by: 4)),
      ("population × 2", EngineBench.larger(base, by: 2)), ("population × 4", EngineBench.larger(base, by: 4)),
    ]
    // The scaled configurations are up to 4 × the scenario: each is checked before anything runs,
    // the one as written on all threads (the thread table runs it so).
    for (index, (label, scenario)) in configurations.enumerated() {
      if let problem = limitOptions.problem(with: scenario, parallel: index == 0 ? maxThreads : 1) {
        throw BadInput(message: "\(self.scenario ?? "the built-in M/M/c"), \(label): the run looks too large: \(problem). "
          + "Bench a smaller scenario, raise the limit, or run anyway with --force.")
      }
    }
    if format == .json { return try printReplications(base, seed: seed) }
    print("\(base.name) · seed \(seed) · median of \(runs) replication\(runs == 1 ? "" : "s") per row\n")

    var scaling = TextTable([("Configuration", .left), ("Events", .right), ("ms per replication", .right),
                             ("Events/s", .right), ("µs per event", .right)])
    let rows = try configurations.map { label, scenario throws(Runaway) in
      try EngineBench.time(scenario, label: label, seed: seed, runs: runs)
    }
    for row in rows {
      scaling.append([row.label, RunTable.grouped(row.events), String(format: "%.2f", row.msPerReplication),
                      String(format: "%.2f M", row.eventsPerSecond / 1e6),
                      String(format: "%.3f", row.msPerReplication * 1000 / Double(max(row.events, 1)))])
    }
    print(scaling.rendered())
    print("Linear growth shows as a constant µs per event.\n")

    var threads = TextTable([("Threads", .left), ("Replications/s", .right), ("Speed-up", .right)])
    for t in try EngineBench.throughput(base, seed: seed, count: batch, maxThreads: maxThreads) {
      threads.append([String(t.threads), String(format: "%.1f", t.replicationsPerSecond), String(format: "%.2f×", t.speedUp)])
    }
    print(threads.rendered(), terminator: "")
    print("A batch of \(batch) replications per row; the results are the same on any number of threads.")
  }

  /// The scenario as written, replications 0…runs−1 in one process: per replication, its events
  /// and wall time (as compare-peers times lumpsim; the scaled rows and threads are tables only).
  func printReplications(_ scenario: Scenario, seed: UInt64) throws(Runaway) {
    let timings = try EngineBench.replications(scenario, seed: seed, runs: runs)
    print(JSONValue.array(timings.map { timing in
      .object([
        ("seed", .unsigned(seed)), ("replication", .int(timing.replication)), ("events", .int(timing.events)),
        ("wallSeconds", .double(timing.milliseconds / 1000, 6)),
      ])
    }).rendered(), terminator: "")
  }

  /// The M/M/c on the kernel alone: per run, the events, wall time and mean wait.
  func runKernel() {
    let seed = seedOption.seed(default: 1)
    let timed = EngineBench.kernel(runs: runs, seed: seed)
    switch format {
    case .json:
      print(JSONValue.array(timed.map { run in
        .object([
          ("seed", .unsigned(run.seed)), ("events", .int(run.events)), ("wallSeconds", .double(run.milliseconds / 1000, 6)),
          ("meanWait", .double(run.meanWait, 6)),
        ])
      }).rendered(), terminator: "")
    case .table:
      print("M/M/c on the kernel alone (λ = 9, μ = 1, c = 10, 200,000 customers) · seeds \(seed)…\(seed + UInt64(runs) - 1)\n")
      var table = TextTable([("Seed", .left), ("Events", .right), ("ms per run", .right), ("Events/s", .right),
                             ("Mean wait", .right)])
      for run in timed {
        table.append([String(run.seed), RunTable.grouped(run.events), String(format: "%.2f", run.milliseconds),
                      String(format: "%.2f M", run.eventsPerSecond / 1e6), String(format: "%.4f", run.meanWait)])
      }
      print(table.rendered(), terminator: "")
      let theory = QueueingTheory.mmcMeanWait(arrivalRate: 9, serviceRate: 1, servers: 10)
      print("Erlang C gives a mean wait of \(String(format: "%.4f", theory)) days. The same model in the youth-care engine: lumpsim bench.")
    }
  }
}
