/// The figures a batch follows over the whole contract period, each the sum of a year figure over
/// the contract years, in output order (`summary.json`'s `contract`).
public enum ContractTotal: String, CaseIterable, Sendable {
  case totalBudget, totalSpend, totalPayment, totalValvePayout, totalResult, totalConsortiumResult
  case totalMunicipalCost, yearsOverspent, capacityLost

  /// The year figure summed.
  public var yearFigure: YearFigure {
    switch self {
    case .totalBudget: .budget
    case .totalSpend: .spend
    case .totalPayment: .payment
    case .totalValvePayout: .valvePayout
    case .totalResult: .result
    case .totalConsortiumResult: .consortiumResult
    case .totalMunicipalCost: .municipalCost
    case .yearsOverspent: .overspent
    case .capacityLost: .capacityLost
    }
  }

  /// Money sums are money; counts of years and places are counts.
  public var unit: FigureUnit { yearFigure.unit == .flag ? .count : yearFigure.unit }

  /// The sum over the years (in order, so the rounding is the same in every output).
  public func value(in years: [YearResult]) -> Double {
    years.reduce(0) { $0 + (yearFigure.value(in: $1) ?? 0) }
  }
}
