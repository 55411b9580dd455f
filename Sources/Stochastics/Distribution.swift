import Foundation
import CGSL

/// A probability law for a non-negative quantity (a duration, a patience, a count), drawn with GSL.
///
/// Every family knows its mean and variance, as Ciw's distributions do, so theory checks and
/// expected-cost estimates need no sampling.
public enum Distribution: Sendable, Equatable {
  /// Exponential with the given mean.
  case exponential(mean: Double)
  /// Gamma with shape k and scale θ.
  case gamma(shape: Double, scale: Double)
  /// Lognormal: log X is normal with mean `mu` and standard deviation `sigma`.
  case lognormal(mu: Double, sigma: Double)
  /// Weibull with scale λ and shape k.
  case weibull(scale: Double, shape: Double)
  /// Always the same value.
  case fixed(Double)
  /// Piecewise-linear CDF through given points.
  case empirical(EmpiricalDistribution)
  /// Poisson count with the given mean.
  case poisson(mean: Double)
  /// Binomial count.
  case binomial(trials: Int, probability: Double)

  /// A lognormal with the given mean and coefficient of variation: σ² = ln(1+CV²), μ = ln(mean) − σ²/2.
  public static func lognormal(mean: Double, cv: Double) -> Distribution {
    let sigma2 = log1p(cv * cv)
    return .lognormal(mu: log(mean) - sigma2 / 2, sigma: sigma2.squareRoot())
  }

  /// A gamma with the given mean and coefficient of variation: k = 1/CV², θ = mean·CV².
  public static func gamma(mean: Double, cv: Double) -> Distribution {
    .gamma(shape: 1 / (cv * cv), scale: mean * cv * cv)
  }

  /// E[X].
  public var mean: Double {
    switch self {
    case .exponential(let m): return m
    case .gamma(let k, let theta): return k * theta
    case .lognormal(let mu, let sigma): return exp(mu + sigma * sigma / 2)
    case .weibull(let lambda, let k): return lambda * Self.gammaFunction(1 + 1 / k)
    case .fixed(let v): return v
    case .empirical(let e): return e.mean
    case .poisson(let m): return m
    case .binomial(let n, let p): return Double(n) * p
    }
  }

  /// Var[X].
  public var variance: Double {
    switch self {
    case .exponential(let m): return m * m
    case .gamma(let k, let theta): return k * theta * theta
    case .lognormal(let mu, let sigma):
      let s2 = sigma * sigma
      return expm1(s2) * exp(2 * mu + s2)
    case .weibull(let lambda, let k):
      let g1 = Self.gammaFunction(1 + 1 / k)
      return lambda * lambda * (Self.gammaFunction(1 + 2 / k) - g1 * g1)
    case .fixed: return 0
    case .empirical(let e): return e.variance
    case .poisson(let m): return m
    case .binomial(let n, let p): return Double(n) * p * (1 - p)
    }
  }

  /// Γ(x) by GSL, infinite where it overflows (a Weibull shape of 0.001 asks for Γ(1001)).
  ///
  /// GSL's default error handler aborts the process on overflow, and a scenario's laws are
  /// described before any generator (which switches the handler off) exists.
  static func gammaFunction(_ x: Double) -> Double {
    _ = gslErrorsReturned
    return gsl_sf_gamma(x)
  }

  /// Switches GSL's aborting error handler off, once per process.
  private static let gslErrorsReturned: Void = cgsl_disable_error_handler()

  /// The coefficient of variation √Var/mean (0 for a zero mean).
  public var cv: Double {
    let m = mean
    return m == 0 ? 0 : variance.squareRoot() / m
  }

  /// Why GSL cannot draw from this law in double precision, or nil when it can.
  ///
  /// A parameter that is not finite, or a mean or variance that overflows, comes from a valid-looking
  /// input taken to an extreme (a cv of 1e155): its draws would be infinite or NaN and stop the run.
  public var unusableReason: String? {
    let parameters: [Double]
    switch self {
    case .exponential(let m): parameters = [m]
    case .gamma(let k, let theta): parameters = [k, theta]
    case .lognormal(let mu, let sigma): parameters = [mu, sigma]
    case .weibull(let lambda, let k): parameters = [lambda, k]
    case .fixed(let v): parameters = [v]
    case .empirical, .poisson, .binomial: parameters = []
    }
    if parameters.contains(where: { !$0.isFinite }) { return "its parameters are not finite numbers" }
    if case .gamma(let k, _) = self, k < Double.leastNormalMagnitude { return "its shape underflows to zero" }
    if !mean.isFinite { return "its mean is not a finite number" }
    if !variance.isFinite { return "its variance is not a finite number" }
    return nil
  }

  /// The mean residual life of a renewal process with this inter-event law, E[X²]/(2E[X]).
  public var meanResidual: Double {
    let m = mean
    guard m > 0 else { return 0 }
    return (variance + m * m) / (2 * m)
  }

  /// One draw.
  ///
  /// Always inlined: called out of line, a law read from an array was copied and destroyed around
  /// every draw (a reference count for the empirical case, two calls for every case).
  @inlinable @inline(__always)
  public func sample<Source: RandomSource & ~Copyable>(_ stream: borrowing Source) -> Double {
    switch self {
    case .exponential(let m): return stream.exponential(mean: m)
    case .gamma(let k, let theta): return stream.gamma(shape: k, scale: theta)
    case .lognormal(let mu, let sigma): return stream.lognormal(mu: mu, sigma: sigma)
    case .weibull(let lambda, let k): return stream.weibull(scale: lambda, shape: k)
    case .fixed(let v): return v
    case .empirical(let e): return e.quantile(stream.uniform())
    case .poisson(let m): return Double(stream.poisson(mean: m))
    case .binomial(let n, let p): return Double(stream.binomial(trials: n, probability: p))
    }
  }

  /// One draw from the length-biased law, density ∝ x·f(x).
  ///
  /// It is the law of the whole episode that a random moment in steady state falls into.
  @inlinable
  public func sampleLengthBiased<Source: RandomSource & ~Copyable>(_ stream: borrowing Source) -> Double {
    switch self {
    case .exponential(let m): return stream.gamma(shape: 2, scale: m)
    case .gamma(let k, let theta): return stream.gamma(shape: k + 1, scale: theta)
    case .lognormal(let mu, let sigma): return stream.lognormal(mu: mu + sigma * sigma, sigma: sigma)
    case .weibull(let lambda, let k):
      // With y = (x/λ)^k the biased density becomes Gamma(1 + 1/k, 1).
      return lambda * pow(stream.gamma(shape: 1 + 1 / k, scale: 1), 1 / k)
    case .fixed(let v): return v
    case .empirical(let e):
      let u1 = stream.uniform()
      return e.lengthBiasedSample(u1, stream.uniform())
    case .poisson(let m): return Double(1 + stream.poisson(mean: m))
    case .binomial(let n, let p): return Double(1 + stream.binomial(trials: n - 1, probability: p))
    }
  }

  /// The remaining time of an episode in progress at a random moment in steady state.
  ///
  /// It is a uniform fraction of a length-biased episode: the equilibrium residual life, with
  /// mean E[X²]/(2E[X]). This is how a warm start draws the stock's remaining durations.
  @inlinable
  public func sampleResidual<Source: RandomSource & ~Copyable>(_ stream: borrowing Source) -> Double {
    let whole = sampleLengthBiased(stream)
    return stream.uniform() * whole
  }

  /// The same law for a quantity measured in a unit `factor` times smaller (days from months).
  public func scaled(by factor: Double) -> Distribution {
    switch self {
    case .exponential(let m): return .exponential(mean: m * factor)
    case .gamma(let k, let theta): return .gamma(shape: k, scale: theta * factor)
    case .lognormal(let mu, let sigma): return .lognormal(mu: mu + log(factor), sigma: sigma)
    case .weibull(let lambda, let k): return .weibull(scale: lambda * factor, shape: k)
    case .fixed(let v): return .fixed(v * factor)
    case .empirical(let e): return .empirical(e.scaled(by: factor))
    case .poisson, .binomial: return self
    }
  }
}
