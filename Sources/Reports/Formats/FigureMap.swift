import Foundation
import YouthCare

/// A figure of the table as a key of a summary: its raw value is the key, its unit fixes the
/// decimals its statistics are written with.
public protocol SummaryFigure: Hashable, Sendable {
  var rawValue: String { get }
  var unit: FigureUnit { get }
}

extension SummaryFigure {
  /// Money to cents, everything else to 4 decimals (as every batch statistic is written).
  var decimals: Int { unit.isMoney ? 2 : 4 }
}

extension YearFigure: SummaryFigure {}
extension CareTypeFigure: SummaryFigure {}
extension CareTypeYearFigure: SummaryFigure {}
extension ContractTotal: SummaryFigure {}

/// One value per figure of a fixed list, keyed in the file by each figure's raw value: the figures
/// of a year, a care type or the contract. Reading requires every figure of the list.
public struct FigureMap<Figure: SummaryFigure, Value: Decodable & Equatable & Sendable>: Equatable, Sendable {
  /// The figures, in the order they are written.
  public let figures: [Figure]
  private let values: [Figure: Value]

  init(_ figures: [Figure], value: (Figure) -> Value) {
    self.figures = figures
    values = Dictionary(uniqueKeysWithValues: figures.map { ($0, value($0)) })
  }

  /// Reads every figure of `figures` from the object `decoder` is at.
  init(_ figures: [Figure], from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: SummaryKey.self)
    var values: [Figure: Value] = [:]
    for figure in figures { values[figure] = try container.decode(Value.self, forKey: SummaryKey(figure.rawValue)) }
    self.figures = figures
    self.values = values
  }

  /// The value of a figure of the list.
  public subscript(figure: Figure) -> Value {
    guard let value = values[figure] else { preconditionFailure("\(figure.rawValue) is not a figure of this part of the summary") }
    return value
  }

  /// `(key, value)` fields in the list's order.
  func fields(_ json: (Figure, Value) -> JSONValue) -> [(String, JSONValue)] {
    figures.map { ($0.rawValue, json($0, self[$0])) }
  }
}
