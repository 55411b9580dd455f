import Foundation

/// The council's report of `lumpsim compare`: the funding models side by side on the same
/// children, with the paired differences that say what switching would change.
public enum CompareReport {
  /// One model's figures over the contract.
  public struct Model: Sendable {
    public var model: String
    public var municipalCost: Interval
    public var providerResult: Interval
    public var anyOverspend: Double
    /// Mean wait per care type id (days), over the contract.
    public var meanWait: [String: Double]
  }

  /// A mean with its 95% interval.
  public struct Interval: Sendable, Equatable {
    public var mean = 0.0, low = 0.0, high = 0.0
  }

  /// A model's paired difference from the reference model.
  public struct Difference: Sendable {
    public var model: String
    public var municipalCost: Interval
    public var payment: Interval
    public var providerResult: Interval
    public var spend: Interval
  }

  /// What the report needs from a `compare --out` folder's summary.json.
  public struct Data {
    public var scenario: String
    public var replications: Int
    public var seed: String
    public var reference: String
    public var contractYears: Int
    public var models: [Model]
    public var differences: [Difference]
    public var careTypes: [(id: String, name: String)]
    public var assumptions: ScenarioFactsFile?

    /// The report's view of a comparison's summary.
    public init(_ file: CompareSummaryFile) {
      func interval(_ s: BatchSummaryFile.Stats) -> Interval { Interval(mean: s.mean, low: s.ci95Low, high: s.ci95High) }
      func interval(_ d: CompareSummaryFile.Interval) -> Interval { Interval(mean: d.mean, low: d.ci95Low, high: d.ci95High) }
      scenario = file.scenario
      replications = file.replications
      seed = String(file.seed)
      reference = file.reference
      models = file.models.map { m in
        let summary = m.summary
        return Model(
          model: m.model, municipalCost: interval(summary.contract[.totalMunicipalCost]),
          providerResult: interval(summary.contract[.totalConsortiumResult]),
          anyOverspend: summary.contract.anyOverspendProbability.p,
          meanWait: Dictionary(summary.careTypes.map { ($0.id, $0[.meanWaitDays].mean) }, uniquingKeysWith: { _, last in last }))
      }
      differences = file.pairedDifferences.map { d in
        Difference(
          model: d.model, municipalCost: interval(d.contract[.totalMunicipalCost]), payment: interval(d.contract[.totalPayment]),
          providerResult: interval(d.contract[.totalConsortiumResult]), spend: interval(d.contract[.totalSpend]))
      }
      let first = file.models[0].summary
      contractYears = first.years.count
      let facts = file.assumptions?.careTypes ?? []
      careTypes = first.careTypes.map { c in (c.id, facts.first { $0.id == c.id }?.name ?? c.id) }
      assumptions = file.assumptions
    }

    /// Reads a comparison's summary.json (`CompareSummaryFile.read`).
    public static func load(summary data: Foundation.Data, path: String) throws(ReportInputError) -> Data {
      try Data(CompareSummaryFile.read(data, path: path))
    }

    /// Reads a summary already parsed (the fuzzer's way in).
    public static func load(summary root: [String: Any], path: String) throws(ReportInputError) -> Data {
      try SummaryCheck.check(root, file: path)
      guard let data = try? JSONSerialization.data(withJSONObject: root) else {
        throw ReportInputError(message: "\(path): not JSON; give a folder written by `lumpsim compare --out`")
      }
      return try load(summary: data, path: path)
    }
  }

  /// A model's name for people.
  static func label(_ model: String, _ language: ReportLanguage) -> String {
    switch (model, language) {
    case ("lumpsum", .nl): return "lumpsum (taakgericht)"
    case ("pxq", .nl): return "P×Q (inspanningsgericht)"
    case ("output", .nl): return "output (resultaatgericht)"
    case ("pxq", .en): return "P×Q"
    default: return model
    }
  }

  /// The verdict: what each model costs the municipality against the reference, and how often the
  /// budget is exceeded.
  public static func sentence(_ data: Data, language: ReportLanguage) -> String {
    let reference = label(data.reference, language)
    let parts = data.differences.map { d -> String in
      let more = d.municipalCost.mean >= 0
      let amount = language.millions(abs(d.municipalCost.mean))
      let interval = "\(language.millions(d.municipalCost.low)) – \(language.millions(d.municipalCost.high))"
      switch language {
      case .en: return "\(label(d.model, language)) costs the municipality \(amount) \(more ? "more" : "less") (95% CI \(interval))"
      case .nl: return "kost \(label(d.model, language)) de gemeente \(amount) \(more ? "meer" : "minder") (95%-BI \(interval))"
      }
    }
    let risks = data.models.map { "\(label($0.model, language)) \(language.percent($0.anyOverspend))" }.joined(separator: ", ")
    switch language {
    case .en:
      return "Over the \(data.contractYears) contract years, compared with \(reference), " + parts.joined(separator: " and ")
        + "; the budget is exceeded in at least one year in: \(risks) of simulated contracts."
    case .nl:
      return "Over de \(data.contractYears) contractjaren, vergeleken met \(reference), " + parts.joined(separator: " en ")
        + "; het budget wordt in minstens één jaar overschreden bij: \(risks) van de gesimuleerde contracten."
    }
  }

  /// Bars with 95% whiskers, one per model.
  static func bars(_ name: String, title: String, yLabel: String, categories: [String], values: [Interval],
                   language: ReportLanguage, scale: Double = 1e6, decimals: Int = 1) -> String {
    let lows = values.map { min($0.low, $0.mean) / scale }, highs = values.map { max($0.high, $0.mean) / scale }
    let frame = PlotFrame(x: 0...Double(max(categories.count, 1)), y: (lows.min() ?? 0)...(highs.max() ?? 1), xTicks: categories.count)
    var svg = frame.open(name, title: title)
    svg += frame.axes(xLabel: language.text(.model), yLabel: yLabel, xTick: { v in
      let i = Int(v.rounded(.down))
      return i < categories.count && v - Double(i) == 0.5 ? categories[i] : ""
    }, yTick: { language.number($0, decimals: $0.rounded() == $0 ? 0 : decimals) }, xTicks: categories.indices.map { Double($0) + 0.5 })
    for (i, v) in values.enumerated() {
      let x = Double(i)
      svg += frame.rect(x0: x + 0.25, x1: x + 0.75, y0: 0, y1: v.mean / scale, cls: "bar")
      svg += frame.line([(x + 0.5, v.low / scale), (x + 0.5, v.high / scale)], cls: "whisker")
    }
    return svg + "</svg>"
  }

  /// The whole HTML document.
  public static func html(_ data: Data, language: ReportLanguage) -> String {
    let t = { (key: Words) in language.text(key) }
    let names = data.models.map { label($0.model, language) }
    var sections = ""
    func intervalSection(_ name: String, _ heading: Words, _ caption: Words, _ values: [Interval]) -> String {
      var out = "<section><h2>\(escape(t(heading)))</h2><figure><figcaption>\(escape(t(caption)))</figcaption>"
      out += bars(name, title: t(heading), yLabel: t(.millionsAxis), categories: names, values: values, language: language)
      out += ReportDocument.table([t(.model), t(.mean), t(.ciLow), t(.ciHigh)], zip(names, values).map {
        [$0, language.millions($1.mean), language.millions($1.low), language.millions($1.high)]
      })
      return out + "</figure></section>"
    }
    sections += intervalSection("municipal-cost", .municipalCostHeading, .municipalCostCaption, data.models.map(\.municipalCost))
    sections += intervalSection("provider-result", .providerResultHeading, .providerResultCaption, data.models.map(\.providerResult))
    let risks = data.models.map { Interval(mean: $0.anyOverspend * 100, low: $0.anyOverspend * 100, high: $0.anyOverspend * 100) }
    sections += "<section><h2>\(escape(t(.overspendHeading)))</h2><figure><figcaption>\(escape(t(.overspendCaption)))</figcaption>"
    sections += bars("overspend", title: t(.overspendHeading), yLabel: t(.shareAxis), categories: names, values: risks, language: language, scale: 1, decimals: 0)
    sections += ReportDocument.table([t(.model), t(.overspendProbability)], zip(names, data.models).map { [$0, language.percent($1.anyOverspend)] })
    sections += "</figure></section>"
    // Waits: the care types with the longest waits under the reference model, at most three.
    let busiest = data.careTypes.sorted { (data.models.first?.meanWait[$0.id] ?? 0) > (data.models.first?.meanWait[$1.id] ?? 0) }.prefix(3)
    for c in busiest {
      let waits = data.models.map { m in Interval(mean: m.meanWait[c.id] ?? 0, low: m.meanWait[c.id] ?? 0, high: m.meanWait[c.id] ?? 0) }
      let title = "\(t(.meanWait)): \(c.name)"
      sections += "<section><h2>\(escape(title))</h2><figure><figcaption>\(escape(t(.compareWaitCaption)))</figcaption>"
      sections += bars("wait-\(c.id)", title: title, yLabel: t(.daysAxis), categories: names, values: waits, language: language, scale: 1)
      sections += ReportDocument.table([t(.model), t(.meanWait)], zip(names, waits).map { [$0, language.number($1.mean, decimals: 1)] })
      sections += "</figure></section>"
    }
    sections += "<section><h2>\(escape(t(.differencesHeading)))</h2><p class=\"caption\">\(escape(t(.differencesCaption)))</p>"
    var rows: [[String]] = []
    for d in data.differences {
      for (figure, value) in [(t(.municipalCostHeading), d.municipalCost), (t(.payment), d.payment),
                              (t(.providerResultHeading), d.providerResult), (t(.providerCost), d.spend)] {
        rows.append(["\(label(d.model, language)) − \(label(data.reference, language))", figure, language.millions(value.mean, decimals: 2),
                     language.millions(value.low, decimals: 2), language.millions(value.high, decimals: 2)])
      }
    }
    sections += ReportDocument.table([t(.model), t(.figure), t(.mean), t(.ciLow), t(.ciHigh)], rows) + "</section>"
    if let a = data.assumptions { sections += BatchReport.assumptions(a, language) }
    let subtitle = "\(data.scenario) · \(language.number(Double(data.replications))) \(t(.replications)) · \(t(.seed)) \(data.seed)"
    return ReportDocument.page(
      title: t(.compareTitle), subtitle: subtitle, verdict: sentence(data, language: language), sections: sections,
      footer: "\(t(.generatedCompare)) \(language.number(Double(data.replications))) \(t(.replications)).", language: language)
  }
}
