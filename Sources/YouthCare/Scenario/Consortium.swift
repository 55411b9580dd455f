/// The providers behind a lumpsum, and how they share its result (R3) and when one leaves (R5).
public struct Consortium: Sendable, Equatable {
  /// The member organisations ("moederorganisaties").
  public var members: [Member]
  /// How the consortium's result after settlement is divided among the members still in it.
  public var split: Split
  /// When a member leaves; none: members never leave.
  public var exitRule: ExitRule?

  /// How a result is divided (R3).
  public enum Split: String, Sendable, Equatable, CaseIterable {
    /// In proportion to the members' shares of the contract.
    case proRata
    /// In equal parts.
    case equal
    /// In proportion to the in-scope care cost of the places each member holds.
    case byCause
  }

  public init(members: [Member], split: Split = .proRata, exitRule: ExitRule? = nil) {
    self.members = members
    self.split = split
    self.exitRule = exitRule
  }
}

/// One member organisation.
public struct Member: Sendable, Equatable {
  public var id: String
  public var name: String
  /// Share of the contract value (the members' shares sum to 1).
  public var share: Double
  /// The organisation's own total yearly revenue, inside and outside the consortium.
  public var revenue: Double
  /// Share of each care type's places the member provides (by care-type index).
  public var capacityShare: [Double]

  public init(id: String, name: String? = nil, share: Double, revenue: Double, capacityShare: [Double]) {
    self.id = id
    self.name = name ?? id
    self.share = share
    self.revenue = revenue
    self.capacityShare = capacityShare
  }

  /// The places of care type `k` the member provides, out of `capacity`.
  public func places(_ k: Int, of capacity: Int) -> Int {
    Int((capacityShare[k] * Double(capacity)).rounded())
  }
}

/// R5: a member leaves at a year's end when its cumulative loss from the consortium exceeds
/// `lossShareOfRevenue` of its own revenue while the consortium brings it less than
/// `maxDependence` of that revenue: the "kruimelkoning" who can afford to walk away.
public struct ExitRule: Sendable, Equatable {
  public var lossShareOfRevenue: Double
  public var maxDependence: Double

  public init(lossShareOfRevenue: Double = 0.05, maxDependence: Double = 0.10) {
    self.lossShareOfRevenue = lossShareOfRevenue
    self.maxDependence = maxDependence
  }
}
