import Experiments
import Foundation
import SweepStore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The store as a file: created whole or not at all, written by one process at a time, and
/// refused when damaged, by every command that opens one.
@Suite("Sweep store files: creation, one writer, damage")
struct StoreCLITests {
  static let grid = SweepCLITests.grid

  /// A process id that no process has (above the kernel's limit), as a killed one's would be.
  static let deadPID = Int32.max - 1

  @Test("a sweep killed while it creates its store, or leaving an empty file, is started over by the same command")
  func killedAtCreation() throws {
    let folder = CLIRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = folder.appendingPathComponent("s.sqlite").path
    // What a kill leaves: an empty store file (lumpsim 0.1.0 made the file before its tables),
    // and the temporary file of a creation with its journal.
    #expect(FileManager.default.createFile(atPath: store, contents: Data()))
    let leftovers = [".partial-\(Self.deadPID)", ".partial-\(Self.deadPID)-journal"].map { store + $0 }
    for path in leftovers { #expect(FileManager.default.createFile(atPath: path, contents: Data("half a store".utf8))) }
    let run = try CLIRunner.run(["sweep", Self.grid, "--store", store, "--quiet"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("48 of 48 units"), "\(run.stdout)")
    for path in leftovers { #expect(!FileManager.default.fileExists(atPath: path), "\(path)") }
    // Real kills in the first milliseconds, when the store is being made: the same command always finishes it.
    for attempt in 0..<6 {
      let killed = folder.appendingPathComponent("killed-\(attempt).sqlite").path
      let process = Process()
      process.executableURL = CLIRunner.binary
      process.arguments = ["sweep", Self.grid, "--store", killed, "--quiet"]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      Thread.sleep(forTimeInterval: Double(attempt) * 0.006)
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      let rerun = try CLIRunner.run(["sweep", Self.grid, "--store", killed, "--quiet"])
      #expect(rerun.status == 0, "killed after \(attempt * 6) ms: \(rerun.stderr)")
      #expect(rerun.stdout.contains("48 of 48 units"), "killed after \(attempt * 6) ms: \(rerun.stdout)")
    }
  }

  @Test("a store that cannot be written whole (the file size limit) is a runtime failure that leaves nothing; the same command then succeeds")
  func fileLimitAtCreation() throws {
    let folder = CLIRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = folder.appendingPathComponent("s.sqlite").path
    // A limit of 4 KB (8 blocks of 512 bytes in a POSIX shell) fails the first write past it, as a
    // full disk does; SIGXFSZ ignored, so the write fails instead of killing the process.
    let limited = try CLIRunner.run(executable: "/bin/sh", [
      "-c", "ulimit -f 8 && trap '' XFSZ && exec \"$0\" \"$@\"", CLIRunner.binary.path, "sweep", Self.grid, "--store", store,
    ])
    #expect(limited.status == 1, "\(limited.stderr)")
    #expect(limited.stderr.contains("error: '\(store)': "), "\(limited.stderr)")
    #expect(limited.stdout.isEmpty)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(names.isEmpty, "left behind: \(names)")
    let run = try CLIRunner.run(["sweep", Self.grid, "--store", store, "--quiet"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("48 of 48 units"))
  }

  /// Whether this process may mount a small tmpfs (root, outside a container that forbids it).
  static let canMountTmpfs: Bool = {
    guard getuid() == 0 else { return false }
    let probe = CLIRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: probe) }
    guard (try? CLIRunner.run(executable: "/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe.path]))?.status == 0
    else { return false }
    _ = try? CLIRunner.run(executable: "/bin/umount", [probe.path])
    return true
  }()

  @Test("a full disk while the store is created: exit 1 saying so; after space is freed the same command runs",
        .enabled(if: canMountTmpfs, "needs root and permission to mount a tmpfs"))
  func fullDisk() throws {
    let folder = CLIRunner.temporaryFolder()
    defer {
      _ = try? CLIRunner.run(executable: "/bin/umount", [folder.path])
      try? FileManager.default.removeItem(at: folder)
    }
    #expect(try CLIRunner.run(executable: "/bin/mount", ["-t", "tmpfs", "-o", "size=8k", "tmpfs", folder.path]).status == 0)
    let store = folder.appendingPathComponent("s.sqlite").path
    let full = try CLIRunner.run(["sweep", Self.grid, "--store", store, "--quiet"])
    #expect(full.status == 1, "\(full.stderr)")
    #expect(full.problems.hasPrefix("error: '\(store)': the disk is full ("), "\(full.stderr)")
    #expect(full.stderr.contains("); free space and run the same command again"), "\(full.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    #expect(try CLIRunner.run(executable: "/bin/mount", ["-o", "remount,size=10m", folder.path]).status == 0)
    let run = try CLIRunner.run(["sweep", Self.grid, "--store", store, "--quiet"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("48 of 48 units"))
  }

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
      #expect(output.problems.hasPrefix("error: store is damaged: '\(store)': "), "\(arguments): \(output.stderr)")
      #expect(output.stdout.isEmpty, "\(arguments): \(output.stdout)")
    }
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("r.html").path))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("merged.sqlite").path))
  }
}
