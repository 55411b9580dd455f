/// A deterministic slice of a sweep's units: shard `index` of `count` takes every unit u with
/// u mod count = index, so shards are balanced whatever the design's order.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
  public var index: Int
  public var count: Int

  /// The whole sweep.
  public static let all = Shard(index: 0, count: 1)

  public init(index: Int, count: Int) {
    self.index = index
    self.count = count
  }

  /// Parses `k/N` with 0 ≤ k < N.
  public init?(parsing text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 0, k < n else { return nil }
    self.init(index: k, count: n)
  }

  /// Whether unit `u` belongs to this shard.
  public func contains(_ unit: Int) -> Bool { unit % count == index }

  /// The units of a sweep with `units` units that belong to this shard.
  public func units(of total: Int) -> [Int] { Array(stride(from: index, to: total, by: count)) }

  public var description: String { "\(index)/\(count)" }
}
