import Stochastics
import Yams

/// Reading the run's settings: its horizon and its random numbers.
extension ScenarioReader {
  /// The contract's years, the warm-up years before them and the first calendar year.
  static func readHorizon(_ r: MappingReader) -> Horizon? {
    let years = r.integer("contractYears", rule: .range(1, 100))
    let warmup = r.integer("warmupYears", rule: .range(0, 100), default: 0)
    let first = r.integer("firstYear", rule: .range(1900, 2200), default: 2026)
    r.finish()
    guard let years, let warmup, let first else { return nil }
    return Horizon(contractYears: years, warmupYears: warmup, firstYear: first)
  }

  /// The random-number generator and its seed.
  static func readRandom(_ r: MappingReader) -> RandomSettings? {
    var generator: GeneratorKind? = .mt19937
    if let node = r.node("generator") {
      let word = node.scalar?.string ?? ""
      generator = GeneratorKind.selectable.first { $0.rawValue == word }
      if generator == nil {
        let options = GeneratorKind.selectable.map(\.rawValue).joined(separator: ", ")
        r.log.report(r.join("generator"), node, "must be one of: \(options); got \(MappingReader.kind(node))")
      }
    }
    let seed = r.integer("seed", rule: .range(0, 9.007_199_254_740_992e15), default: 1)
    r.finish()
    guard let generator, let seed else { return nil }
    return RandomSettings(generator: generator, seed: UInt64(seed))
  }
}
