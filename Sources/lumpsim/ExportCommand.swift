import ArgumentParser
import Foundation
import Reports
import SweepStore

/// `lumpsim export STORE`: a sweep store as tidy CSV or JSON.
struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write a sweep store as tidy CSV or JSON: per point (the statistics batch reports) or per replication.")

  @Argument(help: "The SQLite store.")
  var store: String

  @Option(help: "csv or json.")
  var format: Format = .csv

  @Option(help: "point: one row per point and year with statistics; replication: one row per point, replication and year.")
  var per: Level = .point

  @Option(name: .outputNames, help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
  var output: String?

  enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }
  enum Level: String, ExpressibleByArgument, CaseIterable { case point, replication }

  func run() throws {
    let results = try SweepStore.open(store)
    let text: String
    switch (format, per) {
    case (.csv, .point): text = try SweepExport.pointsCSV(results)
    case (.csv, .replication): text = try SweepExport.replicationsCSV(results)
    case (.json, .point): text = try SweepExport.pointsJSON(results).rendered()
    case (.json, .replication): text = try SweepExport.replicationsJSON(results).rendered()
    }
    guard let output else {
      print(text, terminator: "")
      return
    }
    do throws(AtomicFile.WriteError) {
      try AtomicFile.write(text, to: output)
    } catch {
      throw error.commandError
    }
  }
}
