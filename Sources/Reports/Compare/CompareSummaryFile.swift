import Experiments
import Foundation
import YouthCare

/// The one description of `lumpsim compare`'s `summary.json`: each model's batch summary
/// (`BatchSummaryFile`), the scenario's assumptions, and each model's paired differences from the
/// reference over the contract and per year. Written from the comparison and read back by the
/// report through the same keys.
public struct CompareSummaryFile: Equatable, Sendable {
  public var scenario: String
  public var seed: UInt64
  public var replications: Int
  /// The reference model (`Funding.Model`'s raw value), the first of `models`.
  public var reference: String
  public var models: [Model]
  public var assumptions: ScenarioFactsFile?
  public var pairedDifferences: [Difference]

  enum CodingKeys: String, CodingKey { case scenario, seed, replications, reference, models, assumptions, pairedDifferences }

  /// A model and its batch summary.
  public struct Model: Decodable, Equatable, Sendable {
    public var model: String
    public var summary: BatchSummaryFile

    enum CodingKeys: String, CodingKey { case model, summary }
  }

  /// A mean difference with its 95% interval: {mean, ci95Low, ci95High}.
  public struct Interval: Decodable, Equatable, Sendable {
    public var mean, ci95Low, ci95High: Double

    enum CodingKeys: String, CodingKey { case mean, ci95Low, ci95High }
  }

  /// A model minus the reference, replication by replication.
  public struct Difference: Equatable, Sendable {
    public var model: String
    public var reference: String
    public var contract: FigureMap<ContractTotal, Interval>
    public var years: [DifferenceYear]

    enum CodingKeys: String, CodingKey { case model, reference, contract, years }
  }

  /// The differences of one contract year's figures.
  public struct DifferenceYear: Equatable, Sendable {
    public var year: Int
    public var figures: FigureMap<YearFigure, Interval>

    enum CodingKeys: String, CodingKey { case year }
  }
}

// MARK: Reading

extension CompareSummaryFile: Decodable {
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    scenario = try c.decode(String.self, forKey: .scenario)
    seed = try c.decode(UInt64.self, forKey: .seed)
    replications = try c.decode(Int.self, forKey: .replications)
    reference = try c.decode(String.self, forKey: .reference)
    models = try c.decode([Model].self, forKey: .models)
    guard !models.isEmpty else {
      throw DecodingError.dataCorruptedError(forKey: .models, in: c, debugDescription: "no models")
    }
    assumptions = try c.decodeIfPresent(ScenarioFactsFile.self, forKey: .assumptions)
    pairedDifferences = try c.decode([Difference].self, forKey: .pairedDifferences)
  }

  /// Reads a comparison's `summary.json`: every number is checked first (`SummaryCheck`), then the
  /// file is decoded; a missing or renamed key is an error naming its path.
  public static func read(_ data: Data, path: String) throws(ReportInputError) -> CompareSummaryFile {
    guard let object = try? JSONSerialization.jsonObject(with: data), let root = object as? [String: Any]
    else { throw ReportInputError(message: "\(path): missing or not JSON; give a folder written by `lumpsim compare --out`") }
    try SummaryCheck.check(root, file: path)
    return try SummaryDecoding.decode(CompareSummaryFile.self, from: data, file: path)
  }
}

extension CompareSummaryFile.Difference: Decodable {
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    model = try c.decode(String.self, forKey: .model)
    reference = try c.decode(String.self, forKey: .reference)
    contract = try FigureMap(FigureLayout.contractFigures, from: c.superDecoder(forKey: .contract))
    years = try c.decode([CompareSummaryFile.DifferenceYear].self, forKey: .years)
  }
}

extension CompareSummaryFile.DifferenceYear: Decodable {
  public init(from decoder: any Decoder) throws {
    year = try decoder.container(keyedBy: CodingKeys.self).decode(Int.self, forKey: .year)
    figures = try FigureMap(FigureLayout.yearFigures, from: decoder)
  }
}

// MARK: Writing

extension CompareSummaryFile {
  /// The summary of a comparison, its numbers rounded as the file writes them.
  public init(_ c: FundingComparison, assumptions: ScenarioFactsFile? = nil) {
    let first = c.batches[0], layout = first.layout
    scenario = first.scenario
    seed = first.seed
    replications = first.replications
    reference = c.models[0].rawValue
    models = zip(c.models, c.batches).map { Model(model: $0.rawValue, summary: BatchSummaryFile($1)) }
    self.assumptions = assumptions
    pairedDifferences = c.differences.enumerated().map { m, row in
      Difference(
        model: c.models[m + 1].rawValue, reference: c.models[0].rawValue,
        contract: FigureMap(FigureLayout.contractFigures) { Interval(row[layout.contract($0)], decimals: $0.decimals) },
        years: layout.years.indices.map { y in
          DifferenceYear(year: layout.years[y],
                         figures: FigureMap(FigureLayout.yearFigures) { Interval(row[layout.year(y, $0)], decimals: $0.decimals) })
        })
    }
  }

  /// The file (`assumptions`, when given, in place of this value's own).
  public func json(assumptions written: JSONValue? = nil) -> JSONValue {
    typealias K = CodingKeys
    var fields: [(String, JSONValue)] = [
      (K.scenario.stringValue, .string(scenario)), (K.seed.stringValue, .unsigned(seed)),
      (K.replications.stringValue, .int(replications)), (K.reference.stringValue, .string(reference)),
      (K.models.stringValue, .array(models.map { m in
        .object([(Model.CodingKeys.model.stringValue, .string(m.model)), (Model.CodingKeys.summary.stringValue, m.summary.json())])
      })),
    ]
    if let facts = written ?? assumptions?.json() { fields.append((K.assumptions.stringValue, facts)) }
    typealias D = Difference.CodingKeys
    fields.append((K.pairedDifferences.stringValue, .array(pairedDifferences.map { d in
      .object([
        (D.model.stringValue, .string(d.model)), (D.reference.stringValue, .string(d.reference)),
        (D.contract.stringValue, .object(d.contract.fields { $1.json(decimals: $0.decimals) })),
        (D.years.stringValue, .array(d.years.map { year in
          .object([(DifferenceYear.CodingKeys.year.stringValue, .int(year.year))] + year.figures.fields { $1.json(decimals: $0.decimals) })
        })),
      ])
    })))
    return .object(fields)
  }
}

extension CompareSummaryFile.Interval {
  init(_ d: PairedDifference, decimals: Int) {
    self.init(mean: written(d.mean, decimals), ci95Low: written(d.ci95Low, decimals), ci95High: written(d.ci95High, decimals))
  }

  func json(decimals d: Int) -> JSONValue {
    .object([(CodingKeys.mean.stringValue, .double(mean, d)), (CodingKeys.ci95Low.stringValue, .double(ci95Low, d)),
             (CodingKeys.ci95High.stringValue, .double(ci95High, d))])
  }
}
