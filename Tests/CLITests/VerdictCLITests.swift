import Foundation
import Testing

/// One verdict: the batch's table and the report made from its folder say the same, and a
/// summary.json with a renamed key is refused, naming the key.
@Suite("One verdict for the table and the report")
struct VerdictCLITests {
  /// The Dutch short month for an English one.
  static let dutchMonths = ["Jan": "jan", "Feb": "feb", "Mar": "mrt", "Apr": "apr", "May": "mei", "Jun": "jun",
                            "Jul": "jul", "Aug": "aug", "Sep": "sep", "Oct": "okt", "Nov": "nov", "Dec": "dec"]

  @Test("regio-midden: the table's verdict is the English report's, word for word; the Dutch one gives the same shares and dates")
  func tableAndReportAgree() throws {
    let folder = CLIRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("batch").path
    let batch = try CLIRunner.run(["batch", CLIRunner.scenario("regio-midden.yaml"), "-n", "20", "--out", out, "--quiet"])
    #expect(batch.status == 0, "\(batch.stderr)")
    let lines = batch.stdout.split(separator: "\n").map(String.init)
    let table = try #require(lines.first)
    var reports: [String: String] = [:]
    for lang in ["en", "nl"] {
      let html = folder.appendingPathComponent("report-\(lang).html").path
      let report = try CLIRunner.run(["report", out, "-o", html, "--lang", lang])
      #expect(report.status == 0, "\(report.stderr)")
      reports[lang] = String(report.stdout.dropFirst(html.count + 2).dropLast())
      let text = try String(contentsOfFile: html, encoding: .utf8)
      #expect(text.contains("<p class=\"verdict\" id=\"verdict\">\(reports[lang]!.replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "<", with: "&lt;"))</p>"))
    }
    #expect(reports["en"] == table)
    // The shares, years and dates of the English verdict, in order, are the Dutch verdict's.
    let en = try #require(reports["en"]), nl = try #require(reports["nl"])
    let shares = { (s: String) in s.matches(of: /[<>]?\d+%/).map { String($0.0) } }
    let years = { (s: String) in s.matches(of: /\b20\d\d\b/).map { String($0.0) } }
    #expect(shares(en) == shares(nl) && !shares(en).isEmpty, "\(en)\n\(nl)")
    #expect(years(en) == years(nl))
    let dates = en.matches(of: /(\d+) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/)
    #expect(!dates.isEmpty, "\(en)")
    for date in dates { #expect(nl.contains("\(date.1) \(Self.dutchMonths[String(date.2)]!)"), "\(nl) lacks \(date.0)") }
    // The first year's row of the table says the same P(overspend) and exhaustion date.
    let row = try #require(lines.first { $0.hasPrefix("2026 ") })
    #expect(en.contains("\(row.split(separator: " ", omittingEmptySubsequences: true)[5]) (2026"), "\(row)\n\(en)")
    #expect(en.contains("in the median on \(dates[0].0)") && row.contains(" \(dates[0].0) "), "\(row)\n\(en)")
    // Never "100% of simulated years" when a year is below it.
    #expect(!en.contains("In 100% of simulated years"))
  }

  @Test("a summary.json with a renamed key: report exits 2 naming the key's path, and writes nothing")
  func renamedKey() throws {
    let folder = CLIRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("batch").path
    let made = try CLIRunner.run(["batch", CLIRunner.scenario("validation/mmc.yaml"), "-n", "3", "--out", out, "--quiet",
                                  "--set", "horizon.contractYears=2"])
    #expect(made.status == 0, "\(made.stderr)")
    let summary = out + "/summary.json"
    let original = try String(contentsOfFile: summary, encoding: .utf8)
    let html = folder.appendingPathComponent("r.html").path
    for (find, replace, path) in [("\"p50\"", "\"median\"", "contract.totalBudget.p50: missing"),
                                  ("\"overspendProbability\"", "\"overspend\"", "years[0].overspendProbability: missing")] {
      let range = try #require(original.range(of: find))
      try original.replacingCharacters(in: range, with: replace).write(toFile: summary, atomically: true, encoding: .utf8)
      let report = try CLIRunner.run(["report", out, "-o", html])
      #expect(report.status == 2, "\(report.stderr)")
      #expect(report.stderr.contains("summary.json: \(path)"), "\(report.stderr)")
      #expect(report.stdout.isEmpty && !FileManager.default.fileExists(atPath: html))
    }
    // The file as written reads.
    try original.write(toFile: summary, atomically: true, encoding: .utf8)
    #expect(try CLIRunner.run(["report", out, "-o", html]).status == 0)
  }
}
