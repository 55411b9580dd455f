/// One care type's counts during a run, in one record: the events that change them read and
/// write several together, with one bounds check instead of one per array.
struct CareTypeCounts {
  /// Children in care, blocked ones included (they still hold their place).
  var inCare = 0
  /// Places; a member leaving takes its places with it, a capacity policy adjusts them.
  var capacity: Int
  /// Places hired but not yet arrived.
  var pendingPlaces = 0
  /// Children on the list, blocked ones included.
  var listLength = 0
  /// Live list entries by class: court-ordered children start before regular ones.
  var courtWaiting = 0
  var regularWaiting = 0

  init(capacity: Int) {
    self.capacity = capacity
  }

  /// True when a place is free.
  @inline(__always)
  var hasRoom: Bool { inCare < capacity }

  /// One child more in care; true when it is above capacity (a crisis start may be).
  @inline(__always)
  mutating func startOne() -> Bool {
    inCare += 1
    return inCare > capacity
  }

  /// One child joins the list; returns the length the list had until now.
  @inline(__always)
  mutating func joinList(court: Bool) -> Int {
    if court { courtWaiting += 1 } else { regularWaiting += 1 }
    listLength += 1
    return listLength - 1
  }

  /// One child leaves the list; returns the length the list had until now.
  @inline(__always)
  mutating func leaveList(court: Bool) -> Int {
    if court { courtWaiting -= 1 } else { regularWaiting -= 1 }
    listLength -= 1
    return listLength + 1
  }
}

/// What the flow reads of a care type on nearly every event, fixed for the run.
struct CareTypeFacts {
  /// Crisis care: a child in it is a crisis case and starts at once.
  let crisis: Bool
  /// The care type's contract, or -1 when the municipality pays it per day.
  let contract: Int
  /// Light to heavy: a move to a lower level is a step down.
  let level: Int
  /// Prevention may resolve referrals to this type.
  let preventable: Bool

  /// In a contract (lumpsum, P×Q or output), not paid per day outside every contract.
  @inline(__always)
  var inScope: Bool { contract >= 0 }
}
