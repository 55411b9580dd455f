/// A contract year's money and the budget question: what the municipality budgeted and paid, what
/// the consortium spent, the valves, the settlement and the members' parts.
///
/// One contract's year holds its own (`ContractYearResult`); a region's year holds the sums over
/// its contracts (`YearResult`), so both are read through the same names and the same figure table
/// (`YearFigure`). Whether a year overspent is asked of each contract (`ContractYearResult`): a
/// region's sums would let one contract's surplus hide another's deficit.
public struct ContractMoney: Sendable, Equatable {
  /// The municipality's budget for the contract (the lumpsum formula with valve adjustments, under
  /// every model).
  public var budget: Double
  /// The provider's in-scope cost including overhead.
  public var spend: Double
  /// What the municipality pays for contract care: the lumpsum, P×Q tariffs (capped by a ceiling)
  /// or output fees.
  public var payment: Double
  /// Of the budget: the volume-corridor adjustment earned by last year's volume (V1).
  public var corridorAdjustment: Double
  /// Of the budget: the increase from a renegotiation (V5).
  public var renegotiationAdjustment: Double
  /// Paid at year end by the statutory-referral valve (V2) and the high-cost carve-out (V3).
  public var valvePayout: Double
  /// The provider's result before settlement: payment + valve payout − spend (negative: a loss).
  public var result: Double
  /// Paid by the municipality to the consortium at year end by the settlement rule (negative: the
  /// consortium returns part of a surplus).
  public var settlement: Double
  /// The consortium's result after settlement: result + settlement.
  public var consortiumResult: Double
  /// Each member's part of its consortium's result (R3), in scenario order; empty without members.
  public var memberResults: [Double]
  /// Members that left at this year's end (R5): their ids in a contract's year, their
  /// `Scenario.memberLabel` (`contract/member`) in a region's year.
  public var membersExited: [String]
  /// What is measured against the budget: spend under `lumpsum`, payment under `pxq` and `output`.
  public var budgetUse: Double
  /// Day of the year (1–365) on which budget use passed the budget; nil if it never did. In a
  /// region's year: the first day any contract's did.
  public var exhaustionDay: Int?

  public init(budget: Double, spend: Double, payment: Double, corridorAdjustment: Double, renegotiationAdjustment: Double,
              valvePayout: Double, result: Double, settlement: Double, consortiumResult: Double, memberResults: [Double],
              membersExited: [String], budgetUse: Double, exhaustionDay: Int?) {
    self.budget = budget
    self.spend = spend
    self.payment = payment
    self.corridorAdjustment = corridorAdjustment
    self.renegotiationAdjustment = renegotiationAdjustment
    self.valvePayout = valvePayout
    self.result = result
    self.settlement = settlement
    self.consortiumResult = consortiumResult
    self.memberResults = memberResults
    self.membersExited = membersExited
    self.budgetUse = budgetUse
    self.exhaustionDay = exhaustionDay
  }

  /// The region's year from its contracts' years: the money summed, the earliest exhaustion day,
  /// and the members' figures as given (they are labelled and padded by the caller).
  public init(summing contracts: [ContractMoney], memberResults: [Double], membersExited: [String]) {
    func total(_ figure: KeyPath<ContractMoney, Double>) -> Double { contracts.reduce(0) { $0 + $1[keyPath: figure] } }
    self.init(budget: total(\.budget), spend: total(\.spend), payment: total(\.payment),
              corridorAdjustment: total(\.corridorAdjustment), renegotiationAdjustment: total(\.renegotiationAdjustment),
              valvePayout: total(\.valvePayout), result: total(\.result), settlement: total(\.settlement),
              consortiumResult: total(\.consortiumResult), memberResults: memberResults, membersExited: membersExited,
              budgetUse: total(\.budgetUse), exhaustionDay: contracts.compactMap(\.exhaustionDay).min())
  }
}
