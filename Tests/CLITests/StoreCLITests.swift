import Foundation
import SweepStore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The store as a file: refused when damaged, by every command that opens one.
@Suite("Sweep store files: damage")
struct StoreCLITests {
  static let grid = SweepCLITests.grid

  /// Commands that open a store, and must refuse a damaged one.
  static func readers(_ store: String, in folder: URL) -> [[String]] {
    [
      ["sweep", grid, "--store", store], ["sweep", "status", store], ["export", store],
      ["export", store, "--per", "replication", "--format", "json"],
      ["report", store, "-o", folder.appendingPathComponent("r.html").path],
      ["merge", folder.appendingPathComponent("merged.sqlite").path, store],
    ]
  }

  @Test("a store with overwritten pages is refused by sweep (resume), status, export, report and merge: 'store is damaged', exit 1, nothing reported")
  func damaged() throws {
    let folder = CLIRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = folder.appendingPathComponent("s.sqlite").path
    #expect(try CLIRunner.run(["sweep", Self.grid, "--store", store, "--quiet"]).status == 0)
    var bytes = try Data(contentsOf: URL(fileURLWithPath: store))
    let pages = bytes.count / 4096
    #expect(pages >= 6)
    // Garbage over every page but the first (the header) and the last: what a disk fault or a
    // bad copy leaves, as in the reproducer, but the same every run.
    var state: UInt64 = 0x9e37_79b9_7f4a_7c15
    for i in 4096..<((pages - 1) * 4096) {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      bytes[i] = UInt8(truncatingIfNeeded: state >> 56)
    }
    try bytes.write(to: URL(fileURLWithPath: store))
    for arguments in Self.readers(store, in: folder) {
      let output = try CLIRunner.run(arguments)
      #expect(output.status == 1, "\(arguments): \(output.stderr)")
      #expect(output.stderr.hasPrefix("error: store is damaged: '\(store)': "), "\(arguments): \(output.stderr)")
      #expect(output.stdout.isEmpty, "\(arguments): \(output.stdout)")
    }
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("r.html").path))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("merged.sqlite").path))
  }
}
