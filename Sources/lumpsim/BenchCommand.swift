import ArgumentParser
import Experiments
import Foundation
import Reports
import YouthCare

/// `lumpsim bench [SCENARIO]`: how fast the engine runs a scenario, and how that scales.
struct Bench: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Time the engine on a scenario: events/s, ms per replication, speed-up over threads, and how the cost grows with horizon and population.")

  @Argument(help: "A scenario file; without one, the built-in M/M/c (λ = 9, μ = 1, c = 10).")
  var scenario: String?

  @Option(help: "Replications timed per configuration (the median is shown).")
  var runs: Int = 5

  @Option(help: "Replications per batch in the thread table.")
  var batch: Int = 40

  @Option(help: "Threads up to this many in the thread table (default: all cores).")
  var maxThreads: Int = ProcessInfo.processInfo.activeProcessorCount

  @OptionGroup var seedOption: SeedOption

  func validate() throws {
    guard runs >= 1, batch >= 1, maxThreads >= 1 else { throw ValidationError("--runs, --batch and --max-threads must be at least 1") }
  }

  func run() throws {
    let base: Scenario = try scenario.map { path in try ScenarioReader.read(file: path) } ?? Verification.mmcScenario()
    let seed = seedOption.seed ?? base.random.seed
    print("\(base.name) · seed \(seed) · median of \(runs) replication\(runs == 1 ? "" : "s") per row\n")

    var scaling = TextTable([("Configuration", .left), ("Events", .right), ("ms per replication", .right),
                             ("Events/s", .right), ("µs per event", .right)])
    let rows = try [
      EngineBench.time(base, label: "as written (\(base.horizon.simulatedYears) simulated years)", seed: seed, runs: runs),
      EngineBench.time(EngineBench.longer(base, by: 2), label: "horizon × 2", seed: seed, runs: runs),
      EngineBench.time(EngineBench.longer(base, by: 4), label: "horizon × 4", seed: seed, runs: runs),
      EngineBench.time(EngineBench.larger(base, by: 2), label: "population × 2", seed: seed, runs: runs),
      EngineBench.time(EngineBench.larger(base, by: 4), label: "population × 4", seed: seed, runs: runs),
    ]
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
}
