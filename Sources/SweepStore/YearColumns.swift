import YouthCare

/// The figures a sweep keeps for each (point, replication, contract year): the contract's money,
/// the budget question, and the flows and waits, in column order.
public enum YearColumns {
  /// One stored figure: its column name, whether it is a whole number, and how it is read off a
  /// year's result (nil is stored as NULL: a year that never ran out has no exhaustion day).
  public struct Column: Sendable {
    public let name: String
    public let isInteger: Bool
    let value: @Sendable (YearResult) -> Double?
  }

  public static let all: [Column] = [
    Column(name: "budget", isInteger: false) { $0.budget },
    Column(name: "spend", isInteger: false) { $0.spend },
    Column(name: "payment", isInteger: false) { $0.payment },
    Column(name: "valvePayout", isInteger: false) { $0.valvePayout },
    Column(name: "result", isInteger: false) { $0.result },
    Column(name: "settlement", isInteger: false) { $0.settlement },
    Column(name: "consortiumResult", isInteger: false) { $0.consortiumResult },
    Column(name: "outsidePayment", isInteger: false) { $0.outsidePayment },
    Column(name: "municipalCost", isInteger: false) { $0.municipalCost },
    Column(name: "budgetUse", isInteger: false) { $0.budgetUse },
    Column(name: "overspend", isInteger: false) { $0.overspend },
    Column(name: "overspent", isInteger: true) { $0.overspent ? 1 : 0 },
    Column(name: "exhaustionDay", isInteger: true) { $0.exhaustionDay.map(Double.init) },
    Column(name: "referrals", isInteger: true) { Double($0.referrals) },
    Column(name: "starts", isInteger: true) { Double($0.starts) },
    Column(name: "exits", isInteger: true) { Double($0.exits) },
    Column(name: "reneged", isInteger: true) { Double($0.reneged) },
    Column(name: "peakWaiting", isInteger: true) { Double($0.peakWaiting) },
    Column(name: "meanWaitDays", isInteger: false) { $0.meanWaitDays },
  ]

  /// The column names, in order.
  public static var names: [String] { all.map(\.name) }

  /// The index of a column by name.
  public static func index(_ name: String) -> Int { all.firstIndex { $0.name == name }! }
}

/// One stored year of one replication of one point.
public struct StoredYear: Sendable, Equatable {
  public var point: Int
  public var replication: Int
  /// Calendar year.
  public var year: Int
  /// Values in `YearColumns.all` order; nil where the figure has no value.
  public var values: [Double?]

  /// The value of a named column.
  public func value(_ name: String) -> Double? { values[YearColumns.index(name)] }
}
