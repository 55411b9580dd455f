extension ScenarioWarning {
  /// Costs, durations and rates a factor 3 or more outside the ranges of the domain notes
  /// (`DomainRange`), each naming the range it misses.
  ///
  /// A care type is matched to a domain category by its id (`SA`, `SA-GGZ1`) or its crisis flag;
  /// one that matches none is held to the broadest range over all categories. A rate of 0 is a
  /// switch turned off, not a misreading, and is never warned of.
  static func domainRanges(_ scenario: Scenario) -> [ScenarioWarning] {
    var warnings: [ScenarioWarning] = []
    func check(_ value: Double, _ range: DomainRange, path: String, field: String, detail: String = "", note: String = "") {
      guard let how = range.outside(value) else { return }
      warnings.append(ScenarioWarning(.outsideDomainRange, path: path, message:
        "\(field) \(range.unit.show(value))\(detail) is \(how) of the range for \(range.subject) in \(range.source) "
        + "(\(range.unit.show(range.low, range.high)))\(note)"))
    }
    for (k, type) in scenario.careTypes.enumerated() {
      let category = DomainRange.Category(type)
      let name = "careTypes[\(k)] (\(type.id))"
      let note = category == nil ? "; \(type.id) is none of the domain's care types L, SA, DT, RO, SC, CR, FC by its id" : ""
      let cost = DomainRange.costPerDay(category)
      check(type.costPerDay, cost, path: "careTypes[\(k)].costPerDay", field: "\(name): costPerDay", note: note)
      if let tariff = type.tariffPerDay {
        check(tariff, cost, path: "careTypes[\(k)].tariffPerDay", field: "\(name): tariffPerDay", note: note)
      }
      if let subcontracting = type.subcontracting {
        check(subcontracting.tariffPerDay, cost, path: "careTypes[\(k)].subcontracting.tariffPerDay",
              field: "\(name): subcontracting.tariffPerDay", note: note)
      }
      // A duration without `unit: months` is read in days: 12 becomes 0.4 months.
      let days = type.duration.mean
      check(days / DayCalendar.daysPerMonth, DomainRange.durationMonths(category),
            path: "careTypes[\(k)].duration.mean", field: "\(name): mean duration",
            detail: " (\(amount(days)) day\(amount(days) == "1" ? "" : "s"))", note: note
              + (type.duration.mean < 60 ? " (a duration without a unit is in days; write unit: months)" : ""))
    }
    let referrals = scenario.referralSources.reduce(0.0) { $0 + $1.ratePer1000 }
    if referrals > 0 {
      check(referrals, DomainRange.referralsPer1000, path: "referralSources", field: "the sources' ratePer1000 together,")
    }
    for (s, source) in scenario.referralSources.enumerated() where source.trendPerYear > 0 {
      check(source.trendPerYear, DomainRange.referralGrowth, path: "referralSources[\(s)].trendPerYear",
            field: "referralSources[\(s)] (\(source.id)): trendPerYear")
    }
    if scenario.costIndexPerYear > 0 {
      check(scenario.costIndexPerYear, DomainRange.costGrowth, path: "costs.indexPerYear", field: "costs.indexPerYear")
    }
    if let p = scenario.reReferral?.probability, p > 0 {
      check(p, DomainRange.reReferral, path: "reReferral.probability", field: "reReferral.probability")
    }
    for (c, contract) in scenario.contracts.enumerated() {
      let at = scenario.lumpsumPath(c)
      if contract.lumpsum.indexPerYear > 0 {
        check(contract.lumpsum.indexPerYear, DomainRange.indexation, path: "\(at).indexPerYear", field: "\(at).indexPerYear")
      }
      if contract.lumpsum.overheadShare > 0 {
        check(contract.lumpsum.overheadShare, DomainRange.overhead, path: "\(at).overheadShare", field: "\(at).overheadShare")
      }
    }
    let base = scenario.lumpsumBase
    if base > 0 {
      let at = scenario.contracts.count == 1 ? "\(scenario.lumpsumPath(0)).base" : "contracts"
      check(base / scenario.population.youths, DomainRange.lumpsumPerYouth, path: at,
            field: "the year-1 lumpsum per youth (\(at == "contracts" ? "all contracts' bases" : at) ÷ population.youths)")
    }
    return warnings
  }
}
