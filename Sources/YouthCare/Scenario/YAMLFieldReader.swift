import Foundation
import Yams

/// Collects problems while a scenario is read, so the analyst sees all of them at once.
///
/// A file of junk can hold millions of problems; the first `ScenarioLimits.issuesKept` are kept
/// and the rest only counted, so memory stays small and the message can say how many more.
package final class IssueLog {
  package private(set) var issues: [ScenarioIssue] = []
  /// Problems found beyond those kept.
  private(set) var omitted = 0

  package init() {}

  package func report(_ path: String, _ node: Node?, _ message: String) {
    report(path, line: node?.mark?.line, message)
  }

  package func report(_ path: String, line: Int?, _ message: String) {
    guard issues.count < ScenarioLimits.issuesKept else {
      omitted += 1
      return
    }
    issues.append(ScenarioIssue(path: path, line: line, message: message))
  }

  /// Values that read, but probably not as meant (`ScenarioWarning`), in the order found. All are
  /// kept (a file within its size limit holds a few hundred thousand numbers at most), so that
  /// "and N more" and `--strict` count them exactly; printing shows the first few.
  private(set) var warnings: [ScenarioWarning] = []

  func warn(_ kind: ScenarioWarning.Kind, _ path: String, _ node: Node?, _ message: String) {
    warnings.append(ScenarioWarning(kind, path: path, line: node?.mark?.line, message: message))
  }

  /// The error for the problems so far, in file order.
  package func error(file: String?) -> ScenarioError {
    ScenarioError(file: file, issues: issues.sorted { ($0.line ?? .max) < ($1.line ?? .max) }, omitted: omitted)
  }
}

/// A rule a number must satisfy.
package enum NumberRule {
  case any
  case positive
  case nonNegative
  case probability
  case fraction  // [0, 1)
  case atLeast(Double)
  case range(Double, Double)

  func violation(_ value: Double) -> String? {
    switch self {
    case .any: return nil
    case .positive: return value > 0 ? nil : "must be > 0, got \(format(value))"
    case .nonNegative: return value >= 0 ? nil : "must be ≥ 0, got \(format(value))"
    case .probability: return (0...1).contains(value) ? nil : "must be a probability in [0, 1], got \(format(value))"
    case .fraction: return (0..<1).contains(value) ? nil : "must be in [0, 1), got \(format(value))"
    case .atLeast(let low): return value >= low ? nil : "must be ≥ \(format(low)), got \(format(value))"
    case .range(let low, let high):
      return (low...high).contains(value) ? nil : "must be between \(format(low)) and \(format(high)), got \(format(value))"
    }
  }
}

/// What a number measures, as far as reading its text goes.
package enum NumberKind {
  /// Shares, probabilities, factors, rates, durations in months: three decimals are plausible.
  case plain
  /// Money (cents at most), counts and days: `1.240` is more likely a Dutch thousands separator
  /// than 1.24, so it is read as written and warned of (`DutchNumberText`).
  case amount
}

/// Formats a number the way the analyst wrote it: no trailing ".0".
package func format(_ value: Double) -> String {
  if value.isNaN { return ".nan" }
  if value.isInfinite { return value > 0 ? ".inf" : "-.inf" }
  if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
  return String(value)
}

/// Reads one YAML mapping field by field, reporting missing, mistyped and unknown keys.
///
/// Every accessor returns nil (after logging the problem) instead of throwing, so reading
/// continues and one pass finds every problem in the file.
///
/// The keys a mapping takes are the keys its accessors ask for, in the order asked, so the list
/// an unknown key's message gives cannot drift from what the reader reads.
package final class MappingReader {
  package let path: String
  package let node: Node
  package let log: IssueLog
  private var entries: [(key: String, keyNode: Node, value: Node)] = []
  /// The keys the reader asked for, in the order first asked: the keys this mapping takes, which
  /// `finish()` names when it meets one it does not. Asked for means taken, present or not.
  private var asked: [String] = []
  private var consumed: Set<String> = []

  /// Reads `node` as a mapping at `path`; nil (and a logged problem) when it is not one.
  package init?(_ node: Node, path: String, log: IssueLog) {
    self.path = path
    self.node = node
    self.log = log
    guard case .mapping(let mapping) = node else {
      log.report(path.isEmpty ? "(root)" : path, node, "must be a mapping of named fields, got \(Self.kind(node))")
      return nil
    }
    var seen: [String: Node] = [:]
    for (keyNode, value) in mapping {
      let key = keyNode.scalar?.string ?? "?"
      if seen[key] != nil {
        log.report(join(key), keyNode, "appears twice in the same mapping")
        continue
      }
      seen[key] = keyNode
      entries.append((key, keyNode, value))
    }
  }

  static func kind(_ node: Node) -> String {
    switch node {
    case .scalar(let s): return s.string.isEmpty ? "an empty value" : "'\(s.string)'"
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .alias: return "an alias"
    }
  }

  /// The full path of a child key.
  package func join(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

  /// The keys present, in file order.
  package var keys: [String] { entries.map(\.key) }

  /// The raw node at `key`, marking it as read (and as a key this mapping takes).
  package func node(_ key: String) -> Node? {
    if consumed.insert(key).inserted { asked.append(key) }
    return entries.first { $0.key == key }?.value
  }

  /// Takes `key` without reading it here: a key of this mapping that another reader reads.
  package func accept(_ key: String) {
    _ = node(key)
  }

  /// The raw node at `key` without taking it: for a check made before the mapping is read.
  func peek(_ key: String) -> Node? {
    entries.first { $0.key == key }?.value
  }

  /// The line of the mapping itself.
  package var line: Int? { node.mark?.line }

  /// Reports the keys no accessor asked for, naming the keys the accessors asked for.
  ///
  /// Call it after the last read of the mapping: a key asked for later is left out of the list.
  package func finish() {
    for entry in entries where !consumed.contains(entry.key) {
      let list = asked.joined(separator: ", ")
      log.report(join(entry.key), entry.keyNode, "unknown key; expected one of: \(list)")
    }
  }

  /// A required or optional number.
  package func number(_ key: String, rule: NumberRule = .any, default fallback: Double? = nil, kind: NumberKind = .plain) -> Double? {
    guard let value = node(key) else {
      if fallback == nil { log.report(join(key), node, "is required (a number)") }
      return fallback
    }
    return Self.number(value, path: join(key), rule: rule, log: log, kind: kind)
  }

  package static func number(_ value: Node, path: String, rule: NumberRule, log: IssueLog, kind: NumberKind = .plain) -> Double? {
    guard case .scalar(let scalar) = value, let number = Double.construct(from: scalar) else {
      if case .scalar(let scalar) = value, let why = DutchNumberText.whyNotANumber(scalar.string) {
        log.report(path, value, "must be a number: \(why)")
      } else {
        log.report(path, value, "must be a number, got \(Self.kind(value))")
      }
      return nil
    }
    guard number.isFinite else {
      log.report(path, value, "must be a finite number, got \(scalar.string)")
      return nil
    }
    if let problem = rule.violation(number) {
      log.report(path, value, problem)
      return nil
    }
    if kind == .amount, let misreading = DutchNumberText.misreading(scalar.string, read: number) {
      log.warn(.thousandsSeparator, path, value, misreading)
    }
    return number
  }

  /// A required or optional whole number.
  package func integer(_ key: String, rule: NumberRule = .any, default fallback: Int? = nil) -> Int? {
    guard let value = node(key) else {
      if fallback == nil { log.report(join(key), node, "is required (a whole number)") }
      return fallback
    }
    // Every whole number lumpsim reads is a count or a year: `1.000` is never meant as 1.
    guard let number = Self.number(value, path: join(key), rule: rule, log: log, kind: .amount) else { return nil }
    guard number == number.rounded(), abs(number) < 1e15 else {
      if let meant = value.scalar.flatMap({ DutchNumberText.thousandsMeant($0.string) }) {
        log.report(join(key), value, "must be a whole number: \(value.scalar!.string) reads as \(format(number)); "
          + "it looks like a Dutch thousands separator, write \(meant)")
      } else {
        log.report(join(key), value, "must be a whole number, got \(format(number))")
      }
      return nil
    }
    return Int(number)
  }

  /// A required or optional string.
  package func string(_ key: String, default fallback: String? = nil) -> String? {
    guard let value = node(key) else {
      if fallback == nil { log.report(join(key), node, "is required (text)") }
      return fallback
    }
    guard case .scalar(let scalar) = value, !scalar.string.isEmpty else {
      log.report(join(key), value, "must be text, got \(Self.kind(value))")
      return nil
    }
    return scalar.string
  }

  /// A required or optional true/false.
  package func bool(_ key: String, default fallback: Bool? = nil) -> Bool? {
    guard let value = node(key) else {
      if fallback == nil { log.report(join(key), node, "is required (true or false)") }
      return fallback
    }
    guard case .scalar(let scalar) = value, let flag = Bool.construct(from: scalar) else {
      log.report(join(key), value, "must be true or false, got \(Self.kind(value))")
      return nil
    }
    return flag
  }

  /// One of a fixed set of words.
  func choice<T: RawRepresentable & CaseIterable>(_ key: String, default fallback: T? = nil) -> T?
  where T.RawValue == String {
    guard let value = node(key) else {
      if fallback == nil {
        log.report(join(key), node, "is required (one of: \(T.allCases.map(\.rawValue).joined(separator: ", ")))")
      }
      return fallback
    }
    guard case .scalar(let scalar) = value, let choice = T(rawValue: scalar.string) else {
      let options = T.allCases.map(\.rawValue).joined(separator: ", ")
      log.report(join(key), value, "must be one of: \(options); got \(Self.kind(value))")
      return nil
    }
    return choice
  }

  /// A nested mapping; nil when absent (logged if required) or not a mapping.
  package func mapping(_ key: String, required: Bool) -> MappingReader? {
    guard let value = node(key) else {
      if required { log.report(join(key), node, "is required (a mapping)") }
      return nil
    }
    return MappingReader(value, path: join(key), log: log)
  }

  /// An optional nested mapping, read by `read`: absent; read; or invalid when it is not a
  /// mapping or `read` refuses it (having logged why).
  func section<Value>(_ key: String, _ read: (MappingReader) -> Value?) -> OptionalField<Value> {
    OptionalField(node(key)) { MappingReader($0, path: join(key), log: log).flatMap(read) }
  }

  /// An optional number without a default: absent, read, or invalid (logged).
  func optionalNumber(_ key: String, rule: NumberRule, kind: NumberKind = .plain) -> OptionalField<Double> {
    OptionalField(node(key)) { Self.number($0, path: join(key), rule: rule, log: log, kind: kind) }
  }

  /// An optional true/false without a default: absent, read, or invalid (logged).
  func optionalBool(_ key: String) -> OptionalField<Bool> {
    OptionalField(node(key)) { _ in bool(key) }
  }

  /// A list of nodes with their paths; nil when absent (logged if required) or not a list.
  package func list(_ key: String, required: Bool) -> [(node: Node, path: String)]? {
    guard let value = node(key) else {
      if required { log.report(join(key), node, "is required (a list)") }
      return nil
    }
    guard case .sequence(let sequence) = value else {
      log.report(join(key), value, "must be a list, got \(Self.kind(value))")
      return nil
    }
    return sequence.enumerated().map { ($0.element, "\(join(key))[\($0.offset)]") }
  }

  /// A list of numbers.
  func numbers(_ key: String, rule: NumberRule, count: Int? = nil) -> [Double]? {
    guard let items = list(key, required: false) else { return nil }
    if let count, items.count != count {
      log.report(join(key), node(key), "must have \(count) entries, got \(items.count)")
      return nil
    }
    var values: [Double] = []
    var ok = true
    for item in items {
      if let v = Self.number(item.node, path: item.path, rule: rule, log: log) { values.append(v) } else { ok = false }
    }
    return ok ? values : nil
  }

  /// A mapping from names to probabilities, in file order.
  func probabilities(_ key: String, required: Bool) -> (entries: [(name: String, value: Double, node: Node)], reader: MappingReader)? {
    guard let reader = mapping(key, required: required) else { return nil }
    var result: [(String, Double, Node)] = []
    for name in reader.keys {
      guard let valueNode = reader.node(name) else { continue }
      if let p = Self.number(valueNode, path: reader.join(name), rule: .probability, log: log) {
        result.append((name, p, valueNode))
      }
    }
    return (result, reader)
  }
}
