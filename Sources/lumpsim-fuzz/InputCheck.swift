import Experiments
import Foundation
import Reports
import YouthCare

/// What the fuzzer feeds to lumpsim: any bytes, read as a scenario file, as a sweep file, as a
/// report's `summary.json`, and written over a sweep store that is then opened and reported.
///
/// Reading must either give a value or throw an error naming a path and saying what was
/// expected; it must never crash, hang or leak, whatever the bytes. A scenario that reads is also
/// checked for the promises the engine relies on (finite, positive horizon; rates and capacities
/// that are numbers), so a reader that let nonsense through would show up here as a failed check,
/// and then runs one replication, capped at `eventCap` events: what the reader accepts must run.
enum InputCheck {
  /// Events of the capped replication: enough to start, step and close a month or two of any
  /// scenario, few enough that a run costs about what a read does.
  static let eventCap = 20_000

  /// The bands a fuzzed batch summary is read with: one month of one series.
  static let bands = "year,month,series,careType,mean,p05,p25,p50,p75,p95\n2026,1,cumulativeSpend,,1,1,1,1,1,1\n"

  /// The scenario a fuzzed sweep points at, whatever name it gives (set by the caller).
  nonisolated(unsafe) static var sweepScenario = "" {
    didSet { store = DamagedStore(scenario: sweepScenario) }
  }
  /// The store every input damages in its own way (made once the scenario is known).
  nonisolated(unsafe) static var store: DamagedStore?

  /// Reads `data` both ways; stops the process (a finding) when a promise is broken.
  static func check(_ data: Data) {
    let text = String(decoding: data, as: UTF8.self)
    do {
      let scenario = try ScenarioReader.read(yaml: text, file: "fuzz.yaml")
      checkPromises(scenario)
      let result = Replication.run(scenario, seed: 1, cappedAt: eventCap)
      precondition(result.flow.isConserved, "children not conserved in an accepted scenario")
      precondition(result.capacityBreaches == 0, "a start above capacity in an accepted scenario")
    } catch {
      checkError(error)
    }
    checkReport(data)
    do {
      // Every point is read and checked (a quarter of a millisecond each, ten times that under
      // AddressSanitizer): a 12,000-point grid is a slow input, not a finding.
      _ = try SweepReader.read(yaml: text, file: "fuzz.yaml", pointLimit: 1_000) { _ in sweepScenario }
    } catch {
      checkError(error)
    }
  }

  /// A damaged `summary.json` (a batch's, or a comparison's when it lists models) gives a report or
  /// a `ReportInputError`; the report is rendered in both languages.
  static func checkReport(_ data: Data) {
    guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return }
    if root["models"] != nil {
      do {
        let compare = try CompareReport.Data.load(summary: root, path: "summary.json")
        for language in ReportLanguage.allCases { _ = CompareReport.html(compare, language: language) }
      } catch {
        precondition(!error.message.isEmpty, "a refused summary must say why")
      }
      return
    }
    do {
      let batch = try BatchReportData.load(summary: data, bands: bands, summaryPath: "summary.json", bandsPath: "bands.csv")
      for language in ReportLanguage.allCases { _ = BatchReport.html(batch, language: language) }
    } catch {
      precondition(!error.message.isEmpty, "a refused summary must say why")
    }
  }

  /// Every problem names where it is.
  static func checkError(_ error: ScenarioError) {
    precondition(!error.issues.isEmpty, "a refused input must say why")
    for issue in error.issues {
      precondition(!issue.message.isEmpty, "an issue without a message at \(issue.path)")
    }
    precondition(!error.description.isEmpty)
  }

  /// What the engine assumes of every scenario the reader accepts.
  static func checkPromises(_ scenario: Scenario) {
    let horizon = scenario.horizon
    precondition(horizon.contractYears >= 1 && horizon.warmupYears >= 0, "horizon out of range")
    precondition(scenario.population.youths.isFinite && scenario.population.youths >= 0, "youths not a count")
    precondition(!scenario.careTypes.isEmpty && !scenario.referralSources.isEmpty, "nothing to simulate")
    for type in scenario.careTypes {
      precondition(type.capacity >= 0, "negative capacity")
      precondition(type.duration.mean.isFinite && type.duration.mean > 0, "episode length not positive")
      precondition(type.costPerDay.isFinite, "cost per day not a number")
    }
    for source in scenario.referralSources {
      precondition(source.ratePer1000.isFinite && source.ratePer1000 >= 0, "referral rate not a rate")
    }
  }
}
