/// A value that reads, but probably not as the analyst meant it.
///
/// Every command that reads a scenario prints these on standard error and carries on (exit 0);
/// with `--strict` they refuse the scenario (exit 2), for pipelines. They differ from the advice
/// of `ScenarioAdvice` (a budget below the expected cost, a tariff below cost), which is about the
/// policy a scenario describes, often on purpose, and never fails `--strict`.
public struct ScenarioWarning: Sendable, Equatable, CustomStringConvertible {
  /// What kind of misreading it suggests; a sweep reports each kind at each path once.
  public enum Kind: String, Sendable, CaseIterable {
    /// `1.240` where three decimals are implausible: a Dutch thousands separator read as a point.
    case thousandsSeparator
    /// A care type's steady-state load exceeds its places: its list grows without bound.
    case overCapacity
    /// A care type's steady-state load fills fewer than half of its places.
    case underUsed
    /// The warm-start stock of a care type is far from what steady state holds.
    case initialStock
    /// A cost, duration or rate a factor 3 or more outside the ranges of domain.md §3.1.
    case outsideDomainRange
  }

  /// What kind of misreading it suggests.
  public var kind: Kind
  /// The field's path, e.g. `careTypes[4].costPerDay`.
  public var path: String
  /// The 1-based line in the file, when the value comes from the file.
  public var line: Int?
  /// What looks wrong and what was probably meant.
  public var message: String

  /// Creates a warning.
  public init(_ kind: Kind, path: String, line: Int? = nil, message: String) {
    self.kind = kind
    self.path = path
    self.line = line
    self.message = message
  }

  /// The warnings `scenario`'s values show: loads against places, warm-start stock and domain
  /// ranges, without lines. The reader adds the lines, and the thousands separators only the
  /// text of the file shows.
  public static func check(_ scenario: Scenario) -> [ScenarioWarning] {
    load(scenario) + domainRanges(scenario)
  }

  /// `careTypes[4].costPerDay: 1.240 reads as 1.24; did you mean 1240?`.
  public var description: String { "\(path): \(message)" }

  /// The line printed on standard error: `FILE:LINE: warning: PATH: MESSAGE`, as compilers print them.
  public func printed(file: String) -> String {
    "\(file)\(line.map { ":\($0)" } ?? ""): warning: \(path): \(message)"
  }
}
