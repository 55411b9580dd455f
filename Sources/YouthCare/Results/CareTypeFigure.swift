/// Every figure of a care type over the contract years, in output order: the table `run`'s
/// `careTypes[]` and the batch statistics derive from (see `YearFigure` for the year's).
public enum CareTypeFigure: String, CaseIterable, Sendable {
  case capacity, waitingNormDays, arrivals, starts, exits, meanWaitDays, p90WaitDays, shareOverNorm, meanWaiting
  case meanInCare, reneged, utilization, spend

  public var unit: FigureUnit {
    switch self {
    case .capacity, .arrivals, .starts, .exits, .reneged: .count
    case .waitingNormDays: .normDays
    case .meanWaitDays, .p90WaitDays: .days
    case .meanWaiting, .meanInCare: .average
    case .shareOverNorm, .utilization: .share
    case .spend: .euros
    }
  }

  /// `runJSON` for all; the batch follows what a replication measured (not the scenario's
  /// capacity and norm, which every replication shares).
  public var outputs: FigureOutputs {
    switch self {
    case .capacity, .waitingNormDays: [.runJSON]
    default: [.runJSON, .batch]
    }
  }

  /// The figures an output carries, in table order.
  public static func carried(by output: FigureOutputs) -> [CareTypeFigure] { allCases.filter { $0.outputs.contains(output) } }

  public func value(in c: CareTypeResult) -> Double {
    switch self {
    case .capacity: Double(c.capacity)
    case .waitingNormDays: c.waitingNormDays
    case .arrivals: Double(c.arrivals)
    case .starts: Double(c.starts)
    case .exits: Double(c.exits)
    case .meanWaitDays: c.meanWaitDays
    case .p90WaitDays: c.p90WaitDays
    case .shareOverNorm: c.shareOverNorm
    case .meanWaiting: c.meanWaiting
    case .meanInCare: c.meanInCare
    case .reneged: Double(c.reneged)
    case .utilization: c.utilization
    case .spend: c.spend
    }
  }
}

/// The figures of a care type in one contract year, in output order.
public enum CareTypeYearFigure: String, CaseIterable, Sendable {
  case spend, meanWaitDays, p90WaitDays

  public var unit: FigureUnit {
    switch self {
    case .spend: .euros
    case .meanWaitDays, .p90WaitDays: .days
    }
  }

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
