import Testing
import YouthCare

/// The invariants every replication must satisfy.
public func checkInvariants(_ result: ReplicationResult, _ scenario: Scenario) -> [String] {
  var problems: [String] = []
  if !result.flow.isConserved { problems.append("children not conserved: \(result.flow)") }
  if result.capacityBreaches != 0 { problems.append("\(result.capacityBreaches) starts above capacity") }
  let spend = result.years.reduce(0) { $0 + $1.spend }
  if result.ledgerDiscrepancy > 1e-6 * max(spend, 1) {
    problems.append("ledger running spend and month-end accounts differ by \(result.ledgerDiscrepancy)")
  }
  for (k, type) in scenario.careTypes.enumerated() where !type.crisis {
    // End-of-month counts never exceed the most places the type can have, crisis care aside: a
    // crisis type, or a crisis referral (which starts at once, above capacity if need be).
    let crisisReferrals = scenario.referralSources.contains { $0.crisisShare > 0 && $0.routing[k] > 0 }
    let most = max(type.capacity, type.capacityPolicy?.maximum ?? 0)
    for m in 0..<result.monthly.months where !crisisReferrals && result.monthly.inCare[m * scenario.careTypes.count + k] > most {
      problems.append("\(type.id) holds \(result.monthly.inCare[m * scenario.careTypes.count + k]) > \(most) in month \(m)")
    }
    if let policy = type.capacityPolicy {
      for m in 0..<result.monthly.months {
        let places = result.monthly.capacity[m * scenario.careTypes.count + k]
        if places < policy.minimum || places > policy.maximum { problems.append("\(type.id) has \(places) places in month \(m)") }
      }
    }
  }
  for y in result.years {
    if abs(y.result - (y.payment + y.valvePayout - y.spend)) > 1e-6 { problems.append("year \(y.year): result ≠ payment + valves − spend") }
    if abs(y.consortiumResult - (y.result + y.settlement)) > 1e-6 { problems.append("year \(y.year): consortium result ≠ result + settlement") }
    let municipalPrevention = scenario.prevention?.paidBy == .municipality ? y.preventionCost : 0
    if abs(y.municipalCost - (y.payment + y.valvePayout + y.settlement + y.outsidePayment + municipalPrevention + y.adminCost)) > 1e-6 {
      problems.append("year \(y.year): municipal cost ≠ payment + valves + settlement + outside")
    }
    if scenario.funding.model == .lumpsum && y.payment != y.budget { problems.append("year \(y.year): a lumpsum pays its budget") }
    for (c, contract) in scenario.contracts.enumerated() {
      let x = y.contracts[c]
      let byType = contract.careTypes.reduce(0) { $0 + y.spendByCareType[$1] }
      let paysPrevention = scenario.prevention.map { $0.paidBy == .consortium && $0.contract == c } ?? false
      let expected = byType * (1 + contract.lumpsum.overheadShare) + (paysPrevention ? y.preventionCost : 0)
      if abs(expected - x.spend) > 1e-6 * max(x.spend, 1) { problems.append("year \(y.year), \(contract.id): spend ≠ Σ its types × overhead") }
      if abs(x.result - (x.payment + x.valvePayout - x.spend)) > 1e-6 { problems.append("year \(y.year), \(contract.id): result ≠ payment + valves − spend") }
      if scenario.funding.model == .lumpsum && x.payment != x.budget { problems.append("year \(y.year), \(contract.id): a lumpsum pays its budget") }
      let members = x.memberResults.reduce(0, +)
      if !x.memberResults.isEmpty && abs(members - x.consortiumResult) > 1e-6 * max(1, abs(x.consortiumResult)) {
        problems.append("year \(y.year), \(contract.id): members' results ≠ consortium result")
      }
    }
    let sum = { (figure: (ContractYearResult) -> Double) in y.contracts.reduce(0) { $0 + figure($1) } }
    if abs(sum(\.spend) - y.spend) > 1e-6 * max(y.spend, 1) || abs(sum(\.budget) - y.budget) > 1e-6 * max(y.budget, 1) {
      problems.append("year \(y.year): the contracts' spend and budgets do not add up to the year's")
    }
    let firstOut = y.contracts.compactMap(\.exhaustionDay).min()
    if firstOut != y.exhaustionDay { problems.append("year \(y.year): exhaustion day is not the earliest contract's") }
  }
  return problems
}

/// Runs one replication and records a test issue for every broken invariant, so that every run
/// in the tests is checked, whatever the test is about.
@discardableResult
public func runChecked(_ scenario: Scenario, seed: UInt64, replication: Int = 0) -> ReplicationResult {
  let result = Replication.run(scenario, seed: seed, replication: replication)
  for problem in checkInvariants(result, scenario) {
    Issue.record("\(scenario.name), seed \(seed), replication \(replication): \(problem)")
  }
  return result
}
