import ArgumentParser
import Experiments
import Foundation
import Reports
import SimKernel
import YouthCare

/// `lumpsim batch`: many replications, and what they say about the budget.
struct Batch: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run many replications in parallel: how likely the lumpsum runs out, when, by how much, and how long children wait.")

  @OptionGroup var scenarioOptions: ScenarioOptions
  @OptionGroup var seedOption: SeedOption

  @Option(name: .short, help: "Replications (with --precision: the minimum before the first check).")
  var n: Int?

  @OptionGroup var threadsOption: ThreadsOption

  @Option(name: .outputNames, help: ArgumentHelp("Write summary.json, replications.csv and bands.csv into this folder.", valueName: "folder"))
  var out: String?

  @Option(help: "What to print: table, json (the summary) or csv (one row per contract year).")
  var format: BatchFormat = .table

  @Flag(help: "No progress bar.")
  var quiet = false

  @Option(help: ArgumentHelp(
    "Run until a 95% interval is this narrow, checked every 100 replications (repeatable). Metrics: \(PrecisionTarget.Metric.allCases.map(\.rawValue).joined(separator: ", ")).",
    valueName: "METRIC=HALFWIDTH"))
  var precision: [PrecisionTarget] = []

  @Option(help: "With --precision: stop here if the targets are not met.")
  var maxReplications: Int = 100_000

  enum BatchFormat: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

  func validate() throws {
    if let n, n < 2 { throw ValidationError("-n must be at least 2, got \(n)") }
    guard maxReplications >= 2 else { throw ValidationError("--max-replications must be at least 2") }
    if precision.isEmpty && n == nil { throw ValidationError("give -n N (replications) or --precision METRIC=HALFWIDTH") }
  }

  func run() throws {
    // A batch keeps at most its sample's rows, however many replications it runs.
    let kept = min(precision.isEmpty ? n ?? 0 : maxReplications, BatchAccumulator.defaultSampleCapacity)
    let scenario = try scenarioOptions.load(parallel: threadsOption.threads, replications: kept)
    let seed = seedOption.seed(default: scenario.random.seed)
    let planned = precision.isEmpty ? n! : maxReplications
    var stopping = SequentialStopping(targets: precision, minimum: precision.isEmpty ? planned : max(n ?? SequentialStopping.checkEvery, 2))
    var accumulator = BatchAccumulator(scenario: scenario, seed: seed)
    // The folder's files are replaced as one set; replications.csv joins it row by row as the
    // replications finish.
    let output = try openOutput(out, writing: ["summary.json", "replications.csv", "bands.csv"])
    let rows: StagedFile?
    do throws(AtomicFile.WriteError) {
      rows = try output?.stream("replications.csv")
      let contractIDs = scenario.contracts.count > 1 ? scenario.contracts.map(\.id) : []
      try rows?.write(BatchCSV.replicationsHeader(careTypeIDs: scenario.careTypes.map(\.id), contractIDs: contractIDs))
    } catch {
      throw error.commandError
    }
    let interrupt = InterruptHandler()
    let progress = ProgressBar(total: planned, quiet: quiet)
    var writeFailure: AtomicFile.WriteError?
    var runaway: Runaway?
    let started = ContinuousClock.now

    do throws(Runaway) {
      try ParallelReplications.run(
        scenario, seed: seed, count: planned, threads: threadsOption.threads, stop: interrupt.flag
      ) { index, result in
        accumulator.add(result)
        if let rows {
          do throws(AtomicFile.WriteError) {
            try rows.write(BatchCSV.replicationRows(index, result))
          } catch {
            writeFailure = error
            return false
          }
        }
        progress.update(done: accumulator.count)
        return !stopping.shouldStop(accumulator)
      }
    } catch {
      // A replication the watchdog cut short has partial figures: nothing is written.
      runaway = error
    }
    progress.finish()
    let wall = seconds(ContinuousClock.now - started)

    if interrupt.interrupted {
      output?.discard()
      throw RuntimeFailure(description: "Interrupted after \(accumulator.count) of \(planned) replications; nothing was written.", code: 130)
    }
    if let runaway {
      output?.discard()
      throw BadInput(runaway)
    }
    if let writeFailure {
      output?.discard()
      throw writeFailure.commandError
    }

    let batch = accumulator.result()
    let report = stoppingReport(accumulator, stopping)
    if let output {
      do throws(AtomicFile.WriteError) {
        try output.write("summary.json", BatchSummary.json(batch, stopping: report?.json, assumptions: ScenarioFacts.json(scenario)).rendered())
        try output.write("bands.csv", BatchCSV.bands(batch))
        try output.commit()
      } catch {
        output.discard()
        throw error.commandError
      }
    }
    switch format {
    case .json: print(BatchSummary.json(batch, stopping: report?.json).rendered(), terminator: "")
    case .csv: print(BatchCSV.years(batch), terminator: "")
    case .table:
      print(BatchTable.render(batch, scenario: scenario, wallSeconds: wall, stoppingNote: report?.sentence), terminator: "")
    }
  }

  /// What sequential stopping did, for the table and the JSON.
  func stoppingReport(_ accumulator: BatchAccumulator, _ stopping: SequentialStopping) -> (sentence: String, json: JSONValue)? {
    guard !precision.isEmpty else { return nil }
    let reached = stopping.reached
    let achieved = stopping.achieved(accumulator)
    let parts = achieved.map { target, value in
      "\(target.metric.rawValue) ±\(String(format: "%.4g", value)) (target \(String(format: "%.4g", target.halfWidth)))"
    }
    let sentence = reached
      ? "Precision reached after \(accumulator.count) replications: " + parts.joined(separator: ", ")
      : "Stopped at --max-replications \(accumulator.count) before reaching the precision: " + parts.joined(separator: ", ")
    let json = JSONValue.object([
      ("rule", .string("precision")),
      ("reached", .bool(reached)),
      ("replications", .int(accumulator.count)),
      ("checkEvery", .int(SequentialStopping.checkEvery)),
      ("targets", .array(achieved.map { target, value in
        .object([("metric", .string(target.metric.rawValue)), ("halfWidth", .double(target.halfWidth, 6)),
                 ("achieved", .double(value, 6))])
      })),
    ])
    return (sentence, json)
  }
}
