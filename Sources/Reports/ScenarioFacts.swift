import YouthCare

/// The scenario's key assumptions as JSON, written next to a batch's results so that a report
/// made from the output folder alone can state what was assumed (budget, growth, capacities,
/// valves).
public enum ScenarioFacts {
  public static func json(_ scenario: Scenario) -> JSONValue {
    let youths = scenario.population.youths
    let referrals = scenario.referralSources.reduce(0.0) { $0 + youths / 1000 * $1.ratePer1000 }
    let trend = referrals > 0
      ? scenario.referralSources.reduce(0.0) { $0 + youths / 1000 * $1.ratePer1000 * $1.trendPerYear } / referrals : 0
    return .object([
      ("name", .string(scenario.name)),
      ("firstYear", .int(scenario.horizon.firstYear)),
      ("contractYears", .int(scenario.horizon.contractYears)),
      ("warmupYears", .int(scenario.horizon.warmupYears)),
      ("youths", .number(youths, decimals: 0)),
      ("populationGrowthPerYear", .number(scenario.population.growthPerYear, decimals: 4)),
      ("firstReferralsPerYear", .number(referrals, decimals: 0)),
      ("referralTrendPerYear", .number(trend, decimals: 4)),
      ("repeatReferralProbability", .number(scenario.reReferral?.probability ?? 0, decimals: 4)),
      ("costIndexPerYear", .number(scenario.costIndexPerYear, decimals: 4)),
      ("fundingModel", .string(scenario.funding.model.rawValue)),
      ("pressurePolicy", .string(scenario.funding.pressurePolicy.rawValue)),
      ("contracts", .array(scenario.contracts.map(contract))),
      ("careTypes", .array(scenario.careTypes.indices.map { k in
        let type = scenario.careTypes[k]
        return .object([
          ("id", .string(type.id)),
          ("name", .string(type.name)),
          ("capacity", .int(type.capacity)),
          ("contract", scenario.contractIndex(ofCareType: k).map { .string(scenario.contracts[$0].id) } ?? .null),
          ("costPerDay", .number(type.costPerDay, decimals: 2)),
          ("meanDurationDays", .number(type.duration.mean, decimals: 1)),
          ("waitingNormDays", .number(type.waitingNormDays, decimals: 1)),
        ])
      })),
    ])
  }

  static func contract(_ c: Contract) -> JSONValue {
    var valves: [JSONValue] = []
    if let v = c.valves.volumeCorridor {
      valves.append(.string("V1 volume corridor ±\(Int((v.threshold * 100).rounded()))%, factor \(v.factor)"))
    }
    if let v = c.valves.statutoryReferrals {
      valves.append(.string("V2 statutory referrals above \(Int((v.threshold * 100).rounded()))% of the baseline"))
    }
    if let v = c.valves.highCostCases { valves.append(.string("V3 high-cost cases above €\(Int(v.threshold))")) }
    if c.lumpsum.indexation != .full { valves.append(.string("V4 indexation: \(c.lumpsum.indexation.rawValue)")) }
    if let v = c.valves.renegotiation { valves.append(.string("V5 renegotiation at a \(Int((v.threshold * 100).rounded()))% cumulative deficit")) }
    return .object([
      ("id", .string(c.id)),
      ("name", .string(c.name)),
      ("lumpsumBase", .number(c.lumpsum.base, decimals: 2)),
      ("indexPerYear", .number(c.lumpsum.indexPerYear, decimals: 4)),
      ("bookedSavings", .array(c.lumpsum.bookedSavings.map { .number($0, decimals: 4) })),
      ("overheadShare", .number(c.lumpsum.overheadShare, decimals: 4)),
      ("valves", .array(valves)),
      ("settlement", .bool(c.settlement != nil)),
      ("members", .int(c.consortium?.members.count ?? 0)),
    ])
  }
}
