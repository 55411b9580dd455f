/// A first-in, first-out list of waiting children: a ring buffer of (child, token) entries.
///
/// The buffer's size is a power of two, so positions wrap with a mask instead of a division.
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
    var size = 4
    while size < capacity { size *= 2 }
    buffer = ContiguousArray(repeating: Entry(client: -1, token: 0), count: size)
  }

  var isEmpty: Bool { count == 0 }

  mutating func append(_ entry: Entry) {
    if count == buffer.count { grow() }
    buffer[(head + count) & (buffer.count - 1)] = entry
    count += 1
  }

  /// The front entry, or nil.
  var first: Entry? { count == 0 ? nil : buffer[head] }

  mutating func removeFirst() {
    head = (head + 1) & (buffer.count - 1)
    count -= 1
  }

  private mutating func grow() {
    var larger = ContiguousArray(repeating: Entry(client: -1, token: 0), count: buffer.count * 2)
    for i in 0..<count { larger[i] = buffer[(head + i) & (buffer.count - 1)] }
    buffer = larger
    head = 0
  }
}
