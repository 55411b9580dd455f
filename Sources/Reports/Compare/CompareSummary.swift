import Experiments
import YouthCare

/// `lumpsim compare`'s `summary.json`: each model's batch summary and the paired differences,
/// and where each figure of the layout sits among them.
public enum CompareSummary {
  /// Where each figure of the layout belongs: (scope, year, care type, figure name, unit).
  static func describe(_ layout: FigureLayout) -> [(scope: String, year: String, careType: String, figure: String, unit: FigureUnit)] {
    var out: [(String, String, String, String, FigureUnit)] = []
    for year in layout.years {
      for f in FigureLayout.yearFigures { out.append(("year", String(year), "", f.rawValue, f.unit)) }
      for id in layout.careTypeIDs {
        for f in FigureLayout.yearCareTypeFigures { out.append(("year", String(year), id, f.rawValue, f.unit)) }
      }
    }
    for id in layout.careTypeIDs {
      for f in FigureLayout.careTypeFigures { out.append(("careType", "", id, f.rawValue, f.unit)) }
    }
    for f in FigureLayout.contractFigures { out.append(("contract", "", "", f.rawValue, f.unit)) }
    return out
  }

  /// The JSON document: each model's batch summary, then the paired differences; with
  /// `assumptions` (`ScenarioFacts`) for a report made from the file alone (`CompareSummaryFile`).
  public static func json(_ c: FundingComparison, assumptions: JSONValue? = nil) -> JSONValue {
    CompareSummaryFile(c).json(assumptions: assumptions)
  }
}
