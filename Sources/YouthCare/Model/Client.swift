import SimKernel

/// Where a child is in the system.
enum ClientState: UInt8 {
  /// The record is unused (on the free list).
  case free
  /// Just referred or redirected, not yet on a list or in care.
  case arriving
  /// On a waiting list, not in care.
  case waiting
  /// In care.
  case inCare
  /// Still in care in `heldType` while waiting for a step down to `careType` ("uitstroom stokt").
  case blocked
  /// Left care and will return after a delay (herhaald beroep).
  case away
}

/// One child in the system: a small value in a contiguous array, reused through a free list.
struct Client {
  /// Key of the child's own random stream (common random numbers).
  var key: UInt64
  /// When the child joined its current waiting list.
  var queuedAt: Double
  /// Counts the child's episodes; each episode's draws sit at their own stream position.
  var episode: UInt32
  /// Changes whenever pending events or queue entries for this child become stale.
  var token: UInt32
  /// The care type the child is in or waiting for.
  var careType: Int16
  /// While blocked: the care type the child still occupies.
  var heldType: Int16
  var state: ClientState
  var priority: Priority
  /// The contract whose carve-out the child's `ClientCost` counts towards (-1: none yet).
  var costContract: Int8
  /// The referral source, for repeat referrals; `noSource` for a warm-start child.
  var source: UInt8

  static let noSource: UInt8 = .max

  /// The child starts care in type `k`: its pending events and list entries go stale. Returns
  /// the record as it was, so the caller reads what it needs without a second access.
  @inline(__always)
  mutating func startCare(in k: Int) -> Client {
    let before = self
    state = .inCare
    careType = Int16(k)
    heldType = -1
    token &+= 1
    return before
  }

  /// The child comes to care type `k`; in crisis care it is a crisis case. Returns its priority.
  @inline(__always)
  mutating func enter(_ k: Int, crisisCare: Bool) -> Priority {
    if crisisCare { priority = .crisis }
    careType = Int16(k)
    return priority
  }

  /// The child's episode ends with a step to care type `k`: a new episode, in which a crisis is
  /// over unless `k` is crisis care. Returns its priority.
  @inline(__always)
  mutating func step(to k: Int, crisisCare: Bool) -> Priority {
    episode &+= 1
    if priority == .crisis { priority = .regular }
    return enter(k, crisisCare: crisisCare)
  }

  /// The child joins type `k`'s list at `now` (blocked: still holding its place). Returns the
  /// record as it was.
  @inline(__always)
  mutating func joinList(_ k: Int, now: Double, blocked: Bool) -> Client {
    let before = self
    token &+= 1
    queuedAt = now
    careType = Int16(k)
    state = blocked ? .blocked : .waiting
    return before
  }
}

/// A child's contract-care cost so far this year and the moment up to which it is counted: the
/// high-cost carve-out (V3) alone reads it, so it lives beside the record, not in it, and the
/// record stays half a cache line.
struct ClientCost {
  var yearCost = 0.0
  var costedUntil = 0.0
}
