import Foundation

/// How big one replication of a scenario will be, estimated from the scenario alone before it
/// runs: events, memory, and the most events a simulated day should ever need.
///
/// The estimate follows the expected flow: referrals over the horizon (population, rates, trends
/// and growth; seasonality and over-dispersion average out), the episodes each referral leads to
/// (routing, then the step matrix solved for expected visits, repeat referrals), two events per
/// episode. Memory is the children present at once (Little's law, with waits taken as long as
/// care) plus one record per start and the monthly series. It is meant to catch the absurd (a
/// 50-year horizon for 5 million youths, a step matrix that never lets a child leave), not to
/// predict a run to the percent.
public struct RunEstimate: Sendable, Equatable {
  /// Expected events in one replication.
  public var events: Double
  /// Expected peak memory of one replication, in bytes.
  public var memoryBytes: Double
  /// Expected episodes per referral that reaches care.
  public var episodesPerReferral: Double

  /// The estimate for `scenario`.
  public init(_ scenario: Scenario) {
    let years = scenario.horizon.simulatedYears
    var referrals = 0.0, busiestYear = 0.0
    for year in 0..<years {
      let t = Double(max(0, year - scenario.horizon.warmupYears))
      let youths = scenario.population.youths * pow(1 + scenario.population.growthPerYear, t)
      let perYear = scenario.referralSources.reduce(0.0) { $0 + youths / 1000 * $1.ratePer1000 * pow(1 + $1.trendPerYear, t) }
      referrals += perYear
      busiestYear = max(busiestYear, perYear)
    }
    let types = scenario.careTypes.count
    // Expected first care type of a referral, and the share that reaches care at all.
    var entry = [Double](repeating: 0, count: types)
    let totalRate = scenario.referralSources.reduce(0.0) { $0 + $1.ratePer1000 }
    for source in scenario.referralSources where totalRate > 0 {
      for k in 0..<min(types, source.routing.count) { entry[k] += source.ratePer1000 / totalRate * source.routing[k] }
    }
    // Expected visits per type: v = entry + v·P, by iteration (the step matrix is substochastic
    // when children can leave, so the series converges; otherwise the visits grow without end).
    // Only the steps that can happen are iterated, and the work is bounded (a thousand types
    // that never let a child leave would otherwise take 10¹⁰ steps before the run is refused).
    let transitions = TransitionSteps(scenario)
    var visits = entry, term = entry
    for _ in 0..<transitions.iterations(types: types, work: 100_000_000) {
      var next = [Double](repeating: 0, count: types)
      for step in transitions.steps { next[step.to] += term[step.from] * step.p }
      term = next
      for k in 0..<types { visits[k] += next[k] }
      if term.reduce(0, +) < 1e-12 { break }
    }
    let reachesCare = entry.reduce(0, +)
    let repeatFactor = scenario.reReferral.map { min(1 / max(1 - $0.probability, 1e-9), 1e9) } ?? 1
    // Children who never leave (no path to exit) step on until the horizon: at most the horizon
    // over the shortest mean episode.
    let shortest = scenario.careTypes.map(\.duration.mean).min() ?? 1
    let ceiling = reachesCare * scenario.horizon.endDay / max(shortest, 1e-9)
    let episodes = min(visits.reduce(0, +) * repeatFactor, ceiling)
    episodesPerReferral = reachesCare > 0 ? episodes / reachesCare : 0
    let stock = Double(scenario.initialStock.reduce(0) { $0 + $1.inCare + $1.waiting })
    // A referral is one event, and each episode ends in one (a start is not an event of its own).
    events = referrals * (1 + episodes) + stock + Double(years * 12)
    // Children present: arrivals per day × days in the system (care, and as long again waiting).
    let daysInSystem = scenario.careTypes.indices.reduce(0.0) { $0 + visits[$1] * scenario.careTypes[$1].duration.mean }
      * repeatFactor * 2
    let present = stock + busiestYear / DayCalendar.daysPerYear * daysInSystem
    let starts = referrals * episodes
    let months = Double(scenario.horizon.contractYears * 12)
    // Per child: its record, a pending event, list entries; per start: one record; per month and
    // type or source: eight series; the scenario's own tables, held by the reader and again by
    // the replication; and the runtime itself.
    scenarioBytes = Self.tableBytes(scenario)
    memoryBytes = present * 128 + starts * 16
      + months * Double(8 * (6 * types + scenario.referralSources.count)) + 2 * scenarioBytes + 30_000_000
  }

  /// The bytes of one scenario's tables: every dimension that grows with the file.
  ///
  /// The step matrix is dense (types² numbers), routing is sources × types, the statutory valve's
  /// table sources × contracts, and each care type, source, contract, member and stock entry
  /// carries a record of a few hundred bytes.
  public let scenarioBytes: Double

  static func tableBytes(_ scenario: Scenario) -> Double {
    let types = Double(scenario.careTypes.count), sources = Double(scenario.referralSources.count)
    let contracts = Double(scenario.contracts.count)
    let members = Double(scenario.contracts.reduce(0) { $0 + ($1.consortium?.members.count ?? 0) })
    let empirical = scenario.careTypes.reduce(0.0) { total, type in
      if case .empirical(let e) = type.duration { return total + Double(e.values.count) * 16 }
      return total
    }
    return 16 * types * types + 16 * sources * types + sources * contracts
      + 400 * (types + sources + contracts + members) + 64 * Double(scenario.initialStock.count) + empirical
  }

  /// The bytes a batch keeps for `replications` kept replications (the caller caps them at its
  /// sample's size): per replication and contract year a row of figures (doubles: the year's own,
  /// two per care type, twelve per contract) and twelve months of series (floats: spend to date
  /// and the waiting list of each care type), besides the replications running at once.
  public static func batchRowBytes(_ scenario: Scenario, replications: Int) -> Double {
    let years = Double(scenario.horizon.contractYears)
    let types = Double(scenario.careTypes.count), contracts = Double(scenario.contracts.count)
    let perYear = 8 * (40 + 2 * types + 12 * contracts) + 4 * 12 * (1 + types)
    return Double(max(0, replications)) * years * perYear
  }
}

/// The bounds a run is held to unless the user insists (`--force`).
public struct RunLimits: Sendable, Equatable {
  /// The most events one replication may be expected to take.
  public var maxEvents: Double
  /// The most memory the replications running at once may be expected to take, in bytes.
  public var maxMemoryBytes: Double

  /// Two billion events (minutes per replication at this engine's speed) and half the machine's memory.
  public static let standard = RunLimits(
    maxEvents: 2e9, maxMemoryBytes: Double(ProcessInfo.processInfo.physicalMemory) / 2)

  public init(maxEvents: Double, maxMemoryBytes: Double) {
    self.maxEvents = maxEvents
    self.maxMemoryBytes = maxMemoryBytes
  }

  /// Why `scenario` would exceed these limits with `parallel` replications at once, or nil.
  ///
  /// `extraBytes` is what the command keeps besides the replications (a batch's rows, a sweep's
  /// points). An estimate that is not a finite number counts as too large: NaN compares false
  /// with every limit.
  public func problem(with scenario: Scenario, parallel: Int = 1, extraBytes: Double = 0) -> String? {
    let estimate = RunEstimate(scenario)
    if !(estimate.events <= maxEvents) {
      return "about \(Self.count(estimate.events)) events per replication "
        + "(\(scenario.horizon.simulatedYears) simulated years, \(Self.count(scenario.population.youths)) youths); "
        + "the limit is \(Self.count(maxEvents)) (--max-events)"
    }
    let memory = estimate.memoryBytes * Double(max(1, parallel)) + extraBytes
    if !(memory <= maxMemoryBytes) {
      return "about \(Self.gib(memory)) of memory for \(max(1, parallel)) replication\(parallel == 1 ? "" : "s") at once; "
        + "the limit is \(Self.gib(maxMemoryBytes)) (--max-memory)"
    }
    return nil
  }

  /// `value` in words a reader takes in at a glance ("4.1 billion").
  ///
  /// Beyond a trillion it switches to powers of ten: a step matrix that never lets a child leave
  /// can make an estimate of 1e300 events, which is no use printed as 300 digits.
  public static func count(_ value: Double) -> String {
    switch value {
    case _ where !value.isFinite: return "an unbounded number of"
    case 1e12...: return String(format: "%.1e", value)
    case 1e9...: return String(format: "%.1f billion", value / 1e9)
    case 1e6...: return String(format: "%.1f million", value / 1e6)
    default: return grouped(Int(value.rounded()))
    }
  }

  /// A whole number with its thousands grouped by commas, as the rest of the terminal output.
  public static func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var grouped = ""
    for (i, digit) in digits.reversed().enumerated() {
      if i > 0 && i % 3 == 0 { grouped.append(",") }
      grouped.append(digit)
    }
    return (value < 0 ? "−" : "") + String(grouped.reversed())
  }

  /// `bytes` in GiB, or in MiB below one GiB.
  public static func gib(_ bytes: Double) -> String {
    bytes >= 1_073_741_824 ? String(format: "%.1f GiB", bytes / 1_073_741_824) : String(format: "%.0f MiB", bytes / 1_048_576)
  }
}
