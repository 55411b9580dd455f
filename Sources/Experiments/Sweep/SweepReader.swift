import Foundation
import Stochastics
import Yams
import YouthCare

/// Reads a sweep file and checks every point against the scenario before anything runs.
///
/// ```yaml
/// scenario: ../Scenarios/regio-midden.yaml   # relative to this file
/// replications: 200
/// seed: 20260101                             # optional: the scenario's random.seed
/// design:
///   grid:                                    # or latinHypercube, or points
///     funding.lumpsum.base: [24000000, 26000000, 28000000]
///     funding.model: [lumpsum, pxq]
/// ```
///
/// Every problem is reported at once with its path in the sweep file and its line, like a
/// scenario's; a value the scenario rejects is reported with the point it makes and the
/// scenario's own message.
public enum SweepReader {
  /// The designs a sweep file may use.
  static let designs = SweepDesign.allCases.map(\.rawValue)

  /// Reads and checks the sweep file at `path`.
  public static func read(file path: String) throws(ScenarioError) -> Sweep {
    let text = try ScenarioReader.text(of: path)
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
    return try read(yaml: text, file: path) { name in
      name.hasPrefix("/") ? name : directory.appendingPathComponent(name).path
    }
  }

  /// Reads a sweep from YAML text; `resolve` turns the `scenario` entry into a file path.
  ///
  /// `pointLimit` is `ScenarioLimits.sweepPoints` for users; the fuzzer lowers it, since every
  /// point is read and checked, and a fuzzed input exploring the reader need not be 100,000 points.
  public static func read(
    yaml text: String, file: String? = nil, pointLimit: Int = ScenarioLimits.sweepPoints,
    resolve: (String) -> String = { $0 }
  ) throws(ScenarioError) -> Sweep {
    let log = IssueLog()
    guard let root = ScenarioReader.parse(text, log: log), let top = MappingReader(root, path: "", log: log) else {
      throw log.error(file: file)
    }
    let scenarioName = top.string("scenario")
    let replications = top.integer("replications", rule: .range(1, 10_000_000))
    let seed = OptionalField(top.node("seed")) { node -> UInt64? in
      guard let value = node.scalar.flatMap({ UInt64($0.string) }) else {
        log.report("seed", node, "must be a whole number from 0 to 18446744073709551615")
        return nil
      }
      return value
    }
    let design = top.mapping("design", required: true).flatMap { readDesign($0, limit: pointLimit) }
    top.accept("description")
    top.finish()

    var scenarioText: String?
    var scenarioPath: String?
    if let scenarioName {
      let path = resolve(scenarioName)
      scenarioPath = path
      do {
        scenarioText = try String(contentsOfFile: path, encoding: .utf8)
      } catch {
        log.report("scenario", top.node("scenario"), "cannot read '\(path)': \(error.localizedDescription)")
      }
    }
    guard log.issues.isEmpty, let scenarioText, let scenarioPath, let replications, !seed.isInvalid, let design else {
      throw log.error(file: file)
    }
    let base: Scenario
    do {
      base = try ScenarioReader.read(yaml: scenarioText, file: scenarioPath)
    } catch {
      log.report("scenario", top.node("scenario"), "the scenario itself is not valid (run `lumpsim validate \(scenarioName!)`): \(error.issues.first?.description ?? "")")
      throw log.error(file: file)
    }
    // The definition names the scenario as the sweep file does, so the same sweep has the same
    // definition wherever it is checked out (a cluster node, another clone).
    // Every point's scenario is built and held while the sweep runs: refuse, before building them,
    // a design whose scenarios alone would not fit in half the machine's memory.
    let perPoint = RunEstimate(base).scenarioBytes
    let held = Double(design.points.count) * (perPoint + 4_096)
    if held > RunLimits.standard.maxMemoryBytes {
      log.report("design", top.node("design"), "holds \(RunLimits.grouped(design.points.count)) points of a scenario whose tables "
        + "take \(RunLimits.gib(perPoint)) each: \(RunLimits.gib(held)) in all, more than half this "
        + "machine's memory; use fewer points or a smaller scenario")
      throw log.error(file: file)
    }
    var sweep = Sweep(
      scenarioFile: scenarioName!, scenarioText: scenarioText, replications: replications,
      seed: seed.value ?? base.random.seed, design: design.kind, parameters: design.parameters, points: design.points)
    (sweep.scenarios, sweep.warnings) = check(sweep, design: design, log: log)
    guard log.issues.isEmpty else {
      throw log.error(file: file)
    }
    return sweep
  }

  /// A design as read: its points, and the node each parameter was given at (for messages).
  struct Design {
    var kind: SweepDesign
    var parameters: [String]
    var points: [[String]]
    var nodes: [String: (path: String, node: Node)]
    /// The design's own mapping, for problems no single parameter causes.
    var node: Node? = nil
  }

  static func readDesign(_ r: MappingReader, limit: Int) -> Design? {
    let given = r.keys.filter { designs.contains($0) }
    // Every design is a key this mapping takes: the one given is read below.
    for design in designs { r.accept(design) }
    guard given.count == 1, let key = given.first, let kind = SweepDesign(rawValue: key) else {
      r.log.report(r.path, r.node, given.isEmpty
        ? "must give one design: grid, latinHypercube or points"
        : "gives \(given.joined(separator: " and ")); give exactly one design")
      r.finish()
      return nil
    }
    defer { r.finish() }
    var design: Design?
    switch kind {
    case .grid: design = r.mapping("grid", required: true).flatMap { readGrid($0, limit: limit) }
    case .latinHypercube: design = r.mapping("latinHypercube", required: true).flatMap { readLatinHypercube($0, limit: limit) }
    case .points: design = readPoints(r, limit: limit)
    }
    design?.node = r.node(key)
    return design
  }

  /// A full factorial: every combination, the last parameter varying fastest.
  static func readGrid(_ r: MappingReader, limit: Int) -> Design? {
    var parameters: [String] = [], values: [[String]] = []
    var nodes: [String: (path: String, node: Node)] = [:]
    var ok = true
    if r.keys.isEmpty { r.log.report(r.path, r.node, "must name at least one parameter path with its values"); return nil }
    for key in r.keys {
      guard let node = r.node(key) else { continue }
      guard case .sequence(let sequence) = node, !sequence.isEmpty else {
        r.log.report(r.join(key), node, "must be a non-empty list of values, e.g. [24000000, 26000000]")
        ok = false
        continue
      }
      parameters.append(key)
      values.append(sequence.map(yamlText))
      nodes[key] = (r.join(key), node)
    }
    guard ok else { return nil }
    // Counted before it is built: a grid of four 100-value lists is 100 million points.
    let count = values.reduce(1.0) { $0 * Double($1.count) }
    guard count <= Double(limit) else {
      r.log.report(r.path, r.node, "makes \(RunLimits.count(count)) points (\(values.map { String($0.count) }.joined(separator: " × "))); "
        + "a sweep takes at most \(RunLimits.grouped(limit)) points: use fewer values, or a Latin hypercube")
      return nil
    }
    var points: [[String]] = [[]]
    for column in values { points = points.flatMap { prefix in column.map { prefix + [$0] } } }
    return Design(kind: .grid, parameters: parameters, points: points, nodes: nodes)
  }

  /// A Latin hypercube: each parameter's range cut into `points` equal strata, one value drawn in
  /// each, the strata shuffled independently per parameter; reproducible from `seed`.
  static func readLatinHypercube(_ r: MappingReader, limit: Int) -> Design? {
    let n = r.integer("points", rule: .range(1, Double(limit)))
    let seed = r.integer("seed", rule: .range(0, 4_294_967_295), default: 1)
    var ranges: [(path: String, low: Double, high: Double, integer: Bool)] = []
    var nodes: [String: (path: String, node: Node)] = [:]
    var ok = true
    if let m = r.mapping("ranges", required: true) {
      if m.keys.isEmpty { m.log.report(m.path, m.node, "must give at least one parameter's range"); ok = false }
      for key in m.keys {
        guard let node = m.node(key) else { continue }
        let path = m.join(key)
        nodes[key] = (path, node)
        var low: Double?, high: Double?, integer = false
        if case .sequence(let pair) = node, pair.count == 2 {
          low = MappingReader.number(pair[0], path: "\(path)[0]", rule: .any, log: r.log)
          high = MappingReader.number(pair[1], path: "\(path)[1]", rule: .any, log: r.log)
        } else if let range = MappingReader(node, path: path, log: r.log), node.mapping != nil {
          low = range.number("min")
          high = range.number("max")
          integer = range.bool("integer", default: false) ?? false
          range.finish()
        } else {
          r.log.report(path, node, "must be [min, max] or {min, max, integer}")
        }
        guard let low, let high else { ok = false; continue }
        if !(low < high) { r.log.report(path, node, "needs min < max, got \(format(low)) and \(format(high))"); ok = false; continue }
        // Whole-number values are written as integers, so they must fit one (as in a scenario).
        if integer, max(abs(low), abs(high)) >= 1e15 {
          r.log.report(path, node, "with integer: true needs min and max below 1e15 in size, got \(format(low)) and \(format(high))")
          ok = false
          continue
        }
        ranges.append((key, low, high, integer))
      }
    } else { ok = false }
    r.finish()
    guard ok, let n, let seed else { return nil }
    let stream = RandomStream(kind: .mt19937, seed: UInt64(seed))
    var columns: [[String]] = []
    for range in ranges {
      var strata = Array(0..<n)
      for i in stride(from: n - 1, to: 0, by: -1) { strata.swapAt(i, stream.uniformInt(below: i + 1)) }
      columns.append(strata.map { stratum in
        let x = range.low + (Double(stratum) + stream.uniform()) / Double(n) * (range.high - range.low)
        return range.integer ? String(Int(x.rounded())) : "\(x)"
      })
    }
    let points = (0..<n).map { i in columns.map { $0[i] } }
    return Design(kind: .latinHypercube, parameters: ranges.map(\.path), points: points, nodes: nodes)
  }

  /// An explicit list of points, each a mapping from path to value; all name the same paths.
  static func readPoints(_ r: MappingReader, limit: Int) -> Design? {
    guard let items = r.list("points", required: true) else { return nil }
    if items.isEmpty { r.log.report(r.join("points"), r.node("points"), "must list at least one point"); return nil }
    if items.count > limit {
      r.log.report(r.join("points"), r.node("points"), "lists \(RunLimits.grouped(items.count)) points; "
        + "a sweep takes at most \(RunLimits.grouped(limit))")
      return nil
    }
    var parameters: [String]?
    var points: [[String]] = []
    var nodes: [String: (path: String, node: Node)] = [:]
    var ok = true
    for item in items {
      guard let m = MappingReader(item.node, path: item.path, log: r.log) else { ok = false; continue }
      let keys = m.keys
      if parameters == nil { parameters = keys }
      guard keys == parameters! else {
        r.log.report(item.path, item.node, "names \(keys.joined(separator: ", ")); every point must name the same paths as the first (\(parameters!.joined(separator: ", ")))")
        ok = false
        continue
      }
      points.append(keys.map { key in
        let node = m.node(key)!
        if nodes[key] == nil { nodes[key] = (m.join(key), node) }
        return yamlText(node)
      })
    }
    guard ok, let parameters, !parameters.isEmpty else {
      if ok { r.log.report(r.join("points"), r.node("points"), "each point must name at least one parameter path") }
      return nil
    }
    return Design(kind: .points, parameters: parameters, points: points, nodes: nodes)
  }

  /// Checks every parameter path, then every point, against the scenario; returns the points'
  /// scenarios (complete only when nothing was reported) and their warnings.
  static func check(_ sweep: Sweep, design: Design, log: IssueLog) -> ([Scenario], [ScenarioWarning]) {
    let base = sweep.scenarioText
    // Paths first: one message per path, at the line that names it.
    var badPaths = Set<String>()
    for (i, parameter) in sweep.parameters.enumerated() {
      let override = ScenarioOverride(path: parameter, value: sweep.points[0][i])
      do {
        _ = try ScenarioReader.read(yaml: base, overrides: [override])
      } catch {
        if let issue = error.issues.first(where: { $0.path.hasPrefix("--set ") }) {
          let at = design.nodes[parameter]
          log.report(at?.path ?? "design", at?.node, "not a path in the scenario: \(issue.message)")
          badPaths.insert(parameter)
        }
      }
    }
    guard badPaths.isEmpty else { return ([], []) }
    // Then every point. A problem is reported once, at the parameter it names (or at the design
    // when it names none), with the first point that shows it and how many more do.
    var first: [String: (point: Int, issue: ScenarioIssue)] = [:]
    var order: [String] = []
    var count: [String: Int] = [:]
    var scenarios: [Scenario] = []
    // Warnings likewise, each kind at each path once.
    var firstWarning: [String: (point: Int, warning: ScenarioWarning)] = [:]
    var warningOrder: [String] = []
    var warningCount: [String: Int] = [:]
    // The scenario was read whole above, so it parses.
    guard let root = ScenarioReader.parse(base, log: IssueLog()) else { return ([], []) }
    for p in sweep.points.indices {
      do {
        let (scenario, warnings) = try ScenarioReader.readWithWarnings(
          root: root, file: sweep.scenarioFile, overrides: sweep.overrides(point: p))
        scenarios.append(scenario)
        for warning in warnings {
          let key = "\(warning.kind.rawValue) \(warning.path)"
          if firstWarning[key] == nil { firstWarning[key] = (p, warning); warningOrder.append(key) }
          warningCount[key, default: 0] += 1
        }
      } catch {
        for issue in error.issues {
          let key = issue.path
          if first[key] == nil { first[key] = (p, issue); order.append(key) }
          count[key, default: 0] += 1
        }
      }
    }
    for key in order {
      let (p, issue) = first[key]!
      let parameter = sweep.parameters.first { issue.path.hasSuffix(lastKey($0)) }
      let at = parameter.flatMap { design.nodes[$0] } ?? (path: "design.\(design.kind)", node: design.node)
      let values = zip(sweep.parameters, sweep.points[p]).map { "\($0)=\($1)" }.joined(separator: ", ")
      let more = count[key]! - 1
      log.report(at.path, at.node, "point \(p) (\(values)): the scenario's \(issue.path): \(issue.message)"
        + (more > 0 ? " (and \(more) more point\(more == 1 ? "" : "s"))" : ""))
    }
    let warnings = warningOrder.map { key in
      let (p, warning) = firstWarning[key]!
      // A parameter's own warnings say so ("given by --set PATH=…"); the rest are the scenario's.
      let parameter = sweep.parameters.first { warning.message.contains("(given by --set \($0)=") }
      let at = parameter.flatMap { design.nodes[$0] } ?? (path: "design.\(design.kind)", node: design.node)
      let more = warningCount[key]! - 1
      let line = warning.line.map { " (line \($0))" } ?? ""
      return ScenarioWarning(warning.kind, path: at.path, line: at.node?.mark?.line, message:
        "point \(p) (\(pointValues(sweep, p))): the scenario's \(warning.path)\(line): \(warning.message)"
        + (more > 0 ? " (and \(more) more point\(more == 1 ? "" : "s"))" : ""))
    }
    return (scenarios, warnings)
  }

  /// Point `p`'s parameter values as `path=value, …`: how a message names a point.
  static func pointValues(_ sweep: Sweep, _ p: Int) -> String {
    zip(sweep.parameters, sweep.points[p]).map { "\($0)=\($1)" }.joined(separator: ", ")
  }

  /// The last key of a path (`capacity` of `careTypes.SA.capacity`).
  static func lastKey(_ path: String) -> String {
    String(path.split(separator: ".").last ?? Substring(path))
  }

  /// A value node as the one-line YAML text `--set` takes (flow style for lists and mappings).
  static func yamlText(_ node: Node) -> String {
    switch node {
    case .scalar(let scalar): return scalar.string
    case .sequence(let sequence): return "[" + sequence.map(yamlText).joined(separator: ", ") + "]"
    case .mapping(let mapping): return "{" + mapping.map { "\(yamlText($0.key)): \(yamlText($0.value))" }.joined(separator: ", ") + "}"
    case .alias: return ""
    }
  }
}
