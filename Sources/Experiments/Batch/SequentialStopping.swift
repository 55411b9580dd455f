/// Sequential stopping: run until every precision target is met, checked at fixed multiples of
/// replications (so the stopping point is the same for any thread count), or until a maximum.
public struct SequentialStopping: Sendable {
  /// Targets are checked at these multiples of replications, whatever the thread count.
  public static let checkEvery = 100

  public let targets: [PrecisionTarget]
  /// Replications before the first check.
  public let minimum: Int
  /// Whether the targets were met at the last check.
  public private(set) var reached = false

  public init(targets: [PrecisionTarget], minimum: Int) {
    self.targets = targets
    self.minimum = minimum
  }

  /// After a replication is added: whether to stop now (checked at multiples of `checkEvery`).
  public mutating func shouldStop(_ accumulator: BatchAccumulator) -> Bool {
    guard !targets.isEmpty, accumulator.count >= minimum, accumulator.count % Self.checkEvery == 0 else { return false }
    reached = targets.allSatisfy { $0.achieved(accumulator) <= $0.halfWidth }
    return reached
  }

  /// Each target with the half-width it has now.
  public func achieved(_ accumulator: BatchAccumulator) -> [(target: PrecisionTarget, halfWidth: Double)] {
    targets.map { ($0, $0.achieved(accumulator)) }
  }
}
