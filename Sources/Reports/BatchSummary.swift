import Experiments
import YouthCare

/// The JSON of `lumpsim batch`: every figure as {mean, ci95Low, ci95High, p05, p25, p50, p75, p95},
/// plus the budget probabilities.
public enum BatchSummary {
  /// `assumptions`: the scenario's key facts (`ScenarioFacts`), for a report made from the file alone.
  public static func json(_ batch: BatchResult, stopping: JSONValue? = nil, assumptions: JSONValue? = nil) -> JSONValue {
    let layout = batch.layout
    var fields: [(String, JSONValue)] = [
      ("scenario", .string(batch.scenario)),
      ("seed", .unsigned(batch.seed)),
      ("replications", .int(batch.replications)),
      ("events", .int(batch.events)),
      ("quantiles", .object([
        ("method", .string(batch.quantileSample == batch.replications ? "exact" : "uniform sample of replications")),
        ("replications", .int(batch.quantileSample)),
      ])),
    ]
    if let stopping { fields.append(("stopping", stopping)) }
    if let assumptions { fields.append(("assumptions", assumptions)) }
    var contract: [(String, JSONValue)] = [("anyOverspendProbability", proportion(batch.anyOverspend))]
    for figure in FigureLayout.contractFigures { contract.append((figure.rawValue, stats(batch.contract(figure), money: figure.unit.isMoney))) }
    fields.append(("contract", .object(contract)))
    fields.append(("years", .array(batch.years.indices.map { y in year(batch, y) })))
    if !layout.memberIDs.isEmpty {
      fields.append(("members", .array(layout.memberIDs.indices.map { m in
        let exited = batch.figures[layout.member(m, .exited)]
        return .object([
          ("id", .string(layout.memberIDs[m])),
          ("exitProbability", .double(exited.mean, 6)),
          ("totalResult", stats(batch.figures[layout.member(m, .totalResult)], money: true)),
        ])
      })))
    }
    if !batch.contracts.isEmpty {
      fields.append(("contracts", .array(batch.contracts.enumerated().map { c, contract in
        .object([
          ("id", .string(contract.id)),
          ("name", .string(contract.name)),
          ("anyOverspendProbability", proportion(contract.anyOverspend)),
          ("years", .array(contract.years.enumerated().map { y, risk in
            var entry = riskFields(risk)
            for figure in FigureLayout.contractYearFigures {
              entry.append((figure.rawValue, stats(batch.figures[layout.contract(c, year: y, figure)], money: figure.unit.isMoney)))
            }
            return .object(entry)
          })),
        ])
      })))
    }
    fields.append(("careTypes", .array(layout.careTypeIDs.indices.map { k in
      var entry: [(String, JSONValue)] = [("id", .string(layout.careTypeIDs[k]))]
      for figure in FigureLayout.careTypeFigures { entry.append((figure.rawValue, stats(batch.careType(k, figure), money: figure.unit.isMoney))) }
      return .object(entry)
    })))
    return .object(fields)
  }

  /// The probability fields of one year's budget risk.
  static func riskFields(_ risk: YearRisk) -> [(String, JSONValue)] {
    [
      ("year", .int(risk.year)),
      ("overspendProbability", proportion(risk.overspend)),
      ("expectedShortfall", risk.expectedShortfall.map { .double($0, 2) } ?? .null),
      ("exhaustedByEndOfMonth", .array(risk.exhaustedByEndOfMonth.map { .double($0.estimate, 6) })),
      ("exhaustionMonth", .object(risk.exhaustionMonth.enumerated().map { m, p in
        (m < 12 ? String(m + 1) : "never", .double(p, 6))
      })),
    ]
  }

  static func year(_ batch: BatchResult, _ y: Int) -> JSONValue {
    var fields = riskFields(batch.years[y])
    for figure in FigureLayout.yearFigures { fields.append((figure.rawValue, stats(batch.year(y, figure), money: figure.unit.isMoney))) }
    fields.append(("careTypes", .array(batch.layout.careTypeIDs.indices.map { k in
      .object([("id", .string(batch.layout.careTypeIDs[k]))]
        + FigureLayout.yearCareTypeFigures.map { ($0.rawValue, stats(batch.year(y, careType: k, $0), money: $0.unit.isMoney)) })
    })))
    return .object(fields)
  }

  /// {mean, ci95Low, ci95High, p05, p25, p50, p75, p95}.
  public static func stats(_ s: FigureStatistics, money: Bool) -> JSONValue {
    let d = money ? 2 : 4
    return .object([
      ("mean", .double(s.mean, d)), ("ci95Low", .double(s.ci95Low, d)), ("ci95High", .double(s.ci95High, d)),
      ("p05", .double(s.p05, d)), ("p25", .double(s.p25, d)), ("p50", .double(s.p50, d)),
      ("p75", .double(s.p75, d)), ("p95", .double(s.p95, d)),
    ])
  }

  /// {p, ci95Low, ci95High} with the Wilson interval.
  public static func proportion(_ p: Proportion) -> JSONValue {
    let interval = p.interval()
    return .object([
      ("p", .double(p.estimate, 6)), ("ci95Low", .double(interval.low, 6)), ("ci95High", .double(interval.high, 6)),
    ])
  }
}
