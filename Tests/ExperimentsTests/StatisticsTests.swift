import Experiments
import Foundation
import Testing
import YouthCare

@Suite("Statistics and theory formulas")
struct StatisticsTests {
  @Test("Erlang B and C agree with values computed from the textbook sums")
  func erlang() {
    // C(10, 9) from the closed-form sum, computed independently.
    #expect(abs(QueueingTheory.erlangC(servers: 10, load: 9) - 0.668731524107697) < 1e-12)
    #expect(abs(QueueingTheory.erlangB(servers: 1, load: 1) - 0.5) < 1e-15)
    #expect(abs(QueueingTheory.erlangC(servers: 1, load: 0.5) - 0.5) < 1e-15)  // M/M/1: P(wait) = ρ
    #expect(abs(QueueingTheory.mmcMeanWait(arrivalRate: 0.5, serviceRate: 1, servers: 1) - 1) < 1e-12)  // ρ/(μ−λ)
  }

  @Test("the confidence interval of a small sample is the textbook one")
  func interval() {
    let ci = ConfidenceInterval([1, 2, 3, 4, 5], level: 0.95)
    #expect(ci.mean == 3)
    // s² = 2.5, n = 5, t(0.975, 4) = 2.7764451051977987
    #expect(abs(ci.halfWidth - 2.7764451051977987 * (2.5 / 5).squareRoot()) < 1e-12)
    #expect(ci.covers(4.9) && !ci.covers(5.0))
  }

  @Test("type-7 quantiles on known samples")
  func quantiles() {
    #expect(Statistics.quantile(sorted: [], 0.5) == 0)
    #expect(Statistics.quantile(sorted: [7], 0.9) == 7)
    #expect(Statistics.quantile(sorted: [1, 2, 3, 4], 0.5) == 2.5)
    #expect(abs(Statistics.quantile(sorted: [10, 20, 30, 40, 50], 0.9) - 46) < 1e-12)
    #expect(Statistics.quantile(sorted: [1, 2, 3], 1) == 3)
  }

  @Test("Erlang A reduces to Erlang C as patience grows, and to M/M/c/c as it vanishes")
  func erlangA() {
    let patient = QueueingTheory.erlangA(arrivalRate: 9, serviceRate: 1, servers: 10, abandonmentRate: 1e-7)
    #expect(abs(patient.meanWaiting - QueueingTheory.mmcMeanQueueLength(arrivalRate: 9, serviceRate: 1, servers: 10)) < 1e-3)
    // With instant abandonment every arrival that finds all servers busy leaves: Erlang B.
    let hasty = QueueingTheory.erlangA(arrivalRate: 9, serviceRate: 1, servers: 10, abandonmentRate: 1e7)
    #expect(abs(hasty.abandonProbability - QueueingTheory.erlangB(servers: 10, load: 9)) < 1e-5)
    // With θ = μ every child in the system leaves at the same rate, served or waiting: the number
    // in system is Poisson(ρ) as in M/M/∞. With one server Lq = E[N] − 1 + P(N = 0) = ρ − 1 + e^(−ρ),
    // and P(abandon) = θ·Lq/λ.
    let rho = 0.5
    let simple = QueueingTheory.erlangA(arrivalRate: rho, serviceRate: 1, servers: 1, abandonmentRate: 1)
    #expect(abs(simple.meanWaiting - (rho - 1 + exp(-rho))) < 1e-12)
    #expect(abs(simple.abandonProbability - (rho - 1 + exp(-rho)) / rho) < 1e-12)
  }

  @Test("verification passes with the default settings")
  func verificationPasses() {
    let checks = Verification.run(replications: 10, seed: 1)
    #expect(checks.count == 7)
    for check in checks { #expect(check.passed, "\(check.name): theory \(check.theory), observed \(check.observed)") }
  }
}

@Suite("Quantile by selection")
struct SelectionQuantileTests {
  @Test("selection gives the sorted-array quantile on random, tied and sorted samples")
  func matchesSorted() {
    var state: UInt64 = 12345
    func next() -> Double {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return Double(state >> 40)
    }
    // Above 600 values the selection narrows to a sampled window first: 5,000 and 40,000 take that path.
    for n in [1, 2, 3, 10, 101, 1000, 5000, 40000] {
      let samples: [[Double]] = [
        (0..<n).map { _ in next() },
        (0..<n).map { _ in Double(Int(next()) % 5) },  // many ties
        (0..<n).map(Double.init),  // already sorted
        (0..<n).map { Double(n - $0) },  // reversed
      ]
      for sample in samples {
        for p in [0.0, 0.1, 0.5, 0.9, 0.99, 1.0] {
          var copy = sample
          #expect(Statistics.quantile(selecting: &copy, p) == Statistics.quantile(sorted: sample.sorted(), p), "n \(n) p \(p)")
        }
      }
    }
  }

  @Test("zeros counted apart give the quantile of the whole sample, to the bit")
  func zerosCountedApart() {
    var state: UInt64 = 777
    func next() -> Double {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return Double(state >> 40) / Double(1 << 24) + 0.001
    }
    // Every split of zeros against positives, including no zeros, only zeros, and a quantile
    // falling on the last zero or the first positive value.
    for n in [1, 2, 3, 9, 10, 11, 101, 1000, 5000] {
      for zeroShare in [0.0, 0.05, 0.5, 0.89, 0.9, 0.91, 0.99, 1.0] {
        let zeros = Int((Double(n) * zeroShare).rounded())
        let positives = (0..<(n - zeros)).map { _ in next() }
        let whole = (positives + [Double](repeating: 0, count: zeros)).sorted()
        for p in [0.0, 0.1, 0.5, 0.9, 0.99, 1.0] {
          var copy = positives
          let q = copy.withUnsafeMutableBufferPointer { Statistics.quantile(selecting: $0, zeros: zeros, p) }
          #expect(q == Statistics.quantile(sorted: whole, p), "n \(n) zeros \(zeros) p \(p)")
        }
      }
    }
    var empty: [Double] = []
    #expect(empty.withUnsafeMutableBufferPointer { Statistics.quantile(selecting: $0, zeros: 0, 0.9) } == 0)
  }
}
