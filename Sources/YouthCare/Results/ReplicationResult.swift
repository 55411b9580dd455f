import SimKernel

/// What one replication reports: per care type over the contract, per contract year, per month.
public struct ReplicationResult: Sendable {
  /// The scenario's name.
  public var scenario: String
  /// The master seed and this replication's index.
  public var seed: UInt64
  public var replication: Int
  /// Events handled (including the warm-up).
  public var events: Int
  /// Per care type, over the contract years.
  public var careTypes: [CareTypeResult]
  /// Per contract year.
  public var years: [YearResult]
  /// Monthly series over the contract years.
  public var monthly: MonthlySeries
  /// Counts of children through the whole run, for the conservation check.
  public var flow: FlowCounts
  /// Starts above capacity by children who may not overflow (always 0 in a correct model).
  public var capacityBreaches: Int
  /// Largest gap between the ledger's running spend and the month-end accounts (euros).
  public var ledgerDiscrepancy: Double
  /// Set when the watchdog stopped the run (its figures then cover only part of the horizon).
  public var runaway: Runaway? = nil
}

/// One care type's figures over the contract years.
public struct CareTypeResult: Sendable, Equatable {
  public var id: String
  public var name: String
  public var capacity: Int
  public var waitingNormDays: Double
  /// Children who came to this type: referrals routed here, step-ups and step-downs, redirections.
  public var arrivals: Int
  /// Episodes started.
  public var starts: Int
  /// Episodes ended.
  public var exits: Int
  /// Mean wait of the children who started, in days (zero waits included).
  public var meanWaitDays: Double
  /// 90th percentile of those waits, in days.
  public var p90WaitDays: Double
  /// Share of starts that waited longer than the norm.
  public var shareOverNorm: Double
  /// Time-average length of the waiting list.
  public var meanWaiting: Double
  /// Time-average number in care.
  public var meanInCare: Double
  /// Children who left the waiting list because their patience ran out.
  public var reneged: Int
  /// Time-average in care divided by capacity (can exceed 1 for crisis overflow).
  public var utilization: Double
  /// Spend on this type over the contract, at each year's prices, without overhead.
  public var spend: Double
}

/// One contract year's budget, spend and flows, over all the region's contracts.
///
/// Money figures (`money`, read as `year.budget`, `year.spend`, …) are sums over the contracts;
/// `contracts` holds each one. A year counts as overspent when any contract overspent, and its
/// exhaustion day is the first day any contract's budget ran out: with one contract these are
/// simply that contract's. `YearFigure` lists every figure with its unit and the outputs it is in.
@dynamicMemberLookup
public struct YearResult: Sendable, Equatable {
  /// Calendar year (label).
  public var year: Int
  /// Contract year, 1-based.
  public var contractYear: Int
  /// The contracts' money summed; members' results over all contracts in scenario order
  /// (`Scenario.memberIndices`), members who left as `Scenario.memberLabel`.
  public var money: ContractMoney
  /// Places removed at this year's end by members leaving.
  public var capacityLost: Int
  /// What the municipality pays for care outside the contract (tariff × days of out-of-scope types).
  public var outsidePayment: Double
  /// Municipal cost of youth care in the model: payment + valve payout + settlement + outside payment.
  public var municipalCost: Double
  /// The municipality's administrative cost of the payment rule (share × spend), in `municipalCost`.
  public var adminCost: Double
  /// Of the spend: paid by the consortium to subcontractors, per day delivered (no overhead).
  public var subcontractorPayment: Double
  /// The prevention investment's cost this year (in `spend` when the consortium pays it, in
  /// `municipalCost` when the municipality does).
  public var preventionCost: Double
  /// Each contract's year, in scenario order.
  public var contracts: [ContractYearResult]
  /// All referrals, repeat referrals included.
  public var referrals: Int
  /// Children coming back after an exit (herhaald beroep); part of `referrals`.
  public var repeatReferrals: Int
  public var diverted: Int
  public var starts: Int
  public var exits: Int
  public var reneged: Int
  /// Largest total waiting list during the year.
  public var peakWaiting: Int
  /// Mean wait of the year's starts over all care types, days.
  public var meanWaitDays: Double
  /// Spend per care type (same order as the scenario), without overhead.
  public var spendByCareType: [Double]
  /// Mean wait of the year's starts per care type, days (0 without starts).
  public var meanWaitByCareType: [Double]
  /// 90th percentile of the year's waits per care type, days.
  public var p90WaitByCareType: [Double]

  /// A money figure of the year, summed over the contracts.
  public subscript<Value>(dynamicMember figure: WritableKeyPath<ContractMoney, Value>) -> Value {
    get { money[keyPath: figure] }
    set { money[keyPath: figure] = newValue }
  }

  /// Whether any contract's budget use exceeded its budget (under `lumpsum`: a consortium overspent).
  public var overspent: Bool { contracts.contains(where: \.overspent) }
  /// The contracts' budget use above their budgets, summed (a surplus in one does not offset another).
  public var overspend: Double { contracts.reduce(0) { $0 + $1.overspend } }
}

/// One contract's year: its budget, what was spent and paid, valves, settlement and members.
@dynamicMemberLookup
public struct ContractYearResult: Sendable, Equatable {
  public var id: String
  /// The contract's money (read as `contract.budget`, `contract.spend`, …); members by their ids.
  public var money: ContractMoney

  /// A money figure of the contract's year.
  public subscript<Value>(dynamicMember figure: WritableKeyPath<ContractMoney, Value>) -> Value {
    get { money[keyPath: figure] }
    set { money[keyPath: figure] = newValue }
  }

  /// Whether budget use exceeded the budget.
  public var overspent: Bool { money.budgetUse > money.budget }
  /// Budget use above the budget, or 0.
  public var overspend: Double { max(0, money.budgetUse - money.budget) }
}

/// Monthly figures over the contract, flat arrays indexed [month × width + column].
public struct MonthlySeries: Sendable, Equatable {
  public var months: Int
  public var sourceIDs: [String]
  public var careTypeIDs: [String]
  /// First-time referrals per month and source (identical under every budget and policy).
  public var referrals: [Int]
  /// Starts per month and care type.
  public var starts: [Int]
  /// In care at the end of each month, per care type.
  public var inCare: [Int]
  /// On the waiting list at the end of each month, per care type.
  public var waiting: [Int]
  /// Places at the end of each month, per care type.
  public var capacity: [Int]
  /// Spend per month and care type, without overhead.
  public var spend: [Double]
  /// In-scope spend per month including overhead.
  public var spendInScope: [Double]
  /// Year-to-date in-scope spend at each month end.
  public var cumulativeSpend: [Double]
  /// Year-to-date budget paid in monthly instalments at each month end.
  public var budgetPaid: [Double]
}

/// Children counted through the whole run (warm-up included).
public struct FlowCounts: Sendable, Equatable {
  /// Children present on day 0.
  public var initialStock = 0
  /// Referrals, repeat referrals included.
  public var referrals = 0
  /// Referrals resolved without specialist care.
  public var diverted = 0
  /// Children who left care.
  public var exited = 0
  /// Children who left a waiting list to exit or to care outside the contract.
  public var renegedOut = 0
  /// Children waiting at the end (not in care).
  public var waiting = 0
  /// Children in care at the end (including those blocked waiting for a step down).
  public var inCare = 0
  /// Children between an exit and their return.
  public var away = 0

  /// Everyone who entered is somewhere: stock + referrals = diverted + exited + reneged + waiting + in care.
  ///
  /// A child away between exit and return was counted as exited, and counts again as a referral
  /// when it returns, so `away` is not part of the identity.
  public var isConserved: Bool {
    initialStock + referrals == diverted + exited + renegedOut + waiting + inCare
  }
}
