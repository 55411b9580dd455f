import Yams

/// One `--set PATH=VALUE` given on the command line, applied to the scenario's YAML tree.
///
/// Paths use the file's own keys: `funding.lumpsum.base`, `population.growthPerYear`. A list
/// element is named by its position (`careTypes[1].capacity`) or by its `id`
/// (`careTypes.SA.capacity`). The value is read as YAML, so `[0, 0.02]` sets a list. The last
/// key may be new (an optional field); every key before it must exist.
public struct ScenarioOverride: Sendable, Equatable {
  /// The dotted path.
  public var path: String
  /// The value, as YAML text.
  public var value: String

  /// Creates an override.
  public init(path: String, value: String) {
    self.path = path
    self.value = value
  }

  /// Parses `PATH=VALUE`.
  public init(parsing text: String) throws(ScenarioIssue) {
    guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
      throw ScenarioIssue(path: "--set \(text)", line: nil, message: "must have the form PATH=VALUE, e.g. funding.lumpsum.base=28000000")
    }
    path = String(text[..<equals])
    value = String(text[text.index(after: equals)...])
  }

  enum Step: Equatable {
    case key(String)
    case index(Int)
  }

  func steps() throws(ScenarioIssue) -> [Step] {
    var steps: [Step] = []
    for part in path.split(separator: ".", omittingEmptySubsequences: false) {
      var rest = Substring(part)
      let name = rest.prefix { $0 != "[" }
      if name.isEmpty && !rest.hasPrefix("[") { throw issue("has an empty component") }
      if !name.isEmpty { steps.append(.key(String(name))) }
      rest = rest.dropFirst(name.count)
      while rest.hasPrefix("[") {
        guard let close = rest.firstIndex(of: "]"), let n = Int(rest[rest.index(after: rest.startIndex)..<close]), n >= 0 else {
          throw issue("has a malformed index; write careTypes[1]")
        }
        steps.append(.index(n))
        rest = rest[rest.index(after: close)...]
      }
      if !rest.isEmpty { throw issue("has a malformed component '\(part)'") }
    }
    return steps
  }

  func issue(_ message: String) -> ScenarioIssue {
    ScenarioIssue(path: "--set \(path)", line: nil, message: message)
  }

  /// The tree with the value set at the path.
  func apply(to root: Node) throws(ScenarioIssue) -> Node {
    try applyResolved(to: root).root
  }

  /// The tree with the value set at the path, and the path as the reader names it
  /// (`careTypes[1].capacity` for `careTypes.SA.capacity`), so a problem with the value can be
  /// laid at this override's door instead of at a line of the file.
  func applyResolved(to root: Node) throws(ScenarioIssue) -> (root: Node, resolved: String) {
    let parsedValue: Node
    do {
      guard let node = try Yams.compose(yaml: value) else { throw issue("has an empty value") }
      parsedValue = node
    } catch let error as ScenarioIssue {
      throw error
    } catch {
      throw issue("value '\(value)' is not valid YAML")
    }
    let steps = try steps()
    guard !steps.isEmpty else { throw issue("is empty") }
    var resolved = ""
    let tree = try set(Self.unmarked(parsedValue), at: steps[...], in: root, walked: "", resolved: &resolved)
    return (tree, resolved)
  }

  /// The value without the marks its own one-line parse gave it: "line 1" would point into the file.
  static func unmarked(_ node: Node) -> Node {
    switch node {
    case .scalar(let s): return .scalar(Node.Scalar(s.string, s.tag, s.style))
    case .mapping(let m): return .mapping(Node.Mapping(m.map { (unmarked($0.key), unmarked($0.value)) }, m.tag, m.style))
    case .sequence(let q): return .sequence(Node.Sequence(q.map(unmarked), q.tag, q.style))
    case .alias: return node
    }
  }

  private func set(
    _ value: Node, at steps: ArraySlice<Step>, in node: Node, walked: String, resolved: inout String
  ) throws(ScenarioIssue) -> Node {
    guard let step = steps.first else {
      resolved = walked
      return value
    }
    let rest = steps.dropFirst()
    switch (node, step) {
    case (.mapping(let mapping), .key(let key)):
      var pairs = Array(mapping).map { ($0.key, $0.value) }
      if let i = pairs.firstIndex(where: { $0.0.scalar?.string == key }) {
        pairs[i].1 = try set(value, at: rest, in: pairs[i].1, walked: joined(walked, key), resolved: &resolved)
      } else if rest.isEmpty {
        resolved = joined(walked, key)
        pairs.append((Node(key), value))
      } else {
        throw issue("no key '\(key)' under \(walked.isEmpty ? "the top level" : walked)")
      }
      return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style))
    case (.sequence(let sequence), .index(let i)):
      var items = Array(sequence)
      guard i < items.count else { throw issue("\(walked) has \(items.count) entries; index \(i) is out of range") }
      items[i] = try set(value, at: rest, in: items[i], walked: "\(walked)[\(i)]", resolved: &resolved)
      return .sequence(Node.Sequence(items, sequence.tag, sequence.style))
    case (.sequence(let sequence), .key(let id)):
      var items = Array(sequence)
      guard let i = items.firstIndex(where: { $0.mapping?["id"]?.scalar?.string == id }) else {
        throw issue("no entry with id '\(id)' in \(walked)")
      }
      items[i] = try set(value, at: rest, in: items[i], walked: "\(walked)[\(i)]", resolved: &resolved)
      return .sequence(Node.Sequence(items, sequence.tag, sequence.style))
    default:
      throw issue("\(walked.isEmpty ? "the top level" : walked) is not a mapping or list that can hold '\(step)'")
    }
  }

  private func joined(_ walked: String, _ key: String) -> String {
    walked.isEmpty ? key : "\(walked).\(key)"
  }
}

extension ScenarioIssue: Error {}
