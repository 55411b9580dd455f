/// Closed-form results of queueing theory that the engine is checked against.
public enum QueueingTheory {
  /// Erlang B: the probability that all c servers are busy in M/M/c/c with offered load a = λ/μ.
  ///
  /// Computed by the stable recursion B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)).
  public static func erlangB(servers c: Int, load a: Double) -> Double {
    var b = 1.0
    for k in stride(from: 1, through: c, by: 1) { b = a * b / (Double(k) + a * b) }
    return b
  }

  /// Erlang C: the probability that an arrival waits in M/M/c with load a = λ/μ < c.
  public static func erlangC(servers c: Int, load a: Double) -> Double {
    precondition(a < Double(c), "Erlang C needs a stable queue (load below the number of servers)")
    let b = erlangB(servers: c, load: a)
    let rho = a / Double(c)
    return b / (1 - rho + rho * b)
  }

  /// Mean wait in queue of M/M/c: Wq = C(c, a) / (cμ − λ).
  public static func mmcMeanWait(arrivalRate lambda: Double, serviceRate mu: Double, servers c: Int) -> Double {
    erlangC(servers: c, load: lambda / mu) / (Double(c) * mu - lambda)
  }

  /// Mean number waiting in M/M/c: Lq = λ·Wq (Little's law).
  public static func mmcMeanQueueLength(arrivalRate lambda: Double, serviceRate mu: Double, servers c: Int) -> Double {
    lambda * mmcMeanWait(arrivalRate: lambda, serviceRate: mu, servers: c)
  }

  /// Mean number in service of M/G/∞: λ·E[S], whatever the service law.
  public static func mgInfinityMeanOccupancy(arrivalRate lambda: Double, meanService: Double) -> Double {
    lambda * meanService
  }
}
