import Foundation
import SweepStore

/// What a report needs from a `batch --out` folder: `summary.json` and `bands.csv`, read back
/// through their types (`BatchSummaryFile`, `BatchBands`), and the verdict they give.
public struct BatchReportData {
  public typealias Stats = BatchSummaryFile.Stats
  public typealias Band = BatchBands.Band

  public struct Year: Sendable {
    public var year: Int
    public var budget: Double
    public var overspendProbability: Double
    /// Share of replications exhausted in January … December, then never (13 values).
    public var exhaustionMonth: [Double]
    public var spend: Stats
  }
  public struct CareType: Sendable {
    public var id: String
    public var name: String
    public var waitingNormDays: Double
    public var capacity: Int
    public var meanWaitDays: Stats
    public var meanWaiting: Stats
    public var arrivals: Stats
  }

  public var summary: BatchSummaryFile
  public var verdict: BatchVerdict
  public var years: [Year]
  public var careTypes: [CareType]
  public var cumulativeSpend: Band
  public var waiting: [String: Band]
  public var scenario: String { summary.scenario }
  public var seed: String { String(summary.seed) }
  public var replications: Int { summary.replications }
  public var assumptions: ScenarioFactsFile? { summary.assumptions }
  public var contractYears: Int { years.count }

  /// The report's view of a summary and its bands.
  public init(summary: BatchSummaryFile, bands: BatchBands) {
    self.summary = summary
    verdict = BatchVerdict(summary)
    years = summary.years.map { y in
      Year(year: y.year, budget: y[.budget].mean, overspendProbability: y.risk.overspendProbability.p,
           exhaustionMonth: y.risk.exhaustionMonth, spend: y[.spend])
    }
    let facts = summary.assumptions?.careTypes ?? []
    careTypes = summary.careTypes.map { c in
      let fact = facts.first { $0.id == c.id }
      return CareType(
        id: c.id, name: fact?.name ?? c.id, waitingNormDays: fact?.waitingNormDays ?? 0, capacity: fact?.capacity ?? 0,
        meanWaitDays: c[.meanWaitDays], meanWaiting: c[.meanWaiting], arrivals: c[.arrivals])
    }
    cumulativeSpend = bands.cumulativeSpend
    waiting = bands.waiting
  }

  /// Reads the folder; a clear error names what is missing or malformed.
  public static func load(folder: String) throws(ReportInputError) -> BatchReportData {
    let summaryPath = (folder as NSString).appendingPathComponent("summary.json")
    let bandsPath = (folder as NSString).appendingPathComponent("bands.csv")
    guard let data = FileManager.default.contents(atPath: summaryPath) else {
      throw ReportInputError(message: "\(summaryPath): missing or not JSON; give a folder written by `lumpsim batch --out`")
    }
    guard let bandsText = try? String(contentsOfFile: bandsPath, encoding: .utf8) else {
      throw ReportInputError(message: "\(bandsPath): missing; give a folder written by `lumpsim batch --out`")
    }
    return try load(summary: data, bands: bandsText, summaryPath: summaryPath, bandsPath: bandsPath)
  }

  /// Reads a summary and its bands from memory (the fuzzer feeds damaged ones here).
  public static func load(
    summary data: Data, bands bandsText: String, summaryPath: String, bandsPath: String
  ) throws(ReportInputError) -> BatchReportData {
    try BatchReportData(summary: BatchSummaryFile.read(data, path: summaryPath), bands: BatchBands.read(bandsText, path: bandsPath))
  }
}

extension BatchSummaryFile {
  /// Reads a batch's `summary.json`: every number is checked first (`SummaryCheck`), then the file
  /// is decoded; a missing or renamed key is an error naming its path.
  public static func read(_ data: Data, path: String) throws(ReportInputError) -> BatchSummaryFile {
    guard let object = try? JSONSerialization.jsonObject(with: data), let root = object as? [String: Any]
    else { throw ReportInputError(message: "\(path): missing or not JSON; give a folder written by `lumpsim batch --out`") }
    try SummaryCheck.check(root, file: path)
    return try SummaryDecoding.decode(BatchSummaryFile.self, from: data, file: path)
  }
}

/// A report's input that cannot be used.
public struct ReportInputError: Error, Sendable, CustomStringConvertible {
  public var message: String
  /// The store's own error when reading a sweep store failed: damage is a runtime failure
  /// (exit 1), not input to correct, so the command passes this on as it is.
  public var storeError: DatabaseError? = nil
  public var description: String { message }
}
