import SimKernel

/// What the contracts' valves count during a year, and the rules that say what counts.
///
/// The counts change on many events (every in-scope start, every statutory referral, every
/// high-cost child leaving), so they live apart from the year's accounts (an array of arrays) and
/// move into them when a contract's year closes (`takeYear`).
struct ValveCounters: ~Copyable {
  /// Per contract, the high-cost carve-out's threshold (infinity: none); the valve applies under
  /// `lumpsum` in contract years.
  let highCostThresholds: ContiguousArray<Double>
  /// Some contract has a high-cost carve-out: children's yearly costs are tracked.
  let highCost: Bool
  /// Whether source s counts for contract c's statutory-referral valve, at [s × contracts + c].
  let statutoryCounts: ContiguousArray<Bool>
  /// Some contract has a statutory-referral valve.
  let statutory: Bool
  /// The number of contracts (the counts' length).
  let contracts: Int
  /// This year's in-scope starts, statutory referrals and high-cost payout, per contract.
  var starts: UniqueArray<Int>
  var statutoryReferrals: UniqueArray<Int>
  var highCostPayout: UniqueArray<Double>

  init(scenario: Scenario) {
    contracts = scenario.contracts.count
    let isLumpsum = scenario.funding.model == .lumpsum
    highCostThresholds = ContiguousArray(scenario.contracts.map {
      isLumpsum ? $0.valves.highCostCases?.threshold ?? .infinity : .infinity
    })
    highCost = highCostThresholds.contains { $0.isFinite }
    var counted = ContiguousArray(repeating: false, count: scenario.referralSources.count * contracts)
    for (c, contract) in scenario.contracts.enumerated() {
      for s in contract.valves.statutoryReferrals?.sources ?? [] { counted[s * contracts + c] = true }
    }
    statutoryCounts = counted
    statutory = counted.contains(true)
    starts = UniqueArray(repeating: 0, count: contracts)
    statutoryReferrals = UniqueArray(repeating: 0, count: contracts)
    highCostPayout = UniqueArray(repeating: 0, count: contracts)
  }

  /// A referral from `source`: each contract whose statutory valve counts that source counts it.
  @inline(__always)
  mutating func referral(source: Int) {
    guard statutory else { return }
    for c in 0..<contracts where statutoryCounts[source * contracts + c] { statutoryReferrals[c] += 1 }
  }

  /// Contract `c`'s counts for the year that closes, which start again from zero.
  mutating func takeYear(contract c: Int) -> (starts: Int, statutoryReferrals: Int, highCostPayout: Double) {
    defer {
      starts[c] = 0
      statutoryReferrals[c] = 0
      highCostPayout[c] = 0
    }
    return (starts[c], statutoryReferrals[c], highCostPayout[c])
  }
}
