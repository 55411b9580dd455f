import Experiments
import Foundation
import LumpsimTestSupport
import Reports
import Testing
import YouthCare

/// `summary.json` is written and read through one type (`BatchSummaryFile`, `CompareSummaryFile`),
/// `bands.csv` is read with a CSV parser, and the verdict is computed once from the summary.
@Suite("Typed summary files and the verdict")
struct SummaryFileTests {
  static let root = Repository.root

  static func scenario(_ name: String) throws -> Scenario {
    try ScenarioReader.read(file: root.appendingPathComponent("Scenarios/\(name).yaml").path)
  }

  /// A batch run here, as `lumpsim batch` runs it.
  static func batch(_ scenario: Scenario, count: Int, seed: UInt64 = 3) throws -> BatchResult {
    var accumulator = BatchAccumulator(scenario: scenario, seed: seed)
    _ = try ParallelReplications.run(scenario, seed: seed, count: count, threads: 2) { index, result in
      for problem in checkInvariants(result, scenario) { Issue.record("replication \(index): \(problem)") }
      accumulator.add(result)
      return true
    }
    return accumulator.result()
  }

  /// The file as `lumpsim batch --out` writes it.
  static func written(_ batch: BatchResult, _ scenario: Scenario) -> Data {
    Data(BatchSummary.json(batch, assumptions: ScenarioFacts.json(scenario)).rendered().utf8)
  }

  /// A number as the file writes it, read back.
  static func rounded(_ x: Double, _ decimals: Int) -> Double { Double(String(format: "%.\(decimals)f", x))! }

  /// Whether statistics read back are the batch's, to the decimals they are written with.
  static func agree(_ s: BatchSummaryFile.Stats, _ f: FigureStatistics, decimals: Int) -> Bool {
    let read = [s.mean, s.ci95Low, s.ci95High, s.p05, s.p25, s.p50, s.p75, s.p95]
    let held = [f.mean, f.ci95Low, f.ci95High, f.p05, f.p25, f.p50, f.p75, f.p95]
    return zip(read, held).allSatisfy { agree($0, $1, decimals: decimals) }
  }

  static func agree(_ read: Double, _ held: Double, decimals: Int) -> Bool {
    abs(read - held) <= 0.5 * pow(10, -Double(decimals)) + 1e-12 * abs(held)
  }

  static func agree(_ read: BatchSummaryFile.Risk, _ held: YearRisk) -> Bool {
    read.year == held.year && agree(read.overspendProbability.p, held.overspend.estimate, decimals: 6)
      && agree(read.overspendProbability.ci95Low, held.overspend.interval().low, decimals: 6)
      && agree(read.overspendProbability.ci95High, held.overspend.interval().high, decimals: 6)
      && (read.expectedShortfall == nil) == (held.expectedShortfall == nil)
      && agree(read.expectedShortfall ?? 0, held.expectedShortfall ?? 0, decimals: 2)
      && zip(read.exhaustedByEndOfMonth, held.exhaustedByEndOfMonth).allSatisfy { agree($0, $1.estimate, decimals: 6) }
      && read.exhaustionMonth.count == 13 && zip(read.exhaustionMonth, held.exhaustionMonth).allSatisfy { agree($0, $1, decimals: 6) }
  }

  @Test("a batch's summary.json decodes into BatchSummaryFile equal to the one built in memory, every field the batch's",
        arguments: ["regio-midden", "utrecht-twee-consortia"])
  func roundTrip(name: String) throws {
    let scenario = try Self.scenario(name)
    let batch = try Self.batch(scenario, count: 4)
    let data = Self.written(batch, scenario)
    let read = try JSONDecoder().decode(BatchSummaryFile.self, from: data)
    #expect(read == BatchSummaryFile(batch, assumptions: ScenarioFactsFile(scenario)))
    #expect(read.json().rendered() == String(decoding: data, as: UTF8.self), "written again, the same bytes")
    #expect(read.scenario == batch.scenario && read.seed == batch.seed && read.replications == batch.replications)
    #expect(read.events == batch.events && read.quantiles.replications == batch.quantileSample)
    #expect(Self.agree(read.contract.anyOverspendProbability.p, batch.anyOverspend.estimate, decimals: 6))
    for figure in FigureLayout.contractFigures {
      #expect(Self.agree(read.contract[figure], batch.contract(figure), decimals: figure.unit.isMoney ? 2 : 4), "\(figure)")
    }
    #expect(read.years.count == batch.years.count)
    for (y, year) in read.years.enumerated() {
      #expect(Self.agree(year.risk, batch.years[y]), "year \(y)")
      for figure in FigureLayout.yearFigures {
        #expect(Self.agree(year[figure], batch.year(y, figure), decimals: figure.unit.isMoney ? 2 : 4), "year \(y) \(figure)")
      }
      #expect(year.careTypes.map(\.id) == batch.layout.careTypeIDs)
      for (k, type) in year.careTypes.enumerated() {
        for figure in FigureLayout.yearCareTypeFigures {
          #expect(Self.agree(type.figures[figure], batch.year(y, careType: k, figure), decimals: figure.unit.isMoney ? 2 : 4))
        }
      }
    }
    #expect(read.careTypes.map(\.id) == batch.layout.careTypeIDs)
    for (k, type) in read.careTypes.enumerated() {
      for figure in FigureLayout.careTypeFigures {
        #expect(Self.agree(type[figure], batch.careType(k, figure), decimals: figure.unit.isMoney ? 2 : 4), "\(type.id) \(figure)")
      }
    }
    #expect((read.members ?? []).map(\.id) == batch.layout.memberIDs)
    for (m, member) in (read.members ?? []).enumerated() {
      #expect(Self.agree(member.exitProbability, batch.figures[batch.layout.member(m, .exited)].mean, decimals: 6))
      #expect(Self.agree(member.totalResult, batch.figures[batch.layout.member(m, .totalResult)], decimals: 2))
    }
    #expect((read.contracts ?? []).map(\.id) == batch.contracts.map(\.id))
    for (c, contract) in (read.contracts ?? []).enumerated() {
      #expect(contract.name == batch.contracts[c].name)
      #expect(Self.agree(contract.anyOverspendProbability.p, batch.contracts[c].anyOverspend.estimate, decimals: 6))
      for (y, year) in contract.years.enumerated() {
        #expect(Self.agree(year.risk, batch.contracts[c].years[y]))
        for figure in FigureLayout.contractYearFigures {
          let held = batch.figures[batch.layout.contract(c, year: y, figure)]
          #expect(Self.agree(year[figure], held, decimals: figure.unit.isMoney ? 2 : 4), "\(contract.id) \(y) \(figure)")
        }
      }
    }
    let facts = try #require(read.assumptions)
    #expect(facts.name == scenario.name && facts.contractYears == scenario.horizon.contractYears)
    #expect(facts.careTypes.map(\.name) == scenario.careTypes.map(\.name))
    #expect(facts.careTypes.map(\.capacity) == scenario.careTypes.map(\.capacity))
    #expect(facts.contracts.map(\.lumpsumBase) == scenario.contracts.map(\.lumpsum.base))
  }

  @Test("a comparison's summary.json decodes into CompareSummaryFile equal to the one built in memory")
  func compareRoundTrip() throws {
    let scenario = try Self.scenario("amersfoort-bsa")
    let comparison = try #require(try FundingComparison.run(scenario, models: [.lumpsum, .pxq], seed: 2, count: 3, threads: 2))
    let text = CompareSummary.json(comparison, assumptions: ScenarioFacts.json(scenario)).rendered()
    let read = try JSONDecoder().decode(CompareSummaryFile.self, from: Data(text.utf8))
    #expect(read == CompareSummaryFile(comparison, assumptions: ScenarioFactsFile(scenario)))
    #expect(read.json().rendered() == text)
    let layout = comparison.batches[0].layout
    let cost = read.pairedDifferences[0].contract[.totalMunicipalCost]
    #expect(Self.agree(cost.mean, comparison.differences[0][layout.contract(.totalMunicipalCost)].mean, decimals: 2))
    let spend = read.pairedDifferences[0].years[1].figures[.spend]
    #expect(Self.agree(spend.ci95High, comparison.differences[0][layout.year(1, .spend)].ci95High, decimals: 2))
  }

  @Test("a renamed or missing key is refused with its path named, never read as zero")
  func renamedKey() throws {
    let scenario = try Self.scenario("regio-midden")
    let text = String(decoding: Self.written(try Self.batch(scenario, count: 2), scenario), as: UTF8.self)
    let cases: [(find: String, replace: String, message: String)] = [
      ("\"p50\"", "\"median\"", "summary.json: contract.totalBudget.p50: missing"),
      ("\"spend\": {", "\"spending\": {", "summary.json: years[0].spend: missing"),
      ("\"meanWaitDays\": {\n        \"mean\"", "\"meanWait\": {\n        \"mean\"", "meanWaitDays: missing"),
      ("\"never\"", "\"nooit\"", "summary.json: years[0].exhaustionMonth.never: missing"),
      ("\"waitingNormDays\"", "\"norm\"", "summary.json: assumptions.careTypes[0].waitingNormDays: missing"),
      ("\"expectedShortfall\"", "\"shortfall\"", "summary.json: years[0].expectedShortfall: missing"),
    ]
    for item in cases {
      let range = try #require(text.range(of: item.find), "\(item.find) is in the summary")
      let damaged = text.replacingCharacters(in: range, with: item.replace)
      #expect(throws: ReportInputError.self, "\(item.find)") {
        try BatchReportData.load(summary: Data(damaged.utf8), bands: "", summaryPath: "summary.json", bandsPath: "bands.csv")
      }
      do {
        _ = try BatchSummaryFile.read(Data(damaged.utf8), path: "summary.json")
        Issue.record("\(item.find) renamed was read")
      } catch {
        #expect(error.message.contains(item.message), "\(error.message)")
      }
    }
  }

  @Test("the verdict from the batch in memory equals the verdict from its summary.json read back",
        arguments: ["regio-midden", "amersfoort-bsa", "utrecht-twee-consortia"])
  func verdictFromFile(name: String) throws {
    let scenario = try Self.scenario(name)
    let batch = try Self.batch(scenario, count: 6)
    let memory = BatchVerdict(BatchSummaryFile(batch, assumptions: ScenarioFactsFile(scenario)))
    let file = try BatchSummaryFile.read(Self.written(batch, scenario), path: "summary.json")
    #expect(BatchVerdict(file) == memory)
    for language in ReportLanguage.allCases { #expect(BatchVerdict(file).sentence(language) == memory.sentence(language)) }
    #expect(BatchTable.verdict(batch, scenario: scenario) == memory.sentence(.en))
    // The verdict states what the batch says: P(overspend) per year and the first year's exhaustion.
    #expect(memory.years.map(\.overspend) == batch.years.map { Self.rounded($0.overspend.estimate, 6) })
    #expect(abs(memory.years[0].runsOut - (1 - batch.years[0].exhaustionMonth[12])) < 1e-6)
  }

  @Test("the verdict never rounds a share to 0% or 100% unless it is, and gives the range of years", arguments: ReportLanguage.allCases)
  func honestShares(language: ReportLanguage) throws {
    #expect(BatchVerdict.percent(0.97, language) == "97%" && BatchVerdict.percent(0.996, language) == ">99%")
    #expect(BatchVerdict.percent(0.004, language) == "<1%" && BatchVerdict.percent(1, language) == "100%")
    var verdict = BatchVerdict(try JSONDecoder().decode(BatchSummaryFile.self, from: Data(contentsOf:
      Self.root.appendingPathComponent("Tests/Fixtures/reports/batch-summary.json"))))
    verdict.years = [
      .init(year: 2026, overspend: 0.97, runsOut: 0.9, medianExhaustionDay: 340),
      .init(year: 2027, overspend: 1, runsOut: 0.5, medianExhaustionDay: nil),
      .init(year: 2028, overspend: 1, runsOut: 1, medianExhaustionDay: 280),
    ]
    let sentence = verdict.sentence(language)
    #expect(sentence.contains(language == .en ? "97% (2026) to 100% (2027–2028) per contract year" : "97% (2026) tot 100% (2027–2028)"), "\(sentence)")
    #expect(sentence.contains(language == .en ? "in 2026 the money runs out in 90% of simulated years, in the median on 6 Dec"
      : "in 2026 is het geld op in 90% van de gesimuleerde jaren, mediaan op 6 dec"), "\(sentence)")
    #expect(sentence.contains(language == .en ? "and in 2028 in 100%, on 7 Oct" : "en in 2028 in 100%, op 7 okt"), "\(sentence)")
    #expect(!sentence.contains("in 100% of simulated years"))
    // Exactly half running out has no median date: it lies between a day and "never".
    #expect(BatchVerdict.medianExhaustionDay(355, runsOut: 0.5) == nil && BatchVerdict.medianExhaustionDay(340.5, runsOut: 0.75) == 340)
  }

  @Test("bands.csv is read by a CSV parser: a care-type id with a comma is one quoted field")
  func quotedCareType() throws {
    let yaml = try String(contentsOf: Self.root.appendingPathComponent("Tests/Fixtures/valid-small.yaml"), encoding: .utf8)
      .replacingOccurrences(of: "- id: RO", with: "- id: \"R,O\"").replacingOccurrences(of: "RO: 0.1", with: "\"R,O\": 0.1")
    let scenario = try ScenarioReader.read(yaml: yaml, file: "comma.yaml")
    let batch = try Self.batch(scenario, count: 3)
    let text = BatchCSV.bands(batch)
    #expect(text.contains(",waiting,\"R,O\","))
    let bands = try BatchBands.read(text, path: "bands.csv")
    #expect(Set(bands.waiting.keys) == ["SA", "R,O"])
    let layout = batch.layout
    let k = try #require(layout.careTypeIDs.firstIndex(of: "R,O"))
    for m in 0..<layout.months {
      let held = batch.bands[m * layout.seriesPerMonth + 1 + k]
      #expect(bands.waiting["R,O"]?.p95[m] == Self.rounded(held.p95, 4))
      #expect(bands.cumulativeSpend.p50[m] == Self.rounded(batch.bands[m * layout.seriesPerMonth].p50, 2))
    }
    let data = try BatchReportData.load(summary: Self.written(batch, scenario), bands: text, summaryPath: "summary.json", bandsPath: "bands.csv")
    #expect(data.waiting["R,O"]?.p50.count == layout.months && data.cumulativeSpend.p50.count == layout.months)
  }

  @Test("CSV records: quotes, doubled quotes, line breaks inside quotes, CRLF and empty fields; damage names its line")
  func csvRecords() throws {
    #expect(try CSVRecords.parse("a,b\n\"x,y\",\"say \"\"hi\"\"\"\n,\n") == [["a", "b"], ["x,y", "say \"hi\""], ["", ""]])
    #expect(try CSVRecords.parse("a,\"two\nlines\"\r\nb,c") == [["a", "two\nlines"], ["b", "c"]])
    #expect(try CSVRecords.parse("") == [])
    #expect(try CSVRecords.parse("\"\"\n") == [[""]])
    #expect(throws: CSVRecords.Malformed(line: 2, reason: "a quoted field that is never closed")) { try CSVRecords.parse("a\n\"b,c\n") }
    #expect(throws: CSVRecords.Malformed(line: 1, reason: "text after a quoted field's closing quote")) { try CSVRecords.parse("\"a\"b\n") }
    #expect(throws: CSVRecords.Malformed(line: 1, reason: "a quote inside a field that does not start with one")) { try CSVRecords.parse("a\"b\n") }
    #expect(throws: ReportInputError.self) { try BatchBands.read("year,month\n2026,1\n", path: "bands.csv") }
  }
}
