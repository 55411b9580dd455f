import Foundation

/// One lumpsum contract: the care types it covers, its budget, valves, settlement and members.
///
/// A region may hold several (Amsterdam's kernpartners, Utrecht's two consortia by district).
/// Each care type belongs to at most one contract; care types in none are paid by the
/// municipality per day (regional carve-outs). The funding model (`Funding.model`) applies to
/// every contract alike, so a comparison of models changes them all together.
public struct Contract: Sendable, Equatable {
  /// Short identifier (`koos`), used in tables and result files.
  public var id: String
  /// Readable name.
  public var name: String
  /// The care types the contract covers (indices into the scenario's care types).
  public var careTypes: [Int]
  /// The budget formula (and the municipality's budget for this scope under every model).
  public var lumpsum: Lumpsum
  /// Safety valves (V1, V2, V3, V5; V4 is `lumpsum.indexation`).
  public var valves: Valves
  /// Year-end settlement of the result (R1, R2); none: the consortium bears it all.
  public var settlement: Settlement?
  /// The members behind the contract; nil: one provider, no member accounts.
  public var consortium: Consortium?
  /// Under P×Q, the provider's yearly revenue ceiling in contract year 1 ("budgetplafond"); nil: none.
  public var pxqCeiling: Double?

  /// The identifier of the one contract of a scenario that writes its terms in `funding`.
  public static let singleID = "contract"

  /// Creates a contract.
  public init(
    id: String = Contract.singleID, name: String? = nil, careTypes: [Int], lumpsum: Lumpsum, valves: Valves = Valves(),
    settlement: Settlement? = nil, consortium: Consortium? = nil, pxqCeiling: Double? = nil
  ) {
    self.id = id
    self.name = name ?? id
    self.careTypes = careTypes
    self.lumpsum = lumpsum
    self.valves = valves
    self.settlement = settlement
    self.consortium = consortium
    self.pxqCeiling = pxqCeiling
  }

  /// The P×Q ceiling in contract year `year` (1-based) under `pxq`'s indexation, if any.
  public func pxqCeiling(inYear year: Int, pxq: PxQ) -> Double? {
    pxqCeiling.map { $0 * pow(1 + pxq.ceilingIndexPerYear, Double(year - 1)) }
  }
}
