import Yams

/// Reading the lumpsum contracts, in either of the two forms a scenario may use.
///
/// One contract: its terms sit in `funding` (`lumpsum`, `valves`, `settlement`, `pxq.ceiling`),
/// its members in the top-level `consortium`, and each care type says `inLumpsum`. Several
/// contracts: a top-level `contracts` list, each entry with its own `careTypes` scope and terms.
/// Mixing the forms is an error that names where the term belongs.
extension ScenarioReader {
  /// What the contract reader needs from the rest of the scenario.
  struct ContractContext {
    let years: Int?
    let careTypeIDs: [String: Int]
    let sourceIDs: [String: Int]
    /// Each care type's `inLumpsum` flag as written (nil: not given); nil when care types failed.
    let inLumpsum: [Bool?]?
    let typeItems: [(node: Node, path: String)]
  }

  /// A contract as read, with valves whose defaults need the whole scenario.
  struct ContractEntry {
    var contract: Contract
    var valves: PendingValves
  }

  /// Reads the contracts in whichever form the scenario uses.
  static func readContracts(top: MappingReader, funding: MappingReader?, context: ContractContext) -> [ContractEntry]? {
    // The top-level consortium belongs to the one-contract form; it is asked for first, so that
    // it is taken in either form (next to a contracts list it is refused below).
    let topConsortium = top.node("consortium")
    guard let items = top.list("contracts", required: false) else {
      if top.node("contracts") != nil { return nil }
      return readSingleContract(top: top, funding: funding, context: context)
    }
    var ok = true
    if items.isEmpty {
      top.log.report("contracts", top.node("contracts"), "must list at least one contract (or leave it out and give funding.lumpsum)")
      ok = false
    }
    // Terms of the one-contract form have no meaning next to a list: say where they belong.
    if let funding {
      for key in ["lumpsum", "valves", "settlement"] where funding.node(key) != nil {
        top.log.report(funding.join(key), funding.node(key), "is a contract term; with a contracts list give it in each contract (contracts[i].\(key))")
        ok = false
      }
      if let pxq = funding.node("pxq")?.mapping, let ceiling = pxq["ceiling"] {
        top.log.report("funding.pxq.ceiling", ceiling, "is a contract term; with a contracts list give it per contract (contracts[i].pxqCeiling)")
        ok = false
      }
    }
    if let topConsortium {
      top.log.report("consortium", topConsortium, "with a contracts list each contract has its own members (contracts[i].consortium)")
      ok = false
    }
    for (k, flag) in (context.inLumpsum ?? []).enumerated() where flag != nil {
      let path = "\(context.typeItems[k].path).inLumpsum"
      top.log.report(path, context.typeItems[k].node.mapping?["inLumpsum"], "is not used with a contracts list; each contract's careTypes gives its scope")
      ok = false
    }
    _ = collectIDs(items, list: "contracts", log: top.log)
    var entries: [ContractEntry] = []
    var owner: [Int: String] = [:]
    for (i, item) in items.enumerated() {
      guard let r = MappingReader(item.node, path: item.path, log: top.log) else { ok = false; continue }
      let id = r.string("id")
      let name = r.string("name", default: id ?? "")
      var scope: [Int]? = []
      if let types = r.list("careTypes", required: true) {
        if types.isEmpty { r.log.report(r.join("careTypes"), r.node("careTypes"), "must name at least one care type"); scope = nil }
        for t in types {
          guard let key = t.node.scalar?.string, let k = context.careTypeIDs[key] else {
            r.log.report(t.path, t.node, "unknown care type; expected one of: \(knownList(context.careTypeIDs))")
            scope = nil
            continue
          }
          if let other = owner[k] {
            r.log.report(t.path, t.node, "care type '\(key)' is already covered by contract '\(other)'; a care type belongs to one contract")
            scope = nil
          }
          owner[k] = id ?? "contracts[\(i)]"
          scope?.append(k)
        }
      } else { scope = nil }
      let terms = readTerms(r, ceilingKey: "pxqCeiling", ceilingNode: r.node("pxqCeiling"), context: context)
      let consortium = readContractConsortium(r, context: context, scope: scope)
      r.finish()
      guard let id, let name, let scope, let terms else { ok = false; continue }
      entries.append(ContractEntry(
        contract: Contract(id: id, name: name, careTypes: scope, lumpsum: terms.lumpsum, settlement: terms.settlement,
                           consortium: consortium, pxqCeiling: terms.ceiling),
        valves: terms.valves))
    }
    return ok ? entries : nil
  }

  /// The one-contract form: terms in `funding`, members in `consortium`, scope from `inLumpsum`.
  static func readSingleContract(top: MappingReader, funding: MappingReader?, context: ContractContext) -> [ContractEntry]? {
    guard let funding else { return nil }
    let ceilingNode = funding.node("pxq")?.mapping?["ceiling"]
    let terms = readTerms(funding, ceilingKey: "pxq.ceiling", ceilingNode: ceilingNode, context: context)
    let scope = context.inLumpsum.map { flags in flags.indices.filter { flags[$0] ?? true } }
    let consortium = readContractConsortium(top, context: context, scope: scope)
    guard let terms, let scope else { return nil }
    return [ContractEntry(
      contract: Contract(id: Contract.singleID, name: "Lumpsum", careTypes: scope, lumpsum: terms.lumpsum,
                         settlement: terms.settlement, consortium: consortium, pxqCeiling: terms.ceiling),
      valves: terms.valves)]
  }

  /// The consortium under `r` (a contract, or the top level in the one-contract form); nil when
  /// there is none or it is bad.
  ///
  /// Unlike the contract's other optional sections, a bad consortium does not refuse the contract:
  /// its problems are logged (which refuses the scenario), and the contract is still read, so that
  /// the checks that name it (prevention's `contract`) report their problems in the same pass.
  static func readContractConsortium(_ r: MappingReader, context: ContractContext, scope: [Int]?) -> Consortium? {
    r.section("consortium") { readConsortium($0, ids: context.careTypeIDs, types: context.inLumpsum?.count, scope: scope) }.value
  }

  /// A contract's budget, valves, settlement and P×Q ceiling, from the mapping `r`; the ceiling's
  /// node is looked up after the other terms are read.
  static func readTerms(
    _ r: MappingReader, ceilingKey: String, ceilingNode: @autoclosure () -> Node?, context: ContractContext
  ) -> (lumpsum: Lumpsum, valves: PendingValves, settlement: Settlement?, ceiling: Double?)? {
    let lumpsum = r.mapping("lumpsum", required: true).flatMap { readLumpsum($0, years: context.years) }
    let pending = r.section("valves") { readValves($0, sourceIDs: context.sourceIDs) }.or(PendingValves())
    let settlement = r.section("settlement", readSettlement)
    let ceiling = OptionalField(ceilingNode()) {
      MappingReader.number($0, path: r.join(ceilingKey), rule: .positive, log: r.log, kind: .amount)
    }
    guard let lumpsum, let pending, !settlement.isInvalid, !ceiling.isInvalid else { return nil }
    return (lumpsum, pending, settlement.value, ceiling.value)
  }

  /// A contract's yearly budget: its base, indexation, booked savings and overhead; `years` is the
  /// contract's length, when known, which the booked savings may not exceed.
  static func readLumpsum(_ l: MappingReader, years: Int?) -> Lumpsum? {
    let base = l.number("base", rule: .nonNegative, kind: .amount)
    let index = l.number("indexPerYear", rule: .range(-0.5, 1), default: 0)
    let savingsGiven = l.node("bookedSavings") != nil  // read below, after the scalar terms
    let overhead = l.number("overheadShare", rule: .range(0, 1), default: 0)
    let indexation = l.choice("indexation", default: Lumpsum.Indexation.full)
    var savings: [Double]? = []
    if savingsGiven {
      savings = l.numbers("bookedSavings", rule: .fraction)
      if let s = savings, let years, s.count > years {
        l.log.report(l.join("bookedSavings"), l.node("bookedSavings"),
                     "has \(s.count) entries but the contract has \(years) years")
        savings = nil
      }
    }
    l.finish()
    guard let base, let index, let overhead, let savings, let indexation else { return nil }
    return Lumpsum(base: base, indexPerYear: index, bookedSavings: savings, overheadShare: overhead, indexation: indexation)
  }

  /// Year-end settlement bands (R1, R2).
  static func readSettlement(_ st: MappingReader) -> Settlement? {
    let d = Settlement()
    let band = st.number("deficitBand", rule: .range(0, 10), default: d.deficitBand)
    let inBand = st.number("consortiumShareInBand", rule: .probability, default: d.consortiumShareInBand)
    let beyond = st.number("consortiumShareBeyondBand", rule: .probability, default: d.consortiumShareBeyondBand)
    let kept = st.number("surplusKept", rule: .range(0, 10), default: d.surplusKept)
    let surplusShare = st.number("consortiumShareOfSurplusBeyond", rule: .probability, default: d.consortiumShareOfSurplusBeyond)
    st.finish()
    guard let band, let inBand, let beyond, let kept, let surplusShare else { return nil }
    return Settlement(deficitBand: band, consortiumShareInBand: inBand, consortiumShareBeyondBand: beyond,
                      surplusKept: kept, consortiumShareOfSurplusBeyond: surplusShare)
  }
}
