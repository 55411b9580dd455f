import Stochastics

/// A stream of referrals: the wijkteam, GPs, youth doctors, medical specialists, the GI, courts, self.
public struct ReferralSource: Sendable, Equatable {
  /// Short identifier (`huisarts`).
  public var id: String
  /// Readable name.
  public var name: String
  /// Referrals per 1,000 youths per year, before seasonality, trend and over-dispersion.
  public var ratePer1000: Double
  /// Twelve monthly factors, January first; they average 1.
  public var seasonality: [Double]
  /// Growth of this source's rate per contract year on top of population growth.
  public var trendPerYear: Double
  /// Coefficient of variation of a yearly gamma multiplier (0: plain Poisson).
  public var overdispersionCV: Double
  /// Share of referrals that are crisis (never wait).
  public var crisisShare: Double
  /// Share of referrals that are court-ordered (go before regular ones).
  public var courtOrderedShare: Double
  /// Probability of each first care type, by care-type index.
  public var routing: [Double]
  /// Probability that the referral is resolved without specialist care.
  public var diverted: Double

  /// Creates a source.
  public init(
    id: String, name: String? = nil, ratePer1000: Double, seasonality: [Double] = Array(repeating: 1, count: 12),
    trendPerYear: Double = 0, overdispersionCV: Double = 0, crisisShare: Double = 0,
    courtOrderedShare: Double = 0, routing: [Double], diverted: Double = 0
  ) {
    self.id = id
    self.name = name ?? id
    self.ratePer1000 = ratePer1000
    self.seasonality = seasonality
    self.trendPerYear = trendPerYear
    self.overdispersionCV = overdispersionCV
    self.crisisShare = crisisShare
    self.courtOrderedShare = courtOrderedShare
    self.routing = routing
    self.diverted = diverted
  }
}

/// Repeat requests: after an exit a child returns with some probability after a delay.
public struct ReReferral: Sendable, Equatable {
  /// Probability that a child who leaves care returns.
  public var probability: Double
  /// Delay from exit to the new referral, in days.
  public var delay: Distribution

  /// Creates the rule.
  public init(probability: Double, delay: Distribution) {
    self.probability = probability
    self.delay = delay
  }
}
