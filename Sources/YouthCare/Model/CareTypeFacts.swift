/// What the flow reads of a care type on nearly every event, fixed for the run.
struct CareTypeFacts {
  /// Crisis care: a child in it is a crisis case and starts at once.
  let crisis: Bool
  /// The care type's contract, or -1 when the municipality pays it per day.
  let contract: Int
  /// Light to heavy: a move to a lower level is a step down.
  let level: Int
  /// Prevention may resolve referrals to this type.
  let preventable: Bool

  /// In a contract (lumpsum, P×Q or output), not paid per day outside every contract.
  @inline(__always)
  var inScope: Bool { contract >= 0 }
}
