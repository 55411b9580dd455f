import Yams

/// Reading who is referred: the population, its referral sources and re-referrals.
extension ScenarioReader {
  /// The youths of the region and their yearly growth.
  static func readPopulation(_ r: MappingReader) -> Population? {
    let youths = r.number("youths", rule: .positive, kind: .amount)
    let growth = r.number("growthPerYear", rule: .range(-0.5, 1), default: 0)
    r.finish()
    guard let youths, let growth else { return nil }
    return Population(youths: youths, growthPerYear: growth)
  }

  /// Reads one referral source: its rate, seasonality, shares of crisis and court-ordered
  /// referrals, and where its children are routed.
  ///
  /// `ids` maps each care type's id to its place in the list; `typeCount` is the list's length
  /// (larger than `ids.count` when an entry has no usable id).
  static func readSource(_ node: Node, path: String, ids: [String: Int], typeCount: Int, log: IssueLog) -> ReferralSource? {
    guard let r = MappingReader(node, path: path, log: log) else { return nil }
    let id = r.string("id")
    let name = r.string("name", default: id ?? "")
    let rate = r.number("ratePer1000", rule: .nonNegative)
    var seasonality: [Double]? = Array(repeating: 1, count: 12)
    if r.node("seasonality") != nil {
      seasonality = r.numbers("seasonality", rule: .nonNegative, count: 12)
      if let s = seasonality {
        let mean = s.reduce(0, +) / 12
        if abs(mean - 1) > 1e-3 {
          log.report(r.join("seasonality"), r.node("seasonality"), "the 12 monthly factors must average 1, got \(format(mean))")
          seasonality = nil
        }
      }
    }
    let trend = r.number("trendPerYear", rule: .range(-0.5, 1), default: 0)
    let cv = r.number("overdispersionCV", rule: .range(0, 5), default: 0)
    let crisis = r.number("crisisShare", rule: .probability, default: 0)
    let court = r.number("courtOrderedShare", rule: .probability, default: 0)
    if let crisis, let court, crisis + court > 1 + 1e-9 {
      log.report(r.join("courtOrderedShare"), r.node("courtOrderedShare"),
                 "crisisShare + courtOrderedShare must be ≤ 1, got \(format(crisis + court))")
    }
    var routing = [Double](repeating: 0, count: typeCount)
    var diverted = 0.0
    var routingOK = false
    if let (entries, reader) = r.probabilities("routing", required: true) {
      routingOK = entries.count == reader.keys.count
      for entry in entries {
        if entry.name == "diverted" {
          diverted = entry.value
        } else if let index = ids[entry.name] {
          routing[index] = entry.value
        } else {
          routingOK = false
          log.report(reader.join(entry.name), entry.node, "unknown care type '\(entry.name)'; expected one of: \(knownList(ids)), diverted")
        }
      }
      let total = routing.reduce(0, +) + diverted
      if routingOK, abs(total - 1) > 1e-6 {
        routingOK = false
        log.report(reader.path, reader.node, "probabilities must sum to 1, got \(format(total))")
      }
    }
    r.finish()
    guard let id, let name, let rate, let seasonality, let trend, let cv, let crisis, let court, routingOK,
      crisis + court <= 1 + 1e-9
    else { return nil }
    return ReferralSource(
      id: id, name: name, ratePer1000: rate, seasonality: seasonality, trendPerYear: trend,
      overdispersionCV: cv, crisisShare: crisis, courtOrderedShare: court, routing: routing, diverted: diverted)
  }

  /// The chance that a child who leaves care is referred again, and after what delay.
  static func readReReferral(_ r: MappingReader) -> ReReferral? {
    let p = r.number("probability", rule: .probability)
    let delay = r.mapping("delay", required: true).flatMap { readDistribution($0) }
    r.finish()
    guard let p, let delay else { return nil }
    return ReReferral(probability: p, delay: delay)
  }
}
