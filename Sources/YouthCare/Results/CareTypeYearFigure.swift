/// The figures of a care type in one contract year, in output order.
public enum CareTypeYearFigure: String, CaseIterable, Sendable {
  case spend, meanWaitDays, p90WaitDays

  /// What the figure measures, which fixes how it is written.
  public var unit: FigureUnit {
    switch self {
    case .spend: .euros
    case .meanWaitDays, .p90WaitDays: .days
    }
  }

  /// The outputs that carry the figure, one column or statistic per care type.
  public var outputs: FigureOutputs {
    switch self {
    case .spend: [.yearsCSV]
    case .meanWaitDays: [.replicationsCSV, .batch]
    case .p90WaitDays: [.batch]
    }
  }

  /// The start of a CSV column's name, before `_<careType>`.
  public var columnPrefix: String {
    switch self {
    case .spend: "spend"
    case .meanWaitDays: "meanWait"
    case .p90WaitDays: "p90Wait"
    }
  }

  /// The figures an output carries, in table order.
  public static func carried(by output: FigureOutputs) -> [CareTypeYearFigure] {
    allCases.filter { $0.outputs.contains(output) }
  }

  /// The figure per care type, in scenario order.
  public func values(in year: YearResult) -> [Double] {
    switch self {
    case .spend: year.spendByCareType
    case .meanWaitDays: year.meanWaitByCareType
    case .p90WaitDays: year.p90WaitByCareType
    }
  }
}
