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

  /// M/M/c+M (Erlang A): c servers, exponential service at rate μ, exponential patience at rate θ.
  ///
  /// The number in system is a birth–death chain with birth rate λ and death rate
  /// min(n, c)·μ + max(0, n − c)·θ; its stationary law is summed until the terms vanish. Returns the
  /// mean number waiting and the probability that an arrival abandons (θ·Lq/λ, since every waiting
  /// child abandons at rate θ).
  public static func erlangA(arrivalRate lambda: Double, serviceRate mu: Double, servers c: Int, abandonmentRate theta: Double)
    -> (meanWaiting: Double, abandonProbability: Double)
  {
    precondition(lambda > 0 && mu > 0 && theta > 0 && c >= 1, "Erlang A needs positive rates and a server")
    var term = 1.0, total = 1.0, waiting = 0.0
    var n = 0
    while true {
      let death = Double(min(n + 1, c)) * mu + Double(max(0, n + 1 - c)) * theta
      term *= lambda / death
      n += 1
      total += term
      waiting += Double(max(0, n - c)) * term
      if n > c && term < 1e-16 * total { break }
    }
    let lq = waiting / total
    return (lq, theta * lq / lambda)
  }
}
