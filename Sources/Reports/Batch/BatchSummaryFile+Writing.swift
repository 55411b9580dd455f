import Experiments
import YouthCare

/// A batch's summary built from the batch, and written: the same keys the reader reads, in the
/// order the file has always had, with fixed decimals (money to cents, other statistics to 4,
/// probabilities to 6).
extension BatchSummaryFile {
  /// The summary of `batch`, its numbers rounded as the file writes them.
  public init(_ batch: BatchResult, assumptions: ScenarioFactsFile? = nil) {
    let layout = batch.layout
    scenario = batch.scenario
    seed = batch.seed
    replications = batch.replications
    events = batch.events
    quantiles = Quantiles(
      method: batch.quantileSample == batch.replications ? "exact" : "uniform sample of replications",
      replications: batch.quantileSample)
    self.assumptions = assumptions
    contract = Contract(
      anyOverspendProbability: Probability(batch.anyOverspend),
      totals: FigureMap(FigureLayout.contractFigures) { Stats(batch.contract($0), decimals: $0.decimals) })
    years = batch.years.indices.map { y in
      Year(
        risk: Risk(batch.years[y]),
        figures: FigureMap(FigureLayout.yearFigures) { Stats(batch.year(y, $0), decimals: $0.decimals) },
        careTypes: layout.careTypeIDs.indices.map { k in
          YearCareType(id: layout.careTypeIDs[k],
                       figures: FigureMap(FigureLayout.yearCareTypeFigures) { Stats(batch.year(y, careType: k, $0), decimals: $0.decimals) })
        })
    }
    members = layout.memberIDs.isEmpty ? nil : layout.memberIDs.indices.map { m in
      Member(id: layout.memberIDs[m], exitProbability: written(batch.figures[layout.member(m, .exited)].mean, 6),
             totalResult: Stats(batch.figures[layout.member(m, .totalResult)], decimals: 2))
    }
    contracts = batch.contracts.isEmpty ? nil : batch.contracts.enumerated().map { c, contract in
      ContractRisk(
        id: contract.id, name: contract.name, anyOverspendProbability: Probability(contract.anyOverspend),
        years: contract.years.enumerated().map { y, risk in
          ContractYear(risk: Risk(risk), figures: FigureMap(FigureLayout.contractYearFigures) {
            Stats(batch.figures[layout.contract(c, year: y, $0)], decimals: $0.decimals)
          })
        })
    }
    careTypes = layout.careTypeIDs.indices.map { k in
      CareType(id: layout.careTypeIDs[k], figures: FigureMap(FigureLayout.careTypeFigures) { Stats(batch.careType(k, $0), decimals: $0.decimals) })
    }
  }

  /// The file: `stopping` (what `--precision` did) after the quantiles, then the assumptions
  /// (`assumptions`, when given, in place of this value's own).
  public func json(stopping: JSONValue? = nil, assumptions written: JSONValue? = nil) -> JSONValue {
    typealias Key = CodingKeys
    var fields: [(String, JSONValue)] = [
      (Key.scenario.stringValue, .string(scenario)),
      (Key.seed.stringValue, .unsigned(seed)),
      (Key.replications.stringValue, .int(replications)),
      (Key.events.stringValue, .int(events)),
      (Key.quantiles.stringValue, .object([
        (Quantiles.CodingKeys.method.stringValue, .string(quantiles.method)),
        (Quantiles.CodingKeys.replications.stringValue, .int(quantiles.replications)),
      ])),
    ]
    if let stopping { fields.append((Key.stopping.stringValue, stopping)) }
    if let facts = written ?? assumptions?.json() { fields.append((Key.assumptions.stringValue, facts)) }
    fields.append((Key.contract.stringValue, .object(
      [(Contract.CodingKeys.anyOverspendProbability.stringValue, contract.anyOverspendProbability.json())]
        + contract.totals.fields { $1.json(decimals: $0.decimals) })))
    fields.append((Key.years.stringValue, .array(years.map { year in
      .object(year.risk.fields() + year.figures.fields { $1.json(decimals: $0.decimals) } + [
        (Year.CodingKeys.careTypes.stringValue, .array(year.careTypes.map { type in
          .object([(YearCareType.CodingKeys.id.stringValue, .string(type.id))] + type.figures.fields { $1.json(decimals: $0.decimals) })
        })),
      ])
    })))
    if let members {
      typealias M = Member.CodingKeys
      fields.append((Key.members.stringValue, .array(members.map { member in
        .object([(M.id.stringValue, .string(member.id)), (M.exitProbability.stringValue, .double(member.exitProbability, 6)),
                 (M.totalResult.stringValue, member.totalResult.json(decimals: 2))])
      })))
    }
    if let contracts {
      typealias C = ContractRisk.CodingKeys
      fields.append((Key.contracts.stringValue, .array(contracts.map { contract in
        .object([
          (C.id.stringValue, .string(contract.id)), (C.name.stringValue, .string(contract.name)),
          (C.anyOverspendProbability.stringValue, contract.anyOverspendProbability.json()),
          (C.years.stringValue, .array(contract.years.map { year in
            .object(year.risk.fields() + year.figures.fields { $1.json(decimals: $0.decimals) })
          })),
        ])
      })))
    }
    fields.append((Key.careTypes.stringValue, .array(careTypes.map { type in
      .object([(CareType.CodingKeys.id.stringValue, .string(type.id))] + type.figures.fields { $1.json(decimals: $0.decimals) })
    })))
    return .object(fields)
  }
}

extension BatchSummaryFile.Stats {
  /// A figure's statistics rounded to `decimals`.
  init(_ s: FigureStatistics, decimals d: Int) {
    self.init(mean: written(s.mean, d), ci95Low: written(s.ci95Low, d), ci95High: written(s.ci95High, d),
              p05: written(s.p05, d), p25: written(s.p25, d), p50: written(s.p50, d), p75: written(s.p75, d),
              p95: written(s.p95, d))
  }

  func json(decimals d: Int) -> JSONValue {
    typealias K = CodingKeys
    return .object([
      (K.mean.stringValue, .double(mean, d)), (K.ci95Low.stringValue, .double(ci95Low, d)),
      (K.ci95High.stringValue, .double(ci95High, d)), (K.p05.stringValue, .double(p05, d)),
      (K.p25.stringValue, .double(p25, d)), (K.p50.stringValue, .double(p50, d)),
      (K.p75.stringValue, .double(p75, d)), (K.p95.stringValue, .double(p95, d)),
    ])
  }
}

extension BatchSummaryFile.Probability {
  /// The estimate with its Wilson interval, to 6 decimals.
  init(_ p: Proportion) {
    let interval = p.interval()
    self.init(p: written(p.estimate, 6), ci95Low: written(interval.low, 6), ci95High: written(interval.high, 6))
  }

  func json() -> JSONValue {
    .object([(CodingKeys.p.stringValue, .double(p, 6)), (CodingKeys.ci95Low.stringValue, .double(ci95Low, 6)),
             (CodingKeys.ci95High.stringValue, .double(ci95High, 6))])
  }
}

extension BatchSummaryFile.Risk {
  init(_ risk: YearRisk) {
    self.init(
      year: risk.year, overspendProbability: BatchSummaryFile.Probability(risk.overspend),
      expectedShortfall: risk.expectedShortfall.map { written($0, 2) },
      exhaustedByEndOfMonth: risk.exhaustedByEndOfMonth.map { written($0.estimate, 6) },
      exhaustionMonth: risk.exhaustionMonth.map { written($0, 6) })
  }

  /// The risk's fields, which open a year's object.
  func fields() -> [(String, JSONValue)] {
    typealias K = CodingKeys
    return [
      (K.year.stringValue, .int(year)),
      (K.overspendProbability.stringValue, overspendProbability.json()),
      (K.expectedShortfall.stringValue, expectedShortfall.map { .double($0, 2) } ?? .null),
      (K.exhaustedByEndOfMonth.stringValue, .array(exhaustedByEndOfMonth.map { .double($0, 6) })),
      (K.exhaustionMonth.stringValue, .object(zip(Self.monthKeys, exhaustionMonth).map { ($0, .double($1, 6)) })),
    ]
  }
}
