import Yams

/// Reading a contract's valves, whose baselines and costs may wait until the scenario is whole.
extension ScenarioReader {
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
}
