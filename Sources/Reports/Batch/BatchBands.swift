/// A batch's `bands.csv` read back (written by `BatchCSV.bands`): per month, the bands of
/// year-to-date spend and of each care type's waiting list.
public struct BatchBands: Equatable, Sendable {
  /// A monthly series' bands, one value per month.
  public struct Band: Equatable, Sendable {
    public var mean: [Double] = [], p05: [Double] = [], p25: [Double] = [], p50: [Double] = [], p75: [Double] = [], p95: [Double] = []

    public init() {}

    mutating func append(_ v: [Double]) {
      mean.append(v[0]); p05.append(v[1]); p25.append(v[2]); p50.append(v[3]); p75.append(v[4]); p95.append(v[5])
    }
  }

  /// The `series` of the rows read: year-to-date spend, and waiting lists (per care type).
  static let cumulativeSpend = "cumulativeSpend", waiting = "waiting"
  /// The columns a row must have; the band's values are the last six, named as a figure's statistics.
  static let columns = ["year", "month", "series", "careType"]
    + [BatchSummaryFile.Stats.CodingKeys.mean, .p05, .p25, .p50, .p75, .p95].map(\.stringValue)

  public var cumulativeSpend = Band()
  /// Per care type id.
  public var waiting: [String: Band] = [:]

  public init(cumulativeSpend: Band = Band(), waiting: [String: Band] = [:]) {
    self.cumulativeSpend = cumulativeSpend
    self.waiting = waiting
  }

  /// Reads `text` (the file at `path`); columns are found by their header names, fields may be
  /// quoted (a care type id with a comma is). Other series (`budgetPaid`) are skipped.
  public static func read(_ text: String, path: String) throws(ReportInputError) -> BatchBands {
    let records: [[String]]
    do {
      records = try CSVRecords.parse(text)
    } catch {
      throw ReportInputError(message: "\(path): line \(error.line): \(error.reason); was the file edited? Write it again with lumpsim")
    }
    guard let header = records.first else {
      throw ReportInputError(message: "\(path): empty; give a folder written by `lumpsim batch --out`")
    }
    var index: [String: Int] = [:]
    for name in columns {
      guard let i = header.firstIndex(of: name) else {
        throw ReportInputError(message: "\(path): line 1: no column \(name); give a folder written by `lumpsim batch --out`")
      }
      index[name] = i
    }
    let series = index["series"]!, careType = index["careType"]!
    let valueColumns = columns.suffix(6).map { index[$0]! }
    var bands = BatchBands()
    for (r, row) in records.enumerated().dropFirst() {
      guard row.count == header.count else {
        throw ReportInputError(message: "\(path): line \(r + 1): \(row.count) fields where the header has \(header.count); "
          + "was the file edited? Write it again with lumpsim")
      }
      guard row[series] == cumulativeSpend || row[series] == waiting else { continue }
      let values = valueColumns.map { Double(row[$0]) ?? .nan }
      guard values.allSatisfy({ $0.isFinite && abs($0) <= SummaryCheck.largest }) else {
        throw ReportInputError(message: "\(path): the line '\(row.joined(separator: ",").prefix(80))' holds a value that is not a "
          + "figure lumpsim writes; was the file edited? Write it again with lumpsim")
      }
      if row[series] == cumulativeSpend { bands.cumulativeSpend.append(values) } else { bands.waiting[row[careType], default: Band()].append(values) }
    }
    return bands
  }
}
