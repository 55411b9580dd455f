import Foundation
import YouthCare

/// The CSV files of `lumpsim run --out`: one row per contract year, and a tidy monthly table.
public enum RunCSV {
  /// `years.csv`: one row per contract year; per care type, columns `<figure>_<id>` (`spend_<id>`).
  public static func years(_ result: ReplicationResult) -> String {
    let figures = YearFigure.carried(by: .yearsCSV), perType = CareTypeYearFigure.carried(by: .yearsCSV)
    let header = ["year", "contractYear"] + figures.map(\.rawValue)
      + perType.flatMap { figure in result.careTypes.map { "\(figure.columnPrefix)_\($0.id)" } }
    var lines = [header.map(CSVFormat.field).joined(separator: ",")]
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
        lines.append(([String(y.year), CSVFormat.field(c.id)] + figures.map { $0.unit.csvCell($0.value(in: c.money)) }).joined(separator: ","))
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
        lines.append("\(prefix),referrals,,\(CSVFormat.field(id)),\(series.referrals[m * sources.count + s])")
      }
      for (k, id) in types.enumerated() {
        let i = m * types.count + k
        lines.append("\(prefix),starts,\(CSVFormat.field(id)),,\(series.starts[i])")
        lines.append("\(prefix),inCare,\(CSVFormat.field(id)),,\(series.inCare[i])")
        lines.append("\(prefix),waiting,\(CSVFormat.field(id)),,\(series.waiting[i])")
        lines.append("\(prefix),capacity,\(CSVFormat.field(id)),,\(series.capacity[i])")
        lines.append("\(prefix),spend,\(CSVFormat.field(id)),,\(CSVFormat.money(series.spend[i]))")
      }
      lines.append("\(prefix),spendInScope,,,\(CSVFormat.money(series.spendInScope[m]))")
      lines.append("\(prefix),cumulativeSpend,,,\(CSVFormat.money(series.cumulativeSpend[m]))")
      lines.append("\(prefix),budgetPaid,,,\(CSVFormat.money(series.budgetPaid[m]))")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
