import SimKernel
import Stochastics

/// The laws a child's path is drawn from, fixed for the run: where a referral goes, how long an
/// episode lasts, how long a child waits before giving up, where it goes next.
///
/// The laws are drawn from in place (a `UniqueArray` lends its elements), so a draw neither copies
/// a law nor retains the arrays inside it.
struct ChildLaws: ~Copyable {
  /// Per care type: the episode length.
  let durations: UniqueArray<Distribution>
  /// Per care type: how long a child waits before leaving the list, and where it goes; nil: it waits.
  let patience: UniqueArray<Patience?>
  /// Per care type: outcome 0 exits, outcome j + 1 moves to type j.
  let transitions: UniqueArray<Categorical>
  /// Per source: outcome 0 is diverted, outcome j + 1 is first care type j.
  let routing: UniqueArray<Categorical>
  /// Per source: the share of referrals that are crises (they start at once).
  let crisisShare: ContiguousArray<Double>
  /// Per source: the share that are court-ordered (they go ahead of regular children).
  let courtShare: ContiguousArray<Double>

  init(scenario: Scenario) {
    durations = UniqueArray(scenario.careTypes.map(\.duration))
    patience = UniqueArray(scenario.careTypes.map(\.patience))
    transitions = UniqueArray(scenario.careTypes.map {
      Categorical(probabilities: [$0.transitions.exit] + $0.transitions.next)
    })
    routing = UniqueArray(scenario.referralSources.map { Categorical(probabilities: [$0.diverted] + $0.routing) })
    crisisShare = ContiguousArray(scenario.referralSources.map(\.crisisShare))
    courtShare = ContiguousArray(scenario.referralSources.map(\.courtOrderedShare))
  }
}
