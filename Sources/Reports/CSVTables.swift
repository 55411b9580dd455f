import Foundation
import YouthCare

/// The CSV files of `lumpsim run --out`: one row per contract year, and a tidy monthly table.
public enum CSVTables {
  /// `years.csv`: one row per contract year; spend per care type in columns `spend_<id>`.
  public static func years(_ result: ReplicationResult) -> String {
    var header = ["year", "contractYear", "budget", "spend", "payment", "valvePayout", "result", "settlement",
                  "consortiumResult", "outsidePayment", "municipalCost",
                  "exhaustionDay", "referrals", "repeatReferrals", "diverted",
                  "starts", "exits", "reneged", "peakWaiting", "meanWaitDays"]
    header += result.careTypes.map { "spend_\($0.id)" }
    var lines = [header.map(field).joined(separator: ",")]
    for y in result.years {
      var row = [String(y.year), String(y.contractYear), money(y.budget), money(y.spend), money(y.payment),
                 money(y.valvePayout), money(y.result), money(y.settlement), money(y.consortiumResult),
                 money(y.outsidePayment), money(y.municipalCost),
                 y.exhaustionDay.map(String.init) ?? "", String(y.referrals), String(y.repeatReferrals), String(y.diverted), String(y.starts),
                 String(y.exits), String(y.reneged), String(y.peakWaiting), number(y.meanWaitDays)]
      row += y.spendByCareType.map(money)
      lines.append(row.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `contracts.csv`: one row per contract year and contract (scenarios with several contracts).
  public static func contracts(_ result: ReplicationResult) -> String {
    let header = ["year", "contract", "budget", "spend", "payment", "valvePayout", "result", "settlement",
                  "consortiumResult", "budgetUse", "exhaustionDay"]
    var lines = [header.joined(separator: ",")]
    for y in result.years {
      for c in y.contracts {
        lines.append([String(y.year), field(c.id), money(c.budget), money(c.spend), money(c.payment),
                      money(c.valvePayout), money(c.result), money(c.settlement), money(c.consortiumResult),
                      money(c.budgetUse), c.exhaustionDay.map(String.init) ?? ""].joined(separator: ","))
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
