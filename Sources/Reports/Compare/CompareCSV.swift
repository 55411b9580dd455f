import Experiments
import YouthCare

/// `lumpsim compare`'s `differences.csv`.
public enum CompareCSV {
  /// `differences.csv`: one row per model × figure, tidy.
  public static func differences(_ c: FundingComparison) -> String {
    var lines = ["model,reference,scope,year,careType,figure,mean,ci95Low,ci95High"]
    let places = CompareSummary.describe(c.batches[0].layout)
    for (m, row) in c.differences.enumerated() {
      for (i, place) in places.enumerated() {
        let d = row[i]
        lines.append([c.models[m + 1].rawValue, c.models[0].rawValue, place.scope, place.year,
                      CSVFormat.field(place.careType), place.figure, CSVFormat.number(d.mean),
                      CSVFormat.number(d.ci95Low), CSVFormat.number(d.ci95High)].joined(separator: ","))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
