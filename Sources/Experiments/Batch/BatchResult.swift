import YouthCare

/// What a batch of replications says about a scenario.
public struct BatchResult: Sendable {
  public var scenario: String
  public var seed: UInt64
  /// Replications run.
  public var replications: Int
  /// Events handled over all replications.
  public var events: Int
  /// Where each figure sits.
  public var layout: FigureLayout
  /// Statistics per figure, in layout order.
  public var figures: [FigureStatistics]
  /// Budget risk per contract year.
  public var years: [YearRisk]
  /// Replications with at least one overspent year.
  public var anyOverspend: Proportion
  /// Per contract, when the scenario has several (empty otherwise).
  public var contracts: [ContractRisk]
  /// Monthly bands, [month × seriesPerMonth + series]: year-to-date spend, then waiting per care type.
  public var bands: [FigureStatistics]
  /// Year-to-date budget paid in monthly instalments (the same in every replication).
  public var budgetPaid: [Double]
  /// Replications behind the quantiles (all of them, or a uniform sample of this many).
  public var quantileSample: Int

  /// Statistics of a year figure.
  public func year(_ y: Int, _ figure: YearFigure) -> FigureStatistics { figures[layout.year(y, figure)] }

  /// Statistics of a per-year care-type figure.
  public func year(_ y: Int, careType k: Int, _ figure: CareTypeYearFigure) -> FigureStatistics {
    figures[layout.year(y, careType: k, figure)]
  }

  /// Statistics of a care-type figure over the contract.
  public func careType(_ k: Int, _ figure: CareTypeFigure) -> FigureStatistics { figures[layout.careType(k, figure)] }

  /// Statistics of a contract figure.
  public func contract(_ figure: ContractTotal) -> FigureStatistics { figures[layout.contract(figure)] }
}

/// Folds replications, in index order, into a `BatchResult` with memory that does not grow with
/// their number: running moments and counts for every figure, and a fixed-size replication
/// sample for quantiles.
public struct BatchAccumulator {
  public let layout: FigureLayout
  let scenario: String
  let seed: UInt64
  private var moments: [RunningMoments]
  private var seriesMoments: [RunningMoments]
  private var risk: BudgetRiskCounter
  private var contractRisk: [BudgetRiskCounter]
  private let contractNames: [String]
  private var sample: ReplicationSample
  private var budgetPaid: [Double] = []
  private(set) var events = 0

  /// The number of replications a batch keeps for quantiles.
  public static let defaultSampleCapacity = 10_000

  public init(scenario: Scenario, seed: UInt64, sampleCapacity: Int = defaultSampleCapacity) {
    layout = FigureLayout(scenario: scenario)
    self.scenario = scenario.name
    self.seed = seed
    moments = Array(repeating: RunningMoments(), count: layout.count)
    seriesMoments = Array(repeating: RunningMoments(), count: layout.months * layout.seriesPerMonth)
    let years = layout.years
    risk = BudgetRiskCounter(years: years)
    contractRisk = layout.contractIDs.map { _ in BudgetRiskCounter(years: years) }
    contractNames = scenario.contracts.map(\.name)
    sample = ReplicationSample(capacity: sampleCapacity, seed: seed)
  }

  /// Replications added so far.
  public var count: Int { risk.trials }

  /// Adds the next replication (they must come in index order for results to be reproducible).
  public mutating func add(_ result: ReplicationResult) {
    let figures = layout.figures(of: result)
    let series = layout.series(of: result)
    for i in figures.indices { moments[i].add(figures[i]) }
    for i in series.indices { seriesMoments[i].add(Double(series[i])) }
    risk.add(result)
    for c in contractRisk.indices { contractRisk[c].add(result, contract: c) }
    sample.add(figures: figures, series: series)
    if budgetPaid.isEmpty { budgetPaid = result.monthly.budgetPaid }
    events += result.events
  }

  /// Running moments of a figure (for sequential stopping).
  public func moments(of figure: Int) -> RunningMoments { moments[figure] }

  /// Budget risk so far.
  public var risks: [YearRisk] { risk.risks }

  /// Replications so far with at least one overspent year.
  public var anyOverspend: Proportion { risk.anyOverspend }

  /// The batch's statistics.
  public func result() -> BatchResult {
    let figures = moments.indices.map { FigureStatistics(moments: moments[$0], sortedSample: sample.sortedFigure($0)) }
    let bands = seriesMoments.indices.map {
      FigureStatistics(moments: seriesMoments[$0], sortedSample: sample.sortedSeries($0))
    }
    return BatchResult(
      scenario: scenario, seed: seed, replications: count, events: events, layout: layout, figures: figures,
      years: risk.risks, anyOverspend: risk.anyOverspend,
      contracts: contractRisk.indices.map {
        ContractRisk(id: layout.contractIDs[$0], name: contractNames[$0], years: contractRisk[$0].risks,
                     anyOverspend: contractRisk[$0].anyOverspend)
      },
      bands: bands,
      budgetPaid: budgetPaid, quantileSample: sample.figures.count)
  }
}
