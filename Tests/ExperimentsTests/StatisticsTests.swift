import Experiments
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

  @Test("verification passes with the default settings")
  func verificationPasses() {
    let checks = Verification.run(replications: 10, seed: 1)
    #expect(checks.count == 5)
    for check in checks { #expect(check.passed, "\(check.name): theory \(check.theory), observed \(check.observed)") }
  }
}
