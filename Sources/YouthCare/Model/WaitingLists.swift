import SimKernel

/// The first-in, first-out lists of waiting children: one ring buffer of (child, token) entries
/// per list.
///
/// Each buffer's size is a power of two, so positions wrap with a mask instead of a division. The
/// rings live in one `UniqueArray` and own their buffers, so an append or removal is a few
/// stores with no copy-on-write check.
///
/// A child who leaves a list early (patience ran out) is not searched for: its token changes,
/// and its entry is skipped when it reaches the front.
struct WaitingLists: ~Copyable {
  struct Entry {
    var client: Int32
    var token: UInt32
  }

  /// One list: its buffer, the buffer's size minus one, where the front is, how many entries.
  struct Ring {
    var base: UnsafeMutablePointer<Entry>
    var mask: Int
    var head = 0
    var count = 0
  }

  private var rings: UniqueArray<Ring>

  /// `lists` empty lists, each with room for `capacity` entries before it grows.
  init(lists: Int, capacity: Int = 16) {
    var size = 4
    while size < capacity { size *= 2 }
    rings = UniqueArray(capacity: lists)
    for _ in 0..<lists { rings.append(Ring(base: .allocate(capacity: size), mask: size - 1)) }
  }

  deinit {
    for i in rings.indices { rings[i].base.deallocate() }
  }

  /// The number of entries (stale ones included) on list `list`.
  func count(_ list: Int) -> Int { rings[list].count }

  /// Adds `entry` at the back of list `list`.
  mutating func append(_ entry: Entry, to list: Int) {
    if rings[list].count == rings[list].mask + 1 { grow(list) }
    let ring = rings[list]
    (ring.base + ((ring.head + ring.count) & ring.mask)).initialize(to: entry)
    rings[list].count += 1
  }

  /// The front entry of list `list`, or nil.
  func first(_ list: Int) -> Entry? {
    let ring = rings[list]
    return ring.count == 0 ? nil : ring.base[ring.head]
  }

  /// Drops the front entry of list `list` (which must not be empty).
  mutating func removeFirst(_ list: Int) {
    precondition(rings[list].count > 0, "removeFirst on an empty waiting list")
    rings[list].head = (rings[list].head + 1) & rings[list].mask
    rings[list].count -= 1
  }

  private mutating func grow(_ list: Int) {
    let ring = rings[list]
    let size = (ring.mask + 1) * 2
    let larger = UnsafeMutablePointer<Entry>.allocate(capacity: size)
    for i in 0..<ring.count { (larger + i).initialize(to: ring.base[(ring.head + i) & ring.mask]) }
    ring.base.deallocate()
    rings[list] = Ring(base: larger, mask: size - 1, head: 0, count: ring.count)
  }
}
