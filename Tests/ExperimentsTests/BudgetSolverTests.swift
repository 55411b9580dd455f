import Experiments
import Testing
import YouthCare

/// A small queue whose yearly spend (≈ €73,000) varies by a few percent between replications.
func smallQueue() -> Scenario {
  var scenario = Verification.singleQueue(
    name: "small", perDay: 2, duration: .exponential(mean: 1), capacity: 3,
    horizon: Horizon(contractYears: 2, warmupYears: 1))
  scenario.contracts[0].lumpsum.base = 7.3e4
  return scenario
}

@Suite("Budget solver")
struct BudgetSolverTests {
  /// P(overspend) per contract year at a given base, from an independent batch on the same seed.
  func overspend(_ scenario: Scenario, base: Double, seed: UInt64, n: Int) throws -> [Double] {
    var candidate = scenario
    candidate.contracts[0].lumpsum.base = base
    return try runBatch(candidate, seed: seed, count: n, threads: 2).years.map(\.overspend.estimate)
  }

  @Test("the answer meets the target and 0.97 × the answer does not", arguments: ["none", "intakeStop"])
  func meetsTarget(policy: String) throws {
    var scenario = smallQueue()
    scenario.funding.pressurePolicy = Funding.PressurePolicy(rawValue: policy)!
    let n = 40, seed: UInt64 = 21, target = 0.1
    let answer = try #require(try BudgetSolver.solve(scenario, seed: seed, replications: n, threads: 2, target: target, years: .all))
    #expect(answer.method == (policy == "none" ? "order statistic" : "bisection"))
    let at = try overspend(scenario, base: answer.base, seed: seed, n: n)
    #expect(at.allSatisfy { $0 <= target }, "at the answer: \(at)")
    #expect(zip(at, answer.overspend).allSatisfy { $0 == $1.estimate }, "the solver reports what a batch finds")
    let below = try overspend(scenario, base: 0.97 * answer.base, seed: seed, n: n)
    #expect(below.contains { $0 > target }, "at 0.97 × the answer: \(below)")
  }

  @Test("the order statistic is the limit bisection converges to")
  func methodsAgree() throws {
    let scenario = smallQueue()
    let exact = try #require(try BudgetSolver.solve(scenario, seed: 4, replications: 30, threads: 2, target: 0.2, years: .year(1)))
    let bisected = try #require(try BudgetSolver.solve(
      scenario, seed: 4, replications: 30, threads: 2, target: 0.2, years: .year(1), relativeTolerance: 1e-4,
      method: .bisection))
    #expect(bisected.method == "bisection")
    #expect(abs(bisected.base - exact.base) <= 1e-4 * exact.base + 1, "\(bisected.base) vs \(exact.base)")
    #expect(exact.bindingYear == 1)
    #expect(exact.overspend[1].estimate <= 0.2)
  }

  @Test("a zero target asks for more than the largest spend seen")
  func zeroTarget() throws {
    let scenario = smallQueue()
    let answer = try #require(try BudgetSolver.solve(scenario, seed: 8, replications: 20, threads: 1, target: 0, years: .all))
    #expect(answer.overspend.allSatisfy { $0.successes == 0 })
    let below = try overspend(scenario, base: answer.base - 2, seed: 8, n: 20)
    #expect(below.contains { $0 > 0 })
  }

  /// Two independent small queues under two contracts with bases in the ratio 4 : 3.
  static func twoContracts() throws -> Scenario {
    try ScenarioReader.read(yaml: """
      name: two
      horizon: {contractYears: 2, warmupYears: 1}
      population: {youths: 1000}
      referralSources:
        - {id: all, ratePer1000: 1460, routing: {A: 0.5, B: 0.5}}
      careTypes:
        - {id: A, capacity: 3, duration: {family: exponential, mean: 1}, costPerDay: 100, transitions: {exit: 1}}
        - {id: B, capacity: 3, duration: {family: exponential, mean: 1}, costPerDay: 100, transitions: {exit: 1}}
      funding: {model: lumpsum}
      contracts:
        - {id: a, careTypes: [A], lumpsum: {base: 40000}}
        - {id: b, careTypes: [B], lumpsum: {base: 30000}}
      """)
  }

  @Test("with two contracts both bases move together and a year overspends when either does")
  func twoContractsScaleTogether() throws {
    let scenario = try Self.twoContracts()
    let n = 40, seed: UInt64 = 5, target = 0.1
    let answer = try #require(try BudgetSolver.solve(scenario, seed: seed, replications: n, threads: 2, target: target, years: .all))
    #expect(abs(answer.contractBases[0] / answer.contractBases[1] - 4.0 / 3.0) < 1e-9)
    #expect(abs(answer.contractBases.reduce(0, +) - answer.base) < 1e-6)
    func overspend(_ factor: Double) throws -> [Double] {
      var candidate = scenario
      for c in candidate.contracts.indices { candidate.contracts[c].lumpsum.base = answer.contractBases[c] * factor }
      return try runBatch(candidate, seed: seed, count: n, threads: 2).years.map(\.overspend.estimate)
    }
    let at = try overspend(1)
    #expect(at.allSatisfy { $0 <= target }, "at the answer: \(at)")
    #expect(zip(at, answer.overspend).allSatisfy { $0 == $1.estimate }, "the solver reports what a batch finds")
    let below = try overspend(0.97)
    #expect(below.contains { $0 > target }, "at 0.97 × the answer: \(below)")
    let bisected = try #require(try BudgetSolver.solve(
      scenario, seed: seed, replications: n, threads: 2, target: target, years: .all, relativeTolerance: 1e-4,
      method: .bisection))
    #expect(abs(bisected.base - answer.base) <= 1e-4 * answer.base + 2, "\(bisected.base) vs \(answer.base)")
  }
}
