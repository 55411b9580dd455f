import SimKernel

/// What can happen in the youth-care model.
enum YouthCareEvent {
  /// The next referral from outside arrives.
  case referral
  /// A child's episode of care ends.
  case episodeEnd(client: Int32, token: UInt32)
  /// A waiting child's patience runs out.
  case patienceEnd(client: Int32, token: UInt32)
  /// A child who left care comes back (herhaald beroep).
  case reReferral(client: Int32, token: UInt32)
  /// A calendar month ends: accounts are closed, the next month's rates and prices apply.
  case monthEnd
  /// The consortium reviews the places of a care type (capacity policy).
  case capacityReview(careType: Int32)
  /// Hired places of a care type become available.
  case capacityArrives(careType: Int32, places: Int32)
}

/// Order of simultaneous events: the books close first, then places free up, then waits end,
/// then new children arrive (and may take a place freed at the same moment).
extension EventClass {
  static let calendar = EventClass(rank: 0)
  static let departure = EventClass(rank: 1)
  static let reneging = EventClass(rank: 2)
  static let arrival = EventClass(rank: 3)
}
