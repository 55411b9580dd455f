import ArgumentParser
import Foundation
import Reports

/// `lumpsim report RESULT -o report.html`: a report a council can read.
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write a self-contained HTML report (verdict, charts, tables, assumptions) of a batch output folder.")

  @Argument(help: "A folder written by `lumpsim batch --out`.")
  var result: String

  @Option(name: .shortAndLong, help: "The HTML file to write.")
  var output: String = "report.html"

  @Option(help: "Language of the labels and number formats: nl or en.")
  var lang: ReportLanguage = .nl

  func run() throws {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: result, isDirectory: &isFolder), isFolder.boolValue else {
      throw BadInput(message: "\(result): not a folder; give the folder a `lumpsim batch --out` wrote")
    }
    let summary = (result as NSString).appendingPathComponent("summary.json")
    if let text = try? String(contentsOfFile: summary, encoding: .utf8), text.contains("\"models\"") {
      throw BadInput(message: "\(result): a compare folder; reports of compare folders and sweep stores are not built yet (issue E)")
    }
    let data: BatchReportData
    do {
      data = try BatchReportData.load(folder: result)
    } catch {
      throw BadInput(message: error.message)
    }
    do throws(AtomicFile.WriteError) {
      try AtomicFile.write(BatchReport.html(data, language: lang), to: output)
    } catch {
      throw RuntimeFailure(description: "error: \(error.description)")
    }
    print("\(output): \(BatchReport.sentence(BatchReport.verdict(data), language: lang))")
  }
}

extension ReportLanguage: ExpressibleByArgument {}
