import YouthCare
import Stochastics

/// The built-in checks of the engine against queueing theory (`lumpsim verify`).
///
/// Each check simulates a scenario whose answer theory knows, over independent replications,
/// and passes when the theoretical value lies inside the confidence interval of the observed
/// mean. The interval is what decides; no tolerance is guessed.
public enum Verification {
  /// One check's outcome.
  public struct Check: Sendable, Codable, Equatable {
    /// What is checked.
    public var name: String
    /// The value theory gives.
    public var theory: Double
    /// The observed mean and its confidence interval.
    public var observed: ConfidenceInterval
    /// Whether theory lies in the interval.
    public var passed: Bool
  }

  /// One source feeding one care type: the shape of every queue theory knows the answer for.
  public static func singleQueue(
    name: String, perDay lambda: Double, duration: Distribution, capacity: Int, horizon: Horizon,
    stock: [InitialStock] = []
  ) -> Scenario {
    Scenario(
      name: name, horizon: horizon, population: Population(youths: 1000),
      referralSources: [ReferralSource(id: "all", ratePer1000: lambda * 365, routing: [1])],
      careTypes: [CareType(
        id: "Q", level: 0, capacity: capacity, duration: duration, costPerDay: 100,
        transitions: .exitOnly(careTypes: 1))],
      initialStock: stock, funding: Funding(), contracts: [Contract(careTypes: [0], lumpsum: Lumpsum(base: 1e12))])
  }

  /// The M/M/c model of `Scenarios/validation/mmc.yaml`: λ = 9/day, μ = 1/day, c = 10.
  public static func mmcScenario(years: Int = 10) -> Scenario {
    singleQueue(
      name: "M/M/c", perDay: 9, duration: .exponential(mean: 1), capacity: 10,
      horizon: Horizon(contractYears: years, warmupYears: 1))
  }

  /// An M/G/∞ model with lognormal episodes (mean 30 days, CV 1.2), λ = 5/day, started in
  /// equilibrium: 150 children in care with equilibrium residual lives, no warm-up.
  public static func mgInfinityScenario(years: Int = 2) -> Scenario {
    singleQueue(
      name: "M/G/∞", perDay: 5, duration: .lognormal(mean: 30, cv: 1.2), capacity: 1_000_000,
      horizon: Horizon(contractYears: years, warmupYears: 0),
      stock: [InitialStock(careType: 0, inCare: 150, remaining: .equilibrium)])
  }

  /// Runs every check with `replications` replications under master seed `seed`.
  public static func run(replications: Int = 20, seed: UInt64 = 2026, level: Double = 0.99) -> [Check] {
    precondition(replications >= 2, "verification needs at least two replications")
    var checks: [Check] = []

    let mmc = mmcScenario()
    let lambda = 9.0, mu = 1.0, c = 10
    var waits: [Double] = [], queues: [Double] = [], little: [Double] = [], busy: [Double] = []
    let days = Double(mmc.horizon.contractYears) * 365
    for r in 0..<replications {
      let result = Replication.run(mmc, seed: seed, replication: r).careTypes[0]
      waits.append(result.meanWaitDays)
      queues.append(result.meanWaiting)
      // Little's law on the sample path: time-average queue = arrival rate × mean wait.
      little.append(result.meanWaiting - Double(result.starts) / days * result.meanWaitDays)
      busy.append(result.meanInCare)
    }
    let wq = QueueingTheory.mmcMeanWait(arrivalRate: lambda, serviceRate: mu, servers: c)
    checks.append(check("M/M/c mean wait Wq (Erlang C), days", theory: wq, waits, level))
    checks.append(check("M/M/c mean queue length Lq = λ·Wq", theory: lambda * wq, queues, level))
    checks.append(check("Little's law Lq − λ̂·Ŵq on each run", theory: 0, little, level))
    checks.append(check("M/M/c mean busy places λ/μ", theory: lambda / mu, busy, level))

    // M/M/c+M: the same queue, and children who wait leave at rate θ = 1 a day (mean patience 1 day).
    var impatient = mmc
    impatient.careTypes[0].patience = Patience(duration: .exponential(mean: 1), destination: .exit)
    let theory = QueueingTheory.erlangA(arrivalRate: lambda, serviceRate: mu, servers: c, abandonmentRate: 1)
    var abandoned: [Double] = [], waitingA: [Double] = []
    for r in 0..<replications {
      let result = Replication.run(impatient, seed: seed, replication: r).careTypes[0]
      abandoned.append(Double(result.reneged) / Double(result.arrivals))
      waitingA.append(result.meanWaiting)
    }
    checks.append(check("M/M/c+M abandonment probability (Erlang A)", theory: theory.abandonProbability, abandoned, level))
    checks.append(check("M/M/c+M mean queue length (Erlang A)", theory: theory.meanWaiting, waitingA, level))

    let mg = mgInfinityScenario()
    var occupancy: [Double] = []
    for r in 0..<replications {
      occupancy.append(Replication.run(mg, seed: seed, replication: r).careTypes[0].meanInCare)
    }
    checks.append(check("M/G/∞ mean in care λ·E[S] (lognormal, warm start)", theory: 150, occupancy, level))
    return checks
  }

  static func check(_ name: String, theory: Double, _ values: [Double], _ level: Double) -> Check {
    let interval = ConfidenceInterval(values, level: level)
    return Check(name: name, theory: theory, observed: interval, passed: interval.covers(theory))
  }
}
