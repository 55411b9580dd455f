/// The steps between care types that can happen, in sparse form, for the traffic equations that
/// run on every read (steady state, capacity load, run estimate).
///
/// The step matrix is dense (care types² numbers) but most of it is zero; iterating only the
/// possible steps, within a bounded amount of work, keeps reading a scenario of 1,000 care types
/// under a second (the dense iteration took a minute when no child could leave). `canLeave` says
/// which types have a path to an exit: the flow into the others grows without bound.
struct TransitionSteps {
  /// (from, to, probability) for every step with a positive probability.
  let steps: [(from: Int, to: Int, p: Double)]
  /// Per care type: an exit is reachable from it by steps (its own or a later type's).
  let canLeave: [Bool]

  init(_ scenario: Scenario) {
    let types = scenario.careTypes.count
    var steps: [(from: Int, to: Int, p: Double)] = []
    var into = [[Int]](repeating: [], count: types)
    for (j, type) in scenario.careTypes.enumerated() {
      for k in 0..<min(types, type.transitions.next.count) where type.transitions.next[k] > 0 {
        steps.append((j, k, type.transitions.next[k]))
        into[k].append(j)
      }
    }
    self.steps = steps
    // Backwards from the types that exit: whoever steps into a type that can leave can leave.
    var canLeave = scenario.careTypes.map { $0.transitions.exit > 0 }
    var frontier = canLeave.indices.filter { canLeave[$0] }
    while let k = frontier.popLast() {
      for j in into[k] where !canLeave[j] {
        canLeave[j] = true
        frontier.append(j)
      }
    }
    self.canLeave = canLeave
  }

  /// How many iterations of the traffic equations fit in a bounded amount of work (at least 100,
  /// at most 10,000): each iteration visits every step and a few figures per type.
  func iterations(types: Int, work: Int = 20_000_000) -> Int {
    min(10_000, max(100, work / max(1, steps.count + 4 * types)))
  }
}
