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
    .object([
      ("id", .string(c.id)),
      ("name", .string(c.name)),
      ("capacity", .int(c.capacity)),
      ("waitingNormDays", .double(c.waitingNormDays, 3)),
      ("arrivals", .int(c.arrivals)),
      ("starts", .int(c.starts)),
      ("exits", .int(c.exits)),
      ("meanWaitDays", .double(c.meanWaitDays, 4)),
      ("p90WaitDays", .double(c.p90WaitDays, 4)),
      ("shareOverNorm", .double(c.shareOverNorm, 6)),
      ("meanWaiting", .double(c.meanWaiting, 4)),
      ("meanInCare", .double(c.meanInCare, 4)),
      ("reneged", .int(c.reneged)),
      ("utilization", .double(c.utilization, 6)),
      ("spend", .double(c.spend, 2)),
    ])
  }

  static func year(_ y: YearResult) -> JSONValue {
    var fields: [(String, JSONValue)] = [
      ("year", .int(y.year)),
      ("contractYear", .int(y.contractYear)),
      ("budget", .double(y.budget, 2)),
      ("spend", .double(y.spend, 2)),
      ("payment", .double(y.payment, 2)),
      ("corridorAdjustment", .double(y.corridorAdjustment, 2)),
      ("renegotiationAdjustment", .double(y.renegotiationAdjustment, 2)),
      ("valvePayout", .double(y.valvePayout, 2)),
      ("result", .double(y.result, 2)),
      ("settlement", .double(y.settlement, 2)),
      ("consortiumResult", .double(y.consortiumResult, 2)),
      ("memberResults", .array(y.memberResults.map { .double($0, 2) })),
      ("membersExited", .array(y.membersExited.map { .string($0) })),
      ("capacityLost", .int(y.capacityLost)),
      ("subcontractorPayment", .double(y.subcontractorPayment, 2)),
      ("adminCost", .double(y.adminCost, 2)),
      ("preventionCost", .double(y.preventionCost, 2)),
      ("outsidePayment", .double(y.outsidePayment, 2)),
      ("municipalCost", .double(y.municipalCost, 2)),
      ("budgetUse", .double(y.budgetUse, 2)),
      ("exhaustionDay", y.exhaustionDay.map { .int($0) } ?? .null),
      ("referrals", .int(y.referrals)),
      ("repeatReferrals", .int(y.repeatReferrals)),
      ("diverted", .int(y.diverted)),
      ("starts", .int(y.starts)),
      ("exits", .int(y.exits)),
      ("reneged", .int(y.reneged)),
      ("peakWaiting", .int(y.peakWaiting)),
      ("meanWaitDays", .double(y.meanWaitDays, 4)),
    ]
    if y.contracts.count > 1 { fields.append(("contracts", .array(y.contracts.map(contract)))) }
    return .object(fields)
  }

  /// One contract's year, for scenarios with several contracts.
  static func contract(_ c: ContractYearResult) -> JSONValue {
    .object([
      ("id", .string(c.id)),
      ("budget", .double(c.budget, 2)),
      ("spend", .double(c.spend, 2)),
      ("payment", .double(c.payment, 2)),
      ("corridorAdjustment", .double(c.corridorAdjustment, 2)),
      ("renegotiationAdjustment", .double(c.renegotiationAdjustment, 2)),
      ("valvePayout", .double(c.valvePayout, 2)),
      ("result", .double(c.result, 2)),
      ("settlement", .double(c.settlement, 2)),
      ("consortiumResult", .double(c.consortiumResult, 2)),
      ("memberResults", .array(c.memberResults.map { .double($0, 2) })),
      ("membersExited", .array(c.membersExited.map { .string($0) })),
      ("budgetUse", .double(c.budgetUse, 2)),
      ("exhaustionDay", c.exhaustionDay.map { .int($0) } ?? .null),
    ])
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
