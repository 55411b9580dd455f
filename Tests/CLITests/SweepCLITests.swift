import Foundation
import SweepStore
import Testing

/// `lumpsim sweep`, `merge`, `export`: the store survives kills, shards merge into the same
/// results, bad sweep files and mismatched stores are refused.
@Suite("lumpsim sweep, merge and export")
struct SweepCLITests {
  static let fixtures = CLIRunner.root.appendingPathComponent("Tests/Fixtures")
  static let grid = fixtures.appendingPathComponent("sweeps/small-grid.yaml").path

  /// The content line of `sweep status`: equal for stores holding the same results.
  static func content(_ store: String) throws -> String {
    let status = try CLIRunner.run(["sweep", "status", store])
    #expect(status.status == 0, "\(status.stderr)")
    return try #require(status.stdout.split(separator: "\n").first { $0.hasPrefix("content ") }.map(String.init))
  }

  /// A copy of the small grid with more replications (a run of a few seconds) or another seed.
  static func variant(in folder: URL, replications: Int = 8, seed: Int = 11) throws -> String {
    let text = try String(contentsOfFile: grid, encoding: .utf8)
      .replacingOccurrences(of: "scenario: ../../../Scenarios/", with: "scenario: \(CLIRunner.root.path)/Scenarios/")
      .replacingOccurrences(of: "replications: 8", with: "replications: \(replications)")
      .replacingOccurrences(of: "seed: 11", with: "seed: \(seed)")
    let path = folder.appendingPathComponent("sweep-\(replications)-\(seed).yaml").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test("three shards merged hold what one run holds; status and export agree")
  func shardsMerge() throws {
    let folder = CLIRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let single = folder.appendingPathComponent("single.sqlite").path
    let run = try CLIRunner.run(["sweep", Self.grid, "--store", single, "--threads", "2"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("48 of 48 units"))
    var shards: [String] = []
    for k in 0..<3 {
      let path = folder.appendingPathComponent("shard-\(k).sqlite").path
      let output = try CLIRunner.run(["sweep", Self.grid, "--store", path, "--shard", "\(k)/3", "--threads", "1"])
      #expect(output.status == 0, "\(output.stderr)")
      #expect(output.stdout.contains("16 of 16 units of shard \(k)/3"))
      shards.append(path)
    }
    let partial = try CLIRunner.run(["sweep", "status", shards[1]])
    #expect(partial.stdout.contains("done 16 / 48 units"))
    #expect(partial.stdout.contains("shard 1/3: 16 / 16") && partial.stdout.contains("shard 0/3: 0 / 16 (not in this store)"))
    let merged = folder.appendingPathComponent("merged.sqlite").path
    // What a killed merge into the same file left (its process is gone) is cleared away.
    let abandoned = merged + ".partial-\(Int32.max - 1)"
    #expect(FileManager.default.createFile(atPath: abandoned, contents: Data("half a database".utf8)))
    let merge = try CLIRunner.run(["merge", merged] + shards.reversed())
    #expect(merge.status == 0, "\(merge.stderr)")
    #expect(!FileManager.default.fileExists(atPath: abandoned))
    #expect(try Self.content(merged) == Self.content(single))
    for per in ["point", "replication"] {
      for format in ["csv", "json"] {
        let a = try CLIRunner.run(["export", single, "--per", per, "--format", format])
        let b = try CLIRunner.run(["export", merged, "--per", per, "--format", format])
        #expect(a.status == 0 && !a.stdout.isEmpty)
        #expect(a.stdout == b.stdout, "\(per) \(format)")
      }
    }
    let rows = try CLIRunner.run(["export", single, "--per", "replication"]).stdout.split(separator: "\n")
    #expect(rows.count == 1 + 48)
    #expect(rows[0].hasPrefix("point,horizon.contractYears,horizon.warmupYears,careTypes.Q.capacity,funding.lumpsum.base,replication,year,budget,spend"))
    let points = try CLIRunner.run(["export", single]).stdout.split(separator: "\n")
    #expect(points.count == 1 + 6)
    // Merging again into the same file, or the same shard twice, is refused.
    let again = try CLIRunner.run(["merge", merged, shards[0]])
    #expect(again.status == 2 && again.stderr.contains("exists"))
    let twice = try CLIRunner.run(["merge", folder.appendingPathComponent("twice.sqlite").path, shards[0], shards[0]])
    #expect(twice.status == 2 && twice.stderr.contains("shard 0/3 is in both"))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("twice.sqlite").path))
  }

  @Test("stores of different sweeps are refused: in merge, and when resuming")
  func mismatch() throws {
    let folder = CLIRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let other = try Self.variant(in: folder, seed: 12)
    let a = folder.appendingPathComponent("a.sqlite").path, b = folder.appendingPathComponent("b.sqlite").path
    #expect(try CLIRunner.run(["sweep", Self.grid, "--store", a, "--shard", "0/2"]).status == 0)
    #expect(try CLIRunner.run(["sweep", other, "--store", b, "--shard", "1/2"]).status == 0)
    let merge = try CLIRunner.run(["merge", folder.appendingPathComponent("m.sqlite").path, a, b])
    #expect(merge.status == 2)
    #expect(merge.stderr.contains("holds a different sweep") && merge.stderr.contains("refusing to merge"))
    let resume = try CLIRunner.run(["sweep", other, "--store", a, "--shard", "0/2"])
    #expect(resume.status == 2 && resume.stderr.contains("holds results of a different sweep"))
    let shard = try CLIRunner.run(["sweep", Self.grid, "--store", a, "--shard", "1/2"])
    #expect(shard.status == 2 && shard.stderr.contains("holds shard 0/2, not 1/2"))
    let badShard = try CLIRunner.run(["sweep", Self.grid, "--store", a, "--shard", "2/2"])
    #expect(badShard.status == 2 && badShard.stderr.contains("--shard must be k/N"))
  }

  @Test("killed with SIGKILL at 20 random points, the same command finishes a store identical to an uninterrupted one")
  func killAndResume() throws {
    let folder = CLIRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let sweep = try Self.variant(in: folder, replications: 50)
    let total = 300
    let reference = folder.appendingPathComponent("reference.sqlite").path
    #expect(try CLIRunner.run(["sweep", sweep, "--store", reference, "--threads", "2"]).status == 0)
    let expected = try Self.content(reference)
    var generator = SystemRandomNumberGenerator()
    var killPoints = 0
    for attempt in 0..<5 {
      let store = folder.appendingPathComponent("killed-\(attempt).sqlite").path
      var killedAt: [Int] = []
      // Four kills per store, each once a random number of further units is on disk (timing alone
      // is not enough: on a loaded machine a kill may land before the first commit or after the
      // last), then the same command to the end.
      for _ in 0..<4 {
        let before = (try? SweepStore.open(store).doneUnits().count) ?? 0
        let target = Int.random(in: (before + 1)...min(before + 60, total - 20), using: &generator)
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["sweep", sweep, "--store", store, "--threads", "2", "--commit-every", "3", "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        var done = before
        while done < target && process.isRunning && Date() < deadline {
          Thread.sleep(forTimeInterval: 0.005)
          done = (try? SweepStore.open(store).doneUnits().count) ?? done
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let after = try SweepStore.open(store).doneUnits().count
        #expect(after > 0 && after < total, "kill \(killedAt.count + 1) of store \(attempt) left \(after) units")
        killedAt.append(after)
        killPoints += 1
      }
      let finish = try CLIRunner.run(["sweep", sweep, "--store", store, "--threads", "1"])
      #expect(finish.status == 0, "\(finish.stderr)")
      #expect(try Self.content(store) == expected, "killed with \(killedAt) units stored")
    }
    #expect(killPoints >= 20)
  }

  @Test("Ctrl-C stops between units with exit 130 and a hint; the same command completes the store")
  func interrupt() throws {
    let folder = CLIRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let sweep = try Self.variant(in: folder, replications: 50)
    let store = folder.appendingPathComponent("s.sqlite").path
    let process = Process()
    process.executableURL = CLIRunner.binary
    process.arguments = ["sweep", sweep, "--store", store, "--threads", "1", "--commit-every", "2"]
    let err = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = err
    try process.run()
    // Interrupt once work is under way (the handler is installed before the first unit runs).
    let deadline = Date().addingTimeInterval(120)
    while ((try? SweepStore.open(store).doneUnits().count) ?? 0) == 0 && process.isRunning && Date() < deadline {
      Thread.sleep(forTimeInterval: 0.01)
    }
    kill(process.processIdentifier, SIGINT)
    let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 130)
    #expect(message.contains("run the same command to continue"), "\(message)")
    let finish = try CLIRunner.run(["sweep", sweep, "--store", store])
    #expect(finish.status == 0)
    let whole = folder.appendingPathComponent("whole.sqlite").path
    #expect(try CLIRunner.run(["sweep", sweep, "--store", whole]).status == 0)
    #expect(try Self.content(store) == Self.content(whole))
  }

  @Test("a sweep point the watchdog stops ends the run with exit 2 naming the point; the units before it stay stored")
  func watchdog() throws {
    let folder = CLIRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let sweep = Self.fixtures.appendingPathComponent("limits/runaway-sweep.yaml").path
    let store = folder.appendingPathComponent("s.sqlite").path
    for _ in 0..<2 {
      // Run twice: the second run resumes after the stored units and stops at the same one.
      let run = try CLIRunner.run(["sweep", sweep, "--store", store, "--threads", "2", "--quiet"])
      #expect(run.status == 2, "\(run.stderr)")
      #expect(run.stderr.contains("point 1 (careTypes.A.capacity=1), replication 0: the run was stopped on simulated day 0"),
              "\(run.stderr)")
      #expect(run.stderr.contains("The 2 units before it are stored"), "\(run.stderr)")
      #expect(try SweepStore.open(store).doneUnits() == [0, 1])
    }
  }

  @Test("a sweep with a point larger than the limits is refused before a store is made; validate warns; --force lifts it")
  func sizeLimit() throws {
    let folder = CLIRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = folder.appendingPathComponent("s.sqlite").path
    let refused = try CLIRunner.run(["sweep", Self.grid, "--store", store, "--max-events", "1000", "--quiet"])
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("point 0 (horizon.contractYears=1, horizon.warmupYears=0, careTypes.Q.capacity=10, "
      + "funding.lumpsum.base=320000) looks too large: about"), "\(refused.stderr)")
    #expect(refused.stderr.contains("--force"), "\(refused.stderr)")
    #expect(!FileManager.default.fileExists(atPath: store))
    let validate = try CLIRunner.run(["sweep", "validate", Self.grid, "--max-events", "1000"])
    #expect(validate.status == 0)
    #expect(validate.stderr.contains("warning: point 0") && validate.stdout.contains("OK"), "\(validate.stderr)")
    let forced = try CLIRunner.run(["sweep", Self.grid, "--store", store, "--max-events", "1000", "--force", "--quiet"])
    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(forced.stdout.contains("48 of 48 units"))
  }

  static let badFiles: [String] = {
    let folder = fixtures.appendingPathComponent("bad-sweeps")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted().map { folder.appendingPathComponent($0).path }
  }()

  @Test("a bad sweep file exits 2 naming the path and line, for validate and for a run (no store written)", arguments: badFiles)
  func badSweep(file: String) throws {
    let expected = try CLIRunner.expectation(file)
    let folder = CLIRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = folder.appendingPathComponent("s.sqlite").path
    for arguments in [["sweep", "validate", file], ["sweep", file, "--store", store]] {
      CLIRunner.expectRefused(try CLIRunner.run(arguments), file: file, expected)
    }
    #expect(!FileManager.default.fileExists(atPath: store))
  }

}
