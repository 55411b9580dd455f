import Stochastics
import Testing

@Suite("Distributions against their theory")
struct DistributionTests {
  static let empirical = try! EmpiricalDistribution(
    values: [0, 90, 180, 365, 730, 1460],
    cumulative: [0, 0.16, 0.34, 0.64, 0.88, 1.0])

  static let families: [(String, Distribution)] = [
    ("exponential", .exponential(mean: 30)),
    ("gamma", .gamma(shape: 2.5, scale: 40)),
    ("gamma mean+cv", .gamma(mean: 380, cv: 0.8)),
    ("lognormal mean+cv", .lognormal(mean: 380, cv: 1.2)),
    ("lognormal", .lognormal(mu: 1, sigma: 0.5)),
    ("weibull", .weibull(scale: 100, shape: 1.7)),
    ("fixed", .fixed(14)),
    ("empirical", .empirical(empirical)),
    ("poisson", .poisson(mean: 4.5)),
    ("binomial", .binomial(trials: 20, probability: 0.3)),
  ]

  @Test("sample mean and variance agree with theory within a 99.9% batch CI", arguments: families)
  func moments(name: String, law: Distribution) {
    let stream = RandomStream(kind: .mt19937, seed: 777)
    let estimate = BatchEstimate.of(batches: 20, perBatch: 50_000) { law.sample(stream) }
    if law.variance == 0 {
      #expect(estimate.means.allSatisfy { $0 == law.mean })
      #expect(estimate.variances.allSatisfy { $0 == 0 })
      return
    }
    #expect(estimate.meanCovers(law.mean), "\(name): theory \(law.mean), \(estimate)")
    #expect(estimate.varianceCovers(law.variance), "\(name): theory \(law.variance), \(estimate)")
  }

  @Test("mean + CV constructors give that mean and CV")
  func meanCV() {
    for law in [Distribution.lognormal(mean: 12.5, cv: 1.2), .gamma(mean: 12.5, cv: 1.2)] {
      #expect(abs(law.mean - 12.5) < 1e-9)
      #expect(abs(law.cv - 1.2) < 1e-9)
    }
  }

  @Test("residual lives have mean E[X²]/(2E[X]) within a 99.9% batch CI", arguments: families)
  func residualLife(name: String, law: Distribution) {
    let stream = RandomStream(kind: .taus2, seed: 31)
    let estimate = BatchEstimate.of(batches: 20, perBatch: 50_000) { law.sampleResidual(stream) }
    #expect(estimate.meanCovers(law.meanResidual), "\(name): theory \(law.meanResidual), \(estimate)")
  }

  @Test("scaling by a unit factor scales mean by it and variance by its square", arguments: families)
  func scaling(name: String, law: Distribution) {
    if case .poisson = law { return }
    if case .binomial = law { return }
    let scaled = law.scaled(by: 30.4)
    #expect(abs(scaled.mean - 30.4 * law.mean) <= 1e-9 * scaled.mean)
    #expect(abs(scaled.variance - 30.4 * 30.4 * law.variance) <= 1e-9 * max(scaled.variance, 1))
  }

  @Test("a categorical law's frequencies match its probabilities")
  func categorical() {
    let law = Categorical(probabilities: [0.62, 0.29, 0.03, 0.03, 0.02, 0.01])
    let stream = RandomStream(kind: .mt19937, seed: 5)
    let n = 400_000
    var counts = [Int](repeating: 0, count: law.count)
    for _ in 0..<n { counts[law.sample(stream)] += 1 }
    for i in 0..<law.count {
      let p = law.probability(i)
      let tolerance = 4 * (p * (1 - p) / Double(n)).squareRoot()
      #expect(abs(Double(counts[i]) / Double(n) - p) <= tolerance, "outcome \(i)")
    }
    #expect(law.outcome(0) == 0)
    #expect(law.outcome(0.62) == 1)
    #expect(law.outcome(0.999_999) == 5)
  }

  @Test("empirical points that describe no distribution are refused with the reason")
  func empiricalProblems() {
    #expect(throws: EmpiricalDistribution.Problem.tooFewPoints(1)) {
      try EmpiricalDistribution(values: [1], cumulative: [1])
    }
    #expect(throws: EmpiricalDistribution.Problem.lengthMismatch(values: 2, cumulative: 3)) {
      try EmpiricalDistribution(values: [1, 2], cumulative: [0, 0.5, 1])
    }
    #expect(throws: EmpiricalDistribution.Problem.valuesNotIncreasing(index: 2)) {
      try EmpiricalDistribution(values: [0, 5, 4], cumulative: [0, 0.5, 1])
    }
    #expect(throws: EmpiricalDistribution.Problem.cumulativeNotIncreasing(index: 2)) {
      try EmpiricalDistribution(values: [0, 5, 6], cumulative: [0, 0.5, 0.4])
    }
    #expect(throws: EmpiricalDistribution.Problem.cumulativeMustStartAtZero(0.1)) {
      try EmpiricalDistribution(values: [0, 5], cumulative: [0.1, 1])
    }
    #expect(throws: EmpiricalDistribution.Problem.cumulativeMustEndAtOne(0.9)) {
      try EmpiricalDistribution(values: [0, 5], cumulative: [0, 0.9])
    }
    #expect(throws: EmpiricalDistribution.Problem.notFinite(index: 1)) {
      try EmpiricalDistribution(values: [0, .nan], cumulative: [0, 1])
    }
  }
}
