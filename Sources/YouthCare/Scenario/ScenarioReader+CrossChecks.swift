import Yams

/// Checks across sections: list sizes, ids, and capacity that referrals lead to.
extension ScenarioReader {
  /// Logs and returns false when a list has more entries than lumpsim takes.
  static func withinLimit(_ count: Int, _ limit: Int, _ key: String, _ noun: String, _ top: MappingReader, why: String) -> Bool {
    guard count > limit else { return true }
    top.log.report(key, top.node(key), "lists \(RunLimits.grouped(count)) \(noun); lumpsim takes at most "
      + "\(RunLimits.grouped(limit)) (\(why))")
    return false
  }

  /// Maps the ids of a list's entries to their places, reporting duplicates (the first one counts).
  static func collectIDs(_ items: [(node: Node, path: String)], list: String, log: IssueLog) -> [String: Int] {
    var ids: [String: Int] = [:]
    for (offset, item) in items.enumerated() {
      guard case .mapping(let mapping) = item.node, let idNode = mapping["id"], let id = idNode.scalar?.string else { continue }
      if let first = ids[id] {
        log.report("\(item.path).id", idNode, "duplicate id '\(id)' (also \(list)[\(first)])")
      } else {
        ids[id] = offset
      }
    }
    return ids
  }

  /// The ids in list order, for a message that says which are known.
  static func knownList(_ ids: [String: Int]) -> String {
    ids.sorted { $0.value < $1.value }.map(\.key).joined(separator: ", ")
  }

  /// A care type with capacity 0 that referrals or transitions lead to would hold children forever.
  static func checkReachableCapacity(
    careTypes: [CareType], sources: [ReferralSource], top: MappingReader,
    typeItems: [(node: Node, path: String)], log: IssueLog
  ) {
    for (k, type) in careTypes.enumerated() where type.capacity == 0 && !type.crisis {
      let referred = sources.contains { $0.ratePer1000 > 0 && $0.routing[k] > 0 }
      let transferred = careTypes.contains { $0.transitions.next[k] > 0 }
      let redirected = careTypes.contains { $0.patience?.destination == .careType(k) }
      if referred || transferred || redirected {
        let node = typeItems[k].node.mapping?["capacity"]
        log.report("\(typeItems[k].path).capacity", node,
                   "is 0 but referrals or transitions lead to \(type.id); children would wait forever (give it capacity or mark it crisis)")
      }
    }
  }
}
