/// Small exact statistics on sorted samples.
public enum Statistics {
  /// The same p-quantile as `quantile(sorted:_:)` for values in any order, found by selection
  /// (expected linear time) instead of a full sort; `values` is reordered.
  public static func quantile(selecting values: inout [Double], _ p: Double) -> Double {
    values.withUnsafeMutableBufferPointer { quantile(selecting: $0, p) }
  }

  /// `quantile(selecting:_:)` on a buffer, so a part of a larger array needs no copy.
  public static func quantile(selecting values: UnsafeMutableBufferPointer<Double>, _ p: Double) -> Double {
    guard !values.isEmpty else { return 0 }
    let position = p * Double(values.count - 1)
    let lower = Int(position.rounded(.down))
    let fraction = position - Double(lower)
    select(values, rank: lower)
    let low = values[lower]
    guard fraction > 0, lower + 1 < values.count else { return low }
    // After selection everything right of `lower` is ≥ it: the next order statistic is their minimum.
    let high = values[(lower + 1)...].min()!
    return low + fraction * (high - low)
  }

  /// Rearranges `values` so the element of the given rank is in place, smaller ones before it and
  /// larger ones after (Hoare's selection with a median-of-three pivot; deterministic).
  static func select(_ values: UnsafeMutableBufferPointer<Double>, rank: Int) {
    var low = 0, high = values.count - 1
    while low < high {
      let middle = low + (high - low) / 2
      if values[middle] < values[low] { values.swapAt(middle, low) }
      if values[high] < values[low] { values.swapAt(high, low) }
      if values[high] < values[middle] { values.swapAt(high, middle) }
      let pivot = values[middle]
      var i = low, j = high
      while i <= j {
        while values[i] < pivot { i += 1 }
        while pivot < values[j] { j -= 1 }
        if i <= j {
          values.swapAt(i, j)
          i += 1
          j -= 1
        }
      }
      if rank <= j { high = j } else if rank >= i { low = i } else { return }
    }
  }

  /// The p-quantile of sorted values by linear interpolation between order statistics
  /// (Hyndman & Fan type 7, the default of R and NumPy); 0 for no values.
  public static func quantile(sorted values: [Double], _ p: Double) -> Double {
    guard !values.isEmpty else { return 0 }
    let position = p * Double(values.count - 1)
    let lower = Int(position.rounded(.down))
    let upper = min(lower + 1, values.count - 1)
    let fraction = position - Double(lower)
    return values[lower] + fraction * (values[upper] - values[lower])
  }
}
