/// How a sweep's points are chosen; the raw value is the key a sweep file gives it under
/// `design:` and the word a store's definition records (so it never changes).
public enum SweepDesign: String, CaseIterable, Sendable {
  /// A full factorial: every combination of the listed values, the last parameter varying fastest.
  case grid
  /// A Latin hypercube over ranges: points spread evenly over every parameter.
  case latinHypercube
  /// Points listed one by one.
  case points
}
