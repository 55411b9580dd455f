import SimKernel
import Stochastics

/// How a child moves: referral, routing, waiting, care, step up or down, exit, return.
extension Simulation {
  /// Positions the child's stream (`childStream`) at the given kind of draw in its current episode.
  @inline(__always)
  func seek(_ c: Int32, _ slot: Slot, _ index: UInt64 = 0) {
    seek(child: clients.clients[Int(c)], slot, index)
  }

  /// `seek` for a child whose record the caller has already read.
  @inline(__always)
  func seek(child client: Client, _ slot: Slot, _ index: UInt64 = 0) {
    childStream.seek(key: client.key, position: UInt64(client.episode) << 20 | slot.rawValue << 16 | index)
  }

  /// The child's uniform at the given kind of draw in its current episode.
  @inline(__always)
  func uniform(_ c: Int32, _ slot: Slot, _ index: UInt64 = 0) -> Double {
    seek(c, slot, index)
    return childStream.counterUniform()
  }

  /// Child `c`'s outcome of `laws[index]`, drawn at `slot`. The uniform is drawn before the law
  /// is read: drawn in between, it made the compiler retain and release the law's array.
  @inline(__always)
  func choose(_ c: Int32, _ slot: Slot, _ laws: borrowing UniqueArray<Categorical>, _ index: Int) -> Int {
    let u = uniform(c, slot)
    return laws[index].outcome(u)
  }

  @inline(__always)
  mutating func newChild(source: UInt8) -> Int32 {
    let key = SeedDerivation.childKey(replicationKey: childKeyBase, serial: serial)
    serial += 1
    return clients.add(key: key, source: source)
  }

  // MARK: Arrivals

  @inline(__always)
  mutating func referralArrives() {
    // With one source the choice is certain and takes no draw from the demand stream.
    let source = referrals.sources > 1 ? referrals.source(demand.uniform()) : 0
    // The next referral is scheduled first. It takes the place at the top of the calendar of the
    // referral just handled (the hold step), and being close in time it sifts down a level or two;
    // the child's episode end, far ahead, is then added at the bottom, where it mostly stays.
    // The other way round, each crossed the whole heap. The two are of different event classes,
    // so the order they run in is the same either way.
    if let next = referrals.next(demand) { calendar.schedule(.referral, at: next, class: .arrival) }
    clients.countReferral()
    valves.referral(source: source)
    recorder.referral(source: source, month: month)
    let c = newChild(source: UInt8(source))
    route(c, source: source)
  }

  /// Sends a referral to its first care type, or diverts it.
  @inline(__always)
  mutating func route(_ c: Int32, source: Int) {
    // A draw whose outcome is certain is not made; every draw has its own position, so skipping
    // one moves no other.
    let certain = laws.routing[source].certainOutcome
    let outcome = certain >= 0 ? certain : choose(c, .route, laws.routing, source)
    // The throttle's diversion draw sits at its own position: drawn or not, no other draw moves.
    let throttleDiverts = outcome > 0 && throttled(outcome - 1)
      && uniform(c, .route, 1) < funding.throttle.extraDiversion
    // Prevention's draw has its own slot, so switching prevention on moves no other draw.
    let preventionDiverts = outcome > 0 && !throttleDiverts && prevented(outcome - 1, c)
    if outcome == 0 || throttleDiverts || preventionDiverts {
      clients.countDiverted()
      recorder.diverted(month: month)
      release(c)
      return
    }
    let crisis = laws.crisisShare[source], court = laws.courtShare[source]
    var priority = Priority.regular
    if crisis > 0 || court > 0 {
      let u = uniform(c, .priority)
      priority = u < crisis ? .crisis : u < crisis + court ? .courtOrdered : .regular
    }
    clients.clients[Int(c)].priority = priority
    enter(c, careType: outcome - 1)
  }

  /// A child comes to care type `k` (from a referral, a transition or a redirection).
  @inline(__always)
  mutating func enter(_ c: Int32, careType k: Int) {
    recorder.arrival(k)
    let priority = clients.clients[Int(c)].enter(k, crisisCare: facts[k].crisis)
    if canStart(k, priority) {
      start(c, careType: k)
    } else {
      joinList(c, careType: k, blocked: false)
    }
  }

  /// Whether a child of this priority may start in `k` now, ahead of nobody.
  @inline(__always)
  mutating func canStart(_ k: Int, _ priority: Priority) -> Bool {
    let type = counts[k]
    switch priority {
    case .crisis:
      return true
    case .courtOrdered:
      return type.hasRoom && type.courtWaiting == 0
    case .regular:
      return type.hasRoom && type.courtWaiting == 0 && type.regularWaiting == 0 && !intakeStopped(k)
    }
  }

  /// Whether prevention resolves this referral to care type `k` before it reaches care.
  @inline(__always)
  mutating func prevented(_ k: Int, _ c: Int32) -> Bool {
    guard facts[k].preventable, let p = scenario.prevention else { return false }
    let share = p.effect(daysIntoContract: now - scenario.horizon.contractStartDay)
    return share > 0 && uniform(c, .prevention) < share
  }

  /// Under `throttle`, whether lumpsum care type `k` is being throttled now.
  @inline(__always)
  mutating func throttled(_ k: Int) -> Bool {
    funding.throttles && facts[k].inScope && ledger.isAheadOfBudget(k, at: now, yearStart: Double(month / 12) * DayCalendar.daysPerYear)
  }

  /// Regular starts in contract care wait: under `intakeStop` once the contract's lumpsum is
  /// spent, under P×Q once its provider's yearly ceiling is reached; until 1 January.
  @inline(__always)
  mutating func intakeStopped(_ k: Int) -> Bool {
    guard facts[k].inScope else { return false }
    if funding.intakeStop { return ledger.isExhausted(k, at: now) }
    if funding.pxqCeiling { return ledger.ceilingReached(k, at: now) }
    return false
  }

  // MARK: Waiting

  mutating func joinList(_ c: Int32, careType k: Int, blocked: Bool) {
    let client = clients.joinList(c, careType: k, now: now, blocked: blocked)
    let token = client.token &+ 1
    let court = client.priority == .courtOrdered
    lists.append(WaitingLists.Entry(client: c, token: token), to: 2 &* k &+ (court ? 0 : 1))
    let length = counts[k].joinList(court: court)
    recorder.waitingListChanges(k, length: length, now: now)
    totalListLength += 1
    recorder.totalWaiting(totalListLength, month: month)
    if !blocked, let rule = laws.patience[k] {
      seek(c, .patience)
      let wait = rule.duration.sample(childStream)
      calendar.schedule(.patienceEnd(client: c, token: token), at: now + wait, class: .reneging)
    }
  }

  /// Takes a child off type `k`'s list (it starts or its patience ran out).
  @inline(__always)
  mutating func leaveList(_ k: Int, court: Bool) {
    let length = counts[k].leaveList(court: court)
    recorder.waitingListChanges(k, length: length, now: now)
    totalListLength -= 1
  }

  /// The next live entry of a list, dropping stale ones (children who left it).
  @inline(__always)
  mutating func nextWaiting(_ list: Int, careType k: Int) -> Int32? {
    while let entry = lists.first(list) {
      lists.removeFirst(list)
      let client = clients.clients[Int(entry.client)]
      if client.token == entry.token && (client.state == .waiting || client.state == .blocked)
        && Int(client.careType) == k {
        return entry.client
      }
    }
    return nil
  }

  /// Starts children from `k`'s list while it has free places.
  @inline(__always)
  mutating func fillPlaces(_ k: Int) {
    while true {
      let type = counts[k]
      guard type.hasRoom else { return }
      if type.courtWaiting > 0, let c = nextWaiting(2 &* k, careType: k) {
        start(c, careType: k)
      } else if type.regularWaiting > 0, !intakeStopped(k), let c = nextWaiting(2 &* k &+ 1, careType: k) {
        start(c, careType: k)
      } else {
        return
      }
    }
  }

  // MARK: Care

  mutating func start(_ c: Int32, careType k: Int) {
    if valves.highCost { costBeforeStart(c, careType: k) }
    // The record changes in place; what it was decides the rest.
    let client = clients.startCare(c, in: k)
    let wasListed = client.state == .waiting || client.state == .blocked
    let heldType = client.state == .blocked ? Int(client.heldType) : -1
    let wait = wasListed ? now - client.queuedAt : 0
    if wasListed { leaveList(k, court: client.priority == .courtOrdered) }

    let type = facts[k]
    let held = counts[k].inCare
    ledger.countChanges(k, from: held, by: 1, now: now)
    let overCapacity = counts[k].startOne()
    if type.inScope { valves.starts[type.contract] += 1 }
    if overCapacity && client.priority != .crisis { capacityBreaches += 1 }
    ledger.intake(k, now: now)
    ledger.fee(k, now: now)

    recorder.start(k, wait: wait, month: month)
    seek(child: client, .duration)
    var length = laws.durations[k].sample(childStream)
    if type.inScope { length *= funding.durationFactor }
    if throttled(k) { length *= funding.throttle.durationFactor }
    calendar.schedule(.episodeEnd(client: c, token: client.token &+ 1), at: now + length, class: .departure)
    if heldType >= 0 { vacate(heldType) }
  }

  /// The high-cost carve-out before child `c` starts in `k`: its care so far is costed, its
  /// count moves to `k`'s contract, and the intake counts towards its year.
  mutating func costBeforeStart(_ c: Int32, careType k: Int) {
    let client = clients.clients[Int(c)]
    if client.state == .blocked { costCare(c, occupying: Int(client.heldType)) }
    if client.state == .inCare { costCare(c, occupying: Int(client.careType)) }
    switchCostContract(c, to: k)
    clients.costs[Int(c)].costedUntil = now
    if facts[k].inScope { clients.costs[Int(c)].yearCost += ledger.intakeCostWithOverhead(k) }
  }

  /// One place in `k` is given up; the list moves up.
  @inline(__always)
  mutating func vacate(_ k: Int) {
    ledger.countChanges(k, from: counts[k].inCare, by: -1, now: now)
    counts[k].inCare -= 1
    fillPlaces(k)
  }

  @inline(__always)
  mutating func episodeEnds(_ c: Int32, careType k: Int) {
    costCare(c, occupying: k)
    recorder.episodeEnds(k)
    let certain = laws.transitions[k].certainOutcome
    let outcome = certain >= 0 ? certain : choose(c, .transition, laws.transitions, k)
    if outcome == 0 {
      leaveCare(c)
      vacate(k)
      return
    }
    let next = outcome - 1
    recorder.arrival(next)
    let priority = clients.clients[Int(c)].step(to: next, crisisCare: facts[next].crisis)
    if canStart(next, priority) {
      start(c, careType: next)
      vacate(k)
    } else if blockedStepDown && facts[next].level < facts[k].level {
      clients.clients[Int(c)].heldType = Int16(k)
      joinList(c, careType: next, blocked: true)
    } else {
      joinList(c, careType: next, blocked: false)
      vacate(k)
    }
  }

  /// The child leaves care for good, or goes away to return later.
  @inline(__always)
  mutating func leaveCare(_ c: Int32) {
    clients.countExit()
    recorder.leftCare(month: month)
    if let rule = reReferral {
      // The delay is the draw after the decision in the same slot.
      if uniform(c, .reReferral) < rule.probability {
        let delay = rule.delay.sample(childStream)
        let token = clients.goAway(c)
        calendar.schedule(.reReferral(client: c, token: token), at: now + delay, class: .arrival)
        return
      }
    }
    release(c)
  }

  mutating func patienceRunsOut(_ c: Int32) {
    let k = Int(clients.clients[Int(c)].careType)
    leaveList(k, court: clients.clients[Int(c)].priority == .courtOrdered)
    clients.leaveList(c)
    recorder.renege(k, month: month)
    guard let rule = laws.patience[k] else { return }
    switch rule.destination {
    case .exit, .outside:
      clients.countRenegedOut()
      release(c)
    case .careType(let j):
      // Still the same child: it is referred on to another care type.
      clients.clients[Int(c)].episode &+= 1
      enter(c, careType: j)
    }
  }

  /// A child who left care comes back as a new referral.
  mutating func returns(_ c: Int32) {
    let client = clients.comesBack(c)
    let source = client.source
    recorder.repeatReferral(month: month)
    if source == Client.noSource {
      enter(c, careType: Int(client.careType))
    } else {
      route(c, source: Int(source))
    }
  }
}
