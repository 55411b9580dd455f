import Foundation
import LumpsimTestSupport
import Stochastics
import Testing
@testable import YouthCare

/// Random valid scenarios of bounded size, written as YAML the way an analyst would, read back by
/// the reader (which must accept them) and run for a short horizon: every run must keep the
/// invariants (children conserved, no start above capacity, the ledger's two computations of
/// spend equal, the accounting identities per year and contract).
@Suite("Random scenarios keep the invariants")
struct PropertyTests {
  /// A small deterministic generator, so a failing case can be rerun from its number.
  struct Dice {
    var state: UInt64
    mutating func next() -> UInt64 { SeedDerivation.splitMix64(&state) }
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    mutating func chance(_ p: Double) -> Bool { uniform() < p }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
    /// Probabilities over `n` outcomes in thousandths, summing to exactly 1000/1000.
    mutating func simplex(_ n: Int) -> [Double] {
      var left = 1000
      var out: [Double] = []
      for i in 0..<n {
        let share = i == n - 1 ? left : int(0...left)
        out.append(Double(share) / 1000)
        left -= share
      }
      return out
    }
  }

  static func duration(_ dice: inout Dice) -> String {
    let mean = Double(dice.int(5...200))
    switch dice.int(0...4) {
    case 0: return "{family: exponential, mean: \(mean)}"
    case 1: return "{family: gamma, mean: \(mean), cv: \(Double(dice.int(3...15)) / 10)}"
    case 2: return "{family: lognormal, mean: \(mean), cv: \(Double(dice.int(3...15)) / 10)}"
    case 3: return "{family: weibull, shape: \(Double(dice.int(6...30)) / 10), scale: \(mean)}"
    default: return "{family: empirical, values: [0, \(mean / 2), \(mean * 2)], cumulative: [0, 0.5, 1]}"
    }
  }

  /// One random scenario as YAML: 1–4 care types, 1–3 sources, every optional feature by chance.
  static func yaml(case number: UInt64) -> String {
    var dice = Dice(state: number &* 7919)
    let types = dice.int(1...4), sources = dice.int(1...3)
    let ids = (0..<types).map { "T\($0)" }
    var text = """
      name: "random case \(number)"
      horizon: {contractYears: \(dice.int(1...2)), warmupYears: \(dice.int(0...1))}
      population: {youths: \(dice.int(500...3000)), growthPerYear: \(Double(dice.int(0...4)) / 100)}
      referralSources:\n
      """
    for s in 0..<sources {
      let routing = dice.simplex(types + 1)
      let crisis = dice.chance(0.3) ? Double(dice.int(1...10)) / 100 : 0
      let court = dice.chance(0.3) ? Double(dice.int(1...10)) / 100 : 0
      text += "  - id: s\(s)\n    ratePer1000: \(dice.int(5...60))\n"
      text += "    crisisShare: \(crisis)\n    courtOrderedShare: \(court)\n"
      text += "    routing: {diverted: \(routing[0])" + ids.indices.map { ", \(ids[$0]): \(routing[$0 + 1])" }.joined() + "}\n"
    }
    text += "careTypes:\n"
    var capacities: [Int] = []
    for (k, id) in ids.enumerated() {
      let capacity = dice.int(1...30)
      capacities.append(capacity)
      text += "  - id: \(id)\n    level: \(k + 1)\n    capacity: \(capacity)\n    duration: \(duration(&dice))\n"
      text += "    costPerDay: \(dice.int(20...400))\n"
      if dice.chance(0.2) { text += "    crisis: true\n    overflowCostFactor: 1.5\n" }
      if dice.chance(0.3) {
        let others = ids.filter { $0 != id }
        let destination = others.isEmpty || dice.chance(0.5) ? "exit" : dice.pick(others)
        text += "    patience: {duration: \(duration(&dice)), destination: \(destination)}\n"
      }
      if dice.chance(0.2) {
        text += "    capacityPolicy: {reviewDays: 60, minimum: 1, maximum: \(capacity + 10), hiringLagDays: 30}\n"
      }
      // Every type keeps an exit of at least 0.3, so children leave; the rest goes to the others.
      let others = ids.filter { $0 != id }
      let exit = others.isEmpty ? 1000 : dice.int(300...1000)
      var left = 1000 - exit
      var entries = ["exit: \(Double(exit) / 1000)"]
      for (i, other) in others.enumerated() where left > 0 {
        let share = i == others.count - 1 ? left : dice.int(0...left)
        if share > 0 { entries.append("\(other): \(Double(share) / 1000)") }
        left -= share
      }
      text += "    transitions: {\(entries.joined(separator: ", "))}\n"
    }
    if dice.chance(0.5) { text += "blockedStepDown: true\n" }
    if dice.chance(0.4) {
      text += "reReferral: {probability: \(Double(dice.int(5...30)) / 100), delay: \(duration(&dice))}\n"
    }
    if dice.chance(0.5) {
      text += "initialStock:\n"
      for (k, id) in ids.enumerated() {
        text += "  - {careType: \(id), inCare: \(dice.int(0...min(3, capacities[k]))), waiting: \(dice.int(0...3))}\n"
      }
    }
    let model = dice.pick(["lumpsum", "lumpsum", "pxq", "output"])
    let policy = model == "lumpsum" ? dice.pick(["none", "intakeStop", "throttle"]) : "none"
    text += "funding:\n  model: \(model)\n  pressurePolicy: \(policy)\n"
    if model == "lumpsum" && dice.chance(0.4) {
      text += "  valves:\n    highCostCases: {threshold: \(dice.int(5...40) * 1000)}\n"
    }
    text += "  lumpsum: {base: \(dice.int(2...40) * 100_000), overheadShare: \(Double(dice.int(0...10)) / 100)}\n"
    return text
  }

  @Test("500 random scenarios read, run one replication and keep every invariant", arguments: 0..<500)
  func randomScenario(number: Int) throws {
    let text = Self.yaml(case: UInt64(number))
    let scenario: Scenario
    do {
      scenario = try ScenarioReader.read(yaml: text, file: "random-\(number).yaml")
    } catch {
      Issue.record("case \(number) was refused: \(error.description)\n\(text)")
      return
    }
    let result = runChecked(scenario, seed: UInt64(number), replication: 0)
    #expect(result.runaway == nil)
    #expect(result.years.count == scenario.horizon.contractYears)
    let again = Replication.run(scenario, seed: UInt64(number), replication: 0)
    #expect(again.years.map(\.spend) == result.years.map(\.spend), "case \(number) is not reproducible")
  }
}

/// Random scenarios taken to extremes, as a hostile user would write them: any scenario the
/// reader accepts must run (capped at a number of events) without a trap and keep its children.
@Suite("Hostile scenarios the reader accepts run without a trap")
struct HostilePropertyTests {
  /// Values at the edges of what a double and the reader's rules allow.
  static let extremes = [
    "0", "1e-300", "1e-9", "0.001", "1", "3.5", "1000000", "9999999", "1e15", "1e300", "0.999999", "1.0e+308",
  ]

  /// A random valid scenario with a few of its numbers replaced by extremes.
  static func yaml(case number: UInt64) -> String {
    var dice = PropertyTests.Dice(state: number &* 104_729 &+ 17)
    let text = PropertyTests.yaml(case: number)
    // Numbers standing as values: after ": ", "[" or ", ", before ",", "]", "}" or the line's end.
    let numbers = text.matches(of: /(?:: |\[|, )(-?[0-9]+(?:\.[0-9]+)?(?:e[-+]?[0-9]+)?)(?=[,\]}\n])/)
    guard !numbers.isEmpty else { return text }
    var replaced = text
    let chosen = Set((0..<dice.int(1...4)).map { _ in dice.int(0...(numbers.count - 1)) }).sorted(by: >)
    for i in chosen {
      let range = numbers[i].output.1.startIndex..<numbers[i].output.1.endIndex
      let start = text.distance(from: text.startIndex, to: range.lowerBound)
      let end = text.distance(from: text.startIndex, to: range.upperBound)
      let lower = replaced.index(replaced.startIndex, offsetBy: start), upper = replaced.index(replaced.startIndex, offsetBy: end)
      replaced.replaceSubrange(lower..<upper, with: dice.pick(extremes))
    }
    return replaced
  }

  @Test("the hostile cases are not all refused: the reader accepts a fair share, so the runs test something")
  func hostileCasesAreOftenAccepted() {
    let accepted = (0..<1_000).filter { (try? ScenarioReader.read(yaml: Self.yaml(case: UInt64($0)))) != nil }.count
    // A tenth at least, so the runs below are a real sample; not all, or nothing is hostile.
    #expect(accepted >= 100 && accepted < 1_000, "\(accepted) of 1,000 accepted")
  }

  @Test("1,000 hostile scenarios: refused with a message, or run capped without a trap, children conserved", arguments: 0..<1_000)
  func hostileScenario(number: Int) throws {
    let text = Self.yaml(case: UInt64(number))
    let scenario: Scenario
    do {
      scenario = try ScenarioReader.read(yaml: text, file: "hostile-\(number).yaml")
    } catch {
      #expect(!error.issues.isEmpty, "a refusal names its problems")
      return
    }
    let result = Replication.run(scenario, seed: UInt64(number), cappedAt: 100_000)
    #expect(result.flow.isConserved, "case \(number): \(result.flow)\n\(text)")
    #expect(result.capacityBreaches == 0, "case \(number)\n\(text)")
  }
}
