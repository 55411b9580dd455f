import Experiments
import YouthCare

/// The CSV files of `lumpsim batch`.
public enum BatchCSV {
  /// The header of `replications.csv` (one row per replication × contract year); `contractIDs`
  /// only when the scenario has several contracts.
  public static func replicationsHeader(careTypeIDs: [String], contractIDs: [String] = []) -> String {
    (["replication", "year"] + YearFigure.carried(by: .replicationsCSV).map(\.rawValue)
      + CareTypeYearFigure.carried(by: .replicationsCSV).flatMap { figure in careTypeIDs.map { "\(figure.columnPrefix)_\($0)" } }
      + contractIDs.flatMap { id in YearFigure.carried(by: .contractReplicationsCSV).map { "\($0.rawValue)_\(id)" } })
      .map(CSVFormat.field).joined(separator: ",") + "\n"
  }

  /// The rows of one replication.
  public static func replicationRows(_ index: Int, _ r: ReplicationResult) -> String {
    let figures = YearFigure.carried(by: .replicationsCSV), perType = CareTypeYearFigure.carried(by: .replicationsCSV)
    let perContract = YearFigure.carried(by: .contractReplicationsCSV)
    var out = ""
    for y in r.years {
      var row = [String(index), String(y.year)] + figures.map { $0.unit.csvCell($0.value(in: y)) }
      row += perType.flatMap { figure in figure.values(in: y).map { figure.unit.csvCell($0) } }
      if y.contracts.count > 1 {
        row += y.contracts.flatMap { c in perContract.map { $0.unit.csvCell($0.value(in: c.money)) } }
      }
      out += row.joined(separator: ",") + "\n"
    }
    return out
  }

  /// `bands.csv`: per month, bands of year-to-date spend, the budget paid so far, and waiting lists.
  public static func bands(_ batch: BatchResult) -> String {
    var lines = ["year,month,series,careType,mean,p05,p25,p50,p75,p95"]
    let layout = batch.layout
    for m in 0..<layout.months {
      let prefix = "\(layout.years[m / 12]),\(m % 12 + 1)"
      let base = m * layout.seriesPerMonth
      lines.append("\(prefix),cumulativeSpend,," + row(batch.bands[base], money: true))
      let paid = CSVFormat.money(batch.budgetPaid[m])
      lines.append("\(prefix),budgetPaid,,\(paid),\(paid),\(paid),\(paid),\(paid),\(paid)")
      for (k, id) in layout.careTypeIDs.enumerated() {
        lines.append("\(prefix),waiting,\(CSVFormat.field(id))," + row(batch.bands[base + 1 + k], money: false))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Per contract year, the figures the terminal table shows (`--format csv`).
  public static func years(_ batch: BatchResult) -> String {
    var lines = ["year,budget,spend_mean,spend_p05,spend_p50,spend_p95,result_mean,overspendProbability,"
      + "overspend_ci95Low,overspend_ci95High,expectedShortfall,exhaustionDay_p50,meanWaitDays_p50"]
    for (y, risk) in batch.years.enumerated() {
      let spend = batch.year(y, .spend), interval = risk.overspend.interval()
      let shortfall: String = risk.expectedShortfall.map { CSVFormat.money($0) } ?? ""
      let money: [String] = [batch.year(y, .budget).mean, spend.mean, spend.p05, spend.p50, spend.p95,
                             batch.year(y, .result).mean].map { CSVFormat.money($0) }
      let probabilities: [String] = [risk.overspend.estimate, interval.low, interval.high]
        .map { JSONValue.format($0, decimals: 6) }
      let days: [String] = [batch.year(y, .exhaustionDay).p50, batch.year(y, .meanWaitDays).p50]
        .map { CSVFormat.number($0) }
      let cells: [String] = [String(risk.year)] + money + probabilities + [shortfall] + days
      lines.append(cells.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func row(_ s: FigureStatistics, money: Bool) -> String {
    let values = [s.mean, s.p05, s.p25, s.p50, s.p75, s.p95]
    return values.map { money ? CSVFormat.money($0) : CSVFormat.number($0) }.joined(separator: ",")
  }
}
