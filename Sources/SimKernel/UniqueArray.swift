/// An array in one uniquely owned buffer: reads and writes with no copy-on-write check and no
/// reference counting.
///
/// A `ContiguousArray` stored in a model must prove its buffer unique before every write, a call
/// into the Swift runtime; for a model's per-event counters and records that check costs more
/// than the arithmetic it guards. A `UniqueArray` cannot be copied, so it needs no such check, and
/// it holds no reference to count. Its subscript hands out the element in place, so a method
/// called on `a[i]` borrows the element instead of copying it (and retaining what it refers to).
/// It grows by doubling, like `Array`; indices are still checked.
public struct UniqueArray<Element>: ~Copyable {
  @usableFromInline var base: UnsafeMutablePointer<Element>
  @usableFromInline var capacity: Int
  /// The number of elements.
  @inlinable public var count: Int { storedCount }
  @usableFromInline var storedCount: Int

  /// An empty array with room for `capacity` elements before it grows.
  public init(capacity: Int) {
    self.capacity = max(capacity, 1)
    storedCount = 0
    base = .allocate(capacity: self.capacity)
  }

  /// `count` copies of `value`.
  public init(repeating value: Element, count: Int) {
    precondition(count >= 0, "a UniqueArray cannot have a negative length")
    self.init(capacity: count)
    base.initialize(repeating: value, count: count)
    storedCount = count
  }

  /// The elements of `elements`, in order.
  public init(_ elements: some Collection<Element>) {
    self.init(capacity: elements.count)
    _ = UnsafeMutableBufferPointer(start: base, count: elements.count).initialize(from: elements)
    storedCount = elements.count
  }

  deinit {
    base.deinitialize(count: storedCount)
    base.deallocate()
  }

  /// The element at `index`, read and changed in place (no copy of the element on `a[i].x += 1`).
  @inlinable
  public subscript(index: Int) -> Element {
    unsafeAddress {
      precondition(UInt(bitPattern: index) < UInt(bitPattern: count), "UniqueArray index out of range")
      return UnsafePointer(base + index)
    }
    unsafeMutableAddress {
      precondition(UInt(bitPattern: index) < UInt(bitPattern: count), "UniqueArray index out of range")
      return base + index
    }
  }

  /// The valid indices, `0..<count`.
  @inlinable public var indices: Range<Int> { 0..<count }

  /// True when the array has no elements.
  @inlinable public var isEmpty: Bool { count == 0 }

  /// Adds `element` at the end, doubling the buffer when it is full.
  @inlinable
  public mutating func append(_ element: Element) {
    if count == capacity { grow() }
    (base + count).initialize(to: element)
    storedCount += 1
  }

  /// Removes and returns the last element, or nil when empty.
  @inlinable
  public mutating func popLast() -> Element? {
    guard count > 0 else { return nil }
    storedCount -= 1
    return (base + storedCount).move()
  }

  /// Removes every element and keeps the buffer.
  public mutating func removeAll() {
    base.deinitialize(count: storedCount)
    storedCount = 0
  }

  @usableFromInline
  mutating func grow() {
    let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
    larger.moveInitialize(from: base, count: count)
    base.deallocate()
    base = larger
    capacity *= 2
  }

  /// Calls `body` with the elements as a read-only buffer (for summing, outside the hot loop).
  public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
    try body(UnsafeBufferPointer(start: base, count: count))
  }

  /// Calls `body` with the elements as a buffer it may change in place (for selecting among
  /// them, outside the hot loop).
  public mutating func withUnsafeMutableBufferPointer<R>(_ body: (UnsafeMutableBufferPointer<Element>) throws -> R) rethrows -> R {
    try body(UnsafeMutableBufferPointer(start: base, count: count))
  }

  /// A copy of the elements as an ordinary array (for results, not for the hot loop).
  public var array: [Element] {
    Array(UnsafeBufferPointer(start: base, count: count))
  }
}
