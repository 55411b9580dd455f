import Foundation
import Stochastics
import Yams

/// Reads a scenario from YAML text, reporting every problem at once with its path and line.
///
/// The reader walks Yams' node tree (which keeps line numbers) instead of decoding into
/// `Decodable` types, because a decoder stops at the first error and an analyst editing a file
/// by hand wants the whole list. Overrides (`--set PATH=VALUE`) are applied to the same tree
/// first, so they are validated exactly like the file.
public enum ScenarioReader {
  /// Reads and validates the scenario in `text`; throws `ScenarioError` with every problem.
  public static func read(
    yaml text: String, file: String? = nil, overrides: [ScenarioOverride] = []
  ) throws(ScenarioError) -> Scenario {
    try readWithWarnings(yaml: text, file: file, overrides: overrides).scenario
  }

  /// Reads a scenario file from disk.
  public static func read(file path: String, overrides: [ScenarioOverride] = []) throws(ScenarioError) -> Scenario {
    try read(yaml: text(of: path), file: path, overrides: overrides)
  }

  /// Reads a scenario file from disk, with the values that read but probably not as meant.
  public static func readWithWarnings(
    file path: String, overrides: [ScenarioOverride] = []
  ) throws(ScenarioError) -> (scenario: Scenario, warnings: [ScenarioWarning]) {
    try readWithWarnings(yaml: text(of: path), file: path, overrides: overrides)
  }

  /// Reads and validates the scenario in `text`, with the values that read but probably not as
  /// meant (`ScenarioWarning`), in file order; throws `ScenarioError` with every problem.
  public static func readWithWarnings(
    yaml text: String, file: String? = nil, overrides: [ScenarioOverride] = []
  ) throws(ScenarioError) -> (scenario: Scenario, warnings: [ScenarioWarning]) {
    let log = IssueLog()
    guard let root = parse(text, log: log) else { throw log.error(file: file) }
    return try readWithWarnings(root: root, file: file, overrides: overrides)
  }

  /// Reads and validates a scenario from its parsed tree, with its warnings: a sweep parses its
  /// scenario once and reads each point's overrides from the same tree (parsing is most of a
  /// read's cost).
  package static func readWithWarnings(
    root parsed: Node, file: String?, overrides: [ScenarioOverride]
  ) throws(ScenarioError) -> (scenario: Scenario, warnings: [ScenarioWarning]) {
    let log = IssueLog()
    var root = parsed
    var applied: [(resolved: String, text: String)] = []
    for override in overrides {
      do throws(ScenarioIssue) {
        let (tree, resolved) = try override.applyResolved(to: root)
        root = tree
        applied.append((resolved, "--set \(override.path)=\(override.value)"))
      } catch {
        log.report(error.path, line: nil, error.message)
      }
    }
    guard log.issues.isEmpty else { throw log.error(file: file) }
    // A problem inside an overridden value is the override's, not a line of the file's.
    func givenBy(_ path: String) -> String? {
      applied.last { path == $0.resolved || path.hasPrefix($0.resolved + ".") || path.hasPrefix($0.resolved + "[") }?.text
    }
    let scenario = readScenario(root, log: log)
    if let scenario, log.issues.isEmpty {
      var warnings = log.warnings
      for var warning in ScenarioWarning.check(scenario) {
        warning.line = line(of: warning.path, in: root)
        warnings.append(warning)
      }
      for i in warnings.indices {
        if let override = givenBy(warnings[i].path) {
          warnings[i].line = nil
          warnings[i].message += " (given by \(override))"
        }
      }
      return (scenario, warnings.enumerated().sorted { ($0.element.line ?? .max, $0.offset) < ($1.element.line ?? .max, $1.offset) }.map(\.element))
    }
    var error = log.error(file: file)
    for i in error.issues.indices {
      if let override = givenBy(error.issues[i].path) {
        error.issues[i].line = nil
        error.issues[i].message += " (given by \(override))"
      }
    }
    throw error
  }

  /// The line of the value at `path` (`careTypes[1].duration.mean`), or of the nearest enclosing
  /// value the file has (`careTypes[1].duration` when the law is given by mu and sigma).
  static func line(of path: String, in root: Node) -> Int? {
    guard let steps = try? ScenarioOverride(path: path, value: "").steps() else { return nil }
    var node = root
    for step in steps {
      let child: Node?
      switch (node, step) {
      case (.mapping(let mapping), .key(let key)): child = mapping.first { $0.key.scalar?.string == key }?.value
      case (.sequence(let sequence), .index(let i)): child = i < sequence.count ? sequence[i] : nil
      default: child = nil
      }
      guard let child else { break }
      node = child
    }
    return node.mark?.line
  }

  /// Parses YAML text into a node tree, logging syntax errors with their line.
  package static func parse(_ text: String, log: IssueLog) -> Node? {
    if text.allSatisfy({ $0.isWhitespace }) {
      log.report("(root)", line: nil, "the scenario file is empty; expected a mapping with horizon, population, referralSources, careTypes and funding")
      return nil
    }
    do {
      guard let node = try Yams.compose(yaml: text) else {
        log.report("(root)", line: nil, "the scenario file is empty (only comments); expected a mapping with horizon, population, referralSources, careTypes and funding")
        return nil
      }
      return node
    } catch let error as YamlError {
      switch error {
      case .duplicatedKeysInMapping(let duplicates, let context):
        let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
        log.report("(root)", line: context.mark.line, "key \(keys) appears twice in the same mapping (the mapping starting on this line)")
      case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
        .composer(_, let problem, let mark, _):
        log.report("(root)", line: mark.line, "not valid YAML: \(problem)")
      default:
        log.report("(root)", line: nil, "not valid YAML: \(error)")
      }
      return nil
    } catch {
      log.report("(root)", line: nil, "not valid YAML: \(error)")
      return nil
    }
  }

  /// Reads the top-level mapping and puts the scenario together; nil when any problem was logged.
  static func readScenario(_ root: Node, log: IssueLog) -> Scenario? {
    guard let top = MappingReader(root, path: "", log: log) else { return nil }
    let name = top.string("name", default: "scenario")
    _ = top.string("description", default: "")
    let horizon = top.mapping("horizon", required: true).flatMap { readHorizon($0) }
    let random = top.mapping("random", required: false).flatMap { readRandom($0) } ?? RandomSettings()
    let population = top.mapping("population", required: true).flatMap { readPopulation($0) }

    // Care types first: routing and transitions refer to them by id.
    let typeItems = top.list("careTypes", required: true) ?? []
    let sourceItems = top.list("referralSources", required: true) ?? []
    // Sizes the model's index types and dense matrices cannot take are refused before anything
    // of that size is built.
    guard withinLimit(typeItems.count, ScenarioLimits.careTypes, "careTypes", "care types", top,
                      why: "the step matrix between them is dense"),
      withinLimit(sourceItems.count, ScenarioLimits.referralSources, "referralSources", "referral sources", top,
                  why: "a child records its source in one byte"),
      withinLimit(top.peek("contracts")?.sequence?.count ?? 0, ScenarioLimits.contracts, "contracts", "contracts", top,
                  why: "a child records the contract of its high-cost case in one byte")
    else { return nil }
    if top.node("careTypes") != nil, typeItems.isEmpty {
      log.report("careTypes", top.node("careTypes"), "must list at least one care type")
    }
    let ids = collectIDs(typeItems, list: "careTypes", log: log)
    var careTypes: [CareType] = []
    var inLumpsumFlags: [Bool?] = []
    var careTypesOK = true
    for (offset, item) in typeItems.enumerated() {
      if let (type, flag) = readCareType(item.node, path: item.path, index: offset, ids: ids, typeCount: typeItems.count, log: log) {
        careTypes.append(type)
        inLumpsumFlags.append(flag)
      } else {
        careTypesOK = false
      }
    }

    _ = collectIDs(sourceItems, list: "referralSources", log: log)
    var sources: [ReferralSource] = []
    var sourcesOK = true
    for item in sourceItems {
      if let source = readSource(item.node, path: item.path, ids: ids, typeCount: typeItems.count, log: log) {
        sources.append(source)
      } else {
        sourcesOK = false
      }
    }

    let blocked = top.bool("blockedStepDown", default: false)
    let reReferral = top.section("reReferral", readReReferral)

    var stock: [InitialStock] = []
    var stockOK = true
    for item in top.list("initialStock", required: false) ?? [] {
      if let entry = readStock(item.node, path: item.path, ids: ids, careTypes: careTypesOK ? careTypes : nil, log: log) {
        stock.append(entry)
      } else {
        stockOK = false
      }
    }

    let costIndex = top.mapping("costs", required: false).flatMap { costs -> Double? in
      let index = costs.number("indexPerYear", rule: .range(-0.5, 1), default: 0)
      costs.finish()
      return index
    } ?? 0

    // A duplicate source id is reported above; the first one counts here.
    let sourceIDs = Dictionary(sources.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    let fundingReader = top.mapping("funding", required: true)
    let funding = fundingReader.flatMap { readFunding($0) }
    let contracts = readContracts(
      top: top, funding: fundingReader, context: ContractContext(
        years: horizon?.contractYears, careTypeIDs: ids, sourceIDs: sourceIDs,
        inLumpsum: careTypesOK ? inLumpsumFlags : nil, typeItems: typeItems))
    fundingReader?.finish()
    let prevention = top.section("prevention") {
      readPrevention($0, ids: ids, years: horizon?.contractYears, contracts: contracts?.map(\.contract))
    }
    top.finish()

    if careTypesOK, sourcesOK {
      checkReachableCapacity(careTypes: careTypes, sources: sources, top: top, typeItems: typeItems, log: log)
    }

    guard let name, let horizon, let population, let funding, let contracts, let blocked, !prevention.isInvalid,
      careTypesOK, sourcesOK, stockOK, !reReferral.isInvalid, !careTypes.isEmpty, log.issues.isEmpty
    else { return nil }
    var scenario = Scenario(
      name: name, horizon: horizon, random: random, population: population,
      referralSources: sources, careTypes: careTypes, blockedStepDown: blocked,
      reReferral: reReferral.value, initialStock: stock, costIndexPerYear: costIndex, funding: funding,
      contracts: contracts.map(\.contract), prevention: prevention.value)
    for (c, entry) in contracts.enumerated() { entry.valves.resolve(&scenario, contract: c) }
    return scenario
  }
}
