import SimKernel
import YouthCare

/// The smallest lumpsum that keeps the chance of overspending at or below a target.
///
/// The answer is a base (the budget of contract year 1; later years follow by index and booked
/// savings). Every candidate is judged on the same replications (common random numbers), so the
/// overspend probability moves only because the budget moves. When budget use (the consortium's
/// spend under a lumpsum, the municipality's payments under P×Q or output funding) does not
/// depend on the budget, one batch suffices: replication i overspends year t exactly when
/// base < useᵢₜ / (budgetₜ / base), so the answer is an order statistic of those ratios, the limit
/// bisection would converge to. Otherwise the solver bisects on the base, one batch per step.
///
/// With several contracts the base is their total: every contract's base moves by the same
/// factor, so the split between them stays as written (in proportion to their current bases, or
/// equal when all are zero), and a year overspends when any contract does.
public enum BudgetSolver {
  /// Which years must meet the target.
  public enum Years: Sendable, Equatable {
    /// One contract year (0-based index).
    case year(Int)
    /// Every contract year.
    case all
  }

  /// How to search.
  public enum Method: Sendable {
    /// The order statistic when spend does not depend on the budget, bisection otherwise.
    case automatic
    /// Always bisection (to cross-check the order statistic).
    case bisection
  }

  /// The solver's answer.
  public struct Answer: Sendable {
    /// The smallest base meeting the target (euros, rounded up to a whole euro; the total over
    /// contracts).
    public var base: Double
    /// That base split over the contracts.
    public var contractBases: [Double]
    /// The budget per contract year at that base.
    public var budgets: [Double]
    /// Overspend per contract year at that base, over the same replications.
    public var overspend: [Proportion]
    /// The contract year whose target decides the answer (0-based).
    public var bindingYear: Int
    /// "order statistic" or "bisection".
    public var method: String
    /// Batches run.
    public var evaluations: Int
    /// Replications per batch.
    public var replications: Int
  }

  /// Solves for the smallest base with P(overspend) ≤ `target` in the chosen years; nil when
  /// stopped from outside or when no base up to 1.5^60 times the scenario's meets the target. A
  /// replication the watchdog cut short stops the search with its `Runaway`.
  public static func solve(
    _ scenario: Scenario, seed: UInt64, replications n: Int, threads: Int, target: Double, years: Years,
    relativeTolerance: Double = 1e-3, method: Method = .automatic, stop: StopFlag = StopFlag()
  ) throws(Runaway) -> Answer? {
    precondition(target >= 0 && target < 1, "target probability must be in [0, 1)")
    let yearIndices = years == .all ? Array(0..<scenario.horizon.contractYears) : [yearIndex(years)]
    let contracts = scenario.contracts
    let totalBase = contracts.reduce(0) { $0 + $1.lumpsum.base }
    let weights = contracts.map { totalBase > 0 ? $0.lumpsum.base / totalBase : 1 / Double(contracts.count) }
    let years = scenario.horizon.contractYears
    // Contract c's budget in year y at total base B is B × weight × factor[c][y].
    let factors = contracts.map { contract in (1...years).map { contract.lumpsum.factor(inYear: $0) } }
    func budgets(_ base: Double) -> [Double] {
      (0..<years).map { y in contracts.indices.reduce(0) { $0 + base * weights[$1] * factors[$1][y] } }
    }
    if method == .automatic && !scenario.funding.budgetUseDependsOnBudget {
      guard let uses = try useTable(scenario, seed: seed, n: n, threads: threads, stop: stop) else { return nil }
      // The total base replication i needs in year y: the largest over contracts of use / (weight × factor).
      let needed = uses.map { use in
        (0..<years).map { y in
          contracts.indices.map { c in
            use[y][c] > 0 ? use[y][c] / (weights[c] * factors[c][y]) : 0
          }.max() ?? 0
        }
      }
      let allowed = Int((target * Double(n)).rounded(.down) + 1e-9)
      var base = 0.0, binding = yearIndices[0]
      for y in yearIndices {
        // The (allowed + 1)-th largest need: at most `allowed` replications lie strictly above it.
        let ratios = needed.map { $0[y] }.sorted(by: >)
        let candidate = ratios[min(allowed, ratios.count - 1)]
        if candidate > base { base = candidate; binding = y }
      }
      base = base.rounded(.up)
      let overspend = (0..<years).map { y in
        Proportion(successes: needed.reduce(0) { $0 + ($1[y] > base ? 1 : 0) }, trials: n)
      }
      return Answer(base: base, contractBases: weights.map { $0 * base }, budgets: budgets(base), overspend: overspend,
                    bindingYear: binding, method: "order statistic", evaluations: 1, replications: n)
    }

    var evaluations = 0
    func evaluate(_ base: Double) throws(Runaway) -> [Proportion]? {
      evaluations += 1
      var candidate = scenario
      for c in contracts.indices { candidate.contracts[c].lumpsum.base = base * weights[c] }
      var counts = [Int](repeating: 0, count: years)
      let done = try ParallelReplications.run(candidate, seed: seed, count: n, threads: threads, stop: stop) { _, r in
        for (y, year) in r.years.enumerated() where year.overspent { counts[y] += 1 }
        return true
      }
      guard done == n, !stop.isStopped else { return nil }
      return counts.map { Proportion(successes: $0, trials: n) }
    }
    func meets(_ p: [Proportion]) -> Bool { yearIndices.allSatisfy { p[$0].estimate <= target } }

    // Bracket: grow the base until the target is met (spend is finite, so it will be).
    var high = max(totalBase, 1)
    guard var highResult = try evaluate(high) else { return nil }
    var low = 0.0
    var growth = 0
    while !meets(highResult) {
      low = high
      high *= 1.5
      growth += 1
      guard growth < 60, let next = try evaluate(high) else { return nil }
      highResult = next
    }
    while high - low > relativeTolerance * high {
      let middle = (low + high) / 2
      guard let result = try evaluate(middle) else { return nil }
      if meets(result) { high = middle; highResult = result } else { low = middle }
    }
    let base = high.rounded(.up)
    if base != high, let exact = try evaluate(base) { highResult = exact }
    let binding = yearIndices.max { highResult[$0].estimate < highResult[$1].estimate } ?? yearIndices[0]
    return Answer(base: base, contractBases: weights.map { $0 * base }, budgets: budgets(base), overspend: highResult,
                  bindingYear: binding, method: "bisection", evaluations: evaluations, replications: n)
  }

  static func yearIndex(_ years: Years) -> Int {
    if case .year(let y) = years { return y }
    return 0
  }

  /// Budget use per replication, contract year and contract from one batch; nil if stopped.
  static func useTable(
    _ scenario: Scenario, seed: UInt64, n: Int, threads: Int, stop: StopFlag
  ) throws(Runaway) -> [[[Double]]]? {
    var uses: [[[Double]]] = []
    uses.reserveCapacity(n)
    try ParallelReplications.run(scenario, seed: seed, count: n, threads: threads, stop: stop) { _, r in
      uses.append(r.years.map { $0.contracts.map(\.budgetUse) })
      return true
    }
    return uses.count == n && !stop.isStopped ? uses : nil
  }
}
