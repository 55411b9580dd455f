import Experiments
import Foundation
import LumpsimTestSupport
import Stochastics
import Testing
import YouthCare

/// The model against queueing theory over independent seeds, with 99% confidence intervals.
@Suite("Queueing theory")
struct TheoryTests {
  @Test("M/M/c mean wait matches Erlang C over 12 seeds, and Little's law holds on each run")
  func mmc() throws {
    let scenario = try Fixtures.scenario("validation/mmc.yaml")
    var waits: [Double] = [], lengths: [Double] = [], little: [Double] = []
    for seed in 1...12 {
      let q = runChecked(scenario, seed: UInt64(seed)).careTypes[0]
      waits.append(q.meanWaitDays)
      lengths.append(q.meanWaiting)
      little.append(q.meanWaiting - Double(q.starts) / 3650 * q.meanWaitDays)
    }
    let theory = QueueingTheory.mmcMeanWait(arrivalRate: 9, serviceRate: 1, servers: 10)
    let wait = ConfidenceInterval(waits, level: 0.99)
    #expect(wait.covers(theory), "Wq theory \(theory), observed \(wait)")
    #expect(ConfidenceInterval(lengths, level: 0.99).covers(9 * theory))
    #expect(ConfidenceInterval(little, level: 0.99).covers(0))
  }

  @Test("M/G/∞ mean occupancy is λ·E[S] with lognormal durations, from an equilibrium warm start")
  func mgInfinity() {
    let scenario = Verification.mgInfinityScenario()
    let occupancy = (0..<12).map { runChecked(scenario, seed: 77, replication: $0).careTypes[0].meanInCare }
    let interval = ConfidenceInterval(occupancy, level: 0.99)
    #expect(interval.covers(150), "observed \(interval)")
  }

  @Test("the referral process delivers its expected yearly volume, seasonality and growth")
  func referralVolume() throws {
    // 10 years of 20,000 referrals a year with a trend: yearly counts match the rate within 4σ.
    let yaml = """
      name: volume
      horizon: {contractYears: 10}
      population: {youths: 100000, growthPerYear: 0.01}
      referralSources:
        - {id: a, ratePer1000: 150, trendPerYear: 0.02, routing: {diverted: 1.0},
           seasonality: [2, 0.5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.5]}
        - {id: b, ratePer1000: 50, routing: {diverted: 1.0}}
      careTypes:
        - {id: X, capacity: 1, duration: {family: fixed, value: 1}, costPerDay: 1, transitions: {exit: 1}}
      funding: {lumpsum: {base: 1}}
      """
    let scenario = try ScenarioReader.read(yaml: yaml)
    let result = runChecked(scenario, seed: 5)
    for y in result.years {
      let t = Double(y.contractYear - 1)
      let expected = 100 * pow(1.01, t) * (150 * pow(1.02, t) + 50)
      #expect(abs(Double(y.referrals) - expected) < 4 * expected.squareRoot(), "year \(y.year)")
      #expect(y.diverted == y.referrals)
    }
    // January (factor 2 for source a) against February (0.5): per-day rates differ as the factors say.
    let jan = (0..<10).reduce(0) { $0 + result.monthly.referrals[($1 * 12) * 2] }
    let feb = (0..<10).reduce(0) { $0 + result.monthly.referrals[($1 * 12 + 1) * 2] }
    let ratio = (Double(jan) / 31) / (Double(feb) / 28)
    #expect(abs(ratio - 4) < 0.2, "January/February daily ratio \(ratio)")
  }
}
