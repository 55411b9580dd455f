/// The contract's year-end: safety valves and settlement under the lumpsum model.
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
  }

  init(funding: Funding) {
    valves = funding.valves
    settlement = funding.settlement
    lumpsum = funding.lumpsum
    isLumpsum = funding.model == .lumpsum
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
    statutoryReferrals: Int
  ) -> Outcome {
    var outcome = Outcome()
    guard isLumpsum else {
      outcome.result = payment - spend
      return outcome
    }
    outcome.valvePayout = valves.statutoryReferrals?.payout(referrals: statutoryReferrals) ?? 0
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
