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
  /// Every problem, in file order.
  public var issues: [ScenarioIssue]

  /// Creates the error.
  public init(file: String? = nil, issues: [ScenarioIssue]) {
    self.file = file
    self.issues = issues
  }

  /// One line per problem, `file:line: path: message`, as compilers print them.
  public var description: String {
    issues.map { issue in
      var prefix = file ?? "scenario"
      if let line = issue.line { prefix += ":\(line)" }
      return "\(prefix): \(issue.path): \(issue.message)"
    }.joined(separator: "\n")
  }
}
