/// An optional field or section as read: not given, given and read, or given but refused.
///
/// Two states are not enough. A scenario that leaves out `capacityPolicy` means "no policy"; one
/// whose `capacityPolicy` is bad must not run without a policy as if it had been left out. Yet the
/// reader does not stop at the bad section: it logs the problem and reads on, so that one pass
/// reports every problem in the file, and only then refuses the scenario. `.invalid` carries that
/// refusal from the section to the place where the scenario is put together.
package enum OptionalField<Value> {
  /// The key is not in the mapping: the scenario's default (usually none) applies.
  case absent
  /// The key is given and its value is good.
  case read(Value)
  /// The key is given but its value is bad; the problem has been logged.
  case invalid

  /// `.absent` when nothing is `given`, else what `read` makes of it (nil: invalid, logged by `read`).
  package init<Given>(_ given: Given?, _ read: (Given) -> Value?) {
    guard let given else {
      self = .absent
      return
    }
    self = read(given).map { .read($0) } ?? .invalid
  }

  /// The value read; nil when the key is absent (and when it is invalid: check `isInvalid` first).
  package var value: Value? {
    if case .read(let value) = self { return value }
    return nil
  }

  /// Whether the key is given with a bad value.
  package var isInvalid: Bool {
    if case .invalid = self { return true }
    return false
  }

  /// The value read, or `fallback` when the key is absent; nil when it is invalid.
  package func or(_ fallback: Value) -> Value? {
    switch self {
    case .absent: return fallback
    case .read(let value): return value
    case .invalid: return nil
    }
  }
}
