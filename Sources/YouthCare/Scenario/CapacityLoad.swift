/// The load each care type is offered in steady state, with its places and its patience rule.
///
/// The traffic equations of `SteadyState` leave capacity out; here a care type that is full starts
/// only as many children as its places let finish (places ÷ mean duration a year). The rest wait:
/// with a patience rule they leave the list, to another care type (a redirect, which adds to that
/// type's arrivals), out of the system or outside the contract; without one the list grows. Only
/// what a type starts flows on along its transitions, and only its exits come back as repeat
/// referrals. Crisis care never turns anyone away. Iterated to a fixed point.
///
/// An approximation for warnings, not a result: blocked step-downs, budget pressure, prevention
/// and capacity that a policy adds later are left out.
public struct CapacityLoad: Sendable, Equatable {
  /// Yearly arrivals into each care type: referrals, transfers, returns and redirects.
  public var arrivalsPerYear: [Double]
  /// The offered load per care type, in places' worth: arrivals × mean duration (Little's law).
  public var load: [Double]
  /// Mean number in care per type: the load, or the places when the load exceeds them (crisis
  /// care takes everyone).
  public var inCare: [Double]
  /// Children a year the type cannot start: they wait for good, or leave by their patience.
  public var excessPerYear: [Double]

  /// The steady state of `scenario` at the demand of contract year 1.
  public init(_ scenario: Scenario) {
    let types = scenario.careTypes.count
    let steady = SteadyState.external(scenario)
    let years = scenario.careTypes.map { $0.duration.mean / DayCalendar.daysPerYear }
    var arrivals = steady.external
    var served = arrivals
    var excess = [Double](repeating: 0, count: types)
    // Only the steps that can happen are iterated, and the work is bounded: this runs on every
    // read (every sweep point), and a thousand types in a cycle without an exit took 44 s.
    let transitions = TransitionSteps(scenario)
    for _ in 0..<transitions.iterations(types: types) {
      for k in 0..<types {
        let type = scenario.careTypes[k]
        // A full type starts as many a year as finish: its places over the mean duration.
        let throughput = type.crisis || years[k] <= 0 ? Double.infinity : Double(type.capacity) / years[k]
        served[k] = min(arrivals[k], throughput)
        excess[k] = arrivals[k] - served[k]
      }
      var next = steady.external
      var exits = 0.0
      for j in 0..<types {
        let type = scenario.careTypes[j]
        exits += served[j] * type.transitions.exit
        if case .careType(let k) = type.patience?.destination { next[k] += excess[j] }
      }
      for step in transitions.steps { next[step.to] += served[step.from] * step.p }
      for k in 0..<types {
        next[k] += steady.returnProbability * exits * (1 - steady.divertedShare) * steady.routedShare[k]
      }
      let change = zip(next, arrivals).map { abs($0 - $1) }.max() ?? 0
      arrivals = next
      // Two full types redirecting to each other pass children back and forth for ever.
      if change < 1e-9 || !(arrivals.max() ?? 0).isFinite || (arrivals.max() ?? 0) > 1e15 { break }
    }
    // A type that receives children but has no path to an exit keeps them for ever: its load is
    // unbounded, however far the iteration got (it is never "half empty").
    for k in 0..<types where arrivals[k] > 0 && !transitions.canLeave[k] { arrivals[k] = .infinity }
    arrivalsPerYear = arrivals
    load = (0..<types).map { arrivals[$0] * years[$0] }
    inCare = (0..<types).map { k in
      scenario.careTypes[k].crisis ? arrivals[k] * years[k] : min(arrivals[k] * years[k], Double(scenario.careTypes[k].capacity))
    }
    excessPerYear = excess
  }
}
