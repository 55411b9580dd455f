import Experiments
import YouthCare

/// The one description of a batch's `summary.json`: `lumpsim batch` builds this value from the
/// batch and writes it (`BatchSummaryFile+Writing.swift`), `lumpsim report` reads it back.
///
/// Every key is named once, by a `CodingKeys` case or by a figure's raw value (`YearFigure`,
/// `CareTypeFigure`, `CareTypeYearFigure`, `ContractTotal`), and used by both the writer and the
/// reader, so the two cannot drift. Reading requires every key the writer writes: a renamed or
/// missing key is an error naming its path, not a zero. Numbers hold what the file holds (rounded
/// to the decimals they are written with), so a value built in memory equals the one read back.
/// `stopping` (written by `batch --precision`) is not read.
public struct BatchSummaryFile: Decodable, Equatable, Sendable {
  public var scenario: String
  public var seed: UInt64
  public var replications: Int
  public var events: Int
  public var quantiles: Quantiles
  /// The scenario's key assumptions (written by `batch --out`, not by `--format json`).
  public var assumptions: ScenarioFactsFile?
  public var contract: Contract
  public var years: [Year]
  /// Consortium members, when the scenario has any.
  public var members: [Member]?
  /// Each contract, when the scenario has several.
  public var contracts: [ContractRisk]?
  public var careTypes: [CareType]

  enum CodingKeys: String, CodingKey {
    case scenario, seed, replications, events, quantiles, stopping, assumptions, contract, years, members, contracts, careTypes
  }

  /// A figure's statistics over the replications: {mean, ci95Low, ci95High, p05, p25, p50, p75, p95}.
  public struct Stats: Decodable, Equatable, Sendable {
    public var mean, ci95Low, ci95High, p05, p25, p50, p75, p95: Double

    enum CodingKeys: String, CodingKey { case mean, ci95Low, ci95High, p05, p25, p50, p75, p95 }
  }

  /// A probability with its 95% Wilson interval: {p, ci95Low, ci95High}.
  public struct Probability: Decodable, Equatable, Sendable {
    public var p, ci95Low, ci95High: Double

    enum CodingKeys: String, CodingKey { case p, ci95Low, ci95High }
  }

  /// How the quantiles were computed: from every replication or a uniform sample of them.
  public struct Quantiles: Decodable, Equatable, Sendable {
    public var method: String
    public var replications: Int

    enum CodingKeys: String, CodingKey { case method, replications }
  }

  /// The budget questions of one contract year (the region's, or one contract's).
  public struct Risk: Decodable, Equatable, Sendable {
    public var year: Int
    public var overspendProbability: Probability
    /// Mean overspend among the replications that overspend; nil (`null`) when none does.
    public var expectedShortfall: Double?
    /// Share of replications exhausted by the end of each month (12 values).
    public var exhaustedByEndOfMonth: [Double]
    /// Share of replications exhausted in January … December, then never (13 values).
    public var exhaustionMonth: [Double]

    enum CodingKeys: String, CodingKey { case year, overspendProbability, expectedShortfall, exhaustedByEndOfMonth, exhaustionMonth }

    /// The keys of `exhaustionMonth`: "1" … "12", then "never".
    static let monthKeys = (1...12).map(String.init) + ["never"]

  }

  /// One contract year of the region: its budget risk, every year figure, and per care type its
  /// figures of that year.
  public struct Year: Decodable, Equatable, Sendable {
    public var risk: Risk
    public var figures: FigureMap<YearFigure, Stats>
    public var careTypes: [YearCareType]

    enum CodingKeys: String, CodingKey { case careTypes }

    public var year: Int { risk.year }
    public subscript(figure: YearFigure) -> Stats { figures[figure] }
  }

  /// A care type's figures in one contract year.
  public struct YearCareType: Decodable, Equatable, Sendable {
    public var id: String
    public var figures: FigureMap<CareTypeYearFigure, Stats>

    enum CodingKeys: String, CodingKey { case id }

  }

  /// A care type's figures over the contract.
  public struct CareType: Decodable, Equatable, Sendable {
    public var id: String
    public var figures: FigureMap<CareTypeFigure, Stats>

    enum CodingKeys: String, CodingKey { case id }

    public subscript(figure: CareTypeFigure) -> Stats { figures[figure] }
  }

  /// The whole contract: P(at least one overspent year) and the totals over the years.
  public struct Contract: Decodable, Equatable, Sendable {
    public var anyOverspendProbability: Probability
    public var totals: FigureMap<ContractTotal, Stats>

    enum CodingKeys: String, CodingKey { case anyOverspendProbability }

    public subscript(figure: ContractTotal) -> Stats { totals[figure] }
  }

  /// A consortium member: the chance it leaves, and its part of the results over the contract.
  public struct Member: Decodable, Equatable, Sendable {
    public var id: String
    public var exitProbability: Double
    public var totalResult: Stats

    enum CodingKeys: String, CodingKey { case id, exitProbability, totalResult }
  }

  /// One of several contracts: its own budget risk per year and its figures.
  public struct ContractRisk: Decodable, Equatable, Sendable {
    public var id: String
    public var name: String
    public var anyOverspendProbability: Probability
    public var years: [ContractYear]

    enum CodingKeys: String, CodingKey { case id, name, anyOverspendProbability, years }
  }

  /// A contract's year: its budget risk and `FigureLayout.contractYearFigures`.
  public struct ContractYear: Decodable, Equatable, Sendable {
    public var risk: Risk
    public var figures: FigureMap<YearFigure, Stats>

    public subscript(figure: YearFigure) -> Stats { figures[figure] }
  }
}

// MARK: Reading

extension BatchSummaryFile {
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    scenario = try c.decode(String.self, forKey: .scenario)
    seed = try c.decode(UInt64.self, forKey: .seed)
    replications = try c.decode(Int.self, forKey: .replications)
    events = try c.decode(Int.self, forKey: .events)
    quantiles = try c.decode(Quantiles.self, forKey: .quantiles)
    assumptions = try c.decodeIfPresent(ScenarioFactsFile.self, forKey: .assumptions)
    contract = try c.decode(Contract.self, forKey: .contract)
    years = try c.decode([Year].self, forKey: .years)
    members = try c.decodeIfPresent([Member].self, forKey: .members)
    contracts = try c.decodeIfPresent([ContractRisk].self, forKey: .contracts)
    careTypes = try c.decode([CareType].self, forKey: .careTypes)
  }
}

extension BatchSummaryFile.Risk {
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    year = try c.decode(Int.self, forKey: .year)
    overspendProbability = try c.decode(BatchSummaryFile.Probability.self, forKey: .overspendProbability)
    expectedShortfall = try c.decodeNullable(Double.self, forKey: .expectedShortfall)
    exhaustedByEndOfMonth = try c.decode([Double].self, forKey: .exhaustedByEndOfMonth)
    guard exhaustedByEndOfMonth.count == 12 else {
      throw DecodingError.dataCorruptedError(forKey: .exhaustedByEndOfMonth, in: c,
                                             debugDescription: "must hold 12 months, holds \(exhaustedByEndOfMonth.count)")
    }
    let months = try c.nestedContainer(keyedBy: SummaryKey.self, forKey: .exhaustionMonth)
    exhaustionMonth = try Self.monthKeys.map { try months.decode(Double.self, forKey: SummaryKey($0)) }
  }
}

extension BatchSummaryFile.Year {
  public init(from decoder: any Decoder) throws {
    risk = try BatchSummaryFile.Risk(from: decoder)
    figures = try FigureMap(FigureLayout.yearFigures, from: decoder)
    careTypes = try decoder.container(keyedBy: CodingKeys.self).decode([BatchSummaryFile.YearCareType].self, forKey: .careTypes)
  }
}

extension BatchSummaryFile.YearCareType {
  public init(from decoder: any Decoder) throws {
    id = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .id)
    figures = try FigureMap(FigureLayout.yearCareTypeFigures, from: decoder)
  }
}

extension BatchSummaryFile.CareType {
  public init(from decoder: any Decoder) throws {
    id = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .id)
    figures = try FigureMap(FigureLayout.careTypeFigures, from: decoder)
  }
}

extension BatchSummaryFile.Contract {
  public init(from decoder: any Decoder) throws {
    anyOverspendProbability = try decoder.container(keyedBy: CodingKeys.self).decode(BatchSummaryFile.Probability.self, forKey: .anyOverspendProbability)
    totals = try FigureMap(FigureLayout.contractFigures, from: decoder)
  }
}

extension BatchSummaryFile.ContractYear {
  public init(from decoder: any Decoder) throws {
    risk = try BatchSummaryFile.Risk(from: decoder)
    figures = try FigureMap(FigureLayout.contractYearFigures, from: decoder)
  }
}
