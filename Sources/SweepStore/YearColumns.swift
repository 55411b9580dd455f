import YouthCare

/// The figures a sweep keeps for each (point, replication, contract year): the contract's money,
/// the budget question, and the flows and waits, in column order (`YearFigure`'s `store` rows).
public enum YearColumns {
  /// One stored figure: its column name, whether it is a whole number, and how it is read off a
  /// year's result (nil is stored as NULL: a year that never ran out has no exhaustion day).
  public struct Column: Sendable {
    public let figure: YearFigure
    public var name: String { figure.rawValue }
    public var isInteger: Bool { figure.unit.isWhole }
    func value(_ year: YearResult) -> Double? { figure.value(in: year) }
  }

  public static let all: [Column] = YearFigure.carried(by: .store).map(Column.init)

  /// The column names, in order.
  public static var names: [String] { all.map(\.name) }

  /// The index of a column.
  public static func index(_ figure: YearFigure) -> Int {
    guard let index = all.firstIndex(where: { $0.figure == figure }) else { preconditionFailure("a store does not keep \(figure)") }
    return index
  }
}

/// One stored year of one replication of one point.
public struct StoredYear: Sendable, Equatable {
  public var point: Int
  public var replication: Int
  /// Calendar year.
  public var year: Int
  /// Values in `YearColumns.all` order; nil where the figure has no value.
  public var values: [Double?]

  /// The value of a column.
  public func value(_ figure: YearFigure) -> Double? { values[YearColumns.index(figure)] }
}
