import Foundation
import SimKernel
import Stochastics

/// Runs one replication of a scenario.
public enum Replication {
  /// Simulates `scenario` as replication `replication` under master seed `seed`.
  ///
  /// The result depends only on (scenario, seed, replication): never on the thread or the time.
  public static func run(_ scenario: Scenario, seed: UInt64, replication: Int = 0) -> ReplicationResult {
    var simulation = Simulation(scenario: scenario, seed: seed, replication: replication)
    // The watchdog: far more events in one simulated day than the scenario can need means a
    // loop (zero-length episodes stepping between types, say); the run stops instead of hanging.
    let outcome = simulation.run(until: scenario.horizon.endDay, atMost: simulation.eventsPerDayLimit, eventsPer: 1)
    return finish(&simulation, outcome, seed: seed, replication: replication)
  }

  /// Simulates at most `events` events of `scenario`: the fuzzer's and the property tests' way to
  /// run any scenario the reader accepts without running it to its horizon. A run cut at the cap
  /// carries a `Runaway` like one the watchdog stopped. The cap bounds the events, not the set-up:
  /// the warm-start stock (up to 10 million children an entry) is placed before the first event.
  public static func run(_ scenario: Scenario, seed: UInt64, replication: Int = 0, cappedAt events: Int) -> ReplicationResult {
    var simulation = Simulation(scenario: scenario, seed: seed, replication: replication)
    let end = scenario.horizon.endDay
    let outcome = simulation.run(until: end, atMost: min(events, simulation.eventsPerDayLimit), eventsPer: end + 1)
    return finish(&simulation, outcome, seed: seed, replication: replication)
  }

  private static func finish(
    _ simulation: inout Simulation, _ outcome: Result<Int, Runaway>, seed: UInt64, replication: Int
  ) -> ReplicationResult {
    switch outcome {
    case .success(let events):
      return simulation.result(seed: seed, replication: replication, events: events)
    case .failure(let runaway):
      // Only the contract years the run closed have books; the figures are partial either way,
      // and every caller refuses them, but they must not trap on the years never reached.
      var result = simulation.result(seed: seed, replication: replication, events: runaway.events)
      result.runaway = runaway
      return result
    }
  }
}

extension Simulation {
  /// Gathers the recorder's and ledger's figures into the replication's result.
  func result(seed: UInt64, replication: Int, events: Int) -> ReplicationResult {
    let horizon = scenario.horizon
    let contractDays = Double(horizon.contractYears) * DayCalendar.daysPerYear
    let startFigures = recorder.startFigures(waitingNorms: scenario.careTypes.map(\.waitingNormDays))
    var types: [CareTypeResult] = []
    for (k, type) in scenario.careTypes.enumerated() {
      let starts = startFigures.byType[k]
      let meanWait = starts > 0 ? startFigures.typeWaitSum[k] / Double(starts) : 0
      let over = startFigures.overNorm[k]
      let meanInCare = recorder.inCareDays[k] / contractDays
      types.append(CareTypeResult(
        id: type.id, name: type.name, capacity: type.capacity, waitingNormDays: type.waitingNormDays,
        arrivals: recorder.arrivals[k], starts: starts, exits: recorder.exits[k],
        meanWaitDays: meanWait, p90WaitDays: startFigures.p90[k],
        shareOverNorm: starts > 0 ? Double(over) / Double(starts) : 0,
        meanWaiting: recorder.waitingDays[k] / contractDays, meanInCare: meanInCare, reneged: recorder.reneged[k],
        utilization: type.capacity > 0 ? meanInCare / Double(type.capacity) : 0, spend: recorder.spend[k]))
    }
    var years: [YearResult] = []
    let isLumpsum = scenario.funding.model == .lumpsum
    // A run the watchdog stopped has closed fewer years than the horizon holds.
    let closedYears = max(0, min(horizon.contractYears, month / 12 - horizon.warmupYears))
    for y in 0..<closedYears {
      let account = accounts[y + horizon.warmupYears]
      var contracts: [ContractYearResult] = []
      var memberResults: [Double] = []
      var exited: [String] = []
      for (c, year) in account.contracts.enumerated() {
        let outcome = year.outcome
        let members = scenario.contracts[c].consortium?.members.count ?? 0
        memberResults += outcome.memberResults.isEmpty ? Array(repeating: 0, count: members) : outcome.memberResults
        exited += outcome.exits.map { scenario.memberLabel(contract: c, member: $0) }
        contracts.append(ContractYearResult(id: scenario.contracts[c].id, money: ContractMoney(
          budget: year.budget, spend: year.spend, payment: year.payment,
          corridorAdjustment: year.corridorAdjustment, renegotiationAdjustment: year.renegotiationAdjustment,
          valvePayout: outcome.valvePayout, result: outcome.result, settlement: outcome.settlement,
          consortiumResult: outcome.result + outcome.settlement, memberResults: outcome.memberResults,
          membersExited: outcome.exits.map { scenario.contracts[c].consortium!.members[$0].id },
          budgetUse: isLumpsum ? year.spend : year.payment,
          exhaustionDay: year.exhaustedAt.map { DayCalendar.dayOfYear($0) })))
      }
      let money = ContractMoney(summing: contracts.map(\.money), memberResults: memberResults, membersExited: exited)
      let outside = account.outsidePayment
      let starts = startFigures.byYear[y]
      let meanWaits = startFigures.yearMean[y], p90Waits = startFigures.yearP90[y]
      years.append(YearResult(
        year: horizon.firstYear + y, contractYear: y + 1, money: money,
        capacityLost: account.capacityLost, outsidePayment: outside,
        municipalCost: money.payment + money.valvePayout + money.settlement + outside
          + (scenario.prevention?.paidBy == .municipality ? account.prevention : 0) + funding.adminCostShare * money.spend,
        adminCost: funding.adminCostShare * money.spend,
        subcontractorPayment: account.subcontracted, preventionCost: account.prevention,
        contracts: contracts,
        referrals: recorder.yearReferrals(y),
        repeatReferrals: recorder.yearRepeatReferrals[y], diverted: recorder.yearDiverted[y],
        starts: starts, exits: recorder.yearExits[y], reneged: recorder.yearReneged[y],
        peakWaiting: recorder.yearPeakWaiting[y],
        meanWaitDays: starts > 0 ? startFigures.yearWaitSum[y] / Double(starts) : 0,
        spendByCareType: recorder.yearSpend(y), meanWaitByCareType: meanWaits, p90WaitByCareType: p90Waits))
    }
    var cumulative: [Double] = []
    var paid: [Double] = []
    for m in 0..<(horizon.contractYears * 12) {
      let yearToDate = (m % 12 == 0 ? 0 : cumulative[m - 1]) + recorder.monthlySpendInScope[m]
      cumulative.append(yearToDate)
      paid.append(m / 12 < closedYears ? years[m / 12].budget * Double(m % 12 + 1) / 12 : 0)
    }
    let monthly = MonthlySeries(
      months: horizon.contractYears * 12, sourceIDs: scenario.referralSources.map(\.id),
      careTypeIDs: scenario.careTypes.map(\.id), referrals: recorder.monthlyReferrals.array,
      starts: startFigures.monthly, inCare: recorder.monthlyInCare.array, waiting: recorder.monthlyWaiting.array,
      capacity: recorder.monthlyCapacity.array,
      spend: recorder.monthlySpend.array, spendInScope: recorder.monthlySpendInScope.array, cumulativeSpend: cumulative,
      budgetPaid: paid)
    return ReplicationResult(
      scenario: scenario.name, seed: seed, replication: replication, events: events, careTypes: types,
      years: years, monthly: monthly, flow: clients.flow, capacityBreaches: capacityBreaches,
      ledgerDiscrepancy: ledgerDiscrepancy)
  }
}
