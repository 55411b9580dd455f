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
  /// The keys a scenario file may contain at the top level.
  static let topKeys = [
    "name", "description", "horizon", "random", "population", "referralSources", "careTypes",
    "blockedStepDown", "reReferral", "initialStock", "costs", "funding", "consortium", "contracts", "prevention",
  ]

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
  static func readWithWarnings(
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
  static func parse(_ text: String, log: IssueLog) -> Node? {
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
      withinLimit(top.node("contracts")?.sequence?.count ?? 0, ScenarioLimits.contracts, "contracts", "contracts", top,
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
    let reReferral = top.mapping("reReferral", required: false).flatMap { readReReferral($0) }
    let reReferralOK = top.node("reReferral") == nil || reReferral != nil

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
      costs.finish(expected: ["indexPerYear"])
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
    fundingReader?.finish(expected: fundingKeys)
    var prevention: Prevention?? = .some(nil)
    if let p = top.mapping("prevention", required: false) {
      prevention = readPrevention(p, ids: ids, years: horizon?.contractYears, contracts: contracts?.map(\.contract))
    } else if top.node("prevention") != nil {
      prevention = nil
    }
    top.finish(expected: topKeys)

    if careTypesOK, sourcesOK {
      checkReachableCapacity(careTypes: careTypes, sources: sources, top: top, typeItems: typeItems, log: log)
    }

    guard let name, let horizon, let population, let funding, let contracts, let blocked, let prevention,
      careTypesOK, sourcesOK, stockOK, reReferralOK, !careTypes.isEmpty, log.issues.isEmpty
    else { return nil }
    var scenario = Scenario(
      name: name, horizon: horizon, random: random, population: population,
      referralSources: sources, careTypes: careTypes, blockedStepDown: blocked,
      reReferral: reReferral, initialStock: stock, costIndexPerYear: costIndex, funding: funding,
      contracts: contracts.map(\.contract), prevention: prevention)
    for (c, entry) in contracts.enumerated() { entry.valves.resolve(&scenario, contract: c) }
    return scenario
  }

  // MARK: Sections

  static func readHorizon(_ r: MappingReader) -> Horizon? {
    let years = r.integer("contractYears", rule: .range(1, 100))
    let warmup = r.integer("warmupYears", rule: .range(0, 100), default: 0)
    let first = r.integer("firstYear", rule: .range(1900, 2200), default: 2026)
    r.finish(expected: ["contractYears", "warmupYears", "firstYear"])
    guard let years, let warmup, let first else { return nil }
    return Horizon(contractYears: years, warmupYears: warmup, firstYear: first)
  }

  static func readRandom(_ r: MappingReader) -> RandomSettings? {
    var generator: GeneratorKind? = .mt19937
    if let node = r.node("generator") {
      let word = node.scalar?.string ?? ""
      generator = GeneratorKind.selectable.first { $0.rawValue == word }
      if generator == nil {
        let options = GeneratorKind.selectable.map(\.rawValue).joined(separator: ", ")
        r.log.report(r.join("generator"), node, "must be one of: \(options); got \(MappingReader.kind(node))")
      }
    }
    let seed = r.integer("seed", rule: .range(0, 9.007_199_254_740_992e15), default: 1)
    r.finish(expected: ["generator", "seed"])
    guard let generator, let seed else { return nil }
    return RandomSettings(generator: generator, seed: UInt64(seed))
  }

  static func readPopulation(_ r: MappingReader) -> Population? {
    let youths = r.number("youths", rule: .positive, kind: .amount)
    let growth = r.number("growthPerYear", rule: .range(-0.5, 1), default: 0)
    r.finish(expected: ["youths", "growthPerYear"])
    guard let youths, let growth else { return nil }
    return Population(youths: youths, growthPerYear: growth)
  }

  /// `ids` maps each care type's id to its place in the list; `typeCount` is the list's length
  /// (larger than `ids.count` when an entry has no usable id).
  static func readSource(_ node: Node, path: String, ids: [String: Int], typeCount: Int, log: IssueLog) -> ReferralSource? {
    guard let r = MappingReader(node, path: path, log: log) else { return nil }
    let id = r.string("id")
    let name = r.string("name", default: id ?? "")
    let rate = r.number("ratePer1000", rule: .nonNegative)
    var seasonality: [Double]? = Array(repeating: 1, count: 12)
    if r.node("seasonality") != nil {
      seasonality = r.numbers("seasonality", rule: .nonNegative, count: 12)
      if let s = seasonality {
        let mean = s.reduce(0, +) / 12
        if abs(mean - 1) > 1e-3 {
          log.report(r.join("seasonality"), r.node("seasonality"), "the 12 monthly factors must average 1, got \(format(mean))")
          seasonality = nil
        }
      }
    }
    let trend = r.number("trendPerYear", rule: .range(-0.5, 1), default: 0)
    let cv = r.number("overdispersionCV", rule: .range(0, 5), default: 0)
    let crisis = r.number("crisisShare", rule: .probability, default: 0)
    let court = r.number("courtOrderedShare", rule: .probability, default: 0)
    if let crisis, let court, crisis + court > 1 + 1e-9 {
      log.report(r.join("courtOrderedShare"), r.node("courtOrderedShare"),
                 "crisisShare + courtOrderedShare must be ≤ 1, got \(format(crisis + court))")
    }
    var routing = [Double](repeating: 0, count: typeCount)
    var diverted = 0.0
    var routingOK = false
    if let (entries, reader) = r.probabilities("routing", required: true) {
      routingOK = entries.count == reader.keys.count
      for entry in entries {
        if entry.name == "diverted" {
          diverted = entry.value
        } else if let index = ids[entry.name] {
          routing[index] = entry.value
        } else {
          routingOK = false
          log.report(reader.join(entry.name), entry.node, "unknown care type '\(entry.name)'; expected one of: \(knownList(ids)), diverted")
        }
      }
      let total = routing.reduce(0, +) + diverted
      if routingOK, abs(total - 1) > 1e-6 {
        routingOK = false
        log.report(reader.path, reader.node, "probabilities must sum to 1, got \(format(total))")
      }
    }
    r.finish(expected: ["id", "name", "ratePer1000", "seasonality", "trendPerYear", "overdispersionCV",
                        "crisisShare", "courtOrderedShare", "routing"])
    guard let id, let name, let rate, let seasonality, let trend, let cv, let crisis, let court, routingOK,
      crisis + court <= 1 + 1e-9
    else { return nil }
    return ReferralSource(
      id: id, name: name, ratePer1000: rate, seasonality: seasonality, trendPerYear: trend,
      overdispersionCV: cv, crisisShare: crisis, courtOrderedShare: court, routing: routing, diverted: diverted)
  }

  /// Reads one care type, with its `inLumpsum` flag (nil when not given).
  static func readCareType(
    _ node: Node, path: String, index: Int, ids: [String: Int], typeCount: Int, log: IssueLog
  ) -> (CareType, Bool?)? {
    guard let r = MappingReader(node, path: path, log: log) else { return nil }
    let id = r.string("id")
    let name = r.string("name", default: id ?? "")
    let level = r.integer("level", default: index)
    let capacity = r.integer("capacity", rule: .range(0, 10_000_000))
    let duration = r.mapping("duration", required: true).flatMap { readDistribution($0) }
    let cost = r.number("costPerDay", rule: .nonNegative, kind: .amount)
    let fixed = r.number("fixedCostPerSlotDay", rule: .nonNegative, default: 0, kind: .amount)
    let intake = r.number("intakeCost", rule: .nonNegative, default: 0, kind: .amount)
    let norm = r.number("waitingNormDays", rule: .nonNegative, default: 98, kind: .amount)
    var inLumpsum: Bool?? = .some(nil)
    if r.node("inLumpsum") != nil { inLumpsum = r.bool("inLumpsum").map { .some($0) } }
    var tariff: Double?? = .some(nil), fee: Double?? = .some(nil)
    if r.node("tariffPerDay") != nil { tariff = r.number("tariffPerDay", rule: .nonNegative, kind: .amount).map { .some($0) } }
    if r.node("feePerStart") != nil { fee = r.number("feePerStart", rule: .nonNegative, kind: .amount).map { .some($0) } }
    let crisis = r.bool("crisis", default: false)
    let overflow = r.number("overflowCostFactor", rule: .nonNegative, default: 1)
    var patience: Patience?
    var patienceOK = true
    if let p = r.mapping("patience", required: false) {
      patience = readPatience(p, ids: ids, selfIndex: index)
      patienceOK = patience != nil
    } else if r.node("patience") != nil {
      patienceOK = false
    }
    var capacityPolicy: CapacityPolicy?? = .some(nil)
    if let p = r.mapping("capacityPolicy", required: false) {
      let review = p.number("reviewDays", rule: .positive, default: 90, kind: .amount)
      let add = p.number("addWhenWaitingAbove", rule: .nonNegative, default: 0.10)
      let remove = p.number("removeWhenUseBelow", rule: .probability, default: 0.85)
      let step = p.number("step", rule: .range(0, 1), default: 0.05)
      let lag = p.number("hiringLagDays", rule: .nonNegative, default: 60, kind: .amount)
      let minimum = p.integer("minimum", rule: .range(0, 10_000_000))
      let maximum = p.integer("maximum", rule: .range(0, 10_000_000))
      let aware = p.bool("budgetAware", default: true)
      p.finish(expected: ["reviewDays", "addWhenWaitingAbove", "removeWhenUseBelow", "step", "hiringLagDays", "minimum",
                          "maximum", "budgetAware"])
      if let minimum, let maximum, minimum > maximum {
        p.log.report(p.join("maximum"), p.node("maximum"), "must be at least minimum (\(minimum)), got \(maximum)")
        capacityPolicy = nil
      } else if let review, let add, let remove, let step, let lag, let minimum, let maximum, let aware {
        capacityPolicy = .some(CapacityPolicy(
          reviewDays: review, addWhenWaitingAbove: add, removeWhenUseBelow: remove, step: step, hiringLagDays: lag,
          minimum: minimum, maximum: maximum, budgetAware: aware))
      } else {
        capacityPolicy = nil
      }
    } else if r.node("capacityPolicy") != nil {
      capacityPolicy = nil
    }
    var subcontracting: Subcontracting?? = .some(nil)
    if let sc = r.mapping("subcontracting", required: false) {
      let share = sc.number("share", rule: .probability)
      let tariff = sc.number("tariffPerDay", rule: .nonNegative, kind: .amount)
      sc.finish(expected: ["share", "tariffPerDay"])
      subcontracting = (share != nil && tariff != nil) ? .some(Subcontracting(share: share!, tariffPerDay: tariff!)) : nil
    } else if r.node("subcontracting") != nil {
      subcontracting = nil
    }
    var transitions: Transitions?
    if let (entries, reader) = r.probabilities("transitions", required: true) {
      var next = [Double](repeating: 0, count: typeCount)
      var exit = 0.0
      var ok = entries.count == reader.keys.count
      for entry in entries {
        if entry.name == "exit" {
          exit = entry.value
        } else if let target = ids[entry.name] {
          if target == index, entry.value > 0 {
            ok = false
            log.report(reader.join(entry.name), entry.node, "a care type cannot transition to itself; model a longer duration instead")
          }
          next[target] = entry.value
        } else {
          ok = false
          log.report(reader.join(entry.name), entry.node, "unknown care type '\(entry.name)'; expected one of: \(knownList(ids)), exit")
        }
      }
      let total = exit + next.reduce(0, +)
      if ok, abs(total - 1) > 1e-6 {
        ok = false
        log.report(reader.path, reader.node, "probabilities must sum to 1, got \(format(total))")
      }
      if ok { transitions = Transitions(exit: exit, next: next) }
    }
    r.finish(expected: ["id", "name", "level", "capacity", "duration", "costPerDay", "fixedCostPerSlotDay",
                        "intakeCost", "waitingNormDays", "inLumpsum", "tariffPerDay", "feePerStart", "crisis", "overflowCostFactor",
                        "patience", "transitions", "capacityPolicy", "subcontracting"])
    guard let id, let name, let level, let capacity, let duration, let cost, let fixed, let intake, let norm,
      let inLumpsum, let tariff, let fee, let crisis, let overflow, patienceOK, let transitions, let capacityPolicy, let subcontracting
    else { return nil }
    let type = CareType(
      id: id, name: name, level: level, capacity: capacity, duration: duration, costPerDay: cost,
      fixedCostPerSlotDay: fixed, intakeCost: intake, waitingNormDays: norm,
      tariffPerDay: tariff, feePerStart: fee, crisis: crisis, overflowCostFactor: overflow, patience: patience, transitions: transitions,
      capacityPolicy: capacityPolicy, subcontracting: subcontracting)
    return (type, inLumpsum)
  }

  static func readPatience(_ r: MappingReader, ids: [String: Int], selfIndex: Int) -> Patience? {
    let duration = r.mapping("duration", required: true).flatMap { readDistribution($0) }
    var destination: Patience.Destination?
    if let word = r.string("destination", default: "exit") {
      switch word {
      case "exit": destination = .exit
      case "outside": destination = .outside
      default:
        if let target = ids[word], target != selfIndex {
          destination = .careType(target)
        } else {
          r.log.report(r.join("destination"), r.node("destination"),
                       "must be exit, outside or another care type (\(knownList(ids))); got '\(word)'")
        }
      }
    }
    r.finish(expected: ["duration", "destination"])
    guard let duration, let destination else { return nil }
    return Patience(duration: duration, destination: destination)
  }

  static func readReReferral(_ r: MappingReader) -> ReReferral? {
    let p = r.number("probability", rule: .probability)
    let delay = r.mapping("delay", required: true).flatMap { readDistribution($0) }
    r.finish(expected: ["probability", "delay"])
    guard let p, let delay else { return nil }
    return ReReferral(probability: p, delay: delay)
  }

  static func readStock(_ node: Node, path: String, ids: [String: Int], careTypes: [CareType]?, log: IssueLog) -> InitialStock? {
    guard let r = MappingReader(node, path: path, log: log) else { return nil }
    var index: Int?
    if let id = r.string("careType") {
      index = ids[id]
      if index == nil {
        log.report(r.join("careType"), r.node("careType"), "unknown care type '\(id)'; expected one of: \(knownList(ids))")
      }
    }
    let inCare = r.integer("inCare", rule: .range(0, 10_000_000), default: 0)
    let waiting = r.integer("waiting", rule: .range(0, 10_000_000), default: 0)
    let remaining = r.choice("remaining", default: InitialStock.Remaining.equilibrium)
    r.finish(expected: ["careType", "inCare", "waiting", "remaining"])
    if let index, let inCare, let careTypes, index < careTypes.count,
      !careTypes[index].crisis, inCare > careTypes[index].capacity {
      log.report(r.join("inCare"), r.node("inCare"),
                 "\(inCare) children in care exceed the capacity of \(careTypes[index].id) (\(careTypes[index].capacity))")
      return nil
    }
    guard let index, let inCare, let waiting, let remaining else { return nil }
    return InitialStock(careType: index, inCare: inCare, waiting: waiting, remaining: remaining)
  }

  /// The keys `funding` may contain; `lumpsum`, `valves`, `settlement` and `pxq.ceiling` only
  /// when the scenario has no `contracts` list.
  static let fundingKeys = ["model", "lumpsum", "pxq", "output", "pressurePolicy", "throttle", "valves", "settlement", "behaviour"]

  /// Reads the region-wide funding rules; the contract terms in `funding` are read by `readContracts`.
  static func readFunding(_ r: MappingReader) -> Funding? {
    let model = r.choice("model", default: Funding.Model.lumpsum)
    var pxq: PxQ? = PxQ()
    if let p = r.mapping("pxq", required: false) {
      let margin = p.number("margin", rule: .range(-0.5, 2), default: 0.03)
      let index = p.number("ceilingIndexPerYear", rule: .range(-0.5, 1), default: 0)
      _ = p.node("ceiling")  // a contract term, read by `readContracts`
      p.finish(expected: ["margin", "ceiling", "ceilingIndexPerYear"])
      if let margin, let index { pxq = PxQ(margin: margin, ceilingIndexPerYear: index) } else { pxq = nil }
    } else if r.node("pxq") != nil {
      pxq = nil
    }
    var output: OutputFees? = OutputFees()
    if let o = r.mapping("output", required: false) {
      output = o.number("margin", rule: .range(-0.5, 2), default: 0).map { OutputFees(margin: $0) }
      o.finish(expected: ["margin"])
    } else if r.node("output") != nil {
      output = nil
    }
    let policy = r.choice("pressurePolicy", default: Funding.PressurePolicy.none)
    var throttle: Throttle? = Throttle()
    if let t = r.mapping("throttle", required: false) {
      let factor = t.number("durationFactor", rule: .range(0.5, 1), default: 0.85)
      let diversion = t.number("extraDiversion", rule: .range(0, 0.5), default: 0.05)
      t.finish(expected: ["durationFactor", "extraDiversion"])
      throttle = (factor != nil && diversion != nil) ? Throttle(durationFactor: factor!, extraDiversion: diversion!) : nil
    } else if r.node("throttle") != nil {
      throttle = nil
    }
    var behaviour: [Funding.Model: ModelBehaviour]? = [:]
    if let b = r.mapping("behaviour", required: false) {
      for key in b.keys {
        guard let node = b.node(key) else { continue }
        guard let model = Funding.Model(rawValue: key) else {
          b.log.report(b.join(key), node, "must be a funding model: lumpsum, pxq or output")
          behaviour = nil
          continue
        }
        guard let m = MappingReader(node, path: b.join(key), log: b.log) else { behaviour = nil; continue }
        let factor = m.number("durationFactor", rule: .range(0.5, 2), default: 1)
        let admin = m.number("adminCostShare", rule: .range(0, 1), default: 0)
        m.finish(expected: ["durationFactor", "adminCostShare"])
        if let factor, let admin { behaviour?[model] = ModelBehaviour(durationFactor: factor, adminCostShare: admin) } else { behaviour = nil }
      }
    } else if r.node("behaviour") != nil {
      behaviour = nil
    }
    guard let model, let policy, let pxq, let output, let throttle, let behaviour else { return nil }
    return Funding(model: model, pxq: pxq, output: output, pressurePolicy: policy, throttle: throttle, behaviour: behaviour)
  }

  /// Valves as written; baselines and costs left out are derived from the scenario once it is whole.
  struct PendingValves {
    var corridor: (measure: VolumeCorridor.Measure, baseline: Double?, threshold: Double, factor: Double, averageCost: Double?)?
    var statutory: (sources: [Int], baseline: Double?, threshold: Double, pay: Double?)?
    var highCost: HighCostCarveOut?
    var renegotiation: RenegotiationTrigger?

    /// Fills in defaults from the scenario's steady state and stores the valves in contract `index`.
    func resolve(_ scenario: inout Scenario, contract index: Int) {
      var valves = Valves(highCostCases: highCost, renegotiation: renegotiation)
      let inScope = scenario.contracts[index].careTypes.sorted()
      if let c = corridor {
        let steady = SteadyState(scenario)
        let volume = c.measure == .starts
          ? inScope.reduce(0.0) { $0 + steady.arrivalsPerYear[$1] }
          : inScope.reduce(0.0) { $0 + steady.inCare[$1] }
        let baseline = c.baseline ?? volume
        let cost = c.averageCost ?? (baseline > 0 ? scenario.contracts[index].lumpsum.budget(inYear: 1) / baseline : 0)
        valves.volumeCorridor = VolumeCorridor(
          measure: c.measure, baseline: baseline, threshold: c.threshold, factor: c.factor, averageCost: cost)
      }
      if let v = statutory.map({ st -> StatutoryReferralValve in
        let perYear = st.sources.reduce(0.0) {
          $0 + scenario.population.youths / 1000 * scenario.referralSources[$1].ratePer1000
        }
        // Default pay: the mean output fee of the contract care these sources send children to.
        var weighted = 0.0, weight = 0.0
        for s in st.sources {
          for k in inScope {
            let share = scenario.referralSources[s].ratePer1000 * scenario.referralSources[s].routing[k]
            weighted += share * scenario.feePerStart(k)
            weight += share
          }
        }
        return StatutoryReferralValve(
          sources: st.sources, baseline: st.baseline ?? perYear, threshold: st.threshold,
          payPerReferral: st.pay ?? (weight > 0 ? weighted / weight : 0))
      }) {
        valves.statutoryReferrals = v
      }
      scenario.contracts[index].valves = valves
    }
  }

  static func readValves(_ r: MappingReader, sourceIDs: [String: Int]) -> PendingValves? {
    var pending = PendingValves()
    var ok = true
    if let c = r.mapping("volumeCorridor", required: false) {
      let measure = c.choice("measure", default: VolumeCorridor.Measure.starts)
      var baseline: Double?? = .some(nil), cost: Double?? = .some(nil)
      if c.node("baseline") != nil { baseline = c.number("baseline", rule: .positive, kind: .amount).map { .some($0) } }
      if c.node("averageCost") != nil { cost = c.number("averageCost", rule: .nonNegative, kind: .amount).map { .some($0) } }
      let threshold = c.number("threshold", rule: .range(0, 1), default: 0.10)
      let factor = c.number("factor", rule: .range(0, 1), default: 0.8)
      c.finish(expected: ["measure", "baseline", "threshold", "factor", "averageCost"])
      if let measure, let baseline, let cost, let threshold, let factor {
        pending.corridor = (measure, baseline, threshold, factor, cost)
      } else { ok = false }
    } else if r.node("volumeCorridor") != nil { ok = false }
    if let v = r.mapping("statutoryReferrals", required: false) {
      var indices: [Int] = []
      var sourcesOK = true
      if let items = v.list("sources", required: true) {
        for item in items {
          if let id = item.node.scalar?.string, let index = sourceIDs[id] {
            indices.append(index)
          } else {
            sourcesOK = false
            r.log.report(item.path, item.node, "unknown referral source; expected one of: \(knownList(sourceIDs))")
          }
        }
        if items.isEmpty { sourcesOK = false; r.log.report(v.join("sources"), v.node, "must name at least one referral source") }
      } else { sourcesOK = false }
      var baseline: Double?? = .some(nil), pay: Double?? = .some(nil)
      if v.node("baseline") != nil { baseline = v.number("baseline", rule: .positive, kind: .amount).map { .some($0) } }
      if v.node("payPerReferral") != nil { pay = v.number("payPerReferral", rule: .nonNegative, kind: .amount).map { .some($0) } }
      let threshold = v.number("threshold", rule: .range(0, 1), default: 0.10)
      v.finish(expected: ["sources", "baseline", "threshold", "payPerReferral"])
      if sourcesOK, let baseline, let pay, let threshold {
        pending.statutory = (indices, baseline, threshold, pay)
      } else { ok = false }
    } else if r.node("statutoryReferrals") != nil { ok = false }
    if let h = r.mapping("highCostCases", required: false) {
      let threshold = h.number("threshold", rule: .positive, default: 150_000, kind: .amount)
      h.finish(expected: ["threshold"])
      if let threshold { pending.highCost = HighCostCarveOut(threshold: threshold) } else { ok = false }
    } else if r.node("highCostCases") != nil { ok = false }
    if let n = r.mapping("renegotiation", required: false) {
      let threshold = n.number("threshold", rule: .range(0, 10), default: 0.05)
      let maximum = n.integer("maximum", rule: .range(1, 100), default: 1)
      n.finish(expected: ["threshold", "maximum"])
      if let threshold, let maximum { pending.renegotiation = RenegotiationTrigger(threshold: threshold, maximum: maximum) } else { ok = false }
    } else if r.node("renegotiation") != nil { ok = false }
    r.finish(expected: ["volumeCorridor", "statutoryReferrals", "highCostCases", "renegotiation"])
    return ok ? pending : nil
  }

  /// Reads a consortium; `scope` is its contract's care types (nil when they could not be read).
  static func readConsortium(_ r: MappingReader, ids: [String: Int], types: Int?, scope: [Int]?) -> Consortium? {
    let split = r.choice("split", default: Consortium.Split.proRata)
    var exitRule: ExitRule?? = .some(nil)
    if let e = r.mapping("exit", required: false) {
      let loss = e.number("lossShareOfRevenue", rule: .range(0, 10), default: 0.05)
      let dependence = e.number("maxDependence", rule: .probability, default: 0.10)
      e.finish(expected: ["lossShareOfRevenue", "maxDependence"])
      exitRule = (loss != nil && dependence != nil) ? .some(ExitRule(lossShareOfRevenue: loss!, maxDependence: dependence!)) : nil
    } else if r.node("exit") != nil {
      exitRule = nil
    }
    var members: [Member] = []
    var ok = true
    let items = r.list("members", required: true) ?? []
    if r.node("members") != nil && items.isEmpty { r.log.report(r.join("members"), r.node, "must list at least one member"); ok = false }
    _ = collectIDs(items, list: r.join("members"), log: r.log)
    for item in items {
      guard let m = MappingReader(item.node, path: item.path, log: r.log) else { ok = false; continue }
      let id = m.string("id")
      let name = m.string("name", default: id ?? "")
      let share = m.number("share", rule: .probability)
      let revenue = m.number("revenue", rule: .positive, kind: .amount)
      var capacity: [Double]? = nil
      if let c = m.mapping("capacity", required: false), let types {
        var shares = [Double](repeating: 0, count: types)
        var capacityOK = true
        for key in c.keys {
          guard let node = c.node(key) else { continue }
          if let k = ids[key], let scope, !scope.contains(k) {
            capacityOK = false
            r.log.report(c.join(key), node, "care type '\(key)' is not covered by this contract; a member holds places only of the contract's care types")
          } else if let k = ids[key] {
            if let v = MappingReader.number(node, path: c.join(key), rule: .probability, log: r.log) { shares[k] = v } else { capacityOK = false }
          } else {
            capacityOK = false
            r.log.report(c.join(key), node, "unknown care type '\(key)'; expected one of: \(knownList(ids))")
          }
        }
        if capacityOK { capacity = shares }
      }
      m.finish(expected: ["id", "name", "share", "revenue", "capacity"])
      guard let id, let name, let share, let revenue else { ok = false; continue }
      // Without a capacity mapping a member holds its contract share of the places of every care
      // type the contract covers.
      let shares = capacity ?? (0..<(types ?? 0)).map { (scope ?? []).contains($0) ? share : 0 }
      if m.node("capacity") != nil && capacity == nil { ok = false; continue }
      members.append(Member(id: id, name: name, share: share, revenue: revenue, capacityShare: shares))
    }
    r.finish(expected: ["members", "split", "exit"])
    guard ok, let split, let exitRule else { return nil }
    let total = members.reduce(0) { $0 + $1.share }
    if abs(total - 1) > 1e-6 {
      r.log.report(r.join("members"), r.node("members"), "the members' shares must sum to 1, got \(format(total))")
      return nil
    }
    if let types {
      for k in 0..<types {
        let held = members.reduce(0) { $0 + $1.capacityShare[k] }
        if held > 1 + 1e-6 {
          r.log.report(r.join("members"), r.node("members"), "the members hold \(format(held)) of care type \(knownList(ids).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }[k])'s places; at most 1")
          return nil
        }
      }
    }
    return Consortium(members: members, split: split, exitRule: exitRule)
  }

  static func readPrevention(_ r: MappingReader, ids: [String: Int], years: Int?, contracts: [Contract]?) -> Prevention? {
    let cost = r.number("costPerYear", rule: .nonNegative, kind: .amount)
    var costYears: [Int]? = []
    if let items = r.numbers("costYears", rule: .range(1, Double(years ?? 100))) {
      costYears = items.map { Int($0) }
    } else if r.node("costYears") != nil { costYears = nil }
    let payer = r.choice("paidBy", default: Prevention.Payer.consortium)
    let effect = r.number("effect", rule: .probability)
    var types: [Int]? = []
    if let items = r.list("careTypes", required: true) {
      for item in items {
        if let id = item.node.scalar?.string, let k = ids[id] { types?.append(k) } else {
          types = nil
          r.log.report(item.path, item.node, "unknown care type; expected one of: \(knownList(ids))")
        }
      }
    } else { types = nil }
    let lag = r.number("lagMonths", rule: .nonNegative, default: 12)
    let ramp = r.number("rampMonths", rule: .nonNegative, default: 12)
    var contract: Int? = 0
    if let node = r.node("contract"), let contracts {
      let id = node.scalar?.string ?? ""
      contract = contracts.firstIndex { $0.id == id }
      if contract == nil {
        r.log.report(r.join("contract"), node, "unknown contract '\(id)'; expected one of: \(contracts.map(\.id).joined(separator: ", "))")
      }
    }
    r.finish(expected: ["costPerYear", "costYears", "paidBy", "effect", "careTypes", "lagMonths", "rampMonths", "contract"])
    guard let cost, let costYears, let payer, let effect, let types, let lag, let ramp, let contract else { return nil }
    return Prevention(costPerYear: cost, costYears: costYears, paidBy: payer, effect: effect, careTypes: types,
                      lagMonths: lag, rampMonths: ramp, contract: contract)
  }

  // MARK: Distributions

  /// The families a duration or delay may use, with their parameters.
  static let families: [String: [String]] = [
    "exponential": ["mean"],
    "gamma": ["shape", "scale", "mean", "cv"],
    "lognormal": ["mu", "sigma", "mean", "cv"],
    "weibull": ["shape", "scale"],
    "fixed": ["value"],
    "empirical": ["values", "cumulative"],
  ]

  /// Time units a distribution may be given in, as days per unit.
  static let units: [String: Double] = ["days": 1, "weeks": 7, "months": DayCalendar.daysPerMonth, "years": DayCalendar.daysPerYear]

  static func readDistribution(_ r: MappingReader) -> Distribution? {
    let family = r.string("family")
    var factor: Double? = 1
    if let unit = r.string("unit", default: "days") {
      factor = units[unit]
      if factor == nil { r.log.report(r.join("unit"), r.node("unit"), "must be one of: days, weeks, months, years; got '\(unit)'") }
    }
    // A duration in days is a count of days: `1.240` days is more likely 1,240 than 1.24. In weeks,
    // months or years three decimals are plausible fractions.
    let length: NumberKind = factor == 1 ? .amount : .plain
    guard let family else { return nil }
    guard let parameters = families[family] else {
      r.log.report(r.join("family"), r.node("family"),
                   "must be one of: \(families.keys.sorted().joined(separator: ", ")); got '\(family)'")
      return nil
    }
    defer { r.finish(expected: ["family", "unit"] + parameters) }
    let law: Distribution?
    switch family {
    case "exponential":
      law = r.number("mean", rule: .positive, kind: length).map { .exponential(mean: $0) }
    case "fixed":
      law = r.number("value", rule: .nonNegative, kind: length).map { .fixed($0) }
    case "weibull":
      let shape = r.number("shape", rule: .positive), scale = r.number("scale", rule: .positive, kind: length)
      law = (shape != nil && scale != nil) ? .weibull(scale: scale!, shape: shape!) : nil
    case "gamma", "lognormal":
      let byMean = r.keys.contains("mean") || r.keys.contains("cv")
      if byMean {
        let mean = r.number("mean", rule: .positive, kind: length), cv = r.number("cv", rule: .positive)
        guard let mean, let cv else { return nil }
        law = family == "gamma" ? .gamma(mean: mean, cv: cv) : .lognormal(mean: mean, cv: cv)
      } else if family == "gamma" {
        let shape = r.number("shape", rule: .positive), scale = r.number("scale", rule: .positive, kind: length)
        law = (shape != nil && scale != nil) ? .gamma(shape: shape!, scale: scale!) : nil
      } else {
        let mu = r.number("mu"), sigma = r.number("sigma", rule: .positive)
        law = (mu != nil && sigma != nil) ? .lognormal(mu: mu!, sigma: sigma!) : nil
      }
    case "empirical":
      let values = r.numbers("values", rule: .nonNegative), cumulative = r.numbers("cumulative", rule: .probability)
      if r.node("values") == nil { r.log.report(r.join("values"), r.node, "is required (a list of numbers)") }
      if r.node("cumulative") == nil { r.log.report(r.join("cumulative"), r.node, "is required (a list of probabilities)") }
      guard let values, let cumulative else { return nil }
      do {
        law = .empirical(try EmpiricalDistribution(values: values, cumulative: cumulative))
      } catch {
        r.log.report(r.path, r.node, error.description)
        return nil
      }
    default:
      law = nil
    }
    guard let law, let factor else { return nil }
    let scaled = law.scaled(by: factor)
    if let reason = scaled.unusableReason {
      // Name the field that took the law to its extreme: the cv when there is one.
      let key = r.keys.contains("cv") ? "cv" : nil
      r.log.report(key.map(r.join) ?? r.path, key.flatMap(r.node) ?? r.node,
                   "gives a \(family) law lumpsim cannot draw from: \(reason); durations in youth care have a cv of about 0.5 to 2")
      return nil
    }
    return scaled
  }

  // MARK: Cross-checks

  /// Logs and returns false when a list has more entries than lumpsim takes.
  static func withinLimit(_ count: Int, _ limit: Int, _ key: String, _ noun: String, _ top: MappingReader, why: String) -> Bool {
    guard count > limit else { return true }
    top.log.report(key, top.node(key), "lists \(RunLimits.grouped(count)) \(noun); lumpsim takes at most "
      + "\(RunLimits.grouped(limit)) (\(why))")
    return false
  }

  static func collectIDs(_ items: [(node: Node, path: String)], list: String, log: IssueLog) -> [String: Int] {
    var ids: [String: Int] = [:]
    for (offset, item) in items.enumerated() {
      guard case .mapping(let mapping) = item.node, let idNode = mapping["id"], let id = idNode.scalar?.string else { continue }
      if let first = ids[id] {
        log.report("\(item.path).id", idNode, "duplicate id '\(id)' (also \(list)[\(first)])")
      } else {
        ids[id] = offset
      }
    }
    return ids
  }

  static func knownList(_ ids: [String: Int]) -> String {
    ids.sorted { $0.value < $1.value }.map(\.key).joined(separator: ", ")
  }

  /// A care type with capacity 0 that referrals or transitions lead to would hold children forever.
  static func checkReachableCapacity(
    careTypes: [CareType], sources: [ReferralSource], top: MappingReader,
    typeItems: [(node: Node, path: String)], log: IssueLog
  ) {
    for (k, type) in careTypes.enumerated() where type.capacity == 0 && !type.crisis {
      let referred = sources.contains { $0.ratePer1000 > 0 && $0.routing[k] > 0 }
      let transferred = careTypes.contains { $0.transitions.next[k] > 0 }
      let redirected = careTypes.contains { $0.patience?.destination == .careType(k) }
      if referred || transferred || redirected {
        let node = typeItems[k].node.mapping?["capacity"]
        log.report("\(typeItems[k].path).capacity", node,
                   "is 0 but referrals or transitions lead to \(type.id); children would wait forever (give it capacity or mark it crisis)")
      }
    }
  }
}
