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
    let (external, routedShare, returnProbability, divertedShare) = Self.external(scenario)
    let transitions = TransitionSteps(scenario)
    var flow = external
    for _ in 0..<transitions.iterations(types: types) {
      var next = external
      var exits = 0.0
      for j in 0..<types { exits += flow[j] * scenario.careTypes[j].transitions.exit }
      for step in transitions.steps { next[step.to] += flow[step.from] * step.p }
      for k in 0..<types { next[k] += returnProbability * exits * (1 - divertedShare) * routedShare[k] }
      let change = zip(next, flow).map { abs($0 - $1) }.max() ?? 0
      flow = next
      if change < 1e-9 { break }
    }
    // A type that receives children but has no path to an exit keeps them for ever: its flow has
    // no steady state (the iteration only stopped).
    for k in 0..<types where flow[k] > 0 && !transitions.canLeave[k] { flow[k] = .infinity }
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

  /// The referrals a year into each care type from outside (`external`), how repeat referrals
  /// split over the care types (`routedShare`), the share of exits that return
  /// (`returnProbability`) and the share of referrals diverted before care (`divertedShare`).
  static func external(
    _ scenario: Scenario
  ) -> (external: [Double], routedShare: [Double], returnProbability: Double, divertedShare: Double) {
    let types = scenario.careTypes.count
    var external = [Double](repeating: 0, count: types)
    for source in scenario.referralSources {
      let perYear = scenario.population.youths / 1000 * source.ratePer1000
      for k in 0..<types { external[k] += perYear * source.routing[k] }
    }
    let totalRouted = external.reduce(0, +)
    let routedShare = totalRouted > 0 ? external.map { $0 / totalRouted } : external
    let returnProbability = scenario.reReferral?.probability ?? 0
    // Repeat referrals pass through routing again, diversion included.
    let divertedShare: Double = {
      let all = scenario.referralSources.reduce(0.0) { $0 + $1.ratePer1000 }
      guard all > 0 else { return 0 }
      return scenario.referralSources.reduce(0.0) { $0 + $1.ratePer1000 * $1.diverted } / all
    }()
    return (external, routedShare, returnProbability, divertedShare)
  }

  /// Expected in-scope cost per year over all contracts, overhead included.
  public var inScopeCostPerYear: Double { contractCostPerYear.reduce(0, +) }
}
