/// The future event list: a binary min-heap of events ordered by (time, class, sequence number).
///
/// The sequence number increases with every insertion, so events with equal time and class run
/// in the order they were scheduled and every run is deterministic. Entries live inline in one
/// `UniqueArray`: after it has grown to the peak number of pending events, scheduling allocates
/// nothing, and, the calendar being uniquely owned, no write has to prove its buffer unique first
/// (a runtime call on every schedule and removal with a `ContiguousArray`).
///
/// Most events schedule one new event, so the calendar makes the DES "hold" step (remove the
/// next, schedule another) cost one sift instead of two: `removeNext` only marks the top as
/// taken, and the next `schedule` writes over it and sifts down once. Any other access settles
/// the pending removal first, so the order seen from outside is exactly that of a plain heap.
public struct EventCalendar<Payload>: ~Copyable {
  /// One pending event.
  public struct Entry {
    /// The time's bits above the order: (time, class, sequence) compares as one 128-bit integer.
    /// A time is never negative, and the bits of non-negative doubles sort as the doubles do.
    @usableFromInline var key: UInt128
    /// What happens.
    public var payload: Payload

    /// When it happens.
    @inlinable public var time: SimTime { SimTime(bitPattern: UInt64(truncatingIfNeeded: key >> 64)) }

    /// Class in the top 8 bits, insertion sequence in the lower 56.
    @inlinable var order: UInt64 { UInt64(truncatingIfNeeded: key) }

    /// The event's tie-breaking class.
    @inlinable public var eventClass: EventClass { EventClass(rank: UInt8(truncatingIfNeeded: order >> 56)) }

    @inlinable
    init(time: SimTime, order: UInt64, payload: Payload) {
      // + 0 turns a −0 into +0, whose bits sort below every positive time's.
      key = UInt128((time + 0).bitPattern) << 64 | UInt128(order)
      self.payload = payload
    }

    @inlinable @inline(__always)
    func precedes(_ other: Entry) -> Bool {
      key < other.key
    }
  }

  @usableFromInline var heap: UniqueArray<Entry>
  @usableFromInline var sequence: UInt64 = 0
  /// The top entry has been handed out by `removeNext` but is still stored at index 0.
  @usableFromInline var topTaken = false

  /// An empty calendar with room for `capacity` pending events before it grows.
  @inlinable
  public init(capacity: Int = 64) {
    heap = UniqueArray(capacity: capacity)
  }

  /// The number of pending events.
  @inlinable public var count: Int { heap.count - (topTaken ? 1 : 0) }

  /// True when nothing is pending.
  @inlinable public var isEmpty: Bool { count == 0 }

  /// The next event, without removing it.
  @inlinable public var next: Entry? {
    mutating get {
      settle()
      return heap.isEmpty ? nil : heap[0]
    }
  }

  /// Completes a removal that `removeNext` left pending.
  @inlinable
  mutating func settle() {
    guard topTaken else { return }
    topTaken = false
    let last = heap.popLast()!
    if heap.isEmpty { return }
    siftDown(placing: last)
  }

  /// The number of events scheduled so far (also the next sequence number).
  @inlinable public var scheduledCount: UInt64 { sequence }

  /// The entry for `payload` at `time` in `eventClass`, with the next sequence number.
  @inlinable @inline(__always)
  mutating func makeEntry(_ payload: Payload, at time: SimTime, class eventClass: EventClass) -> Entry {
    precondition(time >= 0, "an event cannot be scheduled before time 0 (or at NaN)")
    precondition(sequence < (1 << 56), "event sequence overflow")
    let order = (UInt64(eventClass.rank) << 56) | sequence
    sequence &+= 1
    return Entry(time: time, order: order, payload: payload)
  }

  /// Schedules `payload` at `time` in class `eventClass`.
  @inlinable @inline(__always)
  public mutating func schedule(_ payload: Payload, at time: SimTime, class eventClass: EventClass) {
    let entry = makeEntry(payload, at: time, class: eventClass)
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
    guard !heap.isEmpty else { return nil }
    topTaken = true
    return heap[0]
  }

  /// Removes and returns the next event if it happens no later than `horizon`; nil otherwise.
  @inlinable
  public mutating func removeNext(through horizon: SimTime) -> Entry? {
    settle()
    guard !heap.isEmpty, heap[0].time <= horizon else { return nil }
    topTaken = true
    return heap[0]
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
    siftDown(placing: makeEntry(payload, at: time, class: eventClass))
    return top
  }

  /// Removes every pending event (the sequence keeps counting).
  @inlinable
  public mutating func removeAll() {
    topTaken = false
    heap.removeAll()
  }

  @inlinable @inline(__always)
  mutating func siftUp(from start: Int) {
    let buffer = heap.base
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

  /// Puts `moving` at the root in place of the entry there and sifts it down.
  @inlinable
  mutating func siftDown(placing moving: Entry) {
    let buffer = heap.base, count = heap.count
    var parent = 0, child = 1
    // While both children exist, the earlier is picked without a branch; a lone last child is
    // handled after the loop, so the loop tests no bound for the right child.
    while child &+ 1 < count {
      child &+= buffer[child &+ 1].precedes(buffer[child]) ? 1 : 0
      if !buffer[child].precedes(moving) {
        buffer[parent] = moving
        return
      }
      buffer[parent] = buffer[child]
      parent = child
      child = 2 &* parent &+ 1
    }
    if child < count && buffer[child].precedes(moving) {
      buffer[parent] = buffer[child]
      parent = child
    }
    buffer[parent] = moving
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
