import Experiments
import Foundation
import YouthCare

/// The terminal view of a batch: a verdict in one sentence, then the budget risk per year.
public enum BatchTable {
  /// The care types with the longest waiting lists (median over replications), at most `limit`.
  public static func busiest(_ batch: BatchResult, limit: Int = 2) -> [Int] {
    let layout = batch.layout
    return layout.careTypeIDs.indices
      .filter { batch.careType($0, .meanWaiting).p50 > 0.5 }
      .sorted { batch.careType($0, .meanWaiting).p50 > batch.careType($1, .meanWaiting).p50 }
      .prefix(limit).map { $0 }
  }

  /// One sentence that answers "is this budget realistic?" (`BatchVerdict`, in English).
  public static func verdict(_ batch: BatchResult, scenario: Scenario) -> String {
    BatchVerdict(BatchSummaryFile(batch, assumptions: ScenarioFactsFile(scenario))).sentence(.en)
  }

  /// The whole view.
  public static func render(_ batch: BatchResult, scenario: Scenario, wallSeconds: Double, stoppingNote: String?) -> String {
    // The verdict and the dates below read the numbers summary.json holds, as the report does.
    let summary = BatchSummaryFile(batch, assumptions: ScenarioFactsFile(scenario))
    var out = BatchVerdict(summary).sentence(.en) + "\n\n"
    let perSecond = wallSeconds > 0 ? Double(batch.replications) / wallSeconds : 0
    out += "\(scenario.name) · seed \(batch.seed) · \(RunTable.grouped(batch.replications)) replications "
    out += "in \(String(format: "%.1f", wallSeconds)) s (\(RunTable.grouped(Int(perSecond))) per second)\n"
    if let stoppingNote { out += stoppingNote + "\n" }
    out += "\n"
    let busy = busiest(batch)
    var columns: [(String, TextTable.Alignment)] = [
      ("Year", .left), ("Budget €M", .right), ("Spend €M median [90% band]", .right), ("P(overspend)", .right),
      ("Shortfall €M", .right), ("Runs out (median)", .left),
    ]
    for k in busy { columns.append(("\(batch.layout.careTypeIDs[k]) wait mean / p90", .right)) }
    var table = TextTable(columns)
    for (y, risk) in batch.years.enumerated() {
      let spend = batch.year(y, .spend)
      let year = summary.years[y]
      let day = BatchVerdict.medianExhaustionDay(year[.exhaustionDay].p50, runsOut: year.risk.exhaustedByEndOfMonth[11])
      var row = [
        String(risk.year), RunTable.millions(batch.year(y, .budget).mean),
        "\(RunTable.millions(spend.p50)) [\(RunTable.millions(spend.p05)), \(RunTable.millions(spend.p95))]",
        percent(risk.overspend.estimate), risk.expectedShortfall.map { RunTable.millions($0) } ?? "–",
        day.map { BatchVerdict.date($0, .en) } ?? "not exhausted",
      ]
      for k in busy {
        let mean = batch.year(y, careType: k, .meanWaitDays).p50, p90 = batch.year(y, careType: k, .p90WaitDays).p50
        row.append(String(format: "%.0f / %.0f d", mean, p90))
      }
      table.append(row)
    }
    out += table.rendered()
    if !batch.contracts.isEmpty { out += "\n" + contractTable(batch, summary: summary) }
    let total = batch.contract(.totalResult)
    out += "\nContract result €M: median \(RunTable.millions(total.p50)), 90% band "
    out += "[\(RunTable.millions(total.p05)), \(RunTable.millions(total.p95))]; "
    out += "P(at least one overspent year) \(percent(any: batch.anyOverspend)).\n"
    out += "Medians and bands are over replications; waits are each year's mean and 90th percentile, "
    out += "shortfall is the mean overspend when there is one.\n"
    return out
  }

  /// One row per contract: its year-1 budget, P(overspend) per year, and when it runs out in year 1.
  static func contractTable(_ batch: BatchResult, summary: BatchSummaryFile) -> String {
    var columns: [(String, TextTable.Alignment)] = [("Contract", .left), ("Budget \(batch.years[0].year) €M", .right)]
    for risk in batch.years { columns.append(("P(over) \(risk.year)", .right)) }
    columns += [("Any year", .right), ("Runs out \(batch.years[0].year) (median)", .left)]
    var table = TextTable(columns)
    for (c, contract) in batch.contracts.enumerated() {
      let layout = batch.layout
      let day = summary.contracts.flatMap { contracts in
        let year = contracts[c].years[0]
        return BatchVerdict.medianExhaustionDay(year[.exhaustionDay].p50, runsOut: year.risk.exhaustedByEndOfMonth[11])
      }
      table.append(
        ["\(contract.id) \(contract.name)", RunTable.millions(batch.figures[layout.contract(c, year: 0, .budget)].mean)]
          + contract.years.map { percent($0.overspend.estimate) }
          + [percent(contract.anyOverspend.estimate),
             day.map { BatchVerdict.date($0, .en) } ?? "not exhausted"])
    }
    return table.rendered()
  }

  static func percent(_ p: Double) -> String { BatchVerdict.percent(p, .en) }

  static func percent(any p: Proportion) -> String {
    let i = p.interval()
    return "\(percent(p.estimate)) (95% CI \(percent(i.low)) to \(percent(i.high)))"
  }
}
