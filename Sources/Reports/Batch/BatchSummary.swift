import Experiments
import YouthCare

/// The JSON of `lumpsim batch`: every figure as {mean, ci95Low, ci95High, p05, p25, p50, p75, p95},
/// plus the budget probabilities. The file is `BatchSummaryFile`, built from the batch and written.
public enum BatchSummary {
  /// `assumptions`: the scenario's key facts (`ScenarioFacts`), for a report made from the file alone.
  public static func json(_ batch: BatchResult, stopping: JSONValue? = nil, assumptions: JSONValue? = nil) -> JSONValue {
    BatchSummaryFile(batch).json(stopping: stopping, assumptions: assumptions)
  }

  /// {mean, ci95Low, ci95High, p05, p25, p50, p75, p95}.
  public static func stats(_ s: FigureStatistics, money: Bool) -> JSONValue {
    let decimals = money ? 2 : 4
    return BatchSummaryFile.Stats(s, decimals: decimals).json(decimals: decimals)
  }

  /// {p, ci95Low, ci95High} with the Wilson interval.
  public static func proportion(_ p: Proportion) -> JSONValue {
    BatchSummaryFile.Probability(p).json()
  }
}
