import Yams

/// Reading the care types, with the children already in them when the run starts.
extension ScenarioReader {
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
    let inLumpsum = r.optionalBool("inLumpsum")
    let tariff = r.optionalNumber("tariffPerDay", rule: .nonNegative, kind: .amount)
    let fee = r.optionalNumber("feePerStart", rule: .nonNegative, kind: .amount)
    let crisis = r.bool("crisis", default: false)
    let overflow = r.number("overflowCostFactor", rule: .nonNegative, default: 1)
    let patience = r.section("patience") { readPatience($0, ids: ids, selfIndex: index) }
    let capacityPolicy = r.section("capacityPolicy", readCapacityPolicy)
    let subcontracting = r.section("subcontracting", readSubcontracting)
    let transitions = readTransitions(r, ids: ids, index: index, typeCount: typeCount)
    r.finish()
    guard let id, let name, let level, let capacity, let duration, let cost, let fixed, let intake, let norm,
      let crisis, let overflow, let transitions, !inLumpsum.isInvalid, !tariff.isInvalid, !fee.isInvalid,
      !patience.isInvalid, !capacityPolicy.isInvalid, !subcontracting.isInvalid
    else { return nil }
    let type = CareType(
      id: id, name: name, level: level, capacity: capacity, duration: duration, costPerDay: cost,
      fixedCostPerSlotDay: fixed, intakeCost: intake, waitingNormDays: norm,
      tariffPerDay: tariff.value, feePerStart: fee.value, crisis: crisis, overflowCostFactor: overflow,
      patience: patience.value, transitions: transitions, capacityPolicy: capacityPolicy.value,
      subcontracting: subcontracting.value)
    return (type, inLumpsum.value)
  }

  /// Where children go when their episode in care type `index` ends: to exit or to other types,
  /// with probabilities that sum to 1.
  static func readTransitions(_ r: MappingReader, ids: [String: Int], index: Int, typeCount: Int) -> Transitions? {
    guard let (entries, reader) = r.probabilities("transitions", required: true) else { return nil }
    var next = [Double](repeating: 0, count: typeCount)
    var exit = 0.0
    var ok = entries.count == reader.keys.count
    for entry in entries {
      if entry.name == "exit" {
        exit = entry.value
      } else if let target = ids[entry.name] {
        if target == index, entry.value > 0 {
          ok = false
          r.log.report(reader.join(entry.name), entry.node, "a care type cannot transition to itself; model a longer duration instead")
        }
        next[target] = entry.value
      } else {
        ok = false
        r.log.report(reader.join(entry.name), entry.node, "unknown care type '\(entry.name)'; expected one of: \(knownList(ids)), exit")
      }
    }
    let total = exit + next.reduce(0, +)
    if ok, abs(total - 1) > 1e-6 {
      ok = false
      r.log.report(reader.path, reader.node, "probabilities must sum to 1, got \(format(total))")
    }
    return ok ? Transitions(exit: exit, next: next) : nil
  }

  /// Places added when the waiting list grows and shed when use falls, within a minimum and maximum.
  static func readCapacityPolicy(_ p: MappingReader) -> CapacityPolicy? {
    let review = p.number("reviewDays", rule: .positive, default: 90, kind: .amount)
    let add = p.number("addWhenWaitingAbove", rule: .nonNegative, default: 0.10)
    let remove = p.number("removeWhenUseBelow", rule: .probability, default: 0.85)
    let step = p.number("step", rule: .range(0, 1), default: 0.05)
    let lag = p.number("hiringLagDays", rule: .nonNegative, default: 60, kind: .amount)
    let minimum = p.integer("minimum", rule: .range(0, 10_000_000))
    let maximum = p.integer("maximum", rule: .range(0, 10_000_000))
    let aware = p.bool("budgetAware", default: true)
    p.finish()
    if let minimum, let maximum, minimum > maximum {
      p.log.report(p.join("maximum"), p.node("maximum"), "must be at least minimum (\(minimum)), got \(maximum)")
      return nil
    }
    guard let review, let add, let remove, let step, let lag, let minimum, let maximum, let aware else { return nil }
    return CapacityPolicy(
      reviewDays: review, addWhenWaitingAbove: add, removeWhenUseBelow: remove, step: step, hiringLagDays: lag,
      minimum: minimum, maximum: maximum, budgetAware: aware)
  }

  /// The share of a care type's children placed with another provider, at its tariff.
  static func readSubcontracting(_ sc: MappingReader) -> Subcontracting? {
    let share = sc.number("share", rule: .probability)
    let tariff = sc.number("tariffPerDay", rule: .nonNegative, kind: .amount)
    sc.finish()
    guard let share, let tariff else { return nil }
    return Subcontracting(share: share, tariffPerDay: tariff)
  }

  /// How long a child waits before leaving the waiting list, and where it goes.
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
    r.finish()
    guard let duration, let destination else { return nil }
    return Patience(duration: duration, destination: destination)
  }

  /// Reads one entry of `initialStock`: children in care and waiting when the run starts; a
  /// care type's children in care may not exceed its capacity (`careTypes` nil: not checked).
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
    r.finish()
    if let index, let inCare, let careTypes, index < careTypes.count,
      !careTypes[index].crisis, inCare > careTypes[index].capacity {
      log.report(r.join("inCare"), r.node("inCare"),
                 "\(inCare) children in care exceed the capacity of \(careTypes[index].id) (\(careTypes[index].capacity))")
      return nil
    }
    guard let index, let inCare, let waiting, let remaining else { return nil }
    return InitialStock(careType: index, inCare: inCare, waiting: waiting, remaining: remaining)
  }
}
