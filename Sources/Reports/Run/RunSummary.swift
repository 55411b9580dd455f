import YouthCare

/// The JSON contract of `lumpsim run`: what later issues and outside checks read.
public enum RunSummary {
  /// The summary document. `wallSeconds` is left out when nil, so files stay byte-identical.
  public static func json(_ result: ReplicationResult, wallSeconds: Double?) -> JSONValue {
    var fields: [(String, JSONValue)] = [
      ("scenario", .string(result.scenario)),
      ("seed", .unsigned(result.seed)),
      ("replication", .int(result.replication)),
      ("events", .int(result.events)),
    ]
    if let wallSeconds { fields.append(("wallSeconds", .double(wallSeconds, 6))) }
    fields.append(("careTypes", .array(result.careTypes.map(careType))))
    fields.append(("years", .array(result.years.map(year))))
    fields.append(("flow", flow(result.flow)))
    return .object(fields)
  }

  static func careType(_ c: CareTypeResult) -> JSONValue {
    .object([("id", .string(c.id)), ("name", .string(c.name))]
      + CareTypeFigure.carried(by: .runJSON).map { ($0.rawValue, $0.unit.json($0.value(in: c))) })
  }

  static func year(_ y: YearResult) -> JSONValue {
    var fields: [(String, JSONValue)] = [("year", .int(y.year)), ("contractYear", .int(y.contractYear))]
    fields += YearFigure.carried(by: .runJSON).map { ($0.rawValue, $0.json(year: y, money: y.money)) }
    if y.contracts.count > 1 { fields.append(("contracts", .array(y.contracts.map(contract)))) }
    return .object(fields)
  }

  /// One contract's year, for scenarios with several contracts.
  static func contract(_ c: ContractYearResult) -> JSONValue {
    .object([("id", .string(c.id))] + YearFigure.carried(by: .contractJSON).map { ($0.rawValue, $0.json(money: c.money)) })
  }

  static func flow(_ f: FlowCounts) -> JSONValue {
    .object([
      ("initialStock", .int(f.initialStock)),
      ("referrals", .int(f.referrals)),
      ("diverted", .int(f.diverted)),
      ("exited", .int(f.exited)),
      ("reneged", .int(f.renegedOut)),
      ("waiting", .int(f.waiting)),
      ("inCare", .int(f.inCare)),
      ("conserved", .bool(f.isConserved)),
    ])
  }
}
