import Stochastics

/// A form of care (specialist ambulant, day treatment, open residential, crisis, ...).
public struct CareType: Sendable, Equatable {
  /// Short identifier (`SA`).
  public var id: String
  /// Readable name.
  public var name: String
  /// Intensity rank: a move to a lower level is a step down.
  public var level: Int
  /// Concurrent clients it can serve.
  public var capacity: Int
  /// Length of an episode, in days.
  public var duration: Distribution
  /// Variable cost per client per day in care.
  public var costPerDay: Double
  /// Cost per capacity slot per day, occupied or not (availability cost).
  public var fixedCostPerSlotDay: Double
  /// One-off cost per start.
  public var intakeCost: Double
  /// Waiting-time norm in days (treeknorm).
  public var waitingNormDays: Double
  /// Tariff per delivered day under P×Q, and for care outside every contract; nil: cost × (1 + margin).
  public var tariffPerDay: Double?
  /// Fee per started trajectory under output funding; nil: expected episode cost × (1 + margin).
  public var feePerStart: Double?
  /// Crisis care: nobody waits, capacity may be exceeded.
  public var crisis: Bool
  /// Cost multiplier for clients above capacity (crisis overflow).
  public var overflowCostFactor: Double
  /// How long a waiting child waits before leaving the list, and where it goes.
  public var patience: Patience?
  /// Probability of each next step at episode end; see `Transitions`.
  public var transitions: Transitions
  /// How the consortium adjusts this type's places over time; nil: fixed.
  public var capacityPolicy: CapacityPolicy?
  /// Care days the consortium buys from subcontractors, paid per day; nil: none.
  public var subcontracting: Subcontracting?

  /// What one day of care costs the consortium: its own cost, or the subcontractor's tariff for
  /// the subcontracted share.
  public var effectiveCostPerDay: Double {
    guard let s = subcontracting else { return costPerDay }
    return (1 - s.share) * costPerDay + s.share * s.tariffPerDay
  }

  /// Creates a care type.
  public init(
    id: String, name: String? = nil, level: Int, capacity: Int, duration: Distribution,
    costPerDay: Double, fixedCostPerSlotDay: Double = 0, intakeCost: Double = 0,
    waitingNormDays: Double = 98, tariffPerDay: Double? = nil, feePerStart: Double? = nil,
    crisis: Bool = false, overflowCostFactor: Double = 1, patience: Patience? = nil, transitions: Transitions,
    capacityPolicy: CapacityPolicy? = nil, subcontracting: Subcontracting? = nil
  ) {
    self.capacityPolicy = capacityPolicy
    self.subcontracting = subcontracting
    self.id = id
    self.name = name ?? id
    self.level = level
    self.capacity = capacity
    self.duration = duration
    self.costPerDay = costPerDay
    self.fixedCostPerSlotDay = fixedCostPerSlotDay
    self.intakeCost = intakeCost
    self.waitingNormDays = waitingNormDays
    self.tariffPerDay = tariffPerDay
    self.feePerStart = feePerStart
    self.crisis = crisis
    self.overflowCostFactor = overflowCostFactor
    self.patience = patience
    self.transitions = transitions
  }
}

/// Subcontractors ("onderaannemers"): a share of a care type's days is delivered by providers
/// outside the consortium, which pays them a tariff per day (domain.md §3.2: 10% of SA [0–30%]).
public struct Subcontracting: Sendable, Equatable {
  public var share: Double
  public var tariffPerDay: Double

  public init(share: Double, tariffPerDay: Double) {
    self.share = share
    self.tariffPerDay = tariffPerDay
  }
}

/// A consortium's rule for adding and removing places of one care type.
///
/// Every `reviewDays` it looks at the type: with more than `addWhenWaitingAbove` × places on the
/// list it hires `step` × places (at least one), which arrive after `hiringLagDays`; with fewer than
/// `removeWhenUseBelow` × places in care it removes as many at once (children in care finish).
/// Places stay within `minimum`…`maximum`. With `budgetAware`, nothing is added while the
/// consortium's spend runs ahead of the lumpsum's pro-rata share of the year.
public struct CapacityPolicy: Sendable, Equatable {
  public var reviewDays: Double
  public var addWhenWaitingAbove: Double
  public var removeWhenUseBelow: Double
  public var step: Double
  public var hiringLagDays: Double
  public var minimum: Int
  public var maximum: Int
  public var budgetAware: Bool

  public init(
    reviewDays: Double = 90, addWhenWaitingAbove: Double = 0.10, removeWhenUseBelow: Double = 0.85, step: Double = 0.05,
    hiringLagDays: Double = 60, minimum: Int, maximum: Int, budgetAware: Bool = true
  ) {
    self.reviewDays = reviewDays
    self.addWhenWaitingAbove = addWhenWaitingAbove
    self.removeWhenUseBelow = removeWhenUseBelow
    self.step = step
    self.hiringLagDays = hiringLagDays
    self.minimum = minimum
    self.maximum = maximum
    self.budgetAware = budgetAware
  }

  /// Places added or removed in one step at `capacity` places.
  public func stepPlaces(at capacity: Int) -> Int { max(1, Int((step * Double(capacity)).rounded())) }
}

/// Where a child goes at the end of an episode ("op- en afschalen").
public struct Transitions: Sendable, Equatable {
  /// Probability of leaving care.
  public var exit: Double
  /// Probability of moving to each care type, by index (zero for the type itself).
  public var next: [Double]

  /// Creates the row of the transition matrix.
  public init(exit: Double, next: [Double]) {
    self.exit = exit
    self.next = next
  }

  /// Everyone leaves care after one episode.
  public static func exitOnly(careTypes: Int) -> Transitions {
    Transitions(exit: 1, next: Array(repeating: 0, count: careTypes))
  }
}

/// Reneging: a waiting child leaves the list after its patience runs out.
public struct Patience: Sendable, Equatable {
  /// Time a child is willing to wait, in days.
  public var duration: Distribution
  /// Where it goes when its patience runs out.
  public var destination: Destination

  /// Where a child who stops waiting goes.
  public enum Destination: Sendable, Equatable {
    /// Leaves the system.
    case exit
    /// Gets care outside the contract (paid elsewhere).
    case outside
    /// Is referred to another care type (by index).
    case careType(Int)
  }

  /// Creates the rule.
  public init(duration: Distribution, destination: Destination) {
    self.duration = duration
    self.destination = destination
  }
}

/// Children present on day 0 in one care type.
public struct InitialStock: Sendable, Equatable {
  /// The care type, by index.
  public var careType: Int
  /// Children in care.
  public var inCare: Int
  /// Children on the waiting list.
  public var waiting: Int
  /// How the remaining durations of those in care are drawn.
  public var remaining: Remaining

  /// How a warm start draws the time left in the episodes already running.
  public enum Remaining: String, Sendable, Equatable, CaseIterable {
    /// The equilibrium residual life (length-biased episode × uniform): what steady state holds.
    case equilibrium
    /// A whole new episode starts on day 0 (exact test cases).
    case fresh
  }

  /// Creates a stock entry.
  public init(careType: Int, inCare: Int, waiting: Int = 0, remaining: Remaining = .equilibrium) {
    self.careType = careType
    self.inCare = inCare
    self.waiting = waiting
    self.remaining = remaining
  }
}
