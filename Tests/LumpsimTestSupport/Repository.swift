import Foundation

/// The repository the tests run in, found from this file's place in it (`Tests/LumpsimTestSupport/`).
public enum Repository {
  /// The repository's root folder.
  public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// A path inside the repository.
  public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}
