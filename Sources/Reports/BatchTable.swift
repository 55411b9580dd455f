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

  /// One sentence that answers "is this budget realistic?".
  public static func verdict(_ batch: BatchResult, scenario: Scenario) -> String {
    let probabilities = batch.years.map(\.overspend.estimate)
    let low = probabilities.min() ?? 0, high = probabilities.max() ?? 0
    let any = batch.anyOverspend.estimate
    let label: String
    switch high {
    case 0.9...: label = "Too low"
    case 0.5..<0.9: label = "At risk"
    case 0.1..<0.5: label = "Tight"
    default: label = "Realistic"
    }
    var sentence = "\(label): "
    let subject = scenario.contracts.count > 1
      ? "at least one of the \(scenario.contracts.count) lumpsums (€\(millions(scenario.lumpsumBase))M together) is"
      : "the €\(millions(scenario.lumpsumBase))M lumpsum is"
    if probabilities.count > 1 {
      sentence += "\(subject) overspent with probability "
      sentence += low == high ? percent(high) : "\(percent(low)) to \(percent(high))"
      sentence += " per contract year, and at least one year overspends in \(percent(any)) of simulated contracts"
    } else {
      sentence += "\(subject) overspent with probability \(percent(high))"
    }
    let firstDay = batch.year(0, .exhaustionDay).p50
    if firstDay < FigureLayout.notExhausted {
      sentence += "; in \(batch.years[0].year) the money typically runs out on \(RunTable.date(Int(firstDay.rounded(.down))))"
    }
    if let k = busiest(batch, limit: 1).first {
      let wait = batch.careType(k, .meanWaitDays).p50
      sentence += ", and children wait \(String(format: "%.0f", wait)) days on average for \(scenario.careTypes[k].name)"
    }
    return sentence + "."
  }

  /// The whole view.
  public static func render(_ batch: BatchResult, scenario: Scenario, wallSeconds: Double, stoppingNote: String?) -> String {
    var out = verdict(batch, scenario: scenario) + "\n\n"
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
      let day = batch.year(y, .exhaustionDay).p50
      var row = [
        String(risk.year), RunTable.millions(batch.year(y, .budget).mean),
        "\(RunTable.millions(spend.p50)) [\(RunTable.millions(spend.p05)), \(RunTable.millions(spend.p95))]",
        percent(risk.overspend.estimate), risk.expectedShortfall.map { RunTable.millions($0) } ?? "–",
        day < FigureLayout.notExhausted ? RunTable.date(Int(day.rounded(.down))) : "not exhausted",
      ]
      for k in busy {
        let mean = batch.year(y, careType: k, .meanWaitDays).p50, p90 = batch.year(y, careType: k, .p90WaitDays).p50
        row.append(String(format: "%.0f / %.0f d", mean, p90))
      }
      table.append(row)
    }
    out += table.rendered()
    if !batch.contracts.isEmpty { out += "\n" + contractTable(batch) }
    let total = batch.contract(.totalResult)
    out += "\nContract result €M: median \(RunTable.millions(total.p50)), 90% band "
    out += "[\(RunTable.millions(total.p05)), \(RunTable.millions(total.p95))]; "
    out += "P(at least one overspent year) \(percent(any: batch.anyOverspend)).\n"
    out += "Medians and bands are over replications; waits are each year's mean and 90th percentile, "
    out += "shortfall is the mean overspend when there is one.\n"
    return out
  }

  /// One row per contract: its year-1 budget, P(overspend) per year, and when it runs out in year 1.
  static func contractTable(_ batch: BatchResult) -> String {
    var columns: [(String, TextTable.Alignment)] = [("Contract", .left), ("Budget \(batch.years[0].year) €M", .right)]
    for risk in batch.years { columns.append(("P(over) \(risk.year)", .right)) }
    columns += [("Any year", .right), ("Runs out \(batch.years[0].year) (median)", .left)]
    var table = TextTable(columns)
    for (c, contract) in batch.contracts.enumerated() {
      let layout = batch.layout
      let day = batch.figures[layout.contract(c, year: 0, .exhaustionDay)].p50
      table.append(
        ["\(contract.id) \(contract.name)", RunTable.millions(batch.figures[layout.contract(c, year: 0, .budget)].mean)]
          + contract.years.map { percent($0.overspend.estimate) }
          + [percent(contract.anyOverspend.estimate),
             day < FigureLayout.notExhausted ? RunTable.date(Int(day.rounded(.down))) : "not exhausted"])
    }
    return table.rendered()
  }

  static func millions(_ euros: Double) -> String { String(format: "%.1f", euros / 1e6) }

  static func percent(_ p: Double) -> String {
    if p > 0 && p < 0.01 { return "<1%" }
    if p < 1 && p > 0.99 { return ">99%" }
    return String(format: "%.0f%%", p * 100)
  }

  static func percent(any p: Proportion) -> String {
    let i = p.interval()
    return "\(percent(p.estimate)) (95% CI \(percent(i.low)) to \(percent(i.high)))"
  }
}
