import Foundation
import SweepStore

/// What a report needs from a `batch --out` folder: `summary.json` and `bands.csv`, read back.
public struct BatchReportData {
  public struct Stats: Sendable {
    public var mean = 0.0, p05 = 0.0, p25 = 0.0, p50 = 0.0, p75 = 0.0, p95 = 0.0
  }
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
  /// Per month: bands of a monthly series.
  public struct Band: Sendable {
    public var p05: [Double] = [], p25: [Double] = [], p50: [Double] = [], p75: [Double] = [], p95: [Double] = []
  }

  public var scenario: String
  public var seed: String
  public var replications: Int
  public var years: [Year]
  public var careTypes: [CareType]
  public var cumulativeSpend: Band
  public var waiting: [String: Band]
  public var assumptions: [String: Any]?
  public var contractYears: Int { years.count }

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
    guard let object = try? JSONSerialization.jsonObject(with: data), let root = object as? [String: Any]
    else { throw ReportInputError(message: "\(summaryPath): missing or not JSON; give a folder written by `lumpsim batch --out`") }
    try SummaryCheck.check(root, file: summaryPath)
    func stats(_ value: Any?) -> Stats {
      let d = value as? [String: Any] ?? [:]
      func n(_ key: String) -> Double { (d[key] as? NSNumber)?.doubleValue ?? 0 }
      return Stats(mean: n("mean"), p05: n("p05"), p25: n("p25"), p50: n("p50"), p75: n("p75"), p95: n("p95"))
    }
    guard let yearObjects = root["years"] as? [[String: Any]], let typeObjects = root["careTypes"] as? [[String: Any]] else {
      throw ReportInputError(message: "\(summaryPath): no years or careTypes; give a folder written by `lumpsim batch --out`")
    }
    let years = yearObjects.map { y in
      let month = y["exhaustionMonth"] as? [String: Any] ?? [:]
      let keys = (1...12).map(String.init) + ["never"]
      return Year(
        year: (y["year"] as? NSNumber)?.intValue ?? 0, budget: stats(y["budget"]).mean,
        overspendProbability: ((y["overspendProbability"] as? [String: Any])?["p"] as? NSNumber)?.doubleValue ?? 0,
        exhaustionMonth: keys.map { (month[$0] as? NSNumber)?.doubleValue ?? 0 }, spend: stats(y["spend"]))
    }
    let assumptions = root["assumptions"] as? [String: Any]
    let facts = (assumptions?["careTypes"] as? [[String: Any]]) ?? []
    let careTypes = typeObjects.map { c in
      let id = c["id"] as? String ?? "?"
      let fact = facts.first { $0["id"] as? String == id } ?? [:]
      return CareType(
        id: id, name: fact["name"] as? String ?? id, waitingNormDays: (fact["waitingNormDays"] as? NSNumber)?.doubleValue ?? 0,
        capacity: (fact["capacity"] as? NSNumber)?.intValue ?? 0, meanWaitDays: stats(c["meanWaitDays"]),
        meanWaiting: stats(c["meanWaiting"]), arrivals: stats(c["arrivals"]))
    }
    var spend = Band()
    var waiting: [String: Band] = [:]
    for line in bandsText.split(separator: "\n").dropFirst() {
      let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      guard cells.count >= 10 else { continue }
      let values = cells[4...9].map { Double($0) ?? .nan }
      guard values.allSatisfy({ $0.isFinite && abs($0) <= SummaryCheck.largest }) else {
        throw ReportInputError(message: "\(bandsPath): the line '\(line.prefix(80))' holds a value that is not a figure "
          + "lumpsim writes; was the file edited? Write it again with lumpsim")
      }
      func append(_ band: inout Band) {
        band.p05.append(values[1]); band.p25.append(values[2]); band.p50.append(values[3])
        band.p75.append(values[4]); band.p95.append(values[5])
      }
      if cells[2] == "cumulativeSpend" { append(&spend) }
      if cells[2] == "waiting" { append(&waiting[cells[3], default: Band()]) }
    }
    return BatchReportData(
      scenario: root["scenario"] as? String ?? "", seed: (root["seed"] as? NSNumber)?.stringValue ?? "",
      replications: (root["replications"] as? NSNumber)?.intValue ?? 0, years: years, careTypes: careTypes,
      cumulativeSpend: spend, waiting: waiting, assumptions: assumptions)
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
