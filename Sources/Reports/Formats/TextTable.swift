/// A plain-text table with aligned columns, for the terminal.
public struct TextTable {
  /// How a column aligns.
  public enum Alignment { case left, right }

  var headers: [String]
  var alignments: [Alignment]
  var rows: [[String]] = []

  /// A table with these column headers and alignments.
  public init(_ columns: [(String, Alignment)]) {
    headers = columns.map(\.0)
    alignments = columns.map(\.1)
  }

  /// Adds a row (one cell per column).
  public mutating func append(_ row: [String]) {
    precondition(row.count == headers.count, "a row needs one cell per column")
    rows.append(row)
  }

  /// The table with a rule under the header.
  public func rendered() -> String {
    var widths = headers.map(\.count)
    for row in rows {
      for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
    }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { i, cell in
        let pad = String(repeating: " ", count: widths[i] - cell.count)
        return alignments[i] == .left ? cell + pad : pad + cell
      }.joined(separator: "  ").replacing(/\s+$/, with: "")
    }
    var out = [line(headers), widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
    out += rows.map(line)
    return out.joined(separator: "\n") + "\n"
  }
}
