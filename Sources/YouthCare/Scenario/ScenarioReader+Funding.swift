import Yams

/// Reading the region-wide funding rules: the model, P×Q and output terms, the pressure policy and
/// how providers behave under each model.
extension ScenarioReader {
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
}
