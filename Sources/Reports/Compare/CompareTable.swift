import Experiments
import Foundation
import YouthCare

/// `lumpsim compare`'s terminal view: the models side by side, then the paired differences.
public enum CompareTable {
  /// The terminal view.
  public static func render(_ c: FundingComparison, scenario: Scenario, wallSeconds: Double) -> String {
    let first = c.batches[0]
    let busy = BatchTable.busiest(first, limit: 1)
    var out = "Funding models on the same \(RunTable.grouped(first.replications)) replications of \(scenario.name)\n"
    out += "seed \(first.seed) · \(String(format: "%.1f", wallSeconds)) s · figures over the \(first.layout.years.count) contract years\n\n"
    var columns: [(String, TextTable.Alignment)] = [
      ("Model", .left), ("Municipal cost €M", .right), ("Provider result €M", .right), ("P(budget exceeded)", .right),
    ]
    for k in busy { columns.append(("\(first.layout.careTypeIDs[k]) wait (d)", .right)) }
    var table = TextTable(columns)
    for (model, batch) in zip(c.models, c.batches) {
      var row = [model.rawValue, interval(batch.contract(.totalMunicipalCost)), interval(batch.contract(.totalConsortiumResult)),
                 String(format: "%.0f%%", batch.anyOverspend.estimate * 100)]
      for k in busy { row.append(String(format: "%.1f", batch.careType(k, .meanWaitDays).mean)) }
      table.append(row)
    }
    out += table.rendered()
    guard !c.differences.isEmpty else { return out }
    out += "\nPaired differences from \(c.models[0].rawValue) (same children), mean [95% CI]:\n"
    let layout = first.layout
    var rows: [(String, Int, Bool)] = [
      ("Municipal cost €M", layout.contract(.totalMunicipalCost), true),
      ("Paid for contract care €M", layout.contract(.totalPayment), true),
      ("Provider result €M", layout.contract(.totalConsortiumResult), true),
      ("Provider cost €M", layout.contract(.totalSpend), true),
    ]
    for k in busy { rows.append(("\(layout.careTypeIDs[k]) mean wait (days)", layout.careType(k, .meanWaitDays), false)) }
    var diff = TextTable([("Figure", .left)] + c.models.dropFirst().map { ($0.rawValue, .right) })
    for (label, index, money) in rows {
      diff.append([label] + c.differences.map { row in
        let d = row[index]
        return money
          ? "\(signed(d.mean / 1e6)) [\(signed(d.ci95Low / 1e6)), \(signed(d.ci95High / 1e6))]"
          : "\(signed(d.mean, digits: 1)) [\(signed(d.ci95Low, digits: 1)), \(signed(d.ci95High, digits: 1))]"
      })
    }
    out += diff.rendered()
    out += "\nMunicipal cost = contract payments + valve payouts + settlement + care outside the contract;\n"
    out += "provider result = payments + valve payouts − cost, after settlement.\n"
    return out
  }

  static func interval(_ s: FigureStatistics) -> String {
    "\(RunTable.millions(s.mean)) [\(RunTable.millions(s.ci95Low)), \(RunTable.millions(s.ci95High))]"
  }

  /// A signed number with a typographic minus; zero has no sign.
  static func signed(_ value: Double, digits: Int = 2) -> String {
    let text = String(format: "%+.\(digits)f", value)
    let zero = String(format: "%.\(digits)f", 0.0)
    return text == "-" + zero || text == "+" + zero ? zero : text.replacingOccurrences(of: "-", with: "−")
  }
}
