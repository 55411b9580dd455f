import YouthCare

/// Which numbers a batch follows for every replication, and where each sits in a flat vector.
///
/// Per contract year: the budget figures, flows and waits (overall and per care type); per care
/// type: the figures of `CareTypeResult`; over the contract: totals. A replication becomes one
/// vector of these, plus its monthly series (year-to-date spend and waiting lists per care type).
public struct FigureLayout: Sendable {
  /// Figures per contract year, in order (`YearFigure`'s table, `batch` output).
  public static let yearFigures = YearFigure.carried(by: .batch)
  /// Figures per care type per year, in order.
  public static let yearCareTypeFigures = CareTypeYearFigure.carried(by: .batch)
  /// Figures per care type over the contract, in order.
  public static let careTypeFigures = CareTypeFigure.carried(by: .batch)
  /// Figures per consortium member over the contract, in order.
  public static let memberFigures = MemberFigure.allCases
  /// Figures over the whole contract, in order.
  public static let contractFigures = ContractTotal.allCases

  /// Figures per contract per year, when a scenario has several contracts, in the order
  /// `summary.json` has always written them (budget use beside spend, where it is compared).
  public static let contractYearFigures: [YearFigure] = [.budget, .spend, .budgetUse, .result, .settlement, .consortiumResult, .exhaustionDay]

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

  /// Where each figure sits within its group (nil: the batch does not follow it).
  private static let yearSlots = slots(yearFigures)
  private static let yearCareTypeSlots = slots(yearCareTypeFigures)
  private static let careTypeSlots = slots(careTypeFigures)
  private static let contractSlots = slots(contractFigures)
  private static let memberSlots = slots(memberFigures)
  private static let contractYearSlots = slots(contractYearFigures)

  private static func slots<Figure: Hashable>(_ followed: [Figure]) -> [Figure: Int] {
    Dictionary(uniqueKeysWithValues: followed.enumerated().map { ($1, $0) })
  }

  var perYear: Int { Self.yearFigures.count + Self.yearCareTypeFigures.count * careTypeIDs.count }

  /// Index of a year figure (year index 0-based).
  public func year(_ y: Int, _ figure: YearFigure) -> Int {
    y * perYear + Self.slot(Self.yearSlots, figure)
  }

  /// Index of a per-year care-type figure.
  public func year(_ y: Int, careType k: Int, _ figure: CareTypeYearFigure) -> Int {
    y * perYear + Self.yearFigures.count + k * Self.yearCareTypeFigures.count + Self.slot(Self.yearCareTypeSlots, figure)
  }

  /// Index of a care-type figure over the contract.
  public func careType(_ k: Int, _ figure: CareTypeFigure) -> Int {
    years.count * perYear + k * Self.careTypeFigures.count + Self.slot(Self.careTypeSlots, figure)
  }

  /// Index of a contract figure.
  public func contract(_ figure: ContractTotal) -> Int {
    contractStart + Self.slot(Self.contractSlots, figure)
  }

  /// Index of a member figure.
  public func member(_ m: Int, _ figure: MemberFigure) -> Int {
    memberStart + m * Self.memberFigures.count + Self.slot(Self.memberSlots, figure)
  }

  /// Index of a per-year figure of contract `c` (scenarios with several contracts).
  public func contract(_ c: Int, year y: Int, _ figure: YearFigure) -> Int {
    memberStart + memberIDs.count * Self.memberFigures.count
      + (c * years.count + y) * Self.contractYearFigures.count + Self.slot(Self.contractYearSlots, figure)
  }

  private var contractStart: Int { years.count * perYear + careTypeIDs.count * Self.careTypeFigures.count }
  private var memberStart: Int { contractStart + Self.contractFigures.count }

  /// A figure's place in its group; a figure the batch does not follow is a programming error.
  private static func slot<Figure: Hashable>(_ slots: [Figure: Int], _ figure: Figure) -> Int {
    guard let slot = slots[figure] else { preconditionFailure("the batch does not follow \(figure)") }
    return slot
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
    for (y, year) in r.years.enumerated() {
      for figure in Self.yearFigures {
        v[self.year(y, figure)] = figure.value(in: year) ?? Self.notExhausted
      }
      for figure in Self.yearCareTypeFigures {
        for (k, value) in figure.values(in: year).enumerated() { v[self.year(y, careType: k, figure)] = value }
      }
    }
    for (k, c) in r.careTypes.enumerated() {
      for figure in Self.careTypeFigures { v[careType(k, figure)] = figure.value(in: c) }
    }
    for figure in Self.contractFigures { v[contract(figure)] = figure.value(in: r.years) }
    for (m, id) in memberIDs.enumerated() {
      v[member(m, .exited)] = r.years.contains { $0.membersExited.contains(id) } ? 1 : 0
      v[member(m, .totalResult)] = r.years.reduce(0) { $0 + ($1.memberResults.isEmpty ? 0 : $1.memberResults[m]) }
    }
    for c in contractIDs.indices {
      for (y, year) in r.years.enumerated() {
        for figure in Self.contractYearFigures {
          v[contract(c, year: y, figure)] = figure.value(in: year.contracts[c].money) ?? Self.notExhausted
        }
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
