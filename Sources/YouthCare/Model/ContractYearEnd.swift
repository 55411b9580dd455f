/// A contract's year-end: safety valves and settlement under the lumpsum model.
///
/// During a year the simulation counts what the valves measure (starts and client-days in
/// contract care, first-time referrals from statutory sources). At the year's end the statutory
/// valve (V2) pays out, the result is settled (R1, R2), the volume corridor (V1) sets next year's
/// adjustment, and a cumulative deficit past the renegotiation trigger (V5) resets the budget.
struct ContractYearEnd {
  let valves: Valves
  let settlement: Settlement?
  let lumpsum: Lumpsum
  let isLumpsum: Bool

  /// Adjustment to next year's budget from this year's volume (V1).
  private(set) var corridorAdjustmentNext = 0.0
  /// Multiplier on the lumpsum formula after a renegotiation (V5).
  private(set) var renegotiationScale = 1.0
  private var renegotiations = 0
  private var cumulativeResult = 0.0

  /// One closed contract year.
  struct Outcome {
    var valvePayout = 0.0
    var result = 0.0
    var settlement = 0.0
    /// Each member's part of the consortium's result (0 once it has left).
    var memberResults: [Double] = []
    /// Members leaving at this year's end (indices).
    var exits: [Int] = []
  }

  let consortium: Consortium?
  /// Members still in the consortium.
  private(set) var active: [Bool]
  private var memberCumulative: [Double]

  init(contract: Contract, model: Funding.Model) {
    valves = contract.valves
    settlement = contract.settlement
    lumpsum = contract.lumpsum
    isLumpsum = model == .lumpsum
    consortium = contract.consortium
    let members = contract.consortium?.members.count ?? 0
    active = Array(repeating: true, count: members)
    memberCumulative = Array(repeating: 0, count: members)
  }

  /// Divides the consortium's result among the members still in it (R3), and decides who leaves (R5).
  mutating func shareAmongMembers(
    _ outcome: inout Outcome, payment: Double, inScopeSpendByType: [Double]
  ) {
    guard let consortium else { return }
    let members = consortium.members
    let consortiumResult = outcome.result + outcome.settlement
    let weights: [Double] = members.indices.map { m in
      guard active[m] else { return 0 }
      switch consortium.split {
      case .proRata: return members[m].share
      case .equal: return 1
      case .byCause:
        return zip(members[m].capacityShare, inScopeSpendByType).reduce(0) { $0 + $1.0 * $1.1 }
      }
    }
    let total = weights.reduce(0, +)
    let activeShare = members.indices.filter { active[$0] }.reduce(0.0) { $0 + members[$1].share }
    outcome.memberResults = weights.map { total > 0 ? consortiumResult * $0 / total : 0 }
    var remaining = active.filter { $0 }.count
    for m in members.indices where active[m] {
      memberCumulative[m] += outcome.memberResults[m]
      // The last member cannot walk away: the contract binds the consortium, and someone must
      // deliver the care it covers until the contract ends.
      guard let rule = consortium.exitRule, remaining > 1 else { continue }
      let loss = max(0, -memberCumulative[m])
      let contractRevenue = activeShare > 0 ? payment * members[m].share / activeShare : 0
      if loss > rule.lossShareOfRevenue * members[m].revenue
        && contractRevenue < rule.maxDependence * members[m].revenue {
        active[m] = false
        remaining -= 1
        outcome.exits.append(m)
      }
    }
  }

  /// The budget of contract year `t` (1-based) and its two valve parts.
  func budget(inYear t: Int) -> (budget: Double, corridor: Double, renegotiation: Double) {
    let formula = lumpsum.budget(inYear: t)
    guard isLumpsum else { return (formula, 0, 0) }
    let renegotiation = formula * (renegotiationScale - 1)
    return (formula + renegotiation + corridorAdjustmentNext, corridorAdjustmentNext, renegotiation)
  }

  /// Closes contract year `t`: payouts, settlement, and next year's adjustments.
  mutating func close(
    year t: Int, budget: Double, payment: Double, spend: Double, inScopeStarts: Int, inScopeClientDays: Double,
    statutoryReferrals: Int, highCostPayout: Double
  ) -> Outcome {
    var outcome = Outcome()
    guard isLumpsum else {
      outcome.result = payment - spend
      return outcome
    }
    outcome.valvePayout = (valves.statutoryReferrals?.payout(referrals: statutoryReferrals) ?? 0) + highCostPayout
    outcome.result = payment + outcome.valvePayout - spend
    if let settlement {
      outcome.settlement = settlement.consortiumShare(result: outcome.result, budget: budget) - outcome.result
    }
    if let corridor = valves.volumeCorridor {
      let volume = corridor.measure == .starts ? Double(inScopeStarts) : inScopeClientDays / DayCalendar.daysPerYear
      corridorAdjustmentNext = corridor.adjustment(volume: volume)
    }
    cumulativeResult += outcome.result + outcome.settlement
    if let trigger = valves.renegotiation, renegotiations < trigger.maximum, -cumulativeResult > trigger.threshold * budget {
      // From next year the budget is this year's spend, indexed; the formula continues from there.
      let next = lumpsum.budget(inYear: t + 1)
      if next > 0 {
        renegotiationScale = spend * (1 + lumpsum.indexPerYear) / next
        renegotiations += 1
        cumulativeResult = 0
      }
    }
    return outcome
  }
}
