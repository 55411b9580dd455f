import Experiments
import Foundation
import SweepStore
import YouthCare

/// The council's report of a sweep store: where in the parameter space the budget holds, as a
/// heat map of P(overspend) over two parameters, and a table per point.
public enum SweepReport {
  /// One point's budget risk, over its replications.
  public struct Point: Sendable {
    public var point: Int
    public var values: [String]
    /// P(overspend) per contract year, and their mean.
    public var overspend: [Double]
    public var meanOverspend: Double { overspend.isEmpty ? 0 : overspend.reduce(0, +) / Double(overspend.count) }
    /// Mean overspend (euros) over years and replications, zeros included.
    public var meanShortfall: Double
    public var meanWaitDays: Double
    public var replications: Int
  }

  /// What the report shows: the points' risks and which two parameters span the map.
  public struct Data: Sendable {
    public var definition: String
    public var parameters: [String]
    public var years: [Int]
    public var points: [Point]
    public var x: Int
    public var y: Int?
    /// The year the map shows (nil: the mean over years).
    public var year: Int?

    /// P(overspend) shown for a point: in the chosen year, or the mean over years.
    public func risk(_ p: Point) -> Double {
      guard let year, let i = years.firstIndex(of: year) else { return p.meanOverspend }
      return p.overspend[i]
    }
  }

  /// Reads the store; `x` and `y` name the map's parameters (default: the first two).
  public static func load(_ store: SweepStore, x: String?, y: String?, year: Int?) throws(ReportInputError) -> Data {
    func index(_ path: String?, _ fallback: Int?) throws(ReportInputError) -> Int? {
      guard let path else { return fallback }
      guard let i = store.parameters.firstIndex(of: path) else {
        throw ReportInputError(message: "'\(path)' is not a parameter of this sweep; it varies \(store.parameters.joined(separator: ", "))")
      }
      return i
    }
    let xi = try index(x, 0) ?? 0
    let yi = try index(y, store.parameters.indices.first { $0 != xi })
    let rows: [SweepExport.PointYear]
    do {
      rows = try SweepExport.pointYears(store)
    } catch {
      throw ReportInputError(message: error.message, storeError: error)
    }
    let years = Array(Set(rows.map(\.year))).sorted()
    if let year, !years.contains(year) {
      throw ReportInputError(message: "--year \(year) is not a year of this sweep (\(years.map(String.init).joined(separator: ", ")))")
    }
    let overspendIndex = YearColumns.index(.overspend), waitIndex = YearColumns.index(.meanWaitDays)
    let byPoint = Dictionary(grouping: rows, by: \.point)
    let points = store.points.indices.compactMap { p -> Point? in
      guard let mine = byPoint[p], !mine.isEmpty else { return nil }
      return Point(
        point: p, values: store.points[p], overspend: mine.map(\.overspend.estimate),
        meanShortfall: mine.reduce(0) { $0 + $1.figures[overspendIndex].mean } / Double(mine.count),
        meanWaitDays: mine.reduce(0) { $0 + $1.figures[waitIndex].mean } / Double(mine.count),
        replications: mine[0].replications)
    }
    guard !points.isEmpty else { throw ReportInputError(message: "the store holds no finished units yet") }
    return Data(definition: store.definition, parameters: store.parameters, years: years, points: points, x: xi, y: yi, year: year)
  }

  /// The values of a parameter along an axis: its distinct values when there are at most 12
  /// (sorted as numbers when they are), else 8 equal bins of its range.
  struct Axis {
    var labels: [String]
    var cell: (String) -> Int

    init(values: [String], language: ReportLanguage) {
      let distinct = Array(Set(values))
      let numbers = distinct.compactMap(Double.init)
      if distinct.count <= 12 {
        let sorted = numbers.count == distinct.count
          ? distinct.sorted { Double($0)! < Double($1)! } : distinct.sorted()
        labels = sorted
        cell = { sorted.firstIndex(of: $0) ?? 0 }
      } else if numbers.count == distinct.count, let low = numbers.min(), let high = numbers.max(), high > low {
        let bins = 8
        let width = (high - low) / Double(bins)
        labels = (0..<bins).map { b in
          "\(language.number(low + Double(b) * width, decimals: 2))–\(language.number(low + Double(b + 1) * width, decimals: 2))"
        }
        cell = { text in min(bins - 1, Int(((Double(text) ?? low) - low) / width)) }
      } else {
        let sorted = distinct.sorted()
        labels = sorted
        cell = { sorted.firstIndex(of: $0) ?? 0 }
      }
    }
  }

  /// The verdict: how far the risk ranges across the points, and where it is lowest and highest.
  public static func sentence(_ data: Data, language: ReportLanguage) -> String {
    let sorted = data.points.sorted { data.risk($0) < data.risk($1) }
    let low = sorted.first!, high = sorted.last!
    func describe(_ p: Point) -> String { zip(data.parameters, p.values).map { "\($0) = \($1)" }.joined(separator: ", ") }
    let scope = data.year.map { language == .en ? "in \($0)" : "in \($0)" } ?? (language == .en ? "averaged over the contract years" : "gemiddeld over de contractjaren")
    switch language {
    case .en:
      return "Across the sweep's \(data.points.count) points, the chance of overspending (\(scope)) ranges from \(language.percent(data.risk(low))) at \(describe(low)) to \(language.percent(data.risk(high))) at \(describe(high))."
    case .nl:
      return "Over de \(data.points.count) punten van de sweep loopt de kans op overschrijding (\(scope)) van \(language.percent(data.risk(low))) bij \(describe(low)) tot \(language.percent(data.risk(high))) bij \(describe(high))."
    }
  }

  /// Light grey at 0 to red at 1.
  static func color(_ p: Double) -> String {
    let a = (0xf6, 0xf8, 0xfa), b = (0xcf, 0x22, 0x2e)
    func mix(_ x: Int, _ y: Int) -> Int { Int((Double(x) + (Double(y) - Double(x)) * max(0, min(1, p))).rounded()) }
    return String(format: "#%02x%02x%02x", mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
  }

  static func heatMap(_ data: Data, language: ReportLanguage, title: String) -> String {
    let xAxis = Axis(values: data.points.map { $0.values[data.x] }, language: language)
    let yAxis = data.y.map { y in Axis(values: data.points.map { $0.values[y] }, language: language) }
    let rows = yAxis?.labels.count ?? 1, columns = xAxis.labels.count
    var sum = [[Double]](repeating: [Double](repeating: 0, count: columns), count: rows)
    var count = [[Int]](repeating: [Int](repeating: 0, count: columns), count: rows)
    for p in data.points {
      let c = xAxis.cell(p.values[data.x]), r = data.y.map { yAxis!.cell(p.values[$0]) } ?? 0
      sum[r][c] += data.risk(p)
      count[r][c] += 1
    }
    let width = 720.0, height = 340.0, left = 150.0, right = 20.0, top = 16.0, bottom = 56.0
    let cellW = (width - left - right) / Double(columns), cellH = (height - top - bottom) / Double(rows)
    var svg = "<svg class=\"chart\" data-chart=\"heatmap\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(escape(title))\"><title>\(escape(title))</title>"
    for r in 0..<rows {
      for c in 0..<columns where count[r][c] > 0 {
        let p = sum[r][c] / Double(count[r][c])
        // Row 0 at the bottom, as on a y axis.
        let x = left + Double(c) * cellW, y = height - bottom - Double(r + 1) * cellH
        svg += "<path style=\"fill:\(color(p))\" d=\"M\(fmt(x)) \(fmt(y))h\(fmt(cellW - 2))v\(fmt(cellH - 2))h\(fmt(-(cellW - 2)))Z\"/>"
        svg += "<text class=\"tick\" x=\"\(fmt(x + cellW / 2))\" y=\"\(fmt(y + cellH / 2))\" text-anchor=\"middle\" dominant-baseline=\"middle\" style=\"fill:\(p > 0.6 ? "#ffffff" : "#1b1f24")\">\(language.percent(p))</text>"
      }
    }
    for (c, label) in xAxis.labels.enumerated() {
      svg += "<text class=\"tick\" x=\"\(fmt(left + (Double(c) + 0.5) * cellW))\" y=\"\(fmt(height - bottom + 16))\" text-anchor=\"middle\">\(escape(label))</text>"
    }
    for (r, label) in (yAxis?.labels ?? [""]).enumerated() {
      svg += "<text class=\"tick\" x=\"\(fmt(left - 6))\" y=\"\(fmt(height - bottom - (Double(r) + 0.5) * cellH))\" text-anchor=\"end\" dominant-baseline=\"middle\">\(escape(label))</text>"
    }
    svg += "<text class=\"axis-title\" x=\"\(fmt((left + width - right) / 2))\" y=\"\(fmt(height - 12))\" text-anchor=\"middle\">\(escape(data.parameters[data.x]))</text>"
    let yTitle = data.y.map { data.parameters[$0] } ?? ""
    svg += "<text class=\"axis-title\" transform=\"translate(14 \(fmt((top + height - bottom) / 2))) rotate(-90)\" text-anchor=\"middle\">\(escape(yTitle))</text>"
    return svg + "</svg>"
  }

  /// The whole HTML document.
  public static func html(_ data: Data, language: ReportLanguage) -> String {
    let t = { (key: Words) in language.text(key) }
    let title = t(.heatmapHeading)
    var sections = "<section><h2>\(escape(title))</h2><figure><figcaption>\(escape(t(.heatmapCaption)))</figcaption>"
    sections += heatMap(data, language: language, title: title)
    let header = [t(.point)] + data.parameters + [t(.overspendProbability)] + data.years.map(String.init)
      + [t(.meanShortfall), t(.meanWait)]
    let rows = data.points.map { p in
      [String(p.point)] + p.values + [language.percent(data.risk(p))] + p.overspend.map { language.percent($0) }
        + [language.millions(p.meanShortfall, decimals: 2), language.number(p.meanWaitDays, decimals: 1)]
    }
    sections += ReportDocument.table(header, rows) + "</figure></section>"
    sections += "<section><h2>\(escape(t(.assumptionsHeading)))</h2><p class=\"caption\">\(escape(t(.sweepAssumptions)))</p><pre>\(escape(data.definition))</pre></section>"
    let replications = data.points.first?.replications ?? 0
    let subtitle = "\(data.points.count) \(t(.points)) × \(language.number(Double(replications))) \(t(.replications)) · \(Sweep.fingerprint(data.definition))"
    return ReportDocument.page(
      title: t(.sweepTitle), subtitle: subtitle, verdict: sentence(data, language: language), sections: sections,
      footer: t(.generatedSweep), language: language)
  }
}
