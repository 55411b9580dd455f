import CGSL

/// The GSL generator algorithm behind a `RandomStream`.
///
/// `mt19937` is the default, as in GSL itself. `counter` is lumpsim's counter-based generator,
/// registered as a GSL generator type; it serves the per-child streams that common random
/// numbers need (see `CounterStream`).
public enum GeneratorKind: String, Sendable, CaseIterable, Codable {
  case mt19937
  case taus2
  case ranlxd2
  case counter

  /// The generators a scenario or the command line may choose for the demand streams.
  public static let selectable: [GeneratorKind] = [.mt19937, .taus2, .ranlxd2]

  @usableFromInline
  var gslType: UnsafePointer<gsl_rng_type> {
    switch self {
    case .mt19937: return cgsl_rng_mt19937()
    case .taus2: return cgsl_rng_taus2()
    case .ranlxd2: return cgsl_rng_ranlxd2()
    case .counter: return cgsl_rng_counter()
    }
  }
}
