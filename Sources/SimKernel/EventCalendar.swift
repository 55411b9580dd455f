/// The future event list: a binary min-heap of events ordered by (time, class, sequence number).
///
/// The sequence number increases with every insertion, so events with equal time and class run
/// in the order they were scheduled and every run is deterministic. Entries live inline in one
/// `ContiguousArray`; after the array has grown to the peak number of pending events, scheduling
/// allocates nothing.
///
/// Most events schedule one new event, so the calendar makes the DES "hold" step (remove the
/// next, schedule another) cost one sift instead of two: `removeNext` only marks the top as
/// taken, and the next `schedule` writes over it and sifts down once. Any other access settles
/// the pending removal first, so the order seen from outside is exactly that of a plain heap.
public struct EventCalendar<Payload> {
  /// One pending event.
  public struct Entry {
    /// When it happens.
    public var time: SimTime
    /// Class in the top 8 bits, insertion sequence in the lower 56: one comparison breaks ties.
    @usableFromInline var order: UInt64
    /// What happens.
    public var payload: Payload

    /// The event's tie-breaking class.
    @inlinable public var eventClass: EventClass { EventClass(rank: UInt8(truncatingIfNeeded: order >> 56)) }

    @inlinable
    init(time: SimTime, order: UInt64, payload: Payload) {
      self.time = time
      self.order = order
      self.payload = payload
    }

    @inlinable
    func precedes(_ other: Entry) -> Bool {
      time < other.time || (time == other.time && order < other.order)
    }
  }

  @usableFromInline var heap: ContiguousArray<Entry>
  @usableFromInline var sequence: UInt64 = 0
  /// The top entry has been handed out by `removeNext` but is still stored at index 0.
  @usableFromInline var topTaken = false

  /// An empty calendar with room for `capacity` pending events before it grows.
  @inlinable
  public init(capacity: Int = 64) {
    heap = ContiguousArray()
    heap.reserveCapacity(capacity)
  }

  /// The number of pending events.
  @inlinable public var count: Int { heap.count - (topTaken ? 1 : 0) }

  /// True when nothing is pending.
  @inlinable public var isEmpty: Bool { count == 0 }

  /// The next event, without removing it.
  @inlinable public var next: Entry? {
    mutating get {
      settle()
      return heap.first
    }
  }

  /// Completes a removal that `removeNext` left pending.
  @inlinable
  mutating func settle() {
    guard topTaken else { return }
    topTaken = false
    let last = heap.removeLast()
    if heap.isEmpty { return }
    siftDown(placing: last)
  }

  /// The number of events scheduled so far (also the next sequence number).
  @inlinable public var scheduledCount: UInt64 { sequence }

  @inlinable
  mutating func makeOrder(_ eventClass: EventClass) -> UInt64 {
    precondition(sequence < (1 << 56), "event sequence overflow")
    let order = (UInt64(eventClass.rank) << 56) | sequence
    sequence &+= 1
    return order
  }

  /// Schedules `payload` at `time` in class `eventClass`.
  @inlinable
  public mutating func schedule(_ payload: Payload, at time: SimTime, class eventClass: EventClass) {
    let entry = Entry(time: time, order: makeOrder(eventClass), payload: payload)
    if topTaken {
      // The hold step: the new entry takes the taken top's place and sifts down once.
      topTaken = false
      siftDown(placing: entry)
      return
    }
    heap.append(entry)
    siftUp(from: heap.count - 1)
  }

  /// Removes and returns the next event.
  @inlinable
  public mutating func removeNext() -> Entry? {
    settle()
    guard let top = heap.first else { return nil }
    topTaken = true
    return top
  }

  /// Removes and returns the next event if it happens no later than `horizon`; nil otherwise.
  @inlinable
  public mutating func removeNext(through horizon: SimTime) -> Entry? {
    settle()
    guard let top = heap.first, top.time <= horizon else { return nil }
    topTaken = true
    return top
  }

  /// Removes the next event and schedules a new one in a single sift (the "hold" operation).
  ///
  /// Returns the removed event. The calendar must not be empty.
  @inlinable
  public mutating func replaceNext(
    with payload: Payload, at time: SimTime, class eventClass: EventClass
  ) -> Entry {
    settle()
    precondition(!heap.isEmpty, "replaceNext on an empty calendar")
    let top = heap[0]
    siftDown(placing: Entry(time: time, order: makeOrder(eventClass), payload: payload))
    return top
  }

  /// Removes every pending event (the sequence keeps counting).
  @inlinable
  public mutating func removeAll() {
    topTaken = false
    heap.removeAll(keepingCapacity: true)
  }

  @inlinable
  mutating func siftUp(from start: Int) {
    heap.withUnsafeMutableBufferPointer { buffer in
      var child = start
      let moving = buffer[child]
      while child > 0 {
        let parent = (child - 1) >> 1
        if !moving.precedes(buffer[parent]) { break }
        buffer[child] = buffer[parent]
        child = parent
      }
      buffer[child] = moving
    }
  }

  /// Puts `moving` at the root in place of the entry there and sifts it down.
  @inlinable
  mutating func siftDown(placing moving: Entry) {
    heap.withUnsafeMutableBufferPointer { buffer in
      let count = buffer.count
      var parent = 0
      while true {
        var child = 2 * parent + 1
        if child >= count { break }
        if child + 1 < count && buffer[child + 1].precedes(buffer[child]) { child += 1 }
        if !buffer[child].precedes(moving) { break }
        buffer[parent] = buffer[child]
        parent = child
      }
      buffer[parent] = moving
    }
  }

  #if LUMPSIM_CHECK_INVARIANTS
  /// Checks the heap property (compiled only with the invariant flag, as swift-collections does).
  public mutating func checkInvariants() {
    settle()
    for i in heap.indices.dropFirst() {
      precondition(!heap[i].precedes(heap[(i - 1) >> 1]), "heap property broken at \(i)")
    }
  }
  #endif
}

extension EventCalendar.Entry: Sendable where Payload: Sendable {}
extension EventCalendar: Sendable where Payload: Sendable {}
