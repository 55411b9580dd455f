import Foundation

/// The council's report of a batch: one self-contained HTML file (inline SVG and CSS, nothing
/// fetched), printable, in Dutch or English.
///
/// It opens with the verdict in one sentence, then shows cumulative spend against each year's
/// budget, when the money runs out, waiting lists and waiting times against the norm, each chart
/// with a title, axis labels with units and its numbers in a table below, and ends with the
/// scenario's key assumptions so that it stands on its own.
public enum BatchReport {
  /// The whole HTML document.
  public static func html(_ data: BatchReportData, language: ReportLanguage) -> String {
    let t = { (key: Words) in language.text(key) }
    let subtitle = "\(data.scenario) · \(language.number(Double(data.replications))) \(t(.replications)) · \(t(.seed)) \(data.seed)"
    let sections = spendSection(data, language) + exhaustionSection(data, language) + waitingSection(data, language)
      + waitsSection(data, language) + assumptionsSection(data, language)
    return ReportDocument.page(
      title: t(.title), subtitle: subtitle, verdict: data.verdict.sentence(language), sections: sections,
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

  /// The scenario's key assumptions (`ScenarioFactsFile`) as a list and two tables.
  static func assumptions(_ a: ScenarioFactsFile, _ language: ReportLanguage) -> String {
    let t = { (key: Words) in language.text(key) }
    let model = ["lumpsum": "lumpsum", "pxq": "P×Q", "output": "output"][a.fundingModel] ?? ""
    let policies: [String: (en: String, nl: String)] = [
      "none": ("none", "geen"), "intakeStop": ("intake stop", "cliëntenstop"), "throttle": ("throttle", "afremmen"),
    ]
    let policy = policies[a.pressurePolicy] ?? ("", "")
    let first = a.firstYear, years = a.contractYears, warmup = a.warmupYears
    var items: [String] = []
    switch language {
    case .en:
      items.append("Contract \(first)–\(first + years - 1) (\(years) years), after \(warmup) warm-up years that count in no figure.")
      items.append("\(language.number(a.youths)) youths 0–17; \(language.number(a.firstReferralsPerYear)) first referrals a year, growing \(language.percent(a.referralTrendPerYear, decimals: 1)) a year; \(language.percent(a.repeatReferralProbability)) of children who leave care come back.")
      items.append("Care costs rise \(language.percent(a.costIndexPerYear, decimals: 1)) a year; funding model \(model), pressure policy \(policy.en).")
    case .nl:
      items.append("Contract \(first)–\(first + years - 1) (\(years) jaar), na \(warmup) inloopjaren die in geen enkel cijfer meetellen.")
      items.append("\(language.number(a.youths)) jongeren van 0–17; \(language.number(a.firstReferralsPerYear)) eerste verwijzingen per jaar, met een groei van \(language.percent(a.referralTrendPerYear, decimals: 1)) per jaar; \(language.percent(a.repeatReferralProbability)) van de kinderen die uitstromen komt terug.")
      items.append("Zorgkosten stijgen \(language.percent(a.costIndexPerYear, decimals: 1)) per jaar; bekostiging \(model), gedrag onder budgetdruk \(policy.nl).")
    }
    var out = "<section><h2>\(escape(t(.assumptionsHeading)))</h2><ul>" + items.map { "<li>\(escape($0))</li>" }.joined() + "</ul>"
    let contractRows = a.contracts.map { c -> [String] in
      let savings = c.bookedSavings.map { language.percent($0) }.joined(separator: ", ")
      let valves = c.valves.joined(separator: "; ")
      return [c.name, language.millions(c.lumpsumBase, decimals: 2), language.percent(c.indexPerYear, decimals: 1),
              savings.isEmpty ? t(.none) : savings, valves.isEmpty ? t(.none) : valves]
    }
    out += ReportDocument.table([t(.contract), t(.lumpsumBase), t(.indexation), t(.bookedSavings), t(.valves)], contractRows)
    let typeRows = a.careTypes.map { c -> [String] in
      ["\(c.id) \(c.name)", language.number(Double(c.capacity)), "€ " + language.number(c.costPerDay, decimals: 2),
       language.number(c.meanDurationDays), language.number(c.waitingNormDays), c.contract ?? "—"]
    }
    let durationLabel = language == .nl ? "Duur (dagen)" : "Duration (days)"
    let costLabel = language == .nl ? "Kosten per dag" : "Cost per day"
    out += ReportDocument.table([t(.careType), t(.capacity), costLabel, durationLabel, "\(t(.norm)) (\(t(.daysAxis).lowercased()))", t(.contract)], typeRows)
    return out + "</section>"
  }
}
