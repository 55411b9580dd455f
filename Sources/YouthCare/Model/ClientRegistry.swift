import SimKernel

/// The children in the system, with a free list so memory follows the number present, and the
/// counts of children through the run (`FlowCounts`): kept here alone, by the calls that move a
/// child from one state to another and the counts of what frees a record, so the two cannot drift
/// apart.
struct ClientRegistry: ~Copyable {
  var clients: UniqueArray<Client>
  /// Children through the run: changed only here, by the state changes below.
  private(set) var flow = FlowCounts()
  var freeSlots: UniqueArray<Int32>
  /// Each record's cost, at the same index; kept only when `tracksCosts`.
  var costs: UniqueArray<ClientCost>
  let tracksCosts: Bool

  init(capacity: Int, tracksCosts: Bool) {
    clients = UniqueArray(capacity: capacity)
    freeSlots = UniqueArray(capacity: capacity / 4)
    self.tracksCosts = tracksCosts
    costs = UniqueArray(capacity: tracksCosts ? capacity : 1)
  }

  /// Adds a child and returns its index.
  @inline(__always)
  mutating func add(key: UInt64, source: UInt8) -> Int32 {
    var client = Client(
      key: key, queuedAt: 0, episode: 0, token: 0, careType: -1, heldType: -1,
      state: .arriving, priority: .regular, costContract: -1, source: source)
    if let slot = freeSlots.popLast() {
      // The token keeps counting across children: an event still pending for the record's
      // previous child can never match the new one.
      client.token = clients[Int(slot)].token &+ 1
      clients[Int(slot)] = client
      if tracksCosts { costs[Int(slot)] = ClientCost() }
      return slot
    }
    clients.append(client)
    if tracksCosts { costs.append(ClientCost()) }
    return Int32(clients.count - 1)
  }

  /// Frees a child's record for reuse; pending events see the changed token and ignore it.
  @inline(__always)
  mutating func remove(_ index: Int32) {
    clients[Int(index)].state = .free
    clients[Int(index)].token &+= 1
    freeSlots.append(index)
  }

  /// The number of records in use.
  var present: Int { clients.count - freeSlots.count }

  // MARK: State changes that the flow counts follow

  /// A referral: a new child, or one coming back (`comesBack`).
  @inline(__always)
  mutating func countReferral() { flow.referrals += 1 }

  /// A warm-start child: present on day 0, placed in care or on a list next.
  @inline(__always)
  mutating func countInitialStock() { flow.initialStock += 1 }

  /// A warm-start child is in care in type `k` on day 0 (no event of its start). Returns its record.
  @inline(__always)
  mutating func placeInCare(_ c: Int32, careType k: Int) -> Client {
    clients[Int(c)].state = .inCare
    clients[Int(c)].careType = Int16(k)
    flow.inCare += 1
    return clients[Int(c)]
  }

  /// Child `c` starts care in type `k`. Returns the record as it was.
  @inline(__always)
  mutating func startCare(_ c: Int32, in k: Int) -> Client {
    let before = clients[Int(c)].startCare(in: k)
    if before.state == .waiting { flow.waiting -= 1; flow.inCare += 1 }
    if before.state == .arriving { flow.inCare += 1 }
    return before
  }

  /// Child `c` joins type `k`'s list at `now`; blocked, it still holds its place and counts as in
  /// care. Returns the record as it was.
  @inline(__always)
  mutating func joinList(_ c: Int32, careType k: Int, now: Double, blocked: Bool) -> Client {
    let before = clients[Int(c)].joinList(k, now: now, blocked: blocked)
    if before.state == .inCare || before.state == .blocked { flow.inCare -= 1 }
    if before.state == .waiting { flow.waiting -= 1 }
    if blocked { flow.inCare += 1 } else { flow.waiting += 1 }
    return before
  }

  /// Child `c`'s patience ran out: it leaves the list and arrives anew (referred on, or gone).
  @inline(__always)
  mutating func leaveList(_ c: Int32) {
    clients[Int(c)].token &+= 1
    clients[Int(c)].state = .arriving
    flow.waiting -= 1
  }

  /// A child leaves care (for good, its record freed next; or to come back later: `goAway`).
  @inline(__always)
  mutating func countExit() {
    flow.inCare -= 1
    flow.exited += 1
  }

  /// Child `c`, having left care, is away until it comes back. Returns the token its return
  /// event carries.
  @inline(__always)
  mutating func goAway(_ c: Int32) -> UInt32 {
    clients[Int(c)].state = .away
    clients[Int(c)].token &+= 1
    flow.away += 1
    return clients[Int(c)].token
  }

  /// Child `c` comes back after an exit: a referral again, in a new episode, at regular priority.
  @inline(__always)
  mutating func comesBack(_ c: Int32) -> Client {
    flow.away -= 1
    flow.referrals += 1
    clients[Int(c)].state = .arriving
    clients[Int(c)].episode &+= 1
    clients[Int(c)].priority = .regular
    return clients[Int(c)]
  }

  /// A referral resolved without specialist care (the record is freed next).
  @inline(__always)
  mutating func countDiverted() { flow.diverted += 1 }

  /// A child whose patience ran out leaves for good or for care outside the contract (the record
  /// is freed next).
  @inline(__always)
  mutating func countRenegedOut() { flow.renegedOut += 1 }
}
