import SimKernel
import Stochastics

/// The warm start: the scenario's children in care and waiting on day 0.
extension Simulation {
  /// Places the scenario's initial stock: children in care with their remaining episode drawn
  /// (from equilibrium or afresh), and children on the lists in order.
  mutating func placeInitialStock() {
    for entry in scenario.initialStock {
      let k = entry.careType
      let sources = stockSourceWeights(k)
      for _ in 0..<entry.inCare {
        let c = stockChild(sources)
        let client = clients.placeInCare(c, careType: k)
        counts[k].inCare += 1
        seek(c, .residual)
        let remaining = entry.remaining == .equilibrium
          ? laws.durations[k].sampleResidual(childStream) : laws.durations[k].sample(childStream)
        calendar.schedule(.episodeEnd(client: c, token: client.token), at: remaining, class: .departure)
      }
      for _ in 0..<entry.waiting {
        let c = stockChild(sources)
        clients.clients[Int(c)].careType = Int16(k)
        joinList(c, careType: k, blocked: false)
      }
    }
  }

  /// Sources weighted by how much they send to `k`, to give warm-start children a source.
  func stockSourceWeights(_ k: Int) -> Categorical? {
    let weights = scenario.referralSources.map { $0.ratePer1000 * $0.routing[k] }
    return weights.reduce(0, +) > 0 ? Categorical(probabilities: weights) : nil
  }

  /// A warm-start child, with a source drawn from `sources` (none when no source sends to its type).
  mutating func stockChild(_ sources: Categorical?) -> Int32 {
    let c = newChild(source: Client.noSource)
    clients.countInitialStock()
    if let sources {
      clients.clients[Int(c)].source = UInt8(sources.outcome(uniform(c, .source)))
    }
    return c
  }
}
