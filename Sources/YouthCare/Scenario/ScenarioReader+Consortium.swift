import Foundation
import Yams

/// Reading a contract's consortium: its members, how they split the result and when one leaves.
extension ScenarioReader {
  /// Reads a consortium; `scope` is its contract's care types (nil when they could not be read).
  static func readConsortium(_ r: MappingReader, ids: [String: Int], types: Int?, scope: [Int]?) -> Consortium? {
    let split = r.choice("split", default: Consortium.Split.proRata)
    let exitRule = r.section("exit", readExitRule)
    var members: [Member] = []
    var ok = true
    let items = r.list("members", required: true) ?? []
    if r.node("members") != nil && items.isEmpty { r.log.report(r.join("members"), r.node, "must list at least one member"); ok = false }
    _ = collectIDs(items, list: r.join("members"), log: r.log)
    for item in items {
      guard let m = MappingReader(item.node, path: item.path, log: r.log) else { ok = false; continue }
      let id = m.string("id")
      let name = m.string("name", default: id ?? "")
      let share = m.number("share", rule: .probability)
      let revenue = m.number("revenue", rule: .positive, kind: .amount)
      var capacity: [Double]? = nil
      if let c = m.mapping("capacity", required: false), let types {
        var shares = [Double](repeating: 0, count: types)
        var capacityOK = true
        for key in c.keys {
          guard let node = c.node(key) else { continue }
          if let k = ids[key], let scope, !scope.contains(k) {
            capacityOK = false
            r.log.report(c.join(key), node, "care type '\(key)' is not covered by this contract; a member holds places only of the contract's care types")
          } else if let k = ids[key] {
            if let v = MappingReader.number(node, path: c.join(key), rule: .probability, log: r.log) { shares[k] = v } else { capacityOK = false }
          } else {
            capacityOK = false
            r.log.report(c.join(key), node, "unknown care type '\(key)'; expected one of: \(knownList(ids))")
          }
        }
        if capacityOK { capacity = shares }
      }
      m.finish()
      guard let id, let name, let share, let revenue else { ok = false; continue }
      // Without a capacity mapping a member holds its contract share of the places of every care
      // type the contract covers.
      let shares = capacity ?? (0..<(types ?? 0)).map { (scope ?? []).contains($0) ? share : 0 }
      if m.node("capacity") != nil && capacity == nil { ok = false; continue }
      members.append(Member(id: id, name: name, share: share, revenue: revenue, capacityShare: shares))
    }
    r.finish()
    guard ok, let split, !exitRule.isInvalid else { return nil }
    let total = members.reduce(0) { $0 + $1.share }
    if abs(total - 1) > 1e-6 {
      r.log.report(r.join("members"), r.node("members"), "the members' shares must sum to 1, got \(format(total))")
      return nil
    }
    if let types {
      for k in 0..<types {
        let held = members.reduce(0) { $0 + $1.capacityShare[k] }
        if held > 1 + 1e-6 {
          r.log.report(r.join("members"), r.node("members"), "the members hold \(format(held)) of care type \(knownList(ids).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }[k])'s places; at most 1")
          return nil
        }
      }
    }
    return Consortium(members: members, split: split, exitRule: exitRule.value)
  }

  /// R5: when a member walks away: its loss as a share of its revenue, and how little the consortium
  /// may bring it.
  static func readExitRule(_ e: MappingReader) -> ExitRule? {
    let loss = e.number("lossShareOfRevenue", rule: .range(0, 10), default: 0.05)
    let dependence = e.number("maxDependence", rule: .probability, default: 0.10)
    e.finish()
    guard let loss, let dependence else { return nil }
    return ExitRule(lossShareOfRevenue: loss, maxDependence: dependence)
  }
}
