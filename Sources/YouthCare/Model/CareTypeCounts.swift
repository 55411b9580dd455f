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
