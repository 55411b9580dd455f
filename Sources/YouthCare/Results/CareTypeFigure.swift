/// Every figure of a care type over the contract years, in output order: the table `run`'s
/// `careTypes[]` and the batch statistics derive from (see `YearFigure` for the year's).
public enum CareTypeFigure: String, CaseIterable, Sendable {
  case capacity, waitingNormDays, arrivals, starts, exits, meanWaitDays, p90WaitDays, shareOverNorm, meanWaiting
  case meanInCare, reneged, utilization, spend

  /// What the figure measures, which fixes how it is written.
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

  /// The figure's value in a care type's result.
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
