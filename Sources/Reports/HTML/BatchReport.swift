import Foundation

/// The council's report of a batch: one self-contained HTML file (inline SVG and CSS, nothing
/// fetched), printable, in Dutch or English.
///
/// It opens with the verdict in one sentence, then shows cumulative spend against each year's
/// budget, when the money runs out, waiting lists and waiting times against the norm, each chart
/// with a title, axis labels with units and its numbers in a table below, and ends with the
/// scenario's key assumptions so that it stands on its own.
public enum BatchReport {
  /// The verdict's numbers, also used by tests to check the sentence.
  public struct Verdict: Sendable, Equatable {
    /// Mean over contract years of P(overspend): the share of simulated years that overspend.
    public var overspentYears: Double
    /// The year-1 budget (euros).
    public var budget: Double
    /// Median month (1–12) in which the money runs out, among the years that run out; nil if none.
    public var medianMonth: Int?
    /// The care type with the longest mean wait, and that wait in weeks.
    public var longestWait: (name: String, weeks: Double)?

    public static func == (a: Verdict, b: Verdict) -> Bool {
      a.overspentYears == b.overspentYears && a.budget == b.budget && a.medianMonth == b.medianMonth
        && a.longestWait?.name == b.longestWait?.name && a.longestWait?.weeks == b.longestWait?.weeks
    }
  }

  /// The verdict's numbers from the data.
  public static func verdict(_ data: BatchReportData) -> Verdict {
    let years = data.years
    let overspent = years.isEmpty ? 0 : years.reduce(0) { $0 + $1.overspendProbability } / Double(years.count)
    // Exhaustion months pooled over the years; the median among the years that run out.
    var pooled = [Double](repeating: 0, count: 12)
    for y in years { for m in 0..<12 { pooled[m] += y.exhaustionMonth[m] } }
    let total = pooled.reduce(0, +)
    var median: Int?
    if total > 0 {
      var running = 0.0
      for m in 0..<12 {
        running += pooled[m]
        if running >= total / 2 { median = m + 1; break }
      }
    }
    let longest = data.careTypes.max { $0.meanWaitDays.p50 < $1.meanWaitDays.p50 }
      .flatMap { $0.meanWaitDays.p50 > 0 ? ($0.name, $0.meanWaitDays.p50 / 7) : nil }
    return Verdict(overspentYears: overspent, budget: years.first?.budget ?? 0, medianMonth: median, longestWait: longest)
  }

  /// The verdict as a sentence.
  public static func sentence(_ v: Verdict, language: ReportLanguage) -> String {
    let share = language.percent(v.overspentYears)
    let budget = language.millions(v.budget)
    switch language {
    case .en:
      var s = "In \(share) of simulated years the \(budget) lumpsum runs out"
      if let m = v.medianMonth { s += ", median in \(language.monthNames[m - 1])" }
      if let w = v.longestWait { s += "; children wait \(language.number(w.weeks, decimals: 0)) weeks on average for \(w.name)" }
      return s + "."
    case .nl:
      var s = "In \(share) van de gesimuleerde jaren raakt de lumpsum van \(budget) op"
      if let m = v.medianMonth { s += ", mediaan in \(language.monthNames[m - 1])" }
      if let w = v.longestWait { s += "; kinderen wachten gemiddeld \(language.number(w.weeks, decimals: 0)) weken op \(w.name)" }
      return s + "."
    }
  }

  /// The whole HTML document.
  public static func html(_ data: BatchReportData, language: ReportLanguage) -> String {
    let t = { (key: Words) in language.text(key) }
    let subtitle = "\(data.scenario) · \(language.number(Double(data.replications))) \(t(.replications)) · \(t(.seed)) \(data.seed)"
    let sections = spendSection(data, language) + exhaustionSection(data, language) + waitingSection(data, language)
      + waitsSection(data, language) + assumptionsSection(data, language)
    return ReportDocument.page(
      title: t(.title), subtitle: subtitle, verdict: sentence(verdict(data), language: language), sections: sections,
      footer: "\(t(.generated)) \(language.number(Double(data.replications))) \(t(.replications)).", language: language)
  }

  // MARK: Sections

  static func spendSection(_ data: BatchReportData, _ language: ReportLanguage) -> String {
    let t = { (key: Words) in language.text(key) }
    let months = data.cumulativeSpend.p50.count
    let top = max(data.cumulativeSpend.p95.max() ?? 0, data.years.map(\.budget).max() ?? 0) / 1e6
    let frame = PlotFrame(x: 0...Double(max(months, 12)), y: 0...max(top, 1e-6), xTicks: data.contractYears * 2)
    var svg = frame.open("spend", title: t(.spendHeading))
    let yearTicks = (0...data.contractYears).map { Double($0 * 12) }
    svg += frame.axes(xLabel: t(.monthAxis), yLabel: t(.eurosAxis), xTick: { v in
      let y = Int(v) / 12
      return y < data.years.count ? "\(language.months[0]) \(data.years[y].year)" : ""
    }, yTick: { language.number($0, decimals: $0.rounded() == $0 ? 0 : 1) }, xTicks: yearTicks)
    let band = data.cumulativeSpend
    for y in 0..<data.contractYears where (y + 1) * 12 <= months {
      let range = (y * 12)..<((y + 1) * 12)
      let xs = [Double(y * 12)] + range.map { Double($0 + 1) }
      func series(_ values: [Double]) -> [Double] { [0] + range.map { values[$0] / 1e6 } }
      svg += frame.band(x: xs, low: series(band.p05), high: series(band.p95), cls: "band90")
      svg += frame.band(x: xs, low: series(band.p25), high: series(band.p75), cls: "band50")
      svg += frame.line(Array(zip(xs, series(band.p50))), cls: "median")
      let budget = data.years[y].budget / 1e6
      svg += frame.line([(Double(y * 12), budget), (Double((y + 1) * 12), budget)], cls: "budget")
    }
    svg += ReportDocument.legend([("budget", t(.budget)), ("median", t(.median)), ("band50", t(.band50)), ("band90", t(.band90))], frame: frame)
    svg += "</svg>"
    let rows = data.years.map { y -> [String] in
      let runsOut = y.exhaustionMonth.prefix(12).reduce(0, +)
      return [String(y.year), language.millions(y.budget), language.millions(y.spend.p05), language.millions(y.spend.p50),
              language.millions(y.spend.p95), language.percent(y.overspendProbability), language.percent(runsOut)]
    }
    let header = [t(.year), t(.budget), "\(t(.spend)) \(t(.p05))", "\(t(.spend)) \(t(.p50))", "\(t(.spend)) \(t(.p95))",
                  t(.overspendProbability), t(.budgetRunsOut)]
    return "<section><h2>\(escape(t(.spendHeading)))</h2><figure><figcaption>\(escape(t(.spendCaption)))</figcaption>\(svg)\(ReportDocument.table(header, rows))</figure></section>"
  }

  static func exhaustionSection(_ data: BatchReportData, _ language: ReportLanguage) -> String {
    let t = { (key: Words) in language.text(key) }
    let n = data.contractYears
    let top = (data.years.flatMap(\.exhaustionMonth).max() ?? 0) * 100
    let frame = PlotFrame(x: 0...13, y: 0...max(top, 1), xTicks: 13)
    var svg = frame.open("exhaustion", title: t(.exhaustionHeading))
    let labels = language.months + [t(.never)]
    svg += frame.axes(xLabel: t(.month), yLabel: t(.shareAxis), xTick: { v in
      let i = Int(v.rounded(.down))
      return i < 13 && v - Double(i) == 0.5 ? labels[i] : ""
    }, yTick: { language.number($0) }, xTicks: (0..<13).map { Double($0) + 0.5 })
    let width = 0.8 / Double(max(n, 1))
    for (i, y) in data.years.enumerated() {
      for m in 0..<13 where y.exhaustionMonth[m] > 0 {
        let x0 = Double(m) + 0.1 + Double(i) * width
        svg += frame.rect(x0: x0, x1: x0 + width, y0: 0, y1: y.exhaustionMonth[m] * 100, cls: "bar").replacingOccurrences(
          of: "class=\"bar\"", with: "class=\"bar\" style=\"fill:\(ReportDocument.shade(i, of: n))\"")
      }
    }
    var x = frame.left + 8
    for (i, y) in data.years.enumerated() {
      svg += "<path style=\"fill:\(ReportDocument.shade(i, of: n))\" d=\"M\(fmt(x)) \(fmt(frame.top + 2))h10v10h-10Z\"/>"
      svg += "<text class=\"legend\" x=\"\(fmt(x + 13))\" y=\"\(fmt(frame.top + 11))\">\(y.year)</text>"
      x += 48
    }
    svg += "</svg>"
    let rows = data.years.map { y in [String(y.year)] + y.exhaustionMonth.map { language.percent($0) } }
    return "<section><h2>\(escape(t(.exhaustionHeading)))</h2><figure><figcaption>\(escape(t(.exhaustionCaption)))</figcaption>\(svg)\(ReportDocument.table([t(.year)] + labels, rows))</figure></section>"
  }

  /// The care types with the longest waiting lists (median), at most four, in scenario order.
  static func busiest(_ data: BatchReportData) -> [BatchReportData.CareType] {
    let chosen = data.careTypes.filter { $0.meanWaiting.p50 >= 0.5 }.sorted { $0.meanWaiting.p50 > $1.meanWaiting.p50 }.prefix(4)
    return data.careTypes.filter { c in chosen.contains { $0.id == c.id } }
  }

  static func waitingSection(_ data: BatchReportData, _ language: ReportLanguage) -> String {
    let t = { (key: Words) in language.text(key) }
    var out = "<section><h2>\(escape(t(.waitingHeading)))</h2><p class=\"caption\">\(escape(t(.waitingCaption)))</p>"
    let days = Double(max(data.contractYears, 1)) * 365
    for c in busiest(data) {
      guard let band = data.waiting[c.id], !band.p50.isEmpty else { continue }
      let normList = c.arrivals.mean / days * c.waitingNormDays
      let top = max(band.p95.max() ?? 0, normList)
      let frame = PlotFrame(x: 0...Double(band.p50.count), y: 0...max(top, 1), xTicks: data.contractYears * 2)
      let title = "\(c.name) (\(t(.norm).lowercased()) \(language.number(c.waitingNormDays)) \(t(.daysAxis).lowercased()))"
      var svg = frame.open("waiting-\(c.id)", title: title)
      svg += frame.axes(xLabel: t(.monthAxis), yLabel: t(.childrenAxis), xTick: { v in
        let y = Int(v) / 12
        return y < data.years.count ? "\(language.months[0]) \(data.years[y].year)" : ""
      }, yTick: { language.number($0) }, xTicks: (0...data.contractYears).map { Double($0 * 12) })
      let xs = band.p50.indices.map { Double($0 + 1) }
      svg += frame.band(x: xs, low: band.p05, high: band.p95, cls: "band90")
      svg += frame.line(Array(zip(xs, band.p50)), cls: "median")
      svg += frame.line([(0, normList), (Double(band.p50.count), normList)], cls: "norm")
      svg += ReportDocument.legend([("median", t(.median)), ("band90", t(.band90)), ("norm", t(.normLine))], frame: frame)
      svg += "</svg>"
      let rows = data.years.indices.compactMap { y -> [String]? in
        let m = y * 12 + 11
        guard m < band.p50.count else { return nil }
        return ["\(language.months[11]) \(data.years[y].year)", language.number(band.p05[m]), language.number(band.p50[m]),
                language.number(band.p95[m]), language.number(normList)]
      }
      out += "<figure><h3>\(escape(title))</h3>\(svg)\(ReportDocument.table([t(.month), t(.p05), t(.p50), t(.p95), t(.normLine)], rows))</figure>"
    }
    return out + "</section>"
  }

  static func waitsSection(_ data: BatchReportData, _ language: ReportLanguage) -> String {
    let t = { (key: Words) in language.text(key) }
    let types = data.careTypes
    let top = max(types.map(\.meanWaitDays.p95).max() ?? 0, types.map(\.waitingNormDays).max() ?? 0)
    let frame = PlotFrame(x: 0...Double(max(types.count, 1)), y: 0...max(top, 1), xTicks: types.count)
    var svg = frame.open("waits", title: t(.waitsHeading))
    svg += frame.axes(xLabel: t(.careType), yLabel: t(.daysAxis), xTick: { v in
      let i = Int(v.rounded(.down))
      return i < types.count && v - Double(i) == 0.5 ? types[i].id : ""
    }, yTick: { language.number($0) }, xTicks: types.indices.map { Double($0) + 0.5 })
    for (i, c) in types.enumerated() {
      let x = Double(i)
      svg += frame.rect(x0: x + 0.2, x1: x + 0.8, y0: 0, y1: c.meanWaitDays.p50, cls: "bar")
      svg += frame.line([(x + 0.5, c.meanWaitDays.p05), (x + 0.5, c.meanWaitDays.p95)], cls: "whisker")
      svg += frame.line([(x + 0.1, c.waitingNormDays), (x + 0.9, c.waitingNormDays)], cls: "mark")
    }
    svg += ReportDocument.legend([("median", t(.meanWait)), ("budget", t(.norm))], frame: frame)
      .replacingOccurrences(of: "class=\"budget\"", with: "class=\"mark\"")
    svg += "</svg>"
    let rows = types.map { c in
      ["\(c.id) \(c.name)", language.number(c.meanWaitDays.p05, decimals: 1), language.number(c.meanWaitDays.p50, decimals: 1),
       language.number(c.meanWaitDays.p95, decimals: 1), language.number(c.waitingNormDays)]
    }
    return "<section><h2>\(escape(t(.waitsHeading)))</h2><figure><figcaption>\(escape(t(.waitsCaption)))</figcaption>\(svg)\(ReportDocument.table([t(.careType), t(.p05), t(.p50), t(.p95), t(.norm)], rows))</figure></section>"
  }

  static func assumptionsSection(_ data: BatchReportData, _ language: ReportLanguage) -> String {
    data.assumptions.map { assumptions($0, language) } ?? ""
  }

  /// The scenario's key assumptions (`ScenarioFacts`) as a list and two tables.
  static func assumptions(_ a: [String: Any], _ language: ReportLanguage) -> String {
    let t = { (key: Words) in language.text(key) }
    func n(_ key: String) -> Double { (a[key] as? NSNumber)?.doubleValue ?? 0 }
    let model = ["lumpsum": "lumpsum", "pxq": "P×Q", "output": "output"][a["fundingModel"] as? String ?? ""] ?? ""
    let policies: [String: (en: String, nl: String)] = [
      "none": ("none", "geen"), "intakeStop": ("intake stop", "cliëntenstop"), "throttle": ("throttle", "afremmen"),
    ]
    let policy = policies[a["pressurePolicy"] as? String ?? ""] ?? ("", "")
    var items: [String] = []
    switch language {
    case .en:
      items.append("Contract \(Int(n("firstYear")))–\(Int(n("firstYear") + n("contractYears")) - 1) (\(Int(n("contractYears"))) years), after \(Int(n("warmupYears"))) warm-up years that count in no figure.")
      items.append("\(language.number(n("youths"))) youths 0–17; \(language.number(n("firstReferralsPerYear"))) first referrals a year, growing \(language.percent(n("referralTrendPerYear"), decimals: 1)) a year; \(language.percent(n("repeatReferralProbability"))) of children who leave care come back.")
      items.append("Care costs rise \(language.percent(n("costIndexPerYear"), decimals: 1)) a year; funding model \(model), pressure policy \(policy.en).")
    case .nl:
      items.append("Contract \(Int(n("firstYear")))–\(Int(n("firstYear") + n("contractYears")) - 1) (\(Int(n("contractYears"))) jaar), na \(Int(n("warmupYears"))) inloopjaren die in geen enkel cijfer meetellen.")
      items.append("\(language.number(n("youths"))) jongeren van 0–17; \(language.number(n("firstReferralsPerYear"))) eerste verwijzingen per jaar, met een groei van \(language.percent(n("referralTrendPerYear"), decimals: 1)) per jaar; \(language.percent(n("repeatReferralProbability"))) van de kinderen die uitstromen komt terug.")
      items.append("Zorgkosten stijgen \(language.percent(n("costIndexPerYear"), decimals: 1)) per jaar; bekostiging \(model), gedrag onder budgetdruk \(policy.nl).")
    }
    var out = "<section><h2>\(escape(t(.assumptionsHeading)))</h2><ul>" + items.map { "<li>\(escape($0))</li>" }.joined() + "</ul>"
    let contracts = (a["contracts"] as? [[String: Any]]) ?? []
    let contractRows = contracts.map { c -> [String] in
      func m(_ key: String) -> Double { (c[key] as? NSNumber)?.doubleValue ?? 0 }
      let savings = ((c["bookedSavings"] as? [NSNumber]) ?? []).map { language.percent($0.doubleValue) }.joined(separator: ", ")
      let valves = ((c["valves"] as? [String]) ?? []).joined(separator: "; ")
      return [c["name"] as? String ?? "", language.millions(m("lumpsumBase"), decimals: 2), language.percent(m("indexPerYear"), decimals: 1),
              savings.isEmpty ? t(.none) : savings, valves.isEmpty ? t(.none) : valves]
    }
    out += ReportDocument.table([t(.contract), t(.lumpsumBase), t(.indexation), t(.bookedSavings), t(.valves)], contractRows)
    let types = (a["careTypes"] as? [[String: Any]]) ?? []
    let typeRows = types.map { c -> [String] in
      func m(_ key: String) -> Double { (c[key] as? NSNumber)?.doubleValue ?? 0 }
      return ["\(c["id"] as? String ?? "") \(c["name"] as? String ?? "")", language.number(m("capacity")),
              "€ " + language.number(m("costPerDay"), decimals: 2), language.number(m("meanDurationDays")),
              language.number(m("waitingNormDays")), (c["contract"] as? String) ?? "—"]
    }
    let durationLabel = language == .nl ? "Duur (dagen)" : "Duration (days)"
    let costLabel = language == .nl ? "Kosten per dag" : "Cost per day"
    out += ReportDocument.table([t(.careType), t(.capacity), costLabel, durationLabel, "\(t(.norm)) (\(t(.daysAxis).lowercased()))", t(.contract)], typeRows)
    return out + "</section>"
  }
}
