import YouthCare

/// Stores a sweep's finished units in transactions of `every` units or `interval`, whichever
/// comes first: few enough commits to keep SQLite fast, often enough that a kill loses little.
///
/// A unit is counted as stored only when its transaction commits; a kill between commits loses
/// the open transaction whole, never part of a unit, and the next run continues after the last
/// commit.
public struct UnitWriter {
  private let store: SweepStore
  private let every: Int
  private let interval: Duration
  private var lastCommit: ContinuousClock.Instant
  /// Units recorded in the open transaction.
  public private(set) var pending = 0
  /// Units committed by this writer.
  public private(set) var committed = 0

  public init(store: SweepStore, every: Int = 256, interval: Duration = .seconds(2)) {
    self.store = store
    self.every = max(1, every)
    self.interval = interval
    lastCommit = ContinuousClock.now
  }

  /// Records one unit, committing when the group is full or the interval has passed.
  public mutating func record(unit: Int, point: Int, replication: Int, result: ReplicationResult) throws(DatabaseError) {
    if pending == 0 { try store.begin() }
    try store.record(unit: unit, point: point, replication: replication, result: result)
    pending += 1
    if pending >= every || ContinuousClock.now - lastCommit > interval { try commit() }
  }

  /// Commits the open transaction, if any.
  public mutating func commit() throws(DatabaseError) {
    try store.commit()
    committed += pending
    pending = 0
    lastCommit = ContinuousClock.now
  }
}
