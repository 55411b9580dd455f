import Foundation
import YouthCare

/// The terminal view of one replication: the budget per year, then waits and use per care type.
public enum RunTable {
  /// The whole table text.
  public static func render(_ result: ReplicationResult, scenario: Scenario, wallSeconds: Double) -> String {
    let horizon = scenario.horizon
    var out = "\(scenario.name)\n"
    let warmup = horizon.warmupYears > 0 ? " after \(horizon.warmupYears) warm-up year\(horizon.warmupYears == 1 ? "" : "s")" : ""
    out += "seed \(result.seed) · \(horizon.contractYears) contract years\(warmup) · "
    out += "\(grouped(result.events)) events in \(String(format: "%.1f", wallSeconds * 1000)) ms\n\n"

    var budget = TextTable([
      ("Year", .left), ("Budget €M", .right), ("Spend €M", .right), ("Result €M", .right),
      ("Budget runs out", .left), ("Referrals", .right), ("Starts", .right), ("Mean wait", .right),
      ("Peak waiting", .right),
    ])
    for y in result.years {
      budget.append([
        String(y.year), millions(y.budget), millions(y.spend), millions(y.result),
        y.exhaustionDay.map(date) ?? "not exhausted", grouped(y.referrals), grouped(y.starts),
        String(format: "%.1f d", y.meanWaitDays), grouped(y.peakWaiting),
      ])
    }
    out += budget.rendered() + "\n"
    if result.years.contains(where: { $0.valvePayout != 0 || $0.settlement != 0 || $0.corridorAdjustment != 0 || $0.renegotiationAdjustment != 0 }) {
      var contract = TextTable([
        ("Year", .left), ("Corridor €M", .right), ("Renegotiated €M", .right), ("Valve payouts €M", .right),
        ("Settlement €M", .right), ("Consortium result €M", .right), ("Municipal cost €M", .right),
      ])
      for y in result.years {
        contract.append([String(y.year), millions(y.corridorAdjustment), millions(y.renegotiationAdjustment),
                         millions(y.valvePayout), millions(y.settlement), millions(y.consortiumResult),
                         millions(y.municipalCost)])
      }
      out += contract.rendered() + "\n"
    }
    if scenario.contracts.count > 1 { out += contractTable(result, scenario: scenario) + "\n" }
    let members = scenario.memberIndices
    if !members.isEmpty {
      let totals = members.indices.map { m in result.years.reduce(0) { $0 + ($1.memberResults.isEmpty ? 0 : $1.memberResults[m]) } }
      out += "Members' results over the contract (€M): "
      out += zip(members, totals).map { "\(scenario.memberLabel(contract: $0.contract, member: $0.member)) \(millions($1))" }
        .joined(separator: ", ")
      let exits = result.years.flatMap { y in y.membersExited.map { "\($0) after \(y.year)" } }
      out += exits.isEmpty ? "; no member left.\n\n" : "; left: \(exits.joined(separator: ", ")).\n\n"
    }

    var care = TextTable([
      ("Care type", .left), ("Places", .right), ("Starts", .right), ("Wait mean", .right), ("Wait p90", .right),
      ("Over norm", .right), ("Waiting", .right), ("In care", .right), ("Use", .right), ("Reneged", .right),
    ])
    for c in result.careTypes {
      care.append([
        "\(c.id) \(c.name)", grouped(c.capacity), grouped(c.starts), String(format: "%.1f d", c.meanWaitDays),
        String(format: "%.1f d", c.p90WaitDays), percent(c.shareOverNorm), String(format: "%.1f", c.meanWaiting),
        String(format: "%.1f", c.meanInCare), percent(c.utilization), grouped(c.reneged),
      ])
    }
    out += care.rendered()
    out += "\nWaits, waiting lists and use are averages over the contract years; a wait counts from referral to start.\n"
    return out
  }

  /// One row per contract over the contract years: budget, spend, result, overspent years, first run-out.
  static func contractTable(_ result: ReplicationResult, scenario: Scenario) -> String {
    var table = TextTable([
      ("Contract", .left), ("Budget €M", .right), ("Spend €M", .right), ("Result €M", .right),
      ("Years overspent", .right), ("First runs out", .left),
    ])
    for (c, contract) in scenario.contracts.enumerated() {
      let years = result.years.map { $0.contracts[c] }
      let first = zip(result.years, years).first { $0.1.exhaustionDay != nil }
      table.append([
        "\(contract.id) \(contract.name)", millions(years.reduce(0) { $0 + $1.budget }),
        millions(years.reduce(0) { $0 + $1.spend }), millions(years.reduce(0) { $0 + $1.result }),
        "\(years.filter(\.overspent).count) of \(years.count)",
        first.map { "\(date($0.1.exhaustionDay!)) \($0.0.year)" } ?? "never",
      ])
    }
    return table.rendered()
  }

  /// "14 Dec" for day 348 of a 365-day year.
  public static func date(_ dayOfYear: Int) -> String { BatchVerdict.date(dayOfYear, .en) }

  static func millions(_ euros: Double) -> String {
    let text = String(format: "%.2f", euros / 1e6)
    return text == "-0.00" ? "0.00" : text.replacingOccurrences(of: "-", with: "−")
  }

  static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }

  public static func grouped(_ n: Int) -> String {
    let digits = String(abs(n))
    var out = ""
    for (i, ch) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
      out.append(ch)
    }
    return n < 0 ? "−" + out : out
  }
}
