/// One problem in a scenario: where it is (path in the file and line) and what was expected.
public struct ScenarioIssue: Sendable, Equatable, CustomStringConvertible {
  /// The field's path, e.g. `careTypes[2].duration.cv`; `(root)` for the whole file.
  public var path: String
  /// The 1-based line in the file, when the parser knows it.
  public var line: Int?
  /// What is wrong and what was expected.
  public var message: String

  /// Creates an issue.
  public init(path: String, line: Int?, message: String) {
    self.path = path
    self.line = line
    self.message = message
  }

  /// `careTypes[2].duration.cv: must be > 0, got -1 (line 14)`.
  public var description: String {
    if let line { return "line \(line): \(path): \(message)" }
    return "\(path): \(message)"
  }
}

/// A scenario that cannot be run, with every problem found.
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
  /// The file it came from, if any.
  public var file: String?
  /// The problems found, in file order (at most `ScenarioLimits.issuesKept`).
  public var issues: [ScenarioIssue]
  /// Problems found beyond `issues`, counted but not kept.
  public var omitted: Int

  /// Creates the error.
  public init(file: String? = nil, issues: [ScenarioIssue], omitted: Int = 0) {
    self.file = file
    self.issues = issues
    self.omitted = omitted
  }

  /// Every problem found, kept or not.
  public var count: Int { issues.count + omitted }

  /// One line per problem, `file:line: path: message`, as compilers print them; after
  /// `ScenarioLimits.issuesShown` lines, how many more there are.
  public var description: String {
    var lines = issues.prefix(ScenarioLimits.issuesShown).map { issue in
      var prefix = file ?? "scenario"
      if let line = issue.line { prefix += ":\(line)" }
      return "\(prefix): \(issue.path): \(issue.message)"
    }
    let more = count - lines.count
    if more > 0 { lines.append("... and \(RunLimits.grouped(more)) more") }
    return lines.joined(separator: "\n")
  }
}
