import Yams

/// Reading the region-wide funding rules: the model, P×Q and output terms, the pressure policy and
/// how providers behave under each model.
extension ScenarioReader {
  /// Reads the region-wide funding rules.
  ///
  /// `funding` also holds the one-contract form's contract terms (`lumpsum`, `valves`,
  /// `settlement`, `pxq.ceiling`); `readContracts` reads them, or refuses them next to a
  /// `contracts` list. They are taken here, so that `funding` takes them whichever form is used.
  static func readFunding(_ r: MappingReader) -> Funding? {
    let model = r.choice("model", default: Funding.Model.lumpsum)
    r.accept("lumpsum")
    let pxq = r.section("pxq", readPxQ).or(PxQ())
    let output = r.section("output", readOutput).or(OutputFees())
    let policy = r.choice("pressurePolicy", default: Funding.PressurePolicy.none)
    let throttle = r.section("throttle", readThrottle).or(Throttle())
    r.accept("valves")
    r.accept("settlement")
    let behaviour = r.section("behaviour", readBehaviour).or([:])
    guard let model, let policy, let pxq, let output, let throttle, let behaviour else { return nil }
    return Funding(model: model, pxq: pxq, output: output, pressurePolicy: policy, throttle: throttle, behaviour: behaviour)
  }

  /// The P×Q tariff's margin and how its ceiling is indexed (the ceiling itself is a contract term).
  static func readPxQ(_ p: MappingReader) -> PxQ? {
    let margin = p.number("margin", rule: .range(-0.5, 2), default: 0.03)
    p.accept("ceiling")  // a contract term, read by `readContracts`
    let index = p.number("ceilingIndexPerYear", rule: .range(-0.5, 1), default: 0)
    p.finish()
    guard let margin, let index else { return nil }
    return PxQ(margin: margin, ceilingIndexPerYear: index)
  }

  /// The margin on output fees (a fee per started trajectory).
  static func readOutput(_ o: MappingReader) -> OutputFees? {
    let margin = o.number("margin", rule: .range(-0.5, 2), default: 0)
    o.finish()
    return margin.map { OutputFees(margin: $0) }
  }

  /// What the `throttle` pressure policy does while spend runs ahead of the budget.
  static func readThrottle(_ t: MappingReader) -> Throttle? {
    let factor = t.number("durationFactor", rule: .range(0.5, 1), default: 0.85)
    let diversion = t.number("extraDiversion", rule: .range(0, 0.5), default: 0.05)
    t.finish()
    guard let factor, let diversion else { return nil }
    return Throttle(durationFactor: factor, extraDiversion: diversion)
  }

  /// How providers behave under each funding model, by the model's name; every entry is read, so
  /// that each bad one is reported.
  static func readBehaviour(_ b: MappingReader) -> [Funding.Model: ModelBehaviour]? {
    var behaviour: [Funding.Model: ModelBehaviour] = [:]
    var ok = true
    for key in b.keys {
      guard let node = b.node(key) else { continue }
      guard let model = Funding.Model(rawValue: key) else {
        b.log.report(b.join(key), node, "must be a funding model: lumpsum, pxq or output")
        ok = false
        continue
      }
      guard let m = MappingReader(node, path: b.join(key), log: b.log) else { ok = false; continue }
      let factor = m.number("durationFactor", rule: .range(0.5, 2), default: 1)
      let admin = m.number("adminCostShare", rule: .range(0, 1), default: 0)
      m.finish()
      if let factor, let admin { behaviour[model] = ModelBehaviour(durationFactor: factor, adminCostShare: admin) } else { ok = false }
    }
    return ok ? behaviour : nil
  }
}
