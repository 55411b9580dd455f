/// The figures a batch follows per consortium member over the contract.
public enum MemberFigure: String, CaseIterable, Sendable {
  /// 1 when the member left during the contract (a batch's mean is the probability it leaves).
  case exited
  /// The member's part of the consortium's results, summed over the years.
  case totalResult

  /// What the figure measures: whether the member left, or euros.
  public var unit: FigureUnit { self == .exited ? .flag : .euros }
}
