import ArgumentParser
import Experiments
import Foundation
import SweepStore
import YouthCare

/// `lumpsim sweep`: many points × many replications into a resumable SQLite store.
struct SweepCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sweep",
    abstract: "Run a parameter sweep into a SQLite store that resumes after a kill and splits into shards.",
    subcommands: [SweepRun.self, SweepValidate.self, SweepStatus.self],
    defaultSubcommand: SweepRun.self
  )
}

/// Reads a sweep file, turning its problems into exit 2; its points' warnings go to standard error
/// and, with `strict`, refuse it (exit 2) after the same lines.
func loadSweep(_ path: String, strict: Bool) throws -> Sweep {
  let sweep = try SweepReader.read(file: path)
  printWarnings(sweep.warnings, file: path)
  if strict, !sweep.warnings.isEmpty { throw strictRefusal(file: path, count: sweep.warnings.count) }
  return sweep
}

/// The first point of `sweep` too large for `limits` with `parallel` replications at a time, as a
/// sentence naming the point by its parameter values; nil when every point fits or with `--force`.
func oversizedPoint(_ sweep: Sweep, limits: LimitOptions, parallel: Int) -> String? {
  // The sweep holds every point's scenario while it runs.
  let points = sweep.scenarios.reduce(0.0) { $0 + RunEstimate($1).scenarioBytes + 4_096 }
  for p in sweep.scenarios.indices {
    guard let problem = limits.problem(with: sweep.scenarios[p], parallel: parallel, extraBytes: points) else { continue }
    return "point \(p) (\(pointValues(sweep, p))) looks too large: \(problem)"
  }
  return nil
}

/// Point `p`'s parameter values as `path=value, …`: how a message names a point.
func pointValues(_ sweep: Sweep, _ p: Int) -> String {
  sweep.overrides(point: p).map { "\($0.path)=\($0.value)" }.joined(separator: ", ")
}

/// `lumpsim sweep [run] FILE --store STORE [--shard k/N]`.
struct SweepRun: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run the sweep (or one shard of it); run the same command again to continue after a stop.")

  @Argument(help: "The sweep file (YAML).")
  var file: String

  @Option(help: "The SQLite store to write (created if missing, continued if it holds this sweep).")
  var store: String = "results.sqlite"

  @Option(help: "Run shard k of N (0 ≤ k < N): every unit u with u mod N = k.")
  var shard: String?

  @OptionGroup var threadsOption: ThreadsOption

  @OptionGroup var strictOption: StrictOption

  @OptionGroup var limitOptions: LimitOptions

  @Flag(help: "No progress bar.")
  var quiet = false

  /// Units are committed in groups of this many, or every two seconds, whichever comes first
  /// (`UnitWriter`; hidden: the kill tests make it small so that kills land between commits).
  @Option(help: .hidden)
  var commitEvery: Int = 256

  func run() throws {
    var slice = Shard.all
    if let shard {
      guard let parsed = Shard(parsing: shard) else { throw BadInput(message: "--shard must be k/N with 0 ≤ k < N, got '\(shard)'") }
      slice = parsed
    }
    let sweep = try loadSweep(file, strict: strictOption.strict)
    // Checked before the store is touched: a refused sweep leaves no store behind.
    if let problem = oversizedPoint(sweep, limits: limitOptions, parallel: threadsOption.threads) {
      throw BadInput(message: "\(file): \(problem). Narrow the sweep's ranges, raise the limit, or run anyway with --force.")
    }
    // Locked to this process until the command ends; a damaged store is refused before its units
    // are counted (see `Lumpsim.main` for how store errors map to exit codes).
    let results = try SweepStore.openForRun(store, sweep: sweep, shard: slice)
    let done = try results.doneUnits()
    let mine = slice.units(of: sweep.units)
    let pending = mine.filter { !done.contains($0) }
    let interrupt = InterruptHandler()
    let progress = ProgressBar(total: mine.count, quiet: quiet)
    let before = mine.count - pending.count
    var writer = UnitWriter(store: results, every: commitEvery)
    var failure: Error?
    var runaway: SweepRunner.UnitRunaway?
    let started = ContinuousClock.now
    do throws(SweepRunner.UnitRunaway) {
      try SweepRunner.run(sweep, units: pending, threads: threadsOption.threads, stop: interrupt.flag) {
        unit, point, replication, result in
        do {
          try writer.record(unit: unit, point: point, replication: replication, result: result)
        } catch {
          failure = error
          return false
        }
        progress.update(done: before + writer.committed + writer.pending)
        return true
      }
    } catch {
      // Its figures are partial: it is not stored; the units before it are complete and kept.
      runaway = error
    }
    if failure == nil {
      do {
        try writer.commit()
      } catch {
        failure = error
      }
    }
    let stored = before + writer.committed
    progress.finish()
    if let failure { throw failure }
    if let runaway {
      throw BadInput(message: "\(file): point \(runaway.point) (\(pointValues(sweep, runaway.point))), replication \(runaway.replication): "
        + runawayMessage(runaway.runaway) + " The \(stored) units before it are stored in \(store).")
    }
    let wall = seconds(ContinuousClock.now - started)
    if interrupt.interrupted && stored < mine.count {
      throw RuntimeFailure(
        description: "Interrupted: \(stored) of \(mine.count) units stored in \(store); run the same command to continue.",
        code: 130)
    }
    let ran = stored - before
    print("""
      \(store): \(stored) of \(mine.count) units of shard \(slice) stored \
      (\(ran) run now in \(String(format: "%.1f", wall)) s; \(sweep.points.count) points × \(sweep.replications) replications in the sweep).
      """)
  }
}

/// `lumpsim sweep validate FILE`.
struct SweepValidate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check a sweep file: every parameter path and every point against the scenario; exit 2 if anything is wrong.")

  @Argument(help: "The sweep file (YAML).")
  var file: String

  @OptionGroup var strictOption: StrictOption

  @OptionGroup var limitOptions: LimitOptions

  func run() throws {
    let sweep = try loadSweep(file, strict: strictOption.strict)
    // A sweep with a point too large to run is still a valid sweep: warned of, not refused.
    if let problem = oversizedPoint(sweep, limits: limitOptions, parallel: 1) {
      printError("\(file): warning: \(problem); sweep run will refuse it without --force")
    }
    print("""
      \(file): OK — \(sweep.design.rawValue), \(sweep.points.count) points × \(sweep.replications) replications = \(sweep.units) units
        parameters: \(sweep.parameters.joined(separator: ", "))
        scenario \(sweep.scenarioFile), seed \(sweep.seed), definition \(Sweep.fingerprint(sweep.definition))
      """)
  }
}

/// `lumpsim sweep status STORE`.
struct SweepStatus: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "How much of a sweep a store holds: units done of total, per shard.")

  @Argument(help: "The SQLite store.")
  var store: String

  func run() throws {
    let results = try SweepStore.open(store)
    let progress = try results.progress()
    let done = progress.reduce(0) { $0 + $1.done }
    print("\(store): sweep \(Sweep.fingerprint(results.definition)), \(results.points.count) points × \(results.replications) replications")
    print("done \(done) / \(results.totalUnits) units (\(String(format: "%.1f", 100 * Double(done) / Double(max(1, results.totalUnits))))%)")
    for row in progress {
      let held = results.shards.contains(row.shard) ? "" : " (not in this store)"
      print("  shard \(row.shard)/\(results.shardCount): \(row.done) / \(row.total)\(held)")
    }
    print("content \(try results.contentDigest())")
  }
}

/// `lumpsim merge OUT SHARD...`.
struct Merge: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Combine shard stores of one sweep into one store; refuses stores of different sweeps.")

  @Argument(help: "The store to write (must not exist).")
  var out: String

  @Argument(help: "The shard stores.")
  var shards: [String]

  func run() throws {
    try SweepStore.merge(into: out, from: shards)
    let merged = try SweepStore.open(out)
    let done = try merged.doneUnits().count
    print("\(out): \(shards.count) shard store\(shards.count == 1 ? "" : "s") merged, \(done) / \(merged.totalUnits) units")
  }
}
