/// What the funding model and its pressure policy change in the flow, fixed for the run.
struct FundingRules {
  /// `intakeStop` under `lumpsum`: regular starts in contract care wait once the lumpsum is spent.
  let intakeStop: Bool
  /// P×Q with a ceiling: regular children wait once the provider's yearly revenue is capped.
  let pxqCeiling: Bool
  /// `throttle` under `lumpsum`: ahead of budget, more referrals are diverted and episodes shortened.
  let throttles: Bool
  /// How the throttle acts: the extra diversion and the episode-length factor.
  let throttle: Throttle
  /// Episode-length factor of the funding model for contract care.
  let durationFactor: Double
  /// The municipality's administrative cost of the payment rule, as a share of spend.
  let adminCostShare: Double

  init(scenario: Scenario) {
    let funding = scenario.funding
    intakeStop = funding.pressurePolicy == .intakeStop && funding.model == .lumpsum
    pxqCeiling = funding.model == .pxq && scenario.contracts.contains { $0.pxqCeiling != nil }
    throttles = funding.pressurePolicy == .throttle && funding.model == .lumpsum
    throttle = funding.throttle
    durationFactor = funding.currentBehaviour.durationFactor
    adminCostShare = funding.currentBehaviour.adminCostShare
  }
}
