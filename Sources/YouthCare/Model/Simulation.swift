import Foundation
import SimKernel
import Stochastics

/// One replication of a scenario: the youth-care system as a discrete-event model.
///
/// Value types in contiguous arrays throughout; events are a small enum dispatched by a switch;
/// after warm-up growth of its arrays, an event allocates nothing.
struct Simulation: DiscreteEventModel, ~Copyable {
  typealias Event = YouthCareEvent

  var calendar: EventCalendar<YouthCareEvent>
  var now: SimTime = 0

  // MARK: Parameters (read-only during the run)
  let scenario: Scenario
  let types: Int
  /// Per care type: crisis or not, its contract, level and whether prevention applies.
  let facts: UniqueArray<CareTypeFacts>
  let contractCount: Int
  /// Where a child goes, how long it stays and waits.
  let laws: ChildLaws
  /// What the funding model and its pressure policy change in the flow.
  let funding: FundingRules
  let totalMonths: Int

  // MARK: Randomness
  /// Referral times and sources.
  let demand: RandomStream
  /// Every child's own draws, by (child key, episode, slot).
  let childStream: CounterStream
  let childKeyBase: UInt64
  var serial = 0

  // MARK: State
  var clients: ClientRegistry
  /// Per care type: places, children in care and on the list.
  var counts: UniqueArray<CareTypeCounts>
  /// Index 2k is type k's court-ordered list, 2k + 1 its regular one.
  var lists: WaitingLists
  var totalListLength = 0
  var referrals: ReferralProcess
  var ledger: Ledger
  var recorder: Recorder
  var month = 0
  var capacityBreaches = 0
  /// The books of each simulated year so far.
  var accounts: [YearAccounts] = []
  /// Each contract's valves and settlement across years.
  var yearEnds: [ContractYearEnd]
  /// What the valves count during the current year, per contract.
  var valves: ValveCounters
  /// The re-referral rule (herhaald beroep), whether a blocked step down holds its place, and
  /// when the contract starts: read on every exit, step and route.
  let reReferral: ReReferral?
  let blockedStepDown: Bool
  let warmupYears: Int
  /// The watchdog: more events than this in one simulated day means a loop, not demand.
  let eventsPerDayLimit: Int
  var ledgerDiscrepancy = 0.0

  /// Positions within a child's stream, one block per kind of draw per episode.
  enum Slot: UInt64 {
    case route = 0, priority, duration, patience, transition, reReferral, residual, source, prevention
  }

  init(scenario: Scenario, seed: UInt64, replication: Int) {
    self.scenario = scenario
    let types = scenario.careTypes.count
    self.types = types
    facts = UniqueArray(scenario.careTypes.enumerated().map { k, type in
      CareTypeFacts(
        crisis: type.crisis, contract: scenario.contractIndex(ofCareType: k) ?? -1, level: type.level,
        preventable: scenario.prevention?.careTypes.contains(k) ?? false)
    })
    contractCount = scenario.contracts.count
    laws = ChildLaws(scenario: scenario)
    funding = FundingRules(scenario: scenario)
    yearEnds = scenario.contracts.map { ContractYearEnd(contract: $0, model: scenario.funding.model) }
    valves = ValveCounters(scenario: scenario)
    reReferral = scenario.reReferral
    blockedStepDown = scenario.blockedStepDown
    warmupYears = scenario.horizon.warmupYears
    totalMonths = scenario.horizon.simulatedYears * 12

    let generator = scenario.random.generator
    demand = RandomStream(kind: generator, seed: SeedDerivation.seed(master: seed, replication: replication, substream: .demand))
    let overdispersion = RandomStream(
      kind: generator, seed: SeedDerivation.seed(master: seed, replication: replication, substream: .overdispersion))
    childStream = CounterStream()
    childKeyBase = SeedDerivation.key(master: seed, replication: replication, substream: .children)

    let process = ReferralProcess(scenario: scenario, overdispersion: overdispersion)
    referrals = process
    let expectedPerYear = (0..<scenario.horizon.simulatedYears).map { process.expectedReferrals(inYear: $0) }.max() ?? 0
    let stock = scenario.initialStock.reduce(0) { $0 + $1.inCare + $1.waiting }
    // 100,000 events per expected referral a day, at least a million: far above what any step
    // matrix makes of demand, reached in about a second by a loop that lets no time pass.
    eventsPerDayLimit = Int(min(1e12, max(1e6, 1e5 * expectedPerYear / DayCalendar.daysPerYear)))
    // Reserve hints only: a scenario the size checks refused but `--force` ran (10³⁰⁰ referrals a
    // year) grows its arrays as it goes instead of trapping on the conversion.
    let reserve = Int(min(expectedPerYear.isNaN ? 0 : expectedPerYear, 10_000_000))
    clients = ClientRegistry(capacity: stock + reserve + 64, tracksCosts: valves.highCost)
    calendar = EventCalendar(capacity: stock + reserve / 4 + 64)
    counts = UniqueArray(scenario.careTypes.map { CareTypeCounts(capacity: $0.capacity) })
    lists = WaitingLists(lists: 2 * types, capacity: 64)
    ledger = Ledger(scenario: scenario)
    recorder = Recorder(
      types: types, sources: scenario.referralSources.count, contractYears: scenario.horizon.contractYears,
      warmupYears: scenario.horizon.warmupYears,
      expectedStarts: reserve * 3 / 2 * scenario.horizon.contractYears)

    placeInitialStock()
    startYear(0)
    if scenario.horizon.warmupYears == 0 { recorder.beginContract(now: 0) }
    // The warm start's waiting children take the places that are free on day 0, as every other
    // list does when a place frees up; otherwise they waited until the first 1 January, and new
    // referrals queued behind them.
    for k in 0..<types { fillPlaces(k) }
    calendar.schedule(.monthEnd, at: DayCalendar.startOfMonth(1), class: .calendar)
    for (k, type) in scenario.careTypes.enumerated() {
      if let policy = type.capacityPolicy {
        calendar.schedule(.capacityReview(careType: Int32(k)), at: policy.reviewDays, class: .calendar)
      }
    }
    if let first = referrals.next(demand) { calendar.schedule(.referral, at: first, class: .arrival) }
  }

  // MARK: Events

  mutating func handle(_ event: YouthCareEvent) {
    switch event {
    case .referral:
      referralArrives()
    case .episodeEnd(let c, let token):
      let client = clients.clients[Int(c)]
      guard client.token == token, client.state == .inCare else { return }
      episodeEnds(c, careType: Int(client.careType))
    case .patienceEnd(let c, let token):
      let client = clients.clients[Int(c)]
      guard client.token == token, client.state == .waiting else { return }
      patienceRunsOut(c)
    case .reReferral(let c, let token):
      let client = clients.clients[Int(c)]
      guard client.token == token, client.state == .away else { return }
      returns(c)
    case .monthEnd:
      closeMonth()
    case .capacityReview(let k):
      reviewCapacity(Int(k))
    case .capacityArrives(let k, let places):
      placesArrive(Int(k), Int(places))
    }
  }

  // MARK: Contract years

  /// The contract year (1-based) a simulated year falls in; warm-up years count as year 1.
  func contractYear(ofSimulatedYear year: Int) -> Int {
    max(1, year - scenario.horizon.warmupYears + 1)
  }

  /// The prevention investment paid in contract year `t`.
  func preventionCost(inYear t: Int) -> Double {
    guard let p = scenario.prevention, p.costYears.contains(t) else { return 0 }
    return p.costPerYear
  }

  mutating func startYear(_ year: Int) {
    let t = contractYear(ofSimulatedYear: year)
    let inContract = year >= scenario.horizon.warmupYears
    let priceLevel = pow(1 + scenario.costIndexPerYear, Double(t - 1))
    let prevention = inContract ? preventionCost(inYear: t) : 0
    var years: [ContractYear] = []
    var ceilings: [Double?] = []
    var extra: [Double] = []
    for (c, contract) in scenario.contracts.enumerated() {
      let parts = inContract
        ? yearEnds[c].budget(inYear: t) : (budget: contract.lumpsum.budget(inYear: 1), corridor: 0.0, renegotiation: 0.0)
      years.append(ContractYear(budget: parts.budget, corridorAdjustment: parts.corridor, renegotiationAdjustment: parts.renegotiation))
      ceilings.append(scenario.funding.model == .pxq ? contract.pxqCeiling(inYear: t, pxq: scenario.funding.pxq) : nil)
      let paysPrevention = scenario.prevention.map { $0.paidBy == .consortium && $0.contract == c } ?? false
      extra.append(paysPrevention ? prevention / DayCalendar.daysPerYear : 0)
    }
    ledger.startYear(budgets: years.map(\.budget), ceilings: ceilings, extraCostPerDay: extra, priceLevel: priceLevel,
                     counts: counts, now: now)
    accounts.append(YearAccounts(contracts: years, prevention: prevention))
  }

  mutating func closeMonth() {
    let year = month / 12
    let days = DayCalendar.monthLengths[month % 12]
    let costs = ledger.closeMonth(counts: counts, now: now)
    var inScopeCost = 0.0
    for c in 0..<contractCount {
      var spend = 0.0
      for k in 0..<types where facts[k].contract == c { spend += costs[k] }
      spend = spend * ledger.books[c].overheadFactor + ledger.books[c].extraCostPerDay * days
      accounts[year].contracts[c].spend += spend
      inScopeCost += spend
    }
    accounts[year].outsidePayment += ledger.outsidePayment()
    accounts[year].subcontracted += ledger.subcontractorPayment()
    if month % 12 == 11, valves.highCost { closeHighCostYear(year) }
    var clientDays = ContiguousArray<Double>(repeating: 0, count: types)
    for k in 0..<types {
      clientDays[k] = ledger.clientDays(k)
      if facts[k].inScope { accounts[year].contracts[facts[k].contract].inScopeClientDays += clientDays[k] }
    }
    recorder.closeMonth(
      month: month, now: now, costs: costs, clientDays: clientDays, counts: counts, inScopeCost: inScopeCost)
    ledger.resetMonth()
    month += 1
    if month % 12 == 0 {
      for c in 0..<contractCount { closeContractYear(year, contract: c) }
      if month < totalMonths {
        startYear(month / 12)
        // A new budget: children held back by an intake stop may start.
        for k in 0..<types { fillPlaces(k) }
      }
    }
    if month == recorder.contractStartMonth { recorder.beginContract(now: now) }
    if month < totalMonths {
      calendar.schedule(.monthEnd, at: DayCalendar.startOfMonth(month + 1), class: .calendar)
    }
  }

  /// Closes contract `c`'s books for simulated year `year`: valves, settlement, members.
  mutating func closeContractYear(_ year: Int, contract c: Int) {
    let books = ledger.books[c]
    // Two independent computations of the year's spend: running rate × time and month-end accounts.
    ledgerDiscrepancy = max(ledgerDiscrepancy, abs(books.runningSpend - accounts[year].contracts[c].spend))
    var account = accounts[year].contracts[c]
    (account.inScopeStarts, account.statutoryReferrals, account.highCostPayout) = valves.takeYear(contract: c)
    account.exhaustedAt = books.exhaustedAt
    account.payment = scenario.funding.model == .lumpsum ? account.budget : books.runningPayment
    if year >= scenario.horizon.warmupYears {
      account.outcome = yearEnds[c].close(
        year: contractYear(ofSimulatedYear: year), budget: account.budget, payment: account.payment,
        spend: account.spend, inScopeStarts: account.inScopeStarts, inScopeClientDays: account.inScopeClientDays,
        statutoryReferrals: account.statutoryReferrals, highCostPayout: account.highCostPayout)
      let contractYearIndex = year - scenario.horizon.warmupYears
      let spendByType = (0..<types).map { facts[$0].contract == c ? recorder.yearSpendByType[contractYearIndex * types + $0] : 0 }
      yearEnds[c].shareAmongMembers(&account.outcome, payment: account.payment, inScopeSpendByType: spendByType)
      for m in account.outcome.exits { removePlaces(of: scenario.contracts[c].consortium!.members[m], year: year) }
    } else {
      account.outcome.result = account.payment - account.spend
    }
    accounts[year].contracts[c] = account
  }
}
