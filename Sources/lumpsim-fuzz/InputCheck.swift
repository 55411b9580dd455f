import Foundation
import YouthCare

/// What the fuzzer feeds to lumpsim: any bytes, read as a scenario file and as a sweep file.
///
/// Reading must either give a value or throw a `ScenarioError` naming a path and saying what was
/// expected; it must never crash, hang or leak, whatever the bytes. A scenario that reads is also
/// checked for the promises the engine relies on (finite, positive horizon; rates and capacities
/// that are numbers), so a reader that let nonsense through would show up here as a failed check.
enum InputCheck {
  /// The scenario a fuzzed sweep points at, whatever name it gives (set by the caller).
  nonisolated(unsafe) static var sweepScenario = ""

  /// Reads `data` both ways; stops the process (a finding) when a promise is broken.
  static func check(_ data: Data) {
    let text = String(decoding: data, as: UTF8.self)
    do {
      let scenario = try ScenarioReader.read(yaml: text, file: "fuzz.yaml")
      checkPromises(scenario)
    } catch {
      checkError(error)
    }
    do {
      _ = try SweepReader.read(yaml: text, file: "fuzz.yaml") { _ in sweepScenario }
    } catch {
      checkError(error)
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
