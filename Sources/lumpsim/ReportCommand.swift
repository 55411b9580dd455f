import ArgumentParser
import Foundation
import Reports
import SweepStore

/// `lumpsim report RESULT -o report.html`: a report a council can read.
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write a self-contained HTML report (verdict, charts, tables, assumptions) of a batch or compare output folder, or a sweep store.")

  @Argument(help: "A folder written by `lumpsim batch --out` or `lumpsim compare --out`, or a sweep store (.sqlite).")
  var result: String

  @Option(name: .outputNames, help: ArgumentHelp("The HTML file to write.", valueName: "file"))
  var output: String = "report.html"

  @Option(help: "Language of the labels and number formats: nl or en.")
  var lang: ReportLanguage = .nl

  @Option(help: "For a sweep store: the parameter along the heat map's x axis (default: the first).")
  var x: String?

  @Option(help: "For a sweep store: the parameter along the y axis (default: the second).")
  var y: String?

  @Option(help: "For a sweep store: the calendar year the map shows (default: the mean over the contract years).")
  var year: Int?

  func run() throws {
    if result.hasSuffix(".sqlite") || (FileManager.default.fileExists(atPath: result) && !isDirectory(result)) {
      let store = try SweepStore.open(result)
      let data: SweepReport.Data
      do {
        data = try SweepReport.load(store, x: x, y: y, year: year)
      } catch {
        if let damage = error.storeError { throw damage }
        throw BadInput(message: error.message)
      }
      try write(SweepReport.html(data, language: lang))
      print("\(output): \(SweepReport.sentence(data, language: lang))")
      return
    }
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: result, isDirectory: &isFolder), isFolder.boolValue else {
      throw BadInput(message: "\(result): not a folder; give the folder `lumpsim batch --out` or `compare --out` wrote")
    }
    let summary = (result as NSString).appendingPathComponent("summary.json")
    if let contents = FileManager.default.contents(atPath: summary),
       let root = (try? JSONSerialization.jsonObject(with: contents)) as? [String: Any], root["models"] != nil {
      let data: CompareReport.Data
      do {
        data = try CompareReport.Data.load(summary: contents, path: summary)
      } catch {
        throw BadInput(message: error.message)
      }
      try write(CompareReport.html(data, language: lang))
      print("\(output): \(CompareReport.sentence(data, language: lang))")
      return
    }
    let data: BatchReportData
    do {
      data = try BatchReportData.load(folder: result)
    } catch {
      throw BadInput(message: error.message)
    }
    try write(BatchReport.html(data, language: lang))
    // The verdict the batch's table printed, in the report's language.
    print("\(output): \(data.verdict.sentence(lang))")
  }

  func isDirectory(_ path: String) -> Bool {
    var folder: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
  }

  func write(_ html: String) throws {
    do throws(AtomicFile.WriteError) {
      try AtomicFile.write(html, to: output)
    } catch {
      throw error.commandError
    }
  }
}

extension ReportLanguage: ExpressibleByArgument {}
