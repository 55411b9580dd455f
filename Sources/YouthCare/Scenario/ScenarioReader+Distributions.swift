import Stochastics
import Yams

/// Reading durations and delays: a family of laws, its parameters and the unit they are in.
extension ScenarioReader {
  /// The families a duration or delay may use, in the order a message lists them. Each family's
  /// parameters are the keys its case in `readDistribution` asks for.
  static let families = ["empirical", "exponential", "fixed", "gamma", "lognormal", "weibull"]

  /// Time units a distribution may be given in, as days per unit.
  static let units: [String: Double] = ["days": 1, "weeks": 7, "months": DayCalendar.daysPerMonth, "years": DayCalendar.daysPerYear]

  /// Reads a law and scales it to days.
  ///
  /// Gamma and lognormal laws are given either by mean and cv or by their own two parameters; the
  /// mapping takes only the pair it uses (mean and cv as soon as either is there), so the other
  /// pair next to it is refused as unknown keys.
  static func readDistribution(_ r: MappingReader) -> Distribution? {
    let family = r.string("family")
    var factor: Double? = 1
    if let unit = r.string("unit", default: "days") {
      factor = units[unit]
      if factor == nil { r.log.report(r.join("unit"), r.node("unit"), "must be one of: days, weeks, months, years; got '\(unit)'") }
    }
    // A duration in days is a count of days: `1.240` days is more likely 1,240 than 1.24. In weeks,
    // months or years three decimals are plausible fractions.
    let length: NumberKind = factor == 1 ? .amount : .plain
    guard let family else { return nil }
    guard families.contains(family) else {
      r.log.report(r.join("family"), r.node("family"), "must be one of: \(families.joined(separator: ", ")); got '\(family)'")
      return nil
    }
    defer { r.finish() }
    let law: Distribution?
    switch family {
    case "exponential":
      law = r.number("mean", rule: .positive, kind: length).map { .exponential(mean: $0) }
    case "fixed":
      law = r.number("value", rule: .nonNegative, kind: length).map { .fixed($0) }
    case "weibull":
      let shape = r.number("shape", rule: .positive), scale = r.number("scale", rule: .positive, kind: length)
      law = (shape != nil && scale != nil) ? .weibull(scale: scale!, shape: shape!) : nil
    case "gamma", "lognormal":
      let byMean = r.keys.contains("mean") || r.keys.contains("cv")
      if byMean {
        let mean = r.number("mean", rule: .positive, kind: length), cv = r.number("cv", rule: .positive)
        guard let mean, let cv else { return nil }
        law = family == "gamma" ? .gamma(mean: mean, cv: cv) : .lognormal(mean: mean, cv: cv)
      } else if family == "gamma" {
        let shape = r.number("shape", rule: .positive), scale = r.number("scale", rule: .positive, kind: length)
        law = (shape != nil && scale != nil) ? .gamma(shape: shape!, scale: scale!) : nil
      } else {
        let mu = r.number("mu"), sigma = r.number("sigma", rule: .positive)
        law = (mu != nil && sigma != nil) ? .lognormal(mu: mu!, sigma: sigma!) : nil
      }
    case "empirical":
      let values = r.numbers("values", rule: .nonNegative), cumulative = r.numbers("cumulative", rule: .probability)
      if r.node("values") == nil { r.log.report(r.join("values"), r.node, "is required (a list of numbers)") }
      if r.node("cumulative") == nil { r.log.report(r.join("cumulative"), r.node, "is required (a list of probabilities)") }
      guard let values, let cumulative else { return nil }
      do {
        law = .empirical(try EmpiricalDistribution(values: values, cumulative: cumulative))
      } catch {
        r.log.report(r.path, r.node, error.description)
        return nil
      }
    default:
      law = nil
    }
    guard let law, let factor else { return nil }
    let scaled = law.scaled(by: factor)
    if let reason = scaled.unusableReason {
      // Name the field that took the law to its extreme: the cv when there is one.
      let key = r.keys.contains("cv") ? "cv" : nil
      r.log.report(key.map(r.join) ?? r.path, key.flatMap(r.node) ?? r.node,
                   "gives a \(family) law lumpsim cannot draw from: \(reason); durations in youth care have a cv of about 0.5 to 2")
      return nil
    }
    return scaled
  }
}
