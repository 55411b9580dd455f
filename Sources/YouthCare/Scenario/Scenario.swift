import Stochastics

/// A region's youth-care system and its contract: everything one replication needs.
///
/// Built by `ScenarioReader` from a YAML file (every problem reported at once, with its path and
/// line) or directly in code. Times are in days; rates are per year; money is in euros at the
/// price level of contract year 1.
public struct Scenario: Sendable, Equatable {
  /// A name for tables and reports.
  public var name: String
  /// Contract length, warm-up and calendar labels.
  public var horizon: Horizon
  /// Generator choice and default master seed.
  public var random: RandomSettings
  /// The youth population the referral rates refer to.
  public var population: Population
  /// Where referrals come from.
  public var referralSources: [ReferralSource]
  /// The forms of care, light to heavy.
  public var careTypes: [CareType]
  /// A child waiting for a lighter care type stays in its heavier one meanwhile ("uitstroom stokt").
  public var blockedStepDown: Bool
  /// Repeat requests for care after an exit ("herhaald beroep").
  public var reReferral: ReReferral?
  /// Children already in care or waiting on day 0 (a warm start).
  public var initialStock: [InitialStock]
  /// Yearly price indexation of all unit costs.
  public var costIndexPerYear: Double
  /// How care is paid for and what the providers do under budget pressure.
  public var funding: Funding
  /// The lumpsum contracts, each with its own scope, budget, valves, settlement and members.
  public var contracts: [Contract]
  /// A prevention investment with a lagged effect on referrals.
  public var prevention: Prevention?

  /// Creates a scenario from its parts.
  public init(
    name: String, horizon: Horizon, random: RandomSettings = RandomSettings(),
    population: Population, referralSources: [ReferralSource], careTypes: [CareType],
    blockedStepDown: Bool = false, reReferral: ReReferral? = nil, initialStock: [InitialStock] = [],
    costIndexPerYear: Double = 0, funding: Funding, contracts: [Contract], prevention: Prevention? = nil
  ) {
    self.prevention = prevention
    self.name = name
    self.horizon = horizon
    self.random = random
    self.population = population
    self.referralSources = referralSources
    self.careTypes = careTypes
    self.blockedStepDown = blockedStepDown
    self.reReferral = reReferral
    self.initialStock = initialStock
    self.costIndexPerYear = costIndexPerYear
    self.funding = funding
    self.contracts = contracts
  }

  /// The contract covering care type `k`, or nil when the municipality pays it per day.
  public func contractIndex(ofCareType k: Int) -> Int? {
    contracts.firstIndex { $0.careTypes.contains(k) }
  }

  /// Where contract `c`'s lumpsum is written: `funding.lumpsum` in the one-contract form,
  /// `contracts[c].lumpsum` with a contracts list (for messages that name the key to change).
  public func lumpsumPath(_ c: Int) -> String {
    contracts.count == 1 && contracts[0].id == Contract.singleID ? "funding.lumpsum" : "contracts[\(c)].lumpsum"
  }

  /// The year-1 base of all lumpsums together.
  public var lumpsumBase: Double { contracts.reduce(0) { $0 + $1.lumpsum.base } }

  /// Whether care type `k` is inside a lumpsum contract.
  public func isInContract(_ k: Int) -> Bool { contractIndex(ofCareType: k) != nil }

  /// Every member of every contract, as (contract, member) index pairs in scenario order.
  public var memberIndices: [(contract: Int, member: Int)] {
    contracts.indices.flatMap { c in (contracts[c].consortium?.members.indices ?? 0..<0).map { (c, $0) } }
  }

  /// A member's identifier in results: its own id, prefixed by its contract's when there are several.
  public func memberLabel(contract c: Int, member m: Int) -> String {
    let id = contracts[c].consortium!.members[m].id
    return contracts.count > 1 ? "\(contracts[c].id)/\(id)" : id
  }

  /// The P×Q tariff per day of care type `k` at year-1 prices (its own, or cost × (1 + margin)).
  public func tariffPerDay(_ k: Int) -> Double {
    careTypes[k].tariffPerDay ?? careTypes[k].costPerDay * (1 + funding.pxq.margin)
  }

  /// The output fee per start of care type `k` at year-1 prices (its own, or the expected
  /// episode cost × (1 + margin)).
  public func feePerStart(_ k: Int) -> Double {
    careTypes[k].feePerStart ?? careTypes[k].costPerDay * careTypes[k].duration.mean * (1 + funding.output.margin)
  }

  /// The index of the care type with identifier `id`.
  public func careTypeIndex(_ id: String) -> Int? {
    careTypes.firstIndex { $0.id == id }
  }
}

/// The simulated period: optional warm-up years, then the contract years.
public struct Horizon: Sendable, Equatable {
  /// Contract years reported on (at least 1).
  public var contractYears: Int
  /// Years simulated before the contract and left out of every statistic.
  public var warmupYears: Int
  /// The calendar year of contract year 1, for labels only.
  public var firstYear: Int

  /// Creates a horizon.
  public init(contractYears: Int, warmupYears: Int = 0, firstYear: Int = 2026) {
    self.contractYears = contractYears
    self.warmupYears = warmupYears
    self.firstYear = firstYear
  }

  /// Total simulated years.
  public var simulatedYears: Int { warmupYears + contractYears }
  /// The simulation day on which contract year 1 begins.
  public var contractStartDay: Double { Double(warmupYears) * DayCalendar.daysPerYear }
  /// The last simulated day (exclusive end).
  public var endDay: Double { Double(simulatedYears) * DayCalendar.daysPerYear }
}

/// Which generator draws the demand streams, and the default master seed.
public struct RandomSettings: Sendable, Equatable {
  /// The GSL generator for the demand streams.
  public var generator: GeneratorKind
  /// The master seed used when the command line gives none.
  public var seed: UInt64

  /// Creates the settings.
  public init(generator: GeneratorKind = .mt19937, seed: UInt64 = 1) {
    self.generator = generator
    self.seed = seed
  }
}

/// The youth population (0–17) in the region.
public struct Population: Sendable, Equatable {
  /// Youths at the start.
  public var youths: Double
  /// Growth per contract year (0.01 = 1%).
  public var growthPerYear: Double

  /// Creates a population.
  public init(youths: Double, growthPerYear: Double = 0) {
    self.youths = youths
    self.growthPerYear = growthPerYear
  }
}

/// Urgency of a referral, which decides its place in a waiting list.
public enum Priority: UInt8, Sendable, CaseIterable {
  /// Never waits; may exceed capacity at an overflow cost.
  case crisis = 0
  /// Goes before regular referrals (court or GI order).
  case courtOrdered = 1
  /// First come, first served.
  case regular = 2
}
