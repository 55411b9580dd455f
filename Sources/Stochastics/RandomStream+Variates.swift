import CGSL

/// Anything that holds a GSL generator, and so draws GSL's variates from it.
///
/// `RandomStream` (a shared reference) and `CounterStream` (a uniquely owned child stream) both
/// draw through the same methods; functions that take a source are generic over it, so every call
/// is specialised and direct.
public protocol RandomSource: ~Copyable {
  /// The generator the variates are drawn from.
  var generator: UnsafeMutablePointer<gsl_rng> { get }
}

/// Variates drawn with GSL's own algorithms; each method is a thin, inlinable call.
extension RandomSource where Self: ~Copyable {
  /// A uniform number in [0, 1).
  @inlinable
  public func uniform() -> Double {
    gsl_rng_uniform(generator)
  }

  /// A uniform number in (0, 1), never exactly zero.
  @inlinable
  public func uniformPositive() -> Double {
    gsl_rng_uniform_pos(generator)
  }

  /// An exponential variate with the given mean, by inversion: GSL's quantile −μ·log(u) at a
  /// GSL uniform u in (0, 1).
  ///
  /// GSL 2's `gsl_ran_exponential` inverts the same law as −μ·log1p(−u), and glibc's `log1p`
  /// takes twice as long as its `log`: a quarter of a youth-care replication's time went there
  /// (docs/performance.md, sessions 8 and 9). Both use one uniform of the same resolution, so
  /// neither is the more accurate; this is GSL 1's own algorithm for the exponential.
  @inlinable
  public func exponential(mean: Double) -> Double {
    gsl_cdf_exponential_Qinv(gsl_rng_uniform_pos(generator), mean)
  }

  /// A gamma variate with shape k and scale θ (mean kθ).
  @inlinable
  public func gamma(shape: Double, scale: Double) -> Double {
    gsl_ran_gamma(generator, shape, scale)
  }

  /// A lognormal variate: exp of a normal with mean `mu` and standard deviation `sigma`.
  @inlinable
  public func lognormal(mu: Double, sigma: Double) -> Double {
    gsl_ran_lognormal(generator, mu, sigma)
  }

  /// A Weibull variate with the given scale λ and shape k.
  @inlinable
  public func weibull(scale: Double, shape: Double) -> Double {
    gsl_ran_weibull(generator, scale, shape)
  }

  /// A standard normal variate (GSL's ziggurat).
  @inlinable
  public func standardNormal() -> Double {
    gsl_ran_gaussian_ziggurat(generator, 1.0)
  }

  /// A Poisson count with the given mean.
  @inlinable
  public func poisson(mean: Double) -> Int {
    Int(gsl_ran_poisson(generator, mean))
  }

  /// A binomial count of successes in `trials` trials with success probability `probability`.
  @inlinable
  public func binomial(trials: Int, probability: Double) -> Int {
    Int(gsl_ran_binomial(generator, probability, UInt32(trials)))
  }

  /// True with probability `probability`.
  @inlinable
  public func bernoulli(_ probability: Double) -> Bool {
    gsl_rng_uniform(generator) < probability
  }
}

extension RandomSource where Self: ~Copyable {
  /// A uniform integer in 0..<n (GSL's gsl_rng_uniform_int, exact for any n up to the generator's range).
  @inlinable
  public func uniformInt(below n: Int) -> Int {
    precondition(n > 0 && UInt(n) <= UInt(gsl_rng_max(generator)) + 1, "uniformInt bound out of range")
    return Int(gsl_rng_uniform_int(generator, UInt(n)))
  }
}
