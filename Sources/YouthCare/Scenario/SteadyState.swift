import Foundation

/// The long-run flows of a scenario without capacity limits, from the traffic equations.
///
/// With a referral rate aₖ into each care type, transitions P and repeat referrals, the yearly
/// flow into each type solves λ = a + λP + returns, where returns are the repeat probability ×
/// the exits, routed like first referrals. By Little's law (M/G/∞ per type) the mean number in
/// care is λₖ·E[Sₖ]. This is what the system needs at the level of contract year 1; capacity,
/// queues and blocked step-downs are left out, so it is a need, not what is delivered.
public struct SteadyState: Sendable, Equatable {
  /// Yearly arrivals into each care type (referrals, transfers and returns).
  public var arrivalsPerYear: [Double]
  /// Mean number in care per type.
  public var inCare: [Double]
  /// Yearly in-scope cost of each contract at year-1 prices, overhead included.
  public var contractCostPerYear: [Double]

  /// The steady state of `scenario` at the demand and prices of contract year 1.
  public init(_ scenario: Scenario) {
    let types = scenario.careTypes.count
    var external = [Double](repeating: 0, count: types)
    var routedShare = [Double](repeating: 0, count: types)
    for source in scenario.referralSources {
      let perYear = scenario.population.youths / 1000 * source.ratePer1000
      for k in 0..<types {
        external[k] += perYear * source.routing[k]
        routedShare[k] += perYear * source.routing[k]
      }
    }
    let totalRouted = routedShare.reduce(0, +)
    if totalRouted > 0 { routedShare = routedShare.map { $0 / totalRouted } }
    let returnProbability = scenario.reReferral?.probability ?? 0
    // Repeat referrals pass through routing again, diversion included.
    let divertedShare: Double = {
      let all = scenario.referralSources.reduce(0.0) { $0 + $1.ratePer1000 }
      guard all > 0 else { return 0 }
      return scenario.referralSources.reduce(0.0) { $0 + $1.ratePer1000 * $1.diverted } / all
    }()
    var flow = external
    for _ in 0..<10_000 {
      var next = external
      var exits = 0.0
      for j in 0..<types {
        exits += flow[j] * scenario.careTypes[j].transitions.exit
        for k in 0..<types { next[k] += flow[j] * scenario.careTypes[j].transitions.next[k] }
      }
      for k in 0..<types { next[k] += returnProbability * exits * (1 - divertedShare) * routedShare[k] }
      let change = zip(next, flow).map { abs($0 - $1) }.max() ?? 0
      flow = next
      if change < 1e-9 { break }
    }
    arrivalsPerYear = flow
    inCare = (0..<types).map { flow[$0] * scenario.careTypes[$0].duration.mean / DayCalendar.daysPerYear }
    let inCare = self.inCare
    contractCostPerYear = scenario.contracts.map { contract in
      var cost = 0.0
      for k in contract.careTypes {
        let type = scenario.careTypes[k]
        cost += inCare[k] * type.effectiveCostPerDay * DayCalendar.daysPerYear
        cost += Double(type.capacity) * type.fixedCostPerSlotDay * DayCalendar.daysPerYear
        cost += flow[k] * type.intakeCost
      }
      return cost * (1 + contract.lumpsum.overheadShare)
    }
  }

  /// Expected in-scope cost per year over all contracts, overhead included.
  public var inScopeCostPerYear: Double { contractCostPerYear.reduce(0, +) }
}

/// Advice about a valid scenario that is probably not what the analyst means.
public enum ScenarioWarnings {
  /// Warnings for `lumpsim validate` (printed on standard error, exit 0).
  public static func check(_ scenario: Scenario) -> [String] {
    var warnings: [String] = []
    let steady = SteadyState(scenario)
    for (c, contract) in scenario.contracts.enumerated() where steady.contractCostPerYear[c] > 0 {
      let budget = contract.lumpsum.budget(inYear: 1)
      let ratio = budget / steady.contractCostPerYear[c]
      if ratio < 1 {
        warnings.append(String(
          format: "%@: the year-1 budget (€%.2fM) covers %.2f of the expected steady-state in-scope cost (€%.2fM, without capacity limits); expect it to run out before December",
          scenario.lumpsumPath(c), budget / 1e6, ratio, steady.contractCostPerYear[c] / 1e6))
      }
    }
    for (k, type) in scenario.careTypes.enumerated() {
      let inContract = scenario.contractIndex(ofCareType: k)
      let overhead = inContract.map { scenario.contracts[$0].lumpsum.overheadShare } ?? 0
      let cost = type.costPerDay * (1 + overhead)
      let tariff = scenario.tariffPerDay(k)
      if tariff < cost - 1e-9 {
        warnings.append(String(
          format: "careTypes[%d] (%@): tariff €%.2f a day is below its cost €%.2f%@ (reële prijzen); raise tariffPerDay or funding.pxq.margin",
          k, type.id, tariff, cost, overhead > 0 ? " including overhead" : ""))
      }
      let episodeCost = type.costPerDay * type.duration.mean * (1 + overhead)
      if inContract != nil, scenario.feePerStart(k) < episodeCost - 1e-9 {
        warnings.append(String(
          format: "careTypes[%d] (%@): output fee €%.0f is below the expected episode cost €%.0f including overhead; raise feePerStart or funding.output.margin",
          k, type.id, scenario.feePerStart(k), episodeCost))
      }
    }
    return warnings
  }
}
