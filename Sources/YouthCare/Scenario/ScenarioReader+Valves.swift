import Yams

/// Reading a contract's valves, whose baselines and costs may wait until the scenario is whole.
extension ScenarioReader {
  /// Valves as written; baselines and costs left out are derived from the scenario once it is whole.
  struct PendingValves {
    typealias Corridor = (measure: VolumeCorridor.Measure, baseline: Double?, threshold: Double, factor: Double, averageCost: Double?)
    typealias Statutory = (sources: [Int], baseline: Double?, threshold: Double, pay: Double?)

    var corridor: Corridor?
    var statutory: Statutory?
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

  /// Reads a contract's valves; each is optional, and a bad one refuses the whole.
  static func readValves(_ r: MappingReader, sourceIDs: [String: Int]) -> PendingValves? {
    let corridor = r.section("volumeCorridor", readVolumeCorridor)
    let statutory = r.section("statutoryReferrals") { readStatutoryReferrals($0, sourceIDs: sourceIDs) }
    let highCost = r.section("highCostCases", readHighCostCases)
    let renegotiation = r.section("renegotiation", readRenegotiation)
    r.finish()
    guard !corridor.isInvalid, !statutory.isInvalid, !highCost.isInvalid, !renegotiation.isInvalid else { return nil }
    return PendingValves(
      corridor: corridor.value, statutory: statutory.value, highCost: highCost.value, renegotiation: renegotiation.value)
  }

  /// V1: next year's budget follows the volume beyond a corridor around the baseline.
  static func readVolumeCorridor(_ c: MappingReader) -> PendingValves.Corridor? {
    let measure = c.choice("measure", default: VolumeCorridor.Measure.starts)
    let baseline = c.optionalNumber("baseline", rule: .positive, kind: .amount)
    let cost = c.optionalNumber("averageCost", rule: .nonNegative, kind: .amount)
    let threshold = c.number("threshold", rule: .range(0, 1), default: 0.10)
    let factor = c.number("factor", rule: .range(0, 1), default: 0.8)
    c.finish()
    guard let measure, !baseline.isInvalid, !cost.isInvalid, let threshold, let factor else { return nil }
    return (measure, baseline.value, threshold, factor, cost.value)
  }

  /// V2: referrals from statutory sources above their baseline band are paid per referral.
  static func readStatutoryReferrals(_ v: MappingReader, sourceIDs: [String: Int]) -> PendingValves.Statutory? {
    var indices: [Int] = []
    var sourcesOK = true
    if let items = v.list("sources", required: true) {
      for item in items {
        if let id = item.node.scalar?.string, let index = sourceIDs[id] {
          indices.append(index)
        } else {
          sourcesOK = false
          v.log.report(item.path, item.node, "unknown referral source; expected one of: \(knownList(sourceIDs))")
        }
      }
      if items.isEmpty { sourcesOK = false; v.log.report(v.join("sources"), v.node, "must name at least one referral source") }
    } else { sourcesOK = false }
    let baseline = v.optionalNumber("baseline", rule: .positive, kind: .amount)
    let pay = v.optionalNumber("payPerReferral", rule: .nonNegative, kind: .amount)
    let threshold = v.number("threshold", rule: .range(0, 1), default: 0.10)
    v.finish()
    guard sourcesOK, !baseline.isInvalid, !pay.isInvalid, let threshold else { return nil }
    return (indices, baseline.value, threshold, pay.value)
  }

  /// V3: a child's yearly care cost above a threshold is paid outside the lumpsum.
  static func readHighCostCases(_ h: MappingReader) -> HighCostCarveOut? {
    let threshold = h.number("threshold", rule: .positive, default: 150_000, kind: .amount)
    h.finish()
    return threshold.map { HighCostCarveOut(threshold: $0) }
  }

  /// V5: the budget is reset when the cumulative deficit passes a threshold.
  static func readRenegotiation(_ n: MappingReader) -> RenegotiationTrigger? {
    let threshold = n.number("threshold", rule: .range(0, 10), default: 0.05)
    let maximum = n.integer("maximum", rule: .range(1, 100), default: 1)
    n.finish()
    guard let threshold, let maximum else { return nil }
    return RenegotiationTrigger(threshold: threshold, maximum: maximum)
  }
}
