import Foundation
import Testing
import YouthCare

/// An unknown key's message names exactly the keys its section takes, in every section.
///
/// The reader builds that list from the keys it asks for, so the list cannot drift from what is
/// read. This test holds it to the outside view: two scenarios that between them give every key
/// of every section (the one-contract form and the contracts-list form exclude each other), built
/// as trees so that the test knows each section's keys. A misspelt key is added to each section
/// in turn; the message must name the union of the keys that section has in the two scenarios,
/// each scenario's keys in the order it writes them (the order the reader asks for them).
@Suite("Scenario keys")
struct ScenarioKeysTests {
  /// The key added to each section.
  static let unknown = "zzUnknown"

  @Test("both every-key scenarios are valid")
  func bothValid() throws {
    for tree in [Self.oneContract, Self.contractList] {
      _ = try ScenarioReader.read(yaml: tree.yaml)
    }
  }

  @Test("an unknown key's message lists exactly the keys its section takes, in every section")
  func unknownKeyListsTheSectionsKeys() throws {
    let scenarios = [("one contract", Self.oneContract), ("contract list", Self.contractList)]
    var kinds: [String: [String]] = [:]  // each kind of section: the union of its keys
    var instances: [(scenario: String, yaml: String, path: String, kind: String, keys: [String])] = []
    for (name, tree) in scenarios {
      for (path, keys) in tree.sections() {
        let kind = Self.kind(path: path, keys: keys, in: tree)
        let known = kinds[kind] ?? []
        kinds[kind] = known + keys.filter { !known.contains($0) }
        instances.append((name, tree.yaml, path, kind, keys))
      }
    }
    #expect(instances.count > 60)
    for instance in instances {
      let probe = instance.path.isEmpty ? Self.unknown : "\(instance.path).\(Self.unknown)"
      let listed = try #require(Self.listedKeys(yaml: instance.yaml, probe: probe), "\(instance.scenario): no unknown-key message at \(probe)")
      let union = kinds[instance.kind] ?? []
      #expect(Set(listed) == Set(union) && listed.count == union.count,
              "\(instance.scenario) \(probe): lists \(listed); the section takes \(union)")
      #expect(listed.filter(instance.keys.contains) == instance.keys,
              "\(instance.scenario) \(probe): lists \(listed) out of the order \(instance.keys)")
    }
  }

  @Test("the list is the section's own: a distribution names only its parameterisation's keys")
  func distributionKeys() throws {
    let yaml = Self.oneContract.yaml
    #expect(Self.listedKeys(yaml: yaml, probe: "careTypes[0].duration.\(Self.unknown)") == ["family", "unit", "mean", "cv"])
    #expect(Self.listedKeys(yaml: yaml, probe: "careTypes[2].duration.\(Self.unknown)") == ["family", "unit", "shape", "scale"])
  }

  /// The keys listed by the unknown-key message at `probe`, nil when there is none.
  static func listedKeys(yaml: String, probe: String) -> [String]? {
    do {
      _ = try ScenarioReader.read(yaml: yaml, overrides: [ScenarioOverride(path: probe, value: "1")])
      return nil
    } catch {
      let lead = "unknown key; expected one of: "
      guard let issue = error.issues.first(where: { $0.path == probe }), issue.message.hasPrefix(lead) else { return nil }
      let list = issue.message.dropFirst(lead.count).components(separatedBy: " (given by --set").first ?? ""
      return list.components(separatedBy: ", ")
    }
  }

  /// What kind of section `path` is: its path without list positions; a distribution by its keys
  /// too, since each family and parameterisation takes its own.
  static func kind(path: String, keys: [String], in tree: YAMLTree) -> String {
    let general = path.replacingOccurrences(of: #"\[\d+\]"#, with: "", options: .regularExpression)
    return keys.contains("family") ? "\(general) distribution \(keys.sorted())" : general
  }

  // MARK: The two scenarios

  /// Care types A…G: between them every family and parameterisation of a duration.
  static func careTypes(inLumpsum: Bool) -> YAMLTree {
    let first: YAMLTree = [
      "id": "A", "name": "Ambulant", "level": 0, "capacity": 60,
      "duration": ["family": "gamma", "unit": "days", "mean": 90, "cv": 0.8],
      "costPerDay": 100, "fixedCostPerSlotDay": 10, "intakeCost": 500, "waitingNormDays": 60,
      "inLumpsum": true, "tariffPerDay": 110, "feePerStart": 2000, "crisis": false, "overflowCostFactor": 1.2,
      "patience": ["duration": ["family": "exponential", "unit": "days", "mean": 60], "destination": "B"],
      "capacityPolicy": [
        "reviewDays": 90, "addWhenWaitingAbove": 0.1, "removeWhenUseBelow": 0.85, "step": 0.05,
        "hiringLagDays": 60, "minimum": 40, "maximum": 80, "budgetAware": true,
      ],
      "subcontracting": ["share": 0.1, "tariffPerDay": 120],
      "transitions": .table(["exit": 0.9, "B": 0.1]),
    ]
    return [
      inLumpsum ? first : first.removing("inLumpsum"),
      ["id": "B", "capacity": 30, "duration": ["family": "lognormal", "unit": "months", "mu": 1, "sigma": 0.5],
       "costPerDay": 200, "transitions": .table(["exit": 1])],
      ["id": "C", "capacity": 20, "duration": ["family": "gamma", "unit": "weeks", "shape": 2, "scale": 3],
       "costPerDay": 150, "transitions": .table(["exit": 1])],
      ["id": "D", "capacity": 20, "duration": ["family": "lognormal", "unit": "days", "mean": 120, "cv": 1],
       "costPerDay": 150, "transitions": .table(["exit": 1])],
      ["id": "E", "capacity": 20, "duration": ["family": "weibull", "unit": "days", "shape": 1.5, "scale": 100],
       "costPerDay": 150, "transitions": .table(["exit": 1])],
      ["id": "F", "capacity": 20, "duration": ["family": "fixed", "unit": "days", "value": 30],
       "costPerDay": 150, "transitions": .table(["exit": 1])],
      ["id": "G", "capacity": 20, "duration": ["family": "empirical", "unit": "days", "values": [10, 50, 100], "cumulative": [0, 0.5, 1]],
       "costPerDay": 150, "crisis": true, "transitions": .table(["exit": 1])],
    ]
  }

  static var sources: YAMLTree { [
    ["id": "gp", "name": "GP", "ratePer1000": 20, "seasonality": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
     "trendPerYear": 0.01, "overdispersionCV": 0.1, "crisisShare": 0.05, "courtOrderedShare": 0.05,
     "routing": .table(["A": 0.5, "B": 0.1, "C": 0.1, "D": 0.1, "E": 0.05, "F": 0.05, "G": 0.05, "diverted": 0.05])],
    ["id": "court", "ratePer1000": 1, "routing": .table(["B": 1])],
  ] }

  static var valves: YAMLTree { [
    "volumeCorridor": ["measure": "starts", "baseline": 1000, "averageCost": 3000, "threshold": 0.1, "factor": 0.8],
    "statutoryReferrals": ["sources": ["court"], "baseline": 10, "payPerReferral": 5000, "threshold": 0.1],
    "highCostCases": ["threshold": 150_000],
    "renegotiation": ["threshold": 0.05, "maximum": 1],
  ] }

  static var settlement: YAMLTree { [
    "deficitBand": 0.05, "consortiumShareInBand": 1, "consortiumShareBeyondBand": 0.5, "surplusKept": 0.03,
    "consortiumShareOfSurplusBeyond": 0.5,
  ] }

  static var lumpsum: YAMLTree { [
    "base": 3_000_000, "indexPerYear": 0.02, "bookedSavings": [0, 0.01], "overheadShare": 0.05, "indexation": "full",
  ] }

  static var consortium: YAMLTree { [
    "split": "proRata",
    "exit": ["lossShareOfRevenue": 0.05, "maxDependence": 0.1],
    "members": [
      ["id": "m1", "name": "Member one", "share": 0.6, "revenue": 1_000_000, "capacity": .table(["A": 0.6])],
      ["id": "m2", "share": 0.4, "revenue": 800_000],
    ],
  ] }

  /// Every key of the one-contract form: its terms in `funding`, its members in `consortium`.
  static var oneContract: YAMLTree { [
    "name": "every key", "description": "one contract",
    "horizon": ["contractYears": 3, "warmupYears": 1, "firstYear": 2026],
    "random": ["generator": "mt19937", "seed": 7],
    "population": ["youths": 10_000, "growthPerYear": 0.01],
    "careTypes": careTypes(inLumpsum: true),
    "referralSources": sources,
    "blockedStepDown": false,
    "reReferral": ["probability": 0.1, "delay": ["family": "exponential", "unit": "months", "mean": 6]],
    "initialStock": [["careType": "A", "inCare": 10, "waiting": 2, "remaining": "equilibrium"]],
    "costs": ["indexPerYear": 0.02],
    "funding": [
      "model": "lumpsum", "lumpsum": lumpsum,
      "pxq": ["margin": 0.03, "ceiling": 5_000_000, "ceilingIndexPerYear": 0.01],
      "output": ["margin": 0.02], "pressurePolicy": "none",
      "throttle": ["durationFactor": 0.9, "extraDiversion": 0.05],
      "valves": valves, "settlement": settlement,
      "behaviour": .table(["pxq": ["durationFactor": 1.1, "adminCostShare": 0.05]]),
    ],
    "consortium": consortium,
    "prevention": [
      "costPerYear": 100_000, "costYears": [1, 2], "paidBy": "consortium", "effect": 0.1, "careTypes": ["A"],
      "lagMonths": 12, "rampMonths": 12,
    ],
  ] }

  /// Every key of the contracts-list form: each contract with its own terms and members.
  static var contractList: YAMLTree { [
    "name": "every key",
    "horizon": ["contractYears": 3],
    "population": ["youths": 10_000],
    "careTypes": careTypes(inLumpsum: false),
    "referralSources": sources,
    "funding": ["model": "lumpsum", "pxq": ["margin": 0.03, "ceilingIndexPerYear": 0.01]],
    "contracts": [
      ["id": "c1", "name": "Contract one", "careTypes": ["A", "B", "C"], "lumpsum": lumpsum, "valves": valves,
       "settlement": settlement, "pxqCeiling": 5_000_000, "consortium": consortium],
      ["id": "c2", "careTypes": ["D", "E", "F", "G"], "lumpsum": ["base": 1_000_000]],
    ],
    "prevention": [
      "costPerYear": 100_000, "paidBy": "municipality", "effect": 0.1, "careTypes": ["D"], "contract": "c2",
    ],
  ] }
}

/// A YAML value built in Swift, so that a test knows every key of the scenario it writes.
///
/// The trees are built where they are used (computed `static var`s, not `static let`s): an
/// indirect enum's box held by a global is stored with the enum's tag bits in the pointer, which
/// LeakSanitizer does not recognise as a reference, so it reported the boxes as leaks at exit.
indirect enum YAMLTree: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
  ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
  case scalar(String)
  /// A mapping: a section (field names the reader knows) or a table (names the scenario chooses,
  /// as in routing and transitions, so it has no unknown keys).
  case mapping([(key: String, value: YAMLTree)], isSection: Bool)
  case list([YAMLTree])

  init(stringLiteral value: String) { self = .scalar(value) }
  init(integerLiteral value: Int) { self = .scalar(String(value)) }
  init(floatLiteral value: Double) { self = .scalar(String(value)) }
  init(booleanLiteral value: Bool) { self = .scalar(String(value)) }
  init(arrayLiteral elements: YAMLTree...) { self = .list(elements) }
  init(dictionaryLiteral elements: (String, YAMLTree)...) {
    self = .mapping(elements.map { (key: $0.0, value: $0.1) }, isSection: true)
  }

  /// A mapping whose keys the scenario names.
  static func table(_ pairs: KeyValuePairs<String, YAMLTree>) -> YAMLTree {
    .mapping(pairs.map { (key: $0.key, value: $0.value) }, isSection: false)
  }

  /// The mapping without `key`.
  func removing(_ key: String) -> YAMLTree {
    guard case .mapping(let pairs, let isSection) = self else { return self }
    return .mapping(pairs.filter { $0.key != key }, isSection: isSection)
  }

  /// The tree as one line of flow-style YAML.
  var yaml: String {
    switch self {
    case .scalar(let text): return text
    case .mapping(let pairs, _): return "{" + pairs.map { "\($0.key): \($0.value.yaml)" }.joined(separator: ", ") + "}"
    case .list(let items): return "[" + items.map(\.yaml).joined(separator: ", ") + "]"
    }
  }

  /// Every section in the tree with its path (as the reader names it) and its keys in order.
  func sections(at path: String = "") -> [(path: String, keys: [String])] {
    func join(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
    switch self {
    case .scalar: return []
    case .mapping(let pairs, let isSection):
      let inner = pairs.flatMap { $0.value.sections(at: join($0.key)) }
      return isSection ? [(path, pairs.map(\.key))] + inner : inner
    case .list(let items): return items.enumerated().flatMap { $0.element.sections(at: "\(path)[\($0.offset)]") }
    }
  }
}
