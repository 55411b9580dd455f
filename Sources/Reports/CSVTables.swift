import Foundation
import YouthCare

/// The CSV files of `lumpsim run --out`: one row per contract year, and a tidy monthly table.
public enum CSVTables {
  /// `years.csv`: one row per contract year; per care type, columns `<figure>_<id>` (`spend_<id>`).
  public static func years(_ result: ReplicationResult) -> String {
    let figures = YearFigure.carried(by: .yearsCSV), perType = CareTypeYearFigure.carried(by: .yearsCSV)
    let header = ["year", "contractYear"] + figures.map(\.rawValue)
      + perType.flatMap { figure in result.careTypes.map { "\(figure.columnPrefix)_\($0.id)" } }
    var lines = [header.map(field).joined(separator: ",")]
    for y in result.years {
      let row = [String(y.year), String(y.contractYear)] + figures.map { $0.unit.csvCell($0.value(in: y)) }
        + perType.flatMap { figure in figure.values(in: y).map { figure.unit.csvCell($0) } }
      lines.append(row.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `contracts.csv`: one row per contract year and contract (scenarios with several contracts).
  public static func contracts(_ result: ReplicationResult) -> String {
    let figures = YearFigure.carried(by: .contractsCSV)
    var lines = [(["year", "contract"] + figures.map(\.rawValue)).joined(separator: ",")]
    for y in result.years {
      for c in y.contracts {
        lines.append(([String(y.year), field(c.id)] + figures.map { $0.unit.csvCell($0.value(in: c.money)) }).joined(separator: ","))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `monthly.csv`: tidy, one row per month × metric × care type (or source, for referrals).
  public static func monthly(_ result: ReplicationResult, firstYear: Int) -> String {
    let series = result.monthly
    let types = series.careTypeIDs, sources = series.sourceIDs
    var lines = ["year,month,metric,careType,source,value"]
    for m in 0..<series.months {
      let prefix = "\(firstYear + m / 12),\(m % 12 + 1)"
      for (s, id) in sources.enumerated() {
        lines.append("\(prefix),referrals,,\(field(id)),\(series.referrals[m * sources.count + s])")
      }
      for (k, id) in types.enumerated() {
        let i = m * types.count + k
        lines.append("\(prefix),starts,\(field(id)),,\(series.starts[i])")
        lines.append("\(prefix),inCare,\(field(id)),,\(series.inCare[i])")
        lines.append("\(prefix),waiting,\(field(id)),,\(series.waiting[i])")
        lines.append("\(prefix),capacity,\(field(id)),,\(series.capacity[i])")
        lines.append("\(prefix),spend,\(field(id)),,\(money(series.spend[i]))")
      }
      lines.append("\(prefix),spendInScope,,,\(money(series.spendInScope[m]))")
      lines.append("\(prefix),cumulativeSpend,,,\(money(series.cumulativeSpend[m]))")
      lines.append("\(prefix),budgetPaid,,,\(money(series.budgetPaid[m]))")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func money(_ value: Double) -> String { JSONValue.format(value, decimals: 2) }
  static func number(_ value: Double) -> String { JSONValue.format(value, decimals: 4) }

  /// Quotes a field when it holds a comma, quote or newline (RFC 4180).
  static func field(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
