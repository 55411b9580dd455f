import Experiments
import Foundation
import SweepStore
import YouthCare

/// Tidy tables from a sweep store, for pandas or R: one row per (point, replication, year), or
/// per (point, year) with the statistics `batch` reports.
public enum SweepExport {
  /// Per (point, replication, year): the point's parameter values, then every stored figure.
  public static func replicationsCSV(_ store: SweepStore) throws(DatabaseError) -> String {
    var lines = [(["point"] + store.parameters + ["replication", "year"] + YearColumns.names).map(CSVFormat.field).joined(separator: ",")]
    try store.forEachYear { row in
      var cells = [String(row.point)] + store.points[row.point].map(CSVFormat.field) + [String(row.replication), String(row.year)]
      cells += zip(YearColumns.all, row.values).map { column, value in
        guard let value else { return "" }
        // A count is written whole when it is one; anything else a hand-edited store holds as it is.
        return column.isInteger && value.isFinite && abs(value) < 1e15 ? String(Int(value)) : CSVFormat.number(value)
      }
      lines.append(cells.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The statistics of one point's year over its stored replications.
  public struct PointYear: Sendable {
    public var point: Int
    public var year: Int
    public var replications: Int
    public var overspend: Proportion
    /// Mean overspend among the replications that overspent; nil when none did.
    public var expectedShortfall: Double?
    /// Per figure in `YearColumns` order (exhaustionDay counts a year that lasted as day 366).
    public var figures: [FigureStatistics]
  }

  /// Per (point, year), over the stored replications.
  public static func pointYears(_ store: SweepStore) throws(DatabaseError) -> [PointYear] {
    var out: [PointYear] = []
    var group: [StoredYear] = []
    func flush() {
      guard let first = group.first else { return }
      let overspent = group.filter { ($0.value(.overspent) ?? 0) > 0 }
      let shortfall = overspent.reduce(0.0) { $0 + ($1.value(.overspend) ?? 0) }
      let figures = YearColumns.all.indices.map { i in
        FigureStatistics(values: group.map { $0.values[i] ?? FigureLayout.notExhausted })
      }
      out.append(PointYear(
        point: first.point, year: first.year, replications: group.count,
        overspend: Proportion(successes: overspent.count, trials: group.count),
        expectedShortfall: overspent.isEmpty ? nil : shortfall / Double(overspent.count), figures: figures))
      group.removeAll(keepingCapacity: true)
    }
    // Rows come ordered by point, replication, year: regroup by (point, year).
    for p in store.points.indices {
      var byYear: [Int: [StoredYear]] = [:]
      for row in try store.years(point: p) { byYear[row.year, default: []].append(row) }
      for year in byYear.keys.sorted() {
        group = byYear[year]!
        flush()
      }
    }
    return out
  }

  /// A point's parameter values: numbers as numbers, anything else as its YAML text.
  static func parameterValues(_ store: SweepStore, point p: Int) -> JSONValue {
    .object(zip(store.parameters, store.points[p]).map { path, text in
      if let whole = Int(text) { return (path, .int(whole)) }
      if let number = Double(text), number.isFinite { return (path, .number(number, decimals: 6)) }
      return (path, .string(text))
    })
  }

  /// The columns summarised per point: all but the overspent flag, which is the overspend
  /// probability's.
  static var summarised: [YearColumns.Column] { YearColumns.all.filter { $0.figure != .overspent } }

  /// The statistics kept per figure in the per-point CSV.
  static let statistics = ["mean", "ci95Low", "ci95High", "p05", "p25", "p50", "p75", "p95"]

  static func values(_ s: FigureStatistics) -> [Double] { [s.mean, s.ci95Low, s.ci95High, s.p05, s.p25, s.p50, s.p75, s.p95] }

  /// Per (point, year): P(overspend) with its Wilson interval, expected shortfall, and every
  /// figure's mean, interval and quantiles (`<figure>_<statistic>` columns).
  public static func pointsCSV(_ store: SweepStore) throws(DatabaseError) -> String {
    let figureColumns = summarised.flatMap { column in statistics.map { "\(column.name)_\($0)" } }
    var lines = [(["point"] + store.parameters + ["year", "replications", "overspendProbability", "overspend_ci95Low",
                   "overspend_ci95High", "expectedShortfall"] + figureColumns).map(CSVFormat.field).joined(separator: ",")]
    for row in try pointYears(store) {
      let interval = row.overspend.interval()
      var cells = [String(row.point)] + store.points[row.point].map(CSVFormat.field)
      cells += [String(row.year), String(row.replications)]
      cells += [row.overspend.estimate, interval.low, interval.high].map { JSONValue.format($0, decimals: 6) }
      cells.append(row.expectedShortfall.map(CSVFormat.money) ?? "")
      for (i, column) in YearColumns.all.enumerated() where column.figure != .overspent {
        cells += values(row.figures[i]).map(CSVFormat.number)
      }
      lines.append(cells.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The same per (point, year) as JSON, with the sweep's definition.
  public static func pointsJSON(_ store: SweepStore) throws(DatabaseError) -> JSONValue {
    let byPoint = Dictionary(grouping: try pointYears(store), by: \.point)
    let points: [JSONValue] = store.points.indices.map { p in
      .object([
        ("point", .int(p)),
        ("parameters", parameterValues(store, point: p)),
        ("years", .array((byPoint[p] ?? []).map { row in
          var fields: [(String, JSONValue)] = [
            ("year", .int(row.year)), ("replications", .int(row.replications)),
            ("overspendProbability", BatchSummary.proportion(row.overspend)),
            ("expectedShortfall", row.expectedShortfall.map { .double($0, 2) } ?? .null),
          ]
          for (i, column) in YearColumns.all.enumerated() where column.figure != .overspent {
            fields.append((column.name, BatchSummary.stats(row.figures[i], money: column.figure.unit.isMoney)))
          }
          return .object(fields)
        })),
      ])
    }
    return .object([
      ("sweep", .string(Sweep.fingerprint(store.definition))),
      ("replicationsPerPoint", .int(store.replications)),
      ("parameters", .array(store.parameters.map { .string($0) })),
      ("points", .array(points)),
    ])
  }

  /// Per (point, replication, year) as JSON lines would be large; as JSON an array of rows.
  public static func replicationsJSON(_ store: SweepStore) throws(DatabaseError) -> JSONValue {
    .array(try store.years().map { row in
      var fields: [(String, JSONValue)] = [("point", .int(row.point))]
      fields.append(("parameters", parameterValues(store, point: row.point)))
      fields += [("replication", .int(row.replication)), ("year", .int(row.year))]
      for (column, value) in zip(YearColumns.all, row.values) {
        fields.append((column.name, value.map { column.isInteger ? .int(Int($0)) : .double($0, 4) } ?? .null))
      }
      return .object(fields)
    })
  }
}
