import CGSL

/// One stream of random numbers: owns one GSL generator and frees it when released.
///
/// A stream is not shared between threads; each replication creates its own streams from
/// seeds that depend only on (master seed, replication, substream), so results do not depend
/// on which thread runs which replication.
public final class RandomStream: RandomSource {
  /// The GSL generator this stream owns.
  public let generator: UnsafeMutablePointer<gsl_rng>

  /// The algorithm this stream uses.
  public let kind: GeneratorKind

  /// Creates a stream of the given kind, seeded with `seed`.
  ///
  /// GSL's classic generators take 32 significant seed bits (mt19937 maps seed 0 to its
  /// default 4357); `SeedDerivation` produces distinct 32-bit seeds for that reason.
  public init(kind: GeneratorKind = .mt19937, seed: UInt64) {
    cgsl_disable_error_handler()
    guard let generator = gsl_rng_alloc(kind.gslType) else {
      fatalError("GSL could not allocate a \(kind.rawValue) generator (out of memory)")
    }
    self.generator = generator
    self.kind = kind
    gsl_rng_set(generator, UInt(truncatingIfNeeded: seed))
  }

  deinit {
    gsl_rng_free(generator)
  }

  /// Re-seeds the stream, as if it had just been created with `seed`.
  public func reseed(_ seed: UInt64) {
    gsl_rng_set(generator, UInt(truncatingIfNeeded: seed))
  }

  /// The raw next integer of the generator, in `0...maximum`.
  @inlinable
  public func next() -> UInt {
    gsl_rng_get(generator)
  }

  /// The largest value `next()` can return.
  public var maximum: UInt { UInt(gsl_rng_max(generator)) }
}
