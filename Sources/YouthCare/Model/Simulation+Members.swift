/// Consortium members leaving at a year's end, taking their places with them.
extension Simulation {
  /// A member leaves at a year's end: its places are gone from the next day. Children already in
  /// those places finish their episodes; nobody new starts until the count is below the new capacity.
  mutating func removePlaces(of member: Member, year: Int) {
    for k in 0..<types {
      let places = member.places(k, of: scenario.careTypes[k].capacity)
      guard places > 0 else { continue }
      let remaining = max(0, counts[k].capacity - places)
      accounts[year].capacityLost += counts[k].capacity - remaining
      counts[k].capacity = remaining
      ledger.setCapacity(k, to: remaining, count: counts[k].inCare, now: now)
    }
  }
}
