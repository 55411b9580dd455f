import SimKernel

/// The capacity policy: periodic reviews that hire (with a lag) or shed places.
extension Simulation {
  /// The periodic review: hire when the list is long (unless spend runs ahead of budget), shed
  /// places when use is low, within the policy's bounds.
  mutating func reviewCapacity(_ k: Int) {
    guard let policy = scenario.careTypes[k].capacityPolicy else { return }
    let type = counts[k]
    let places = type.capacity
    let step = policy.stepPlaces(at: max(places, 1))
    let restrained = policy.budgetAware && scenario.funding.model == .lumpsum && facts[k].inScope
      && ledger.isAheadOfBudget(k, at: now, yearStart: Double(month / 12) * DayCalendar.daysPerYear)
    if Double(type.listLength) > policy.addWhenWaitingAbove * Double(places) && !restrained {
      let hire = min(step, policy.maximum - places - type.pendingPlaces)
      if hire > 0 {
        counts[k].pendingPlaces += hire
        calendar.schedule(.capacityArrives(careType: Int32(k), places: Int32(hire)), at: now + policy.hiringLagDays,
                          class: .calendar)
      }
    } else if Double(type.inCare) < policy.removeWhenUseBelow * Double(places) && type.listLength == 0 {
      let shed = min(step, places - policy.minimum)
      if shed > 0 {
        counts[k].capacity = places - shed
        ledger.setCapacity(k, to: places - shed, count: type.inCare, now: now)
      }
    }
    calendar.schedule(.capacityReview(careType: Int32(k)), at: now + policy.reviewDays, class: .calendar)
  }

  /// Hired places arrive and the list moves up.
  mutating func placesArrive(_ k: Int, _ places: Int) {
    counts[k].pendingPlaces -= places
    counts[k].capacity += places
    ledger.setCapacity(k, to: counts[k].capacity, count: counts[k].inCare, now: now)
    fillPlaces(k)
  }
}
