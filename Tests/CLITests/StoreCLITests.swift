import Foundation
import SweepStore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The store as a file: written by one process at a time, and refused when damaged, by every
/// command that opens one.
@Suite("Sweep store files: one writer, damage")
struct StoreCLITests {
  static let grid = SweepCLITests.grid

  @Test("a second sweep (or merge) on a store being written is refused at once naming the writer's pid; a kill frees the store")
  func oneWriter() throws {
    let folder = CLIRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let sweep = try SweepCLITests.variant(in: folder, replications: 2000)
    let store = folder.appendingPathComponent("s.sqlite").path
    let first = Process()
    first.executableURL = CLIRunner.binary
    first.arguments = ["sweep", sweep, "--store", store, "--threads", "1", "--commit-every", "1", "--quiet"]
    first.standardOutput = FileHandle.nullDevice
    first.standardError = FileHandle.nullDevice
    try first.run()
    defer {
      kill(first.processIdentifier, SIGKILL)
      first.waitUntilExit()
    }
    let deadline = Date().addingTimeInterval(120)
    while ((try? SweepStore.open(store).doneUnits().count) ?? 0) == 0 && first.isRunning && Date() < deadline {
      Thread.sleep(forTimeInterval: 0.01)
    }
    #expect(first.isRunning)
    let started = Date()
    let second = try CLIRunner.run(["sweep", sweep, "--store", store, "--threads", "1", "--quiet"])
    #expect(second.status == 1)
    #expect(second.stderr.contains("store '\(store)' is in use by process \(first.processIdentifier) (lumpsim sweep); wait for it or stop it"),
            "\(second.stderr)")
    #expect(Date().timeIntervalSince(started) < 30, "refused at once, not after waiting")
    let merge = try CLIRunner.run(["merge", store, store])
    #expect(merge.status == 1 && merge.stderr.contains("is in use by process \(first.processIdentifier)"), "\(merge.stderr)")
    // Readers go on: status reads while the sweep writes.
    #expect(try CLIRunner.run(["sweep", "status", store]).status == 0)
    kill(first.processIdentifier, SIGKILL)
    first.waitUntilExit()
    // The kernel dropped the killed writer's lock: it can be taken at once.
    let lock = open(store + ".lock", O_RDWR)
    defer { close(lock) }
    #expect(lock >= 0 && flock(lock, LOCK_EX | LOCK_NB) == 0)
  }

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
