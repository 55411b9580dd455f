/// The sizes a scenario or sweep file may have: each is either wide enough for any file within
/// them, or checked at read with exit 2 and a message naming the limit.
///
/// docs/reliability.md ("Limits") has the table and the reason for each figure.
public enum ScenarioLimits {
  /// A scenario or sweep file's size in bytes. The largest shipped scenario is 15 KB; a file 250
  /// times that is still read in about a second, and an 88 MB file of junk is refused at once.
  public static let fileBytes = 4 * 1_048_576
  /// Referral sources: a child records its source in one byte, and 255 marks "none yet".
  public static let referralSources = 255
  /// Care types: the step matrix and its categorical laws are dense (care types² numbers, held twice),
  /// so 1,000 types cost 16 MB; 20,000 would cost 6 GB before the first event.
  public static let careTypes = 1_000
  /// Lumpsum contracts: a child records the contract of its high-cost carve-out in one signed byte.
  public static let contracts = 127
  /// Points of a sweep design (grid, Latin hypercube or list): every point's scenario is read and
  /// checked before anything runs (about 0.25 ms each for the M/M/c scenario, more for larger
  /// ones) and held while the sweep runs.
  public static let sweepPoints = 100_000
  /// Problems kept and counted in full; the first `issuesShown` are printed.
  public static let issuesKept = 1_000
  /// Problems printed before "... and N more".
  public static let issuesShown = 20
}
