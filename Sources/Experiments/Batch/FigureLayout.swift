import YouthCare

/// Which numbers a batch follows for every replication, and where each sits in a flat vector.
///
/// Per contract year: the budget figures, flows and waits (overall and per care type); per care
/// type: the figures of `CareTypeResult`; over the contract: totals. A replication becomes one
/// vector of these, plus its monthly series (year-to-date spend and waiting lists per care type).
public struct FigureLayout: Sendable {
  /// Figures per contract year, in order.
  public static let yearFigures = [
    "budget", "spend", "payment", "valvePayout", "result", "settlement", "consortiumResult", "outsidePayment",
    "municipalCost", "budgetUse", "exhaustionDay", "referrals", "repeatReferrals", "diverted", "starts", "exits",
    "reneged", "peakWaiting", "meanWaitDays",
  ]
  /// Figures per care type per year, in order.
  public static let yearCareTypeFigures = ["meanWaitDays", "p90WaitDays"]
  /// Figures per care type over the contract, in order.
  public static let careTypeFigures = [
    "arrivals", "starts", "exits", "meanWaitDays", "p90WaitDays", "shareOverNorm", "meanWaiting", "meanInCare",
    "reneged", "utilization", "spend",
  ]
  /// Figures per consortium member over the contract, in order.
  public static let memberFigures = ["exited", "totalResult"]
  /// Figures over the whole contract, in order.
  public static let contractFigures = [
    "totalBudget", "totalSpend", "totalPayment", "totalValvePayout", "totalResult", "totalConsortiumResult",
    "totalMunicipalCost", "yearsOverspent", "capacityLost",
  ]

  /// Figures per contract per year, when a scenario has several contracts, in order.
  public static let contractYearFigures = ["budget", "spend", "budgetUse", "result", "settlement", "consortiumResult", "exhaustionDay"]

  /// The exhaustion day recorded for a year whose budget lasted: one past the last day.
  public static let notExhausted = 366.0

  public let years: [Int]
  public let careTypeIDs: [String]
  public let memberIDs: [String]
  /// The contracts followed one by one: all of them when there are several, none when there is one
  /// (its figures are the year figures).
  public let contractIDs: [String]
  public let months: Int

  public init(scenario: Scenario) {
    years = (0..<scenario.horizon.contractYears).map { scenario.horizon.firstYear + $0 }
    careTypeIDs = scenario.careTypes.map(\.id)
    memberIDs = scenario.memberIndices.map { scenario.memberLabel(contract: $0.contract, member: $0.member) }
    contractIDs = scenario.contracts.count > 1 ? scenario.contracts.map(\.id) : []
    months = scenario.horizon.contractYears * 12
  }

  var perYear: Int { Self.yearFigures.count + Self.yearCareTypeFigures.count * careTypeIDs.count }

  /// Index of a year figure (year index 0-based).
  public func year(_ y: Int, _ figure: String) -> Int {
    y * perYear + Self.yearFigures.firstIndex(of: figure)!
  }

  /// Index of a per-year care-type figure.
  public func year(_ y: Int, careType k: Int, _ figure: String) -> Int {
    y * perYear + Self.yearFigures.count + k * Self.yearCareTypeFigures.count
      + Self.yearCareTypeFigures.firstIndex(of: figure)!
  }

  /// Index of a care-type figure over the contract.
  public func careType(_ k: Int, _ figure: String) -> Int {
    years.count * perYear + k * Self.careTypeFigures.count + Self.careTypeFigures.firstIndex(of: figure)!
  }

  /// Index of a contract figure.
  public func contract(_ figure: String) -> Int {
    years.count * perYear + careTypeIDs.count * Self.careTypeFigures.count
      + Self.contractFigures.firstIndex(of: figure)!
  }

  /// Index of a member figure.
  public func member(_ m: Int, _ figure: String) -> Int {
    contract(Self.contractFigures[0]) + Self.contractFigures.count + m * Self.memberFigures.count
      + Self.memberFigures.firstIndex(of: figure)!
  }

  /// Index of a per-year figure of contract `c` (scenarios with several contracts).
  public func contract(_ c: Int, year y: Int, _ figure: String) -> Int {
    member(0, Self.memberFigures[0]) + memberIDs.count * Self.memberFigures.count
      + (c * years.count + y) * Self.contractYearFigures.count + Self.contractYearFigures.firstIndex(of: figure)!
  }

  /// The number of figures.
  public var count: Int {
    years.count * perYear + careTypeIDs.count * Self.careTypeFigures.count + Self.contractFigures.count
      + memberIDs.count * Self.memberFigures.count + contractIDs.count * years.count * Self.contractYearFigures.count
  }

  /// Monthly series per replication: year-to-date in-scope spend, then waiting per care type.
  public var seriesPerMonth: Int { 1 + careTypeIDs.count }

  /// The replication's figures as one vector in layout order.
  public func figures(of r: ReplicationResult) -> [Double] {
    var v = [Double](repeating: 0, count: count)
    var overspent = 0
    for (y, year) in r.years.enumerated() {
      let values: [Double] = [
        year.budget, year.spend, year.payment, year.valvePayout, year.result, year.settlement, year.consortiumResult,
        year.outsidePayment, year.municipalCost, year.budgetUse,
        year.exhaustionDay.map(Double.init) ?? Self.notExhausted,
        Double(year.referrals), Double(year.repeatReferrals), Double(year.diverted), Double(year.starts),
        Double(year.exits), Double(year.reneged), Double(year.peakWaiting), year.meanWaitDays,
      ]
      for (i, x) in values.enumerated() { v[y * perYear + i] = x }
      for k in careTypeIDs.indices {
        v[self.year(y, careType: k, "meanWaitDays")] = year.meanWaitByCareType[k]
        v[self.year(y, careType: k, "p90WaitDays")] = year.p90WaitByCareType[k]
      }
      if year.overspent { overspent += 1 }
    }
    for (k, c) in r.careTypes.enumerated() {
      let values: [Double] = [
        Double(c.arrivals), Double(c.starts), Double(c.exits), c.meanWaitDays, c.p90WaitDays, c.shareOverNorm,
        c.meanWaiting, c.meanInCare, Double(c.reneged), c.utilization, c.spend,
      ]
      for (i, x) in values.enumerated() { v[careType(k, Self.careTypeFigures[i])] = x }
    }
    v[contract("totalBudget")] = r.years.reduce(0) { $0 + $1.budget }
    v[contract("totalSpend")] = r.years.reduce(0) { $0 + $1.spend }
    v[contract("totalPayment")] = r.years.reduce(0) { $0 + $1.payment }
    v[contract("totalValvePayout")] = r.years.reduce(0) { $0 + $1.valvePayout }
    v[contract("totalResult")] = r.years.reduce(0) { $0 + $1.result }
    v[contract("totalConsortiumResult")] = r.years.reduce(0) { $0 + $1.consortiumResult }
    v[contract("totalMunicipalCost")] = r.years.reduce(0) { $0 + $1.municipalCost }
    v[contract("yearsOverspent")] = Double(overspent)
    v[contract("capacityLost")] = Double(r.years.reduce(0) { $0 + $1.capacityLost })
    for (m, id) in memberIDs.enumerated() {
      v[member(m, "exited")] = r.years.contains { $0.membersExited.contains(id) } ? 1 : 0
      v[member(m, "totalResult")] = r.years.reduce(0) { $0 + ($1.memberResults.isEmpty ? 0 : $1.memberResults[m]) }
    }
    for c in contractIDs.indices {
      for (y, year) in r.years.enumerated() {
        let x = year.contracts[c]
        let values = [x.budget, x.spend, x.budgetUse, x.result, x.settlement, x.consortiumResult,
                      x.exhaustionDay.map(Double.init) ?? Self.notExhausted]
        for (i, value) in values.enumerated() { v[contract(c, year: y, Self.contractYearFigures[i])] = value }
      }
    }
    return v
  }

  /// The replication's monthly series, [month × seriesPerMonth + series].
  public func series(of r: ReplicationResult) -> [Float] {
    var v = [Float](repeating: 0, count: months * seriesPerMonth)
    let types = careTypeIDs.count
    for m in 0..<months {
      v[m * seriesPerMonth] = Float(r.monthly.cumulativeSpend[m])
      for k in 0..<types { v[m * seriesPerMonth + 1 + k] = Float(r.monthly.waiting[m * types + k]) }
    }
    return v
  }
}
