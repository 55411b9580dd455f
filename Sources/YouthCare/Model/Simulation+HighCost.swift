/// The high-cost carve-out (V3): each child's yearly cost per contract, and what its contract
/// pays above the threshold when the child leaves or the year closes.
extension Simulation {
  /// The contract-care cost per day of a child occupying type `k`, overhead included.
  @inline(__always)
  func childCostPerDay(_ k: Int) -> Double {
    ledger.clientCostPerDay(k)
  }

  /// Adds the cost of child `c`'s care in `k` up to `now` to its year's cost.
  @inline(__always)
  mutating func costCare(_ c: Int32, occupying k: Int) {
    guard valves.highCost else { return }
    switchCostContract(c, to: k)
    let cost = clients.costs[Int(c)]
    clients.costs[Int(c)].yearCost += (now - cost.costedUntil) * childCostPerDay(k)
    clients.costs[Int(c)].costedUntil = now
  }

  /// A child's yearly cost counts per contract: before it starts care under another contract,
  /// the cost so far is settled with the contract it was incurred under and counting restarts.
  @inline(__always)
  mutating func switchCostContract(_ c: Int32, to k: Int) {
    let target = facts[k].contract
    let current = Int(clients.clients[Int(c)].costContract)
    guard target >= 0, target != current else { return }
    if current >= 0 { payHighCost(c, year: month / 12) }
    clients.costs[Int(c)].yearCost = 0
    clients.clients[Int(c)].costContract = Int8(target)
  }

  /// Books the part of child `c`'s yearly cost above its contract's threshold (contract years only).
  @inline(__always)
  mutating func payHighCost(_ c: Int32, year: Int) {
    let contract = Int(clients.clients[Int(c)].costContract)
    guard contract >= 0, year >= warmupYears else { return }
    let excess = clients.costs[Int(c)].yearCost - valves.highCostThresholds[contract]
    if excess > 0 { valves.highCostPayout[contract] += excess }
  }

  /// A child leaves the system for good: the carve-out pays what its year cost above the
  /// threshold, and its record is freed.
  @inline(__always)
  mutating func release(_ c: Int32) {
    if valves.highCost { payHighCost(c, year: month / 12) }
    clients.remove(c)
  }

  /// At a year's end: every child's cost is counted to the last day, paid above the threshold,
  /// and the counts start again for the new year.
  mutating func closeHighCostYear(_ year: Int) {
    for i in clients.clients.indices {
      let state = clients.clients[i].state
      if state == .free { continue }
      if state == .inCare { costCare(Int32(i), occupying: Int(clients.clients[i].careType)) }
      if state == .blocked { costCare(Int32(i), occupying: Int(clients.clients[i].heldType)) }
      payHighCost(Int32(i), year: year)
      clients.costs[i].yearCost = 0
      clients.costs[i].costedUntil = now
    }
  }
}
