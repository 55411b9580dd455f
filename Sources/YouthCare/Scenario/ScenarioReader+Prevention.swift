import Yams

/// Reading the prevention programme.
extension ScenarioReader {
  /// Reads the prevention programme: what it costs, who pays, and which care types it reduces
  /// referrals to, by how much and from when.
  static func readPrevention(_ r: MappingReader, ids: [String: Int], years: Int?, contracts: [Contract]?) -> Prevention? {
    let cost = r.number("costPerYear", rule: .nonNegative, kind: .amount)
    var costYears: [Int]? = []
    if let items = r.numbers("costYears", rule: .range(1, Double(years ?? 100))) {
      costYears = items.map { Int($0) }
    } else if r.node("costYears") != nil { costYears = nil }
    let payer = r.choice("paidBy", default: Prevention.Payer.consortium)
    let effect = r.number("effect", rule: .probability)
    var types: [Int]? = []
    if let items = r.list("careTypes", required: true) {
      for item in items {
        if let id = item.node.scalar?.string, let k = ids[id] { types?.append(k) } else {
          types = nil
          r.log.report(item.path, item.node, "unknown care type; expected one of: \(knownList(ids))")
        }
      }
    } else { types = nil }
    let lag = r.number("lagMonths", rule: .nonNegative, default: 12)
    let ramp = r.number("rampMonths", rule: .nonNegative, default: 12)
    var contract: Int? = 0
    if let node = r.node("contract"), let contracts {
      let id = node.scalar?.string ?? ""
      contract = contracts.firstIndex { $0.id == id }
      if contract == nil {
        r.log.report(r.join("contract"), node, "unknown contract '\(id)'; expected one of: \(contracts.map(\.id).joined(separator: ", "))")
      }
    }
    r.finish()
    guard let cost, let costYears, let payer, let effect, let types, let lag, let ramp, let contract else { return nil }
    return Prevention(costPerYear: cost, costYears: costYears, paidBy: payer, effect: effect, careTypes: types,
                      lagMonths: lag, rampMonths: ramp, contract: contract)
  }
}
