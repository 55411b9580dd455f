/// The outputs a figure appears in: a figure's row in the figure table says where it is written.
public struct FigureOutputs: OptionSet, Sendable {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }

  /// `run`'s JSON: `years[]` (and `careTypes[]` for care-type figures).
  public static let runJSON = FigureOutputs(rawValue: 1 << 0)
  /// `run --out`'s `years.csv` (and its `spend_<careType>` columns).
  public static let yearsCSV = FigureOutputs(rawValue: 1 << 1)
  /// `batch`'s `replications.csv` (and its `meanWait_<careType>` columns).
  public static let replicationsCSV = FigureOutputs(rawValue: 1 << 2)
  /// `batch`'s and `compare`'s statistics (`summary.json`, `differences.csv`).
  public static let batch = FigureOutputs(rawValue: 1 << 3)
  /// A sweep store's `years` table (its columns, in order: stores keep them for good).
  public static let store = FigureOutputs(rawValue: 1 << 4)
  /// Each contract's year in `run`'s JSON (`years[].contracts[]`), scenarios with several contracts.
  public static let contractJSON = FigureOutputs(rawValue: 1 << 5)
  /// `run --out`'s `contracts.csv`.
  public static let contractsCSV = FigureOutputs(rawValue: 1 << 6)
  /// `replications.csv`'s `<figure>_<contract>` columns.
  public static let contractReplicationsCSV = FigureOutputs(rawValue: 1 << 7)
}
