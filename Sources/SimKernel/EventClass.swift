/// A named tie-breaking class: among events at the same time, the lower class runs first.
///
/// As in simmer, a model names its classes ("calendar before departures before arrivals") so the
/// order of simultaneous events is a decision written down, not an accident of insertion.
public struct EventClass: Sendable, Hashable, Comparable {
  /// The rank; lower runs first.
  public let rank: UInt8

  /// A class with the given rank.
  @inlinable
  public init(rank: UInt8) { self.rank = rank }

  @inlinable
  public static func < (lhs: EventClass, rhs: EventClass) -> Bool { lhs.rank < rhs.rank }
}
