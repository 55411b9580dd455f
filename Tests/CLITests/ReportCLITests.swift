import Foundation
import Testing

/// `lumpsim report`, checked in a real browser: headless Chromium renders the report to a
/// screenshot and to its DOM; every chart must be there with drawn paths, and the verdict must say
/// what the batch's summary says. Without chromium these tests fail naming the command that
/// installs it (`scripts/setup.sh` does); they never install it themselves.
@Suite("lumpsim report in a browser")
struct ReportCLITests {
  /// Runs a shell command through `system(3)` with its output in a file (Chromium's helper
  /// processes may outlive it, which a pipe would wait for).
  static func shell(_ command: String) -> (status: Int32, output: String) {
    let log = FileManager.default.temporaryDirectory.appendingPathComponent("browser-\(UUID().uuidString).log").path
    defer { try? FileManager.default.removeItem(atPath: log) }
    let status = system("\(command) </dev/null >'\(log)' 2>&1")
    // Chromium writes no-break spaces back as entities.
    let output = ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").replacingOccurrences(of: "&nbsp;", with: "\u{00A0}")
    return ((status >> 8) & 0xff, output)
  }

  /// What the verdict must say, computed here from summary.json on its own: P(overspend) at the
  /// lowest and highest year, the share of the first year that runs out and its median exhaustion
  /// date (when more than half do), and the longest median wait.
  static func expectedVerdict(_ summary: [String: Any], english: Bool) throws -> [String] {
    func percent(_ p: Double) -> String { p > 0 && p < 0.01 ? "<1%" : p > 0.99 && p < 1 ? ">99%" : "\(Int((p * 100).rounded()))%" }
    func number(_ object: Any?, _ keys: String...) -> Double {
      var value = object
      for key in keys { value = (value as? [String: Any])?[key] }
      return (value as? NSNumber)?.doubleValue ?? .nan
    }
    let years = try #require(summary["years"] as? [[String: Any]])
    let p = years.map { number($0, "overspendProbability", "p") }
    var expected = [percent(p.min()!), percent(p.max()!)]
    let first = years[0]
    let runsOut = try #require(first["exhaustedByEndOfMonth"] as? [NSNumber])[11].doubleValue
    let year = try #require(first["year"] as? Int)
    expected.append(english ? "in \(year) the money runs out in \(percent(runsOut)) of simulated years"
      : "in \(year) is het geld op in \(percent(runsOut)) van de gesimuleerde jaren")
    let day = number(first, "exhaustionDay", "p50")
    if runsOut > 0.5 && day < 366 {
      let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
      var rest = Int(day) - 1, month = 0
      while rest >= lengths[month] { rest -= lengths[month]; month += 1 }
      let months = english ? ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        : ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
      expected.append("\(rest + 1) \(months[month])")
    }
    let wait = (summary["careTypes"] as? [[String: Any]] ?? []).map { number($0, "meanWaitDays", "p50") }.max() ?? 0
    if wait >= 14 { expected.append(english ? "wait \(Int((wait / 7).rounded())) weeks" : "wachten gemiddeld \(Int((wait / 7).rounded())) weken") }
    return expected
  }

  @Test("every chart is drawn, the verdict matches the summary, in English and Dutch; a screenshot is made")
  func rendered() throws {
    try SystemTools.require("chromium")
    let folder = CLIRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("batch").path
    let batch = try CLIRunner.run(["batch", CLIRunner.scenario("regio-midden.yaml"), "-n", "40", "--out", out, "--quiet"])
    #expect(batch.status == 0, "\(batch.stderr)")
    let summary = try #require(try JSONSerialization.jsonObject(
      with: Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent("summary.json"))) as? [String: Any])
    let browser = CLIRunner.root.appendingPathComponent("scripts/browser.sh").path
    for (lang, english) in [("en", true), ("nl", false)] {
      let html = folder.appendingPathComponent("report-\(lang).html").path
      let report = try CLIRunner.run(["report", out, "-o", html, "--lang", lang])
      #expect(report.status == 0, "\(report.stderr)")
      let dom = Self.shell("'\(browser)' --dump-dom 'file://\(html)'")
      #expect(dom.status == 0, "\(dom.output.prefix(500))")
      // Every chart is in the rendered DOM, with at least one drawn path.
      let charts = dom.output.matches(of: /<svg class="chart" data-chart="([a-zA-Z0-9-]+)"[^>]*>(.*?)<\/svg>/.dotMatchesNewlines())
      let names = charts.map { String($0.1) }
      for name in ["spend", "exhaustion", "waits"] { #expect(names.contains(name), "\(lang): \(name) in \(names)") }
      #expect(names.contains { $0.hasPrefix("waiting-") }, "\(lang): \(names)")
      for chart in charts {
        let paths = chart.2.matches(of: /<path[^>]* d="(M[^"]+)"/)
        #expect(!paths.isEmpty && paths.allSatisfy { $0.1.count > 3 }, "\(lang): \(chart.1) has no drawn path")
        #expect(chart.2.contains("<title>") && chart.2.contains("class=\"axis-title\""), "\(lang): \(chart.1) lacks a title or axis labels")
      }
      // Each chart's numbers are in a table below it.
      #expect(dom.output.components(separatedBy: "<table>").count - 1 >= charts.count)
      // The verdict says what the summary says.
      let verdict = try #require(dom.output.firstMatch(of: /<p class="verdict" id="verdict">([^<]+)<\/p>/)).1
      for part in try Self.expectedVerdict(summary, english: english) { #expect(verdict.contains(part), "\(verdict) lacks \(part)") }
      #expect(verdict.contains(english ? "€26.0M" : "€\u{00A0}26,0\u{00A0}mln"))
      // No script and nothing fetched: the file stands alone.
      let text = try String(contentsOfFile: html, encoding: .utf8)
      #expect(!text.contains("<script") && !text.contains("http://") && !text.contains("https://"))
    }
    let png = folder.appendingPathComponent("report.png").path
    let shot = Self.shell("'\(browser)' --screenshot='\(png)' --window-size=820,3000 'file://\(folder.path)/report-nl.html'")
    #expect(shot.status == 0, "\(shot.output.prefix(500))")
    let image = try Data(contentsOf: URL(fileURLWithPath: png))
    #expect(image.starts(with: [0x89, 0x50, 0x4E, 0x47]) && image.count > 20_000)
  }

  /// The charts in a rendered DOM, by name, each checked for drawn paths, a title and axis labels.
  static func charts(_ dom: String) -> [String] {
    let charts = dom.matches(of: /<svg class="chart" data-chart="([a-zA-Z0-9-]+)"[^>]*>(.*?)<\/svg>/.dotMatchesNewlines())
    for chart in charts {
      let paths = chart.2.matches(of: /<path[^>]* d="(M[^"]+)"/)
      #expect(!paths.isEmpty && paths.allSatisfy { $0.1.count > 3 }, "\(chart.1) has no drawn path")
      #expect(chart.2.contains("<title>") && chart.2.contains("class=\"axis-title\""), "\(chart.1) lacks a title or axis labels")
    }
    return charts.map { String($0.1) }
  }

  @Test("a compare folder: models side by side with the paired differences; the verdict states the summary's difference")
  func compare() throws {
    try SystemTools.require("chromium")
    let folder = CLIRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("compare").path
    let run = try CLIRunner.run(["compare", CLIRunner.scenario("amersfoort-bsa.yaml"), "-n", "12", "--out", out])
    #expect(run.status == 0, "\(run.stderr)")
    let html = folder.appendingPathComponent("compare.html").path
    #expect(try CLIRunner.run(["report", out, "-o", html, "--lang", "en"]).status == 0)
    let dom = Self.shell("'\(CLIRunner.root.appendingPathComponent("scripts/browser.sh").path)' --dump-dom 'file://\(html)'")
    #expect(dom.status == 0)
    let names = Self.charts(dom.output)
    for name in ["municipal-cost", "provider-result", "overspend"] { #expect(names.contains(name), "\(names)") }
    #expect(names.contains { $0.hasPrefix("wait-") })
    let summary = try #require(try JSONSerialization.jsonObject(
      with: Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent("summary.json"))) as? [String: Any])
    let differences = try #require(summary["pairedDifferences"] as? [[String: Any]])
    let verdict = try #require(dom.output.firstMatch(of: /<p class="verdict" id="verdict">([^<]+)<\/p>/)).1
    for d in differences {
      let cost = try #require(((d["contract"] as? [String: Any])?["totalMunicipalCost"] as? [String: Any])?["mean"] as? NSNumber)
      let millions = String(format: "€%.1fM", abs(cost.doubleValue) / 1e6)
      #expect(verdict.contains("\(millions) \(cost.doubleValue >= 0 ? "more" : "less")"), "\(verdict) lacks \(millions)")
    }
  }

  @Test("a sweep store: a heat map over two parameters and a table per point; --x/--y/--year are checked")
  func sweep() throws {
    try SystemTools.require("chromium")
    let folder = CLIRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = folder.appendingPathComponent("s.sqlite").path
    #expect(try CLIRunner.run(["sweep", SweepCLITests.grid, "--store", store]).status == 0)
    let html = folder.appendingPathComponent("sweep.html").path
    let report = try CLIRunner.run(["report", store, "-o", html, "--x", "funding.lumpsum.base", "--y", "careTypes.Q.capacity"])
    #expect(report.status == 0, "\(report.stderr)")
    let dom = Self.shell("'\(CLIRunner.root.appendingPathComponent("scripts/browser.sh").path)' --dump-dom 'file://\(html)'")
    #expect(dom.status == 0)
    let heat = try #require(dom.output.firstMatch(of: /<svg class="chart" data-chart="heatmap"[^>]*>(.*?)<\/svg>/.dotMatchesNewlines())).1
    // 2 budgets × 3 capacities: six filled cells, and both parameters named on the axes.
    #expect(heat.matches(of: /<path style="fill:#[0-9a-f]{6}" d="M/).count == 6)
    #expect(heat.contains(">funding.lumpsum.base<") && heat.contains(">careTypes.Q.capacity<"))
    #expect(dom.output.contains("<td>320000</td>") && dom.output.contains("<td>340000</td>"))
    let unknown = try CLIRunner.run(["report", store, "-o", html, "--x", "careTypes.Q.duration"])
    #expect(unknown.status == 2 && unknown.stderr.contains("is not a parameter of this sweep"))
    let year = try CLIRunner.run(["report", store, "-o", html, "--year", "1999"])
    #expect(year.status == 2 && year.stderr.contains("is not a year of this sweep"))
  }

  @Test("a folder that is not a batch's, or no folder, exits 2 and writes nothing")
  func badInput() throws {
    let folder = CLIRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let html = folder.appendingPathComponent("r.html").path
    let missing = try CLIRunner.run(["report", folder.appendingPathComponent("nothing").path, "-o", html])
    #expect(missing.status == 2 && missing.stderr.contains("not a folder"))
    let empty = try CLIRunner.run(["report", folder.path, "-o", html])
    #expect(empty.status == 2 && empty.stderr.contains("summary.json"))
    let language = try CLIRunner.run(["report", folder.path, "--lang", "de"])
    #expect(language.status == 2)
    #expect(!FileManager.default.fileExists(atPath: html))
  }
}
