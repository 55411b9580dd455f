import CGSL

/// The per-child streams: lumpsim's counter-based generator, moved to any (key, position) at no cost.
///
/// Draw j of episode e of a child depends on (child key, e, j) only, never on when it happens, so
/// two runs that differ only in budget or policy see exactly the same children. The stream is
/// uniquely owned, like the generator it frees: a replication seeks it and draws from it on every
/// event without reference counting. GSL's variates draw from it through `RandomSource`.
public struct CounterStream: RandomSource, ~Copyable {
  /// The GSL generator (of lumpsim's counter type) this stream owns.
  public let generator: UnsafeMutablePointer<gsl_rng>

  /// A stream at position 0 of key 0; `seek(key:position:)` moves it.
  public init() {
    cgsl_disable_error_handler()
    guard let generator = gsl_rng_alloc(GeneratorKind.counter.gslType) else {
      fatalError("GSL could not allocate the counter generator (out of memory)")
    }
    self.generator = generator
  }

  deinit {
    gsl_rng_free(generator)
  }

  /// Moves the stream to draw `position` of the stream with the given key.
  @inlinable
  public func seek(key: UInt64, position: UInt64) {
    cgsl_counter_seek(generator, key, position)
  }

  /// The next uniform in [0, 1), exactly what `uniform()` returns, but inlined instead of called
  /// through GSL's generator-type function pointer.
  @inlinable
  public func counterUniform() -> Double {
    cgsl_counter_get_double(generator.pointee.state)
  }
}
