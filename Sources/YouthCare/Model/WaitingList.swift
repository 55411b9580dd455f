/// A first-in, first-out list of waiting children: a ring buffer of (child, token) entries.
///
/// A child who leaves the list early (patience ran out) is not searched for: its token changes,
/// and its entry is skipped when it reaches the front.
struct WaitingList {
  struct Entry {
    var client: Int32
    var token: UInt32
  }

  private var buffer: ContiguousArray<Entry>
  private var head = 0
  private(set) var count = 0

  init(capacity: Int = 16) {
    buffer = ContiguousArray(repeating: Entry(client: -1, token: 0), count: max(4, capacity))
  }

  var isEmpty: Bool { count == 0 }

  mutating func append(_ entry: Entry) {
    if count == buffer.count { grow() }
    buffer[(head + count) % buffer.count] = entry
    count += 1
  }

  /// The front entry, or nil.
  var first: Entry? { count == 0 ? nil : buffer[head] }

  mutating func removeFirst() {
    head = (head + 1) % buffer.count
    count -= 1
  }

  private mutating func grow() {
    var larger = ContiguousArray(repeating: Entry(client: -1, token: 0), count: buffer.count * 2)
    for i in 0..<count { larger[i] = buffer[(head + i) % buffer.count] }
    buffer = larger
    head = 0
  }
}
