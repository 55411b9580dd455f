import ArgumentParser
import Experiments
import Foundation
import Reports
import SimKernel
import YouthCare

/// `lumpsim compare`: funding models on the same children.
struct Compare: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Compare funding models (lumpsum, P×Q, output) on the same replications: municipal cost, provider result, waits, paired differences.")

  @OptionGroup var scenarioOptions: ScenarioOptions
  @OptionGroup var seedOption: SeedOption

  @Option(help: "Funding models, comma-separated; the first is the reference for the differences.")
  var funding: String = "lumpsum,pxq,output"

  @Option(name: .short, help: "Replications (each runs under every model).")
  var n: Int = 200

  @OptionGroup var threadsOption: ThreadsOption

  @Option(name: .outputNames, help: ArgumentHelp("Write summary.json and differences.csv into this folder.", valueName: "folder"))
  var out: String?

  @Option(help: "What to print: table or json.")
  var format: OutputFormat = .table

  @Flag(help: "No progress bar.")
  var quiet = false

  func validate() throws {
    guard n >= 2 else { throw ValidationError("-n must be at least 2, got \(n)") }
    _ = try models()
  }

  func models() throws -> [Funding.Model] {
    let words = funding.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    var models: [Funding.Model] = []
    for word in words {
      guard let model = Funding.Model(rawValue: word) else {
        throw ValidationError("--funding: '\(word)' is not a funding model; use lumpsum, pxq and output")
      }
      guard !models.contains(model) else { throw ValidationError("--funding names \(word) twice") }
      models.append(model)
    }
    guard !models.isEmpty else { throw ValidationError("--funding needs at least one model") }
    return models
  }

  func run() throws {
    let scenario = try scenarioOptions.load(parallel: threadsOption.threads, replications: min(n, BatchAccumulator.defaultSampleCapacity) * ((try? models().count) ?? 1))
    let seed = seedOption.seed(default: scenario.random.seed)
    let interrupt = InterruptHandler()
    let progress = ProgressBar(total: n, quiet: quiet)
    let started = ContinuousClock.now
    let models = try models()
    let output = try openOutput(out, writing: ["summary.json", "differences.csv"])
    let comparison: FundingComparison?
    do throws(Runaway) {
      comparison = try FundingComparison.run(
        scenario, models: models, seed: seed, count: n, threads: threadsOption.threads, stop: interrupt.flag,
        progress: { progress.update(done: $0) })
    } catch {
      progress.finish()
      output?.discard()
      throw BadInput(error)
    }
    progress.finish()
    guard let comparison else {
      output?.discard()
      throw RuntimeFailure(description: "Interrupted; nothing was written.", code: 130)
    }
    let wall = seconds(ContinuousClock.now - started)
    if let output {
      do throws(AtomicFile.WriteError) {
        try output.write("summary.json", CompareSummary.json(comparison, assumptions: ScenarioFacts.json(scenario)).rendered())
        try output.write("differences.csv", CompareCSV.differences(comparison))
        try output.commit()
      } catch {
        output.discard()
        throw error.commandError
      }
    }
    switch format {
    case .json: print(CompareSummary.json(comparison).rendered(), terminator: "")
    case .table: print(CompareTable.render(comparison, scenario: scenario, wallSeconds: wall), terminator: "")
    }
  }
}
