/// Every figure of a contract year, in the order every output writes them: the one table that
/// the run's JSON and CSV files, the batch statistics and a sweep store's columns derive from.
///
/// Adding a figure is one edit: a case here (its place in the order) and its row in `row`
/// (unit, where it is read, which outputs carry it). Writers look figures up by case, so a
/// misspelt name does not compile. The raw value is the name outputs use.
public enum YearFigure: String, CaseIterable, Sendable {
  case budget, spend, payment, corridorAdjustment, renegotiationAdjustment, valvePayout, result, settlement
  case consortiumResult, memberResults, membersExited, capacityLost, subcontractorPayment, adminCost, preventionCost
  case outsidePayment, municipalCost, budgetUse, overspend, overspent, exhaustionDay
  case referrals, repeatReferrals, diverted, starts, exits, reneged, peakWaiting, meanWaitDays

  /// Where a figure is read: a contract's money (so also each contract's year), or the region's year.
  public enum Source: Sendable {
    case money(KeyPath<ContractMoney, Double> & Sendable)
    case moneyDay(KeyPath<ContractMoney, Int?> & Sendable)
    case moneyList
    case year(KeyPath<YearResult, Double> & Sendable)
    case yearCount(KeyPath<YearResult, Int> & Sendable)
    case yearFlag(KeyPath<YearResult, Bool> & Sendable)
  }

  /// A row of the table.
  public struct Definition: Sendable {
    public let unit: FigureUnit
    public let source: Source
    public let outputs: FigureOutputs
  }

  /// The row of the table for this figure.
  public var definition: Definition { Self.table[ordinal] }

  public var unit: FigureUnit { definition.unit }
  public var outputs: FigureOutputs { definition.outputs }

  /// Whether the figure is part of a contract's money, so each contract's year has it too.
  public var isContractMoney: Bool {
    switch definition.source {
    case .money, .moneyDay, .moneyList: true
    case .year, .yearCount, .yearFlag: false
    }
  }

  /// The figures an output carries, in table order.
  public static func carried(by output: FigureOutputs) -> [YearFigure] { allCases.filter { $0.outputs.contains(output) } }

  /// The figure's value in a region's year; nil for a day that never came and for list figures.
  public func value(in year: YearResult) -> Double? {
    switch definition.source {
    case .money, .moneyDay, .moneyList: value(in: year.money)
    case .year(let path): year[keyPath: path]
    case .yearCount(let path): Double(year[keyPath: path])
    case .yearFlag(let path): year[keyPath: path] ? 1 : 0
    }
  }

  /// The figure's value in a contract's money; nil for a day that never came, for list figures and
  /// for figures that are not money (`isContractMoney` is false).
  public func value(in money: ContractMoney) -> Double? {
    switch definition.source {
    case .money(let path): money[keyPath: path]
    case .moneyDay(let path): money[keyPath: path].map(Double.init)
    case .moneyList, .year, .yearCount, .yearFlag: nil
    }
  }

  /// The case's position in `allCases`.
  var ordinal: Int { Self.ordinals[self]! }
  private static let ordinals = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })

  private static let table: [Definition] = allCases.map(\.row)

  /// Everywhere a figure of the region's year and of each contract's year is written.
  private static let everywhere: FigureOutputs = [
    .runJSON, .yearsCSV, .replicationsCSV, .batch, .store, .contractJSON, .contractsCSV, .contractReplicationsCSV,
  ]
  /// The region's year in the run's files, the batch and the store (not `replications.csv`).
  private static let summed: FigureOutputs = [.runJSON, .yearsCSV, .batch, .store]
  /// The flows and waits: everywhere a region's year is written.
  private static let flows: FigureOutputs = [.runJSON, .yearsCSV, .replicationsCSV, .batch, .store]

  /// The table: unit, source and outputs of each figure.
  private var row: Definition {
    switch self {
    case .budget: Definition(unit: .euros, source: .money(\.budget), outputs: Self.everywhere)
    case .spend: Definition(unit: .euros, source: .money(\.spend), outputs: Self.everywhere)
    case .payment: Definition(unit: .euros, source: .money(\.payment), outputs: Self.everywhere.subtracting(.contractReplicationsCSV))
    case .corridorAdjustment: Definition(unit: .euros, source: .money(\.corridorAdjustment), outputs: [.runJSON, .contractJSON])
    case .renegotiationAdjustment:
      Definition(unit: .euros, source: .money(\.renegotiationAdjustment), outputs: [.runJSON, .contractJSON])
    case .valvePayout: Definition(unit: .euros, source: .money(\.valvePayout), outputs: Self.summed.union([.contractJSON, .contractsCSV]))
    case .result: Definition(unit: .euros, source: .money(\.result), outputs: Self.everywhere)
    case .settlement: Definition(unit: .euros, source: .money(\.settlement), outputs: Self.summed.union([.contractJSON, .contractsCSV]))
    case .consortiumResult:
      Definition(unit: .euros, source: .money(\.consortiumResult), outputs: Self.summed.union([.contractJSON, .contractsCSV]))
    case .memberResults: Definition(unit: .eurosPerMember, source: .moneyList, outputs: [.runJSON, .contractJSON])
    case .membersExited: Definition(unit: .memberLabels, source: .moneyList, outputs: [.runJSON, .contractJSON])
    case .capacityLost: Definition(unit: .count, source: .yearCount(\.capacityLost), outputs: [.runJSON])
    case .subcontractorPayment: Definition(unit: .euros, source: .year(\.subcontractorPayment), outputs: [.runJSON])
    case .adminCost: Definition(unit: .euros, source: .year(\.adminCost), outputs: [.runJSON])
    case .preventionCost: Definition(unit: .euros, source: .year(\.preventionCost), outputs: [.runJSON])
    case .outsidePayment: Definition(unit: .euros, source: .year(\.outsidePayment), outputs: Self.summed)
    case .municipalCost: Definition(unit: .euros, source: .year(\.municipalCost), outputs: Self.flows)
    case .budgetUse: Definition(unit: .euros, source: .money(\.budgetUse), outputs: [.runJSON, .batch, .store, .contractJSON, .contractsCSV])
    case .overspend: Definition(unit: .euros, source: .year(\.overspend), outputs: [.store])
    case .overspent: Definition(unit: .flag, source: .yearFlag(\.overspent), outputs: [.store])
    case .exhaustionDay: Definition(unit: .dayOfYear, source: .moneyDay(\.exhaustionDay), outputs: Self.everywhere)
    case .referrals: Definition(unit: .count, source: .yearCount(\.referrals), outputs: Self.flows)
    case .repeatReferrals: Definition(unit: .count, source: .yearCount(\.repeatReferrals), outputs: Self.flows.subtracting(.store))
    case .diverted: Definition(unit: .count, source: .yearCount(\.diverted), outputs: Self.flows.subtracting(.store))
    case .starts: Definition(unit: .count, source: .yearCount(\.starts), outputs: Self.flows)
    case .exits: Definition(unit: .count, source: .yearCount(\.exits), outputs: Self.flows)
    case .reneged: Definition(unit: .count, source: .yearCount(\.reneged), outputs: Self.flows)
    case .peakWaiting: Definition(unit: .count, source: .yearCount(\.peakWaiting), outputs: Self.flows)
    case .meanWaitDays: Definition(unit: .days, source: .year(\.meanWaitDays), outputs: Self.flows)
    }
  }
}
