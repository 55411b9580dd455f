/// Safety valves ("risicoventielen"): pre-agreed conditions under which a lumpsum is adjusted.
///
/// They apply under the `lumpsum` model in the contract years. Each is optional; see
/// `docs/contracts.md` for what each means to a policy analyst.
public struct Valves: Sendable, Equatable {
  /// V1: next year's budget follows volume outside a corridor around a baseline.
  public var volumeCorridor: VolumeCorridor?
  /// V2: referrals by statutory referrers (GI, court, medical) above a baseline are paid per referral.
  public var statutoryReferrals: StatutoryReferralValve?
  /// V3: the part of a child's yearly care cost above a threshold is paid outside the lumpsum.
  public var highCostCases: HighCostCarveOut?
  /// V5: a cumulative deficit above a share of the lumpsum resets the budget.
  public var renegotiation: RenegotiationTrigger?

  /// No valves.
  public init(volumeCorridor: VolumeCorridor? = nil, statutoryReferrals: StatutoryReferralValve? = nil,
              highCostCases: HighCostCarveOut? = nil, renegotiation: RenegotiationTrigger? = nil) {
    self.highCostCases = highCostCases
    self.volumeCorridor = volumeCorridor
    self.statutoryReferrals = statutoryReferrals
    self.renegotiation = renegotiation
  }
}

/// V1: if the year's volume lies more than `threshold` above (below) the baseline, next year's
/// budget rises (falls) by factor × the volume beyond the corridor × the average cost per unit.
public struct VolumeCorridor: Sendable, Equatable {
  /// What is counted.
  public enum Measure: String, Sendable, Equatable, CaseIterable {
    /// Starts in contract care types during the year.
    case starts
    /// Mean number of children in contract care during the year.
    case inCare
  }
  public var measure: Measure
  /// The volume the lumpsum was set for (per year).
  public var baseline: Double
  /// Half-width of the corridor as a fraction of the baseline (0.10 = ±10%).
  public var threshold: Double
  /// Share of the excess that is compensated.
  public var factor: Double
  /// Euros per unit of volume (per start, or per child-year in care).
  public var averageCost: Double

  public init(measure: Measure, baseline: Double, threshold: Double, factor: Double, averageCost: Double) {
    self.measure = measure
    self.baseline = baseline
    self.threshold = threshold
    self.factor = factor
    self.averageCost = averageCost
  }

  /// The budget adjustment that a year with `volume` earns for the next year.
  public func adjustment(volume: Double) -> Double {
    let upper = baseline * (1 + threshold), lower = baseline * (1 - threshold)
    if volume > upper { return factor * (volume - upper) * averageCost }
    if volume < lower { return -factor * (lower - volume) * averageCost }
    return 0
  }
}

/// V2: first-time referrals from the statutory sources above baseline × (1 + threshold) are paid
/// at year end, per referral.
public struct StatutoryReferralValve: Sendable, Equatable {
  /// The sources whose referrals count (by index).
  public var sources: [Int]
  /// Referrals per year the lumpsum was set for.
  public var baseline: Double
  public var threshold: Double
  /// Euros paid per referral above the limit.
  public var payPerReferral: Double

  public init(sources: [Int], baseline: Double, threshold: Double, payPerReferral: Double) {
    self.sources = sources
    self.baseline = baseline
    self.threshold = threshold
    self.payPerReferral = payPerReferral
  }

  /// The payout for a year with `referrals` from the statutory sources.
  public func payout(referrals: Int) -> Double {
    max(0, Double(referrals) - baseline * (1 + threshold)) * payPerReferral
  }
}

/// V3: the care cost of one child in one contract year above `threshold` (€150,000 in the notes)
/// is paid by the municipality outside the lumpsum. A child's cost is its days in contract care ×
/// the cost per day of the care type it occupies, plus intake costs, with the overhead share.
public struct HighCostCarveOut: Sendable, Equatable {
  public var threshold: Double

  public init(threshold: Double) {
    self.threshold = threshold
  }
}

/// V5: when the consortium's cumulative deficit passes `threshold` × the year's lumpsum, the
/// budget is reset from the next year: it becomes that year's spend, indexed, and the lumpsum
/// formula continues from there. At most `maximum` times per contract.
public struct RenegotiationTrigger: Sendable, Equatable {
  public var threshold: Double
  public var maximum: Int

  public init(threshold: Double, maximum: Int = 1) {
    self.threshold = threshold
    self.maximum = maximum
  }
}

/// Year-end settlement between municipality and consortium (R1, R2).
///
/// A deficit up to `deficitBand` × budget is borne by the consortium for `consortiumShareInBand`,
/// the rest of the deficit for `consortiumShareBeyondBand`; the municipality pays the other part.
/// A surplus up to `surplusKept` × budget stays with the consortium; of the surplus beyond it the
/// consortium keeps `consortiumShareOfSurplusBeyond` and returns the rest.
public struct Settlement: Sendable, Equatable {
  public var deficitBand: Double
  public var consortiumShareInBand: Double
  public var consortiumShareBeyondBand: Double
  public var surplusKept: Double
  public var consortiumShareOfSurplusBeyond: Double

  /// The notes' default (domain.md §3.5): 100% of a deficit within 5%, 50/50 beyond; surplus kept
  /// up to 3%, 50/50 beyond.
  public init(
    deficitBand: Double = 0.05, consortiumShareInBand: Double = 1, consortiumShareBeyondBand: Double = 0.5,
    surplusKept: Double = 0.03, consortiumShareOfSurplusBeyond: Double = 0.5
  ) {
    self.deficitBand = deficitBand
    self.consortiumShareInBand = consortiumShareInBand
    self.consortiumShareBeyondBand = consortiumShareBeyondBand
    self.surplusKept = surplusKept
    self.consortiumShareOfSurplusBeyond = consortiumShareOfSurplusBeyond
  }

  /// The consortium's share of a year's `result` (before settlement) on `budget`; the
  /// municipality's transfer to the consortium is result share − result.
  public func consortiumShare(result: Double, budget: Double) -> Double {
    if result < 0 {
      let deficit = -result, band = deficitBand * budget
      return -(min(deficit, band) * consortiumShareInBand + max(0, deficit - band) * consortiumShareBeyondBand)
    }
    let kept = surplusKept * budget
    return min(result, kept) + max(0, result - kept) * consortiumShareOfSurplusBeyond
  }
}
