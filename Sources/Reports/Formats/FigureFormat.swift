import YouthCare

/// How the outputs write a figure of each unit: one rule for every CSV cell and JSON number.
extension FigureUnit {
  /// A CSV cell: money to cents, whole numbers as integers, others to their decimals; none is empty.
  func csvCell(_ value: Double?) -> String {
    guard let value else { return "" }
    return isWhole ? String(Int(value)) : JSONValue.format(value, decimals: decimals)
  }

  /// A JSON value: whole numbers as integers, others to their decimals; none is `null`.
  func json(_ value: Double?) -> JSONValue {
    guard let value else { return .null }
    return isWhole ? .int(Int(value)) : .double(value, decimals)
  }
}

extension YearFigure {
  /// The figure of a region's year or of a contract's money as JSON, lists included.
  func json(year: YearResult? = nil, money: ContractMoney) -> JSONValue {
    switch self {
    case .memberResults: .array(money.memberResults.map { .double($0, unit.decimals) })
    case .membersExited: .array(money.membersExited.map { .string($0) })
    default: unit.json(year.map { value(in: $0) } ?? value(in: money))
    }
  }
}
