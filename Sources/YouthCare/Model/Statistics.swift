import Foundation

/// Small exact statistics on sorted samples.
public enum Statistics {
  /// The same p-quantile as `quantile(sorted:_:)` for values in any order, found by selection
  /// (expected linear time) instead of a full sort; `values` is reordered.
  public static func quantile(selecting values: inout [Double], _ p: Double) -> Double {
    values.withUnsafeMutableBufferPointer { quantile(selecting: $0, p) }
  }

  /// `quantile(selecting:_:)` on a buffer, so a part of a larger array needs no copy.
  public static func quantile(selecting values: UnsafeMutableBufferPointer<Double>, _ p: Double) -> Double {
    quantile(selecting: values, zeros: 0, p)
  }

  /// The p-quantile of a sample made of `zeros` zeros and the positive `values`, the same as
  /// `quantile(sorted:_:)` of the whole sample, found by selection among the positive values
  /// only; `values` is reordered. Many children start without waiting, so many waits are zero:
  /// counted, not stored, they cost nothing to select among.
  public static func quantile(selecting values: UnsafeMutableBufferPointer<Double>, zeros: Int, _ p: Double) -> Double {
    let count = zeros + values.count
    guard count > 0 else { return 0 }
    let position = p * Double(count - 1)
    let lower = Int(position.rounded(.down))
    let fraction = position - Double(lower)
    // In sorted order the zeros come first: rank r is a zero below `zeros`, else the positive
    // value of rank r − zeros.
    var low = 0.0
    if lower >= zeros {
      select(values, rank: lower - zeros)
      low = values[lower - zeros]
    }
    guard fraction > 0, lower + 1 < count else { return low }
    var high = 0.0
    if lower + 1 >= zeros {
      // The next order statistic: the least value right of rank `lower`; after the selection
      // above (if any) everything right of its place is at least it.
      high = values[(lower >= zeros ? lower - zeros + 1 : 0)...].min()!
    }
    return low + fraction * (high - low)
  }

  /// Rearranges `values` so the element of the given rank is in place, smaller ones before it and
  /// larger ones after (Floyd and Rivest's selection; deterministic).
  ///
  /// A large range is first narrowed to the ranks a small sample says the answer lies between, so
  /// the pivot lands next to the rank sought and one pass does most of the work. For a 90th
  /// percentile that pass finds most values on one side, a branch the processor predicts; a
  /// median-of-three pivot cut each range near its middle, a branch it cannot.
  static func select(_ values: UnsafeMutableBufferPointer<Double>, rank: Int) {
    select(values, rank: rank, low: 0, high: values.count - 1)
  }

  private static func select(_ values: UnsafeMutableBufferPointer<Double>, rank k: Int, low: Int, high: Int) {
    var low = low, high = high
    while high > low {
      if high - low > 600 {
        // Select within a sample-sized window around k first (Floyd & Rivest 1975, SELECT).
        let n = Double(high - low + 1), i = Double(k - low + 1)
        let z = log(n), s = 0.5 * exp(2 * z / 3)
        let sd = 0.5 * (z * s * (n - s) / n).squareRoot() * (i < n / 2 ? -1 : 1)
        let windowLow = max(low, Int((Double(k) - i * s / n + sd).rounded(.down)))
        let windowHigh = min(high, Int((Double(k) + (n - i) * s / n + sd).rounded(.down)))
        select(values, rank: k, low: windowLow, high: windowHigh)
      }
      // Partition around t = values[k]; values equal to t stop both scans, so ties stay cheap.
      let t = values[k]
      var i = low, j = high
      values.swapAt(low, k)
      if values[high] > t { values.swapAt(high, low) }
      while i < j {
        values.swapAt(i, j)
        i += 1
        j -= 1
        while values[i] < t { i += 1 }
        while values[j] > t { j -= 1 }
      }
      if values[low] == t {
        values.swapAt(low, j)
      } else {
        j += 1
        values.swapAt(j, high)
      }
      if j <= k { low = j + 1 }
      if k <= j { high = j - 1 }
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
