import Experiments
import Foundation
import LumpsimTestSupport
@testable import SweepStore
import Testing
import YouthCare

let root = Repository.root

/// A sweep on the M/M/c scenario cut to one year, from design text.
func sweep(_ design: String, replications: Int = 4) throws -> Sweep {
  try SweepReader.read(yaml: """
    scenario: Scenarios/validation/mmc.yaml
    replications: \(replications)
    seed: 5
    design:
    \(design)
    """) { root.appendingPathComponent($0).path }
}

@Suite("Sweep designs")
struct DesignTests {
  @Test("a grid is every combination, the last parameter varying fastest")
  func grid() throws {
    let s = try sweep("""
        grid:
          careTypes.Q.capacity: [10, 11]
          funding.model: [lumpsum, pxq, output]
      """)
    #expect(s.parameters == ["careTypes.Q.capacity", "funding.model"])
    #expect(s.points == [["10", "lumpsum"], ["10", "pxq"], ["10", "output"], ["11", "lumpsum"], ["11", "pxq"], ["11", "output"]])
    #expect(s.units == 24)
    #expect(try s.scenario(point: 4).funding.model == .pxq)
    #expect(try s.scenario(point: 4).careTypes[0].capacity == 11)
  }

  @Test("a Latin hypercube puts exactly one point in each stratum of every range, reproducibly")
  func latinHypercube() throws {
    let text = """
        latinHypercube:
          points: 20
          seed: 3
          ranges:
            funding.lumpsum.base: [300000, 400000]
            careTypes.Q.capacity: {min: 10, max: 30, integer: true}
      """
    let s = try sweep(text)
    #expect(s.points.count == 20)
    let bases = s.points.map { Double($0[0])! }
    let strata = Set(bases.map { Int(($0 - 300_000) / 100_000 * 20) })
    #expect(strata == Set(0..<20))
    let capacities = s.points.map { Int($0[1])! }
    #expect(capacities.allSatisfy { (10...30).contains($0) })
    #expect(try sweep(text).points == s.points)
    let other = try sweep(text.replacingOccurrences(of: "seed: 3", with: "seed: 4"))
    #expect(other.points != s.points)
  }

  @Test("explicit points keep their order and values, lists included")
  func points() throws {
    let s = try sweep("""
        points:
          - {funding.lumpsum.base: 300000, funding.lumpsum.bookedSavings: [0, 0.05]}
          - {funding.lumpsum.base: 350000, funding.lumpsum.bookedSavings: [0, 0]}
      """)
    #expect(s.points == [["300000", "[0, 0.05]"], ["350000", "[0, 0]"]])
    #expect(try s.scenario(point: 0).contracts[0].lumpsum.bookedSavings == [0, 0.05])
  }

  @Test("the definition names everything that makes the results, and only that")
  func definition() throws {
    let a = try sweep("  grid: {careTypes.Q.capacity: [10, 11]}")
    let b = try sweep("  grid: {careTypes.Q.capacity: [10, 11]}")
    #expect(a.definition == b.definition)
    #expect(a.definition.contains("scenario Scenarios/validation/mmc.yaml"))
    #expect(try sweep("  grid: {careTypes.Q.capacity: [10, 12]}").definition != a.definition)
    #expect(try sweep("  grid: {careTypes.Q.capacity: [10, 11]}", replications: 5).definition != a.definition)
    #expect(Sweep.fingerprint(a.definition).count == 16)
  }

  @Test("shards split the units by remainder, covering each exactly once")
  func shards() {
    let parts = (0..<3).map { Shard(index: $0, count: 3).units(of: 10) }
    #expect(parts == [[0, 3, 6, 9], [1, 4, 7], [2, 5, 8]])
    #expect(Shard(parsing: "2/3") == Shard(index: 2, count: 3))
    #expect(Shard(parsing: "3/3") == nil && Shard(parsing: "-1/3") == nil && Shard(parsing: "1") == nil)
  }
}

@Suite("Sweep store")
struct StoreTests {
  static func temporary() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString).sqlite").path
  }

  func fill(_ store: SweepStore, _ s: Sweep, units: [Int], threads: Int) throws {
    try store.begin()
    var failure: Error?
    try SweepRunner.run(s, units: units, threads: threads) { unit, point, replication, result in
      for problem in checkInvariants(result, s.scenarios[point]) { Issue.record("point \(point), replication \(replication): \(problem)") }
      do { try store.record(unit: unit, point: point, replication: replication, result: result) } catch { failure = error }
      return failure == nil
    }
    try store.commit()
    if let failure { throw failure }
  }

  @Test("written in two sessions or at once, on 1 or 2 threads, a store holds the same rows")
  func resume() throws {
    let s = try sweep("""
        grid:
          horizon.contractYears: [2]
          horizon.warmupYears: [0]
          careTypes.Q.capacity: [10, 11]
      """, replications: 5)
    let whole = Self.temporary(), parts = Self.temporary()
    defer { for p in [whole, parts] { try? FileManager.default.removeItem(atPath: p) } }
    let a = try SweepStore.openForRun(whole, sweep: s, shard: .all)
    try fill(a, s, units: Array(0..<s.units), threads: 1)
    // The first writer must let go (be released) before the store is opened for writing again.
    try fill(try SweepStore.openForRun(parts, sweep: s, shard: .all), s, units: [0, 3, 4, 9], threads: 2)
    let b = try SweepStore.openForRun(parts, sweep: s, shard: .all)
    #expect(try b.doneUnits() == [0, 3, 4, 9])
    try fill(b, s, units: (0..<s.units).filter { ![0, 3, 4, 9].contains($0) }, threads: 2)
    #expect(try a.contentDigest() == b.contentDigest())
    let rows = try a.years()
    #expect(rows.count == s.units * 2)
    #expect(rows.map(\.year).prefix(2) == [2026, 2027])
    // Replication i is the same children at every point: referrals do not depend on capacity.
    let byPoint = Dictionary(grouping: rows) { $0.point }
    #expect(byPoint[0]!.map { $0.value(.referrals) } == byPoint[1]!.map { $0.value(.referrals) })
    // A unit is stored once: recording it again is refused by the key.
    try a.begin()
    #expect(throws: DatabaseError.self) {
      try a.record(unit: 0, point: 0, replication: 0, result: Replication.run(try s.scenario(point: 0), seed: s.seed, replication: 0))
    }
  }

  @Test("opening a store that is not a sweep store, or no store, fails with a message")
  func notAStore() throws {
    let path = Self.temporary()
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(throws: DatabaseError.self) { try SweepStore.open(path) }
    try "not a database".write(toFile: path, atomically: true, encoding: .utf8)
    #expect(throws: DatabaseError.self) { try SweepStore.open(path) }
  }

  @Test("a second writer of a store is refused at once, naming this process; once the first lets go it opens")
  func oneWriter() throws {
    let s = try sweep("  grid: {careTypes.Q.capacity: [10]}", replications: 2)
    let path = Self.temporary()
    defer { for p in [path, path + ".lock"] { try? FileManager.default.removeItem(atPath: p) } }
    var first: SweepStore? = try SweepStore.openForRun(path, sweep: s, shard: .all)
    #expect(FileManager.default.fileExists(atPath: path + ".lock"))
    do throws(DatabaseError) {
      _ = try SweepStore.openForRun(path, sweep: s, shard: .all)
      Issue.record("a second writer was let in")
    } catch {
      #expect(error.kind == .inUse)
      #expect(error.message.contains("is in use by process \(getpid()) (lumpsim sweep); wait for it or stop it"), "\(error.message)")
    }
    // Readers are not writers: status and export read while a sweep writes.
    #expect(try SweepStore.open(path).doneUnits().isEmpty)
    _ = first
    first = nil
    #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
    #expect(try SweepStore.openForRun(path, sweep: s, shard: .all).totalUnits == 2)
  }

  @Test("a store file whose creation never finished (no tables, as a kill left it) is started over by the writer; readers say so")
  func unfinished() throws {
    let s = try sweep("  grid: {careTypes.Q.capacity: [10, 11]}", replications: 2)
    let path = Self.temporary()
    defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
    // What lumpsim 0.1.0 left when killed before its first commit: WAL mode set, no table yet.
    do {
      let database = try Database(path: path, create: true)
      try database.execute("PRAGMA journal_mode=WAL; BEGIN; CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);")
    }
    do throws(DatabaseError) {
      _ = try SweepStore.open(path)
      Issue.record("an unfinished store was opened")
    } catch {
      #expect(error.kind == .refused && error.message.contains("its creation never finished"), "\(error.message)")
    }
    let store = try SweepStore.openForRun(path, sweep: s, shard: .all)
    #expect(store.definition == s.definition && store.points.count == 2)
    #expect(try store.doneUnits().isEmpty)
  }

  @Test("a page of rows copied over another (which quick_check misses) is found: the store is damaged")
  func damaged() throws {
    let s = try sweep("""
        grid:
          horizon.contractYears: [2]
          horizon.warmupYears: [0]
          careTypes.Q.capacity: [10, 11]
      """, replications: 40)
    let path = Self.temporary()
    defer { for p in [path, path + ".lock"] { try? FileManager.default.removeItem(atPath: p) } }
    do {
      let store = try SweepStore.openForRun(path, sweep: s, shard: .all)
      try fill(store, s, units: Array(0..<s.units), threads: 2)
      try store.database.execute("PRAGMA wal_checkpoint(TRUNCATE);")
    }
    // The last two pages are leaves of `years` (written last, in key order): the one before last
    // then repeats rows that also sit where they belong.
    var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    let pages = bytes.count / 4096
    #expect(pages > 8)
    bytes.replaceSubrange((pages - 2) * 4096..<(pages - 1) * 4096, with: bytes[(pages - 1) * 4096..<pages * 4096])
    try bytes.write(to: URL(fileURLWithPath: path))
    do throws(DatabaseError) {
      _ = try SweepStore.open(path)
      Issue.record("a damaged store was opened")
    } catch {
      #expect(error.kind == .damaged)
      #expect(error.message.hasPrefix("store is damaged: '\(path)': "), "\(error.message)")
    }
    #expect(throws: DatabaseError.self) { try SweepStore.openForRun(path, sweep: s, shard: .all) }
  }
}
