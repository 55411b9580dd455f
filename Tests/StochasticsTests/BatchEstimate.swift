import Stochastics

/// Mean and variance of a sampler with 99.9% confidence intervals from independent batches.
///
/// Each batch gives one estimate of the mean and one of the variance; the spread of those
/// estimates across batches gives a Student-t interval, so the tolerance comes from the data,
/// not from a guess.
struct BatchEstimate: CustomStringConvertible {
  var means: [Double]
  var variances: [Double]

  static func of(batches: Int, perBatch: Int, _ draw: () -> Double) -> BatchEstimate {
    var means: [Double] = []
    var variances: [Double] = []
    for _ in 0..<batches {
      var sum = 0.0, sumSquares = 0.0
      var values = [Double](repeating: 0, count: perBatch)
      for i in 0..<perBatch {
        values[i] = draw()
        sum += values[i]
      }
      let mean = sum / Double(perBatch)
      for v in values { sumSquares += (v - mean) * (v - mean) }
      means.append(mean)
      variances.append(sumSquares / Double(perBatch - 1))
    }
    return BatchEstimate(means: means, variances: variances)
  }

  static func interval(_ xs: [Double], confidence: Double = 0.999) -> (center: Double, halfWidth: Double) {
    let n = Double(xs.count)
    let mean = xs.reduce(0, +) / n
    let s2 = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
    let t = ReferenceQuantiles.studentT(1 - (1 - confidence) / 2, degreesOfFreedom: xs.count - 1)
    return (mean, t * (s2 / n).squareRoot())
  }

  var mean: (center: Double, halfWidth: Double) { Self.interval(means) }
  var variance: (center: Double, halfWidth: Double) { Self.interval(variances) }

  func meanCovers(_ value: Double) -> Bool {
    let m = mean
    return abs(m.center - value) <= m.halfWidth
  }

  func varianceCovers(_ value: Double) -> Bool {
    let v = variance
    return abs(v.center - value) <= v.halfWidth
  }

  var description: String {
    "mean \(mean.center) ± \(mean.halfWidth), variance \(variance.center) ± \(variance.halfWidth)"
  }
}
