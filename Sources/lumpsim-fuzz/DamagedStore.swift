import Experiments
import Foundation
import Reports
import SweepStore
import YouthCare

/// Damaged sweep stores for the fuzzer: a small real store, made once, with the fuzzed bytes
/// written over it at a place the bytes choose; opened, reported and exported as `report` and
/// `export` would. A store must give its figures or a `DatabaseError`, never a crash.
final class DamagedStore {
  /// The pristine store's bytes.
  let pristine: [UInt8]
  /// Where each damaged copy is written (one file per process: libFuzzer runs inputs one by one).
  let path: String

  /// Makes a store of two points × two replications of a one-year M/M/c at `scenario`.
  init?(scenario: String) {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("lumpsim-fuzz-\(getpid())").path
    let made = base + "-pristine.sqlite"
    path = base + "-damaged.sqlite"
    // Only the bytes are kept: the made store and its lock go once read.
    defer {
      for suffix in ["", "-wal", "-shm", "-journal", ".lock"] { try? FileManager.default.removeItem(atPath: made + suffix) }
    }
    let yaml = "scenario: mmc.yaml\nreplications: 2\nseed: 1\ndesign:\n  grid:\n    horizon.contractYears: [1]\n"
      + "    careTypes.Q.capacity: [10, 12]\n"
    guard let sweep = try? SweepReader.read(yaml: yaml, resolve: { _ in scenario }),
      let store = try? SweepStore.openForRun(made, sweep: sweep, shard: .all)
    else { return nil }
    do {
      try store.begin()
      for unit in 0..<sweep.units {
        let point = unit / sweep.replications, replication = unit % sweep.replications
        let result = Replication.run(try sweep.scenario(point: point), seed: sweep.seed, replication: replication)
        try store.record(unit: unit, point: point, replication: replication, result: result)
      }
      try store.commit()
    } catch {
      return nil
    }
    // Closing the store checkpoints its log into the file, so the bytes hold every unit.
    _ = consume store
    guard let bytes = FileManager.default.contents(atPath: made) else { return nil }
    pristine = [UInt8](bytes)
    // Undamaged, the copy must read whole, or every damaged one would be refused for nothing.
    let whole = FileManager.default.createFile(atPath: path, contents: bytes)
      && (try? SweepStore.open(path).doneUnits().count) == sweep.units
    for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    guard whole else { return nil }
  }

  /// Writes the store with `data` over it (its first four bytes choose where) and reads it back.
  func check(_ data: Data) {
    guard data.count > 4, !pristine.isEmpty else { return }
    var bytes = pristine
    let offset = Int(data.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }) % bytes.count
    for (i, byte) in data.dropFirst(4).enumerated() where offset + i < bytes.count { bytes[offset + i] = byte }
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { return }
    defer {
      for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
    do {
      let store = try SweepStore.open(path)
      _ = try store.progress()
      _ = try store.contentDigest()
      _ = try SweepExport.replicationsCSV(store)
      if let report = try? SweepReport.load(store, x: nil, y: nil, year: nil) {
        for language in ReportLanguage.allCases { _ = SweepReport.html(report, language: language) }
      }
    } catch {
      precondition(!error.message.isEmpty, "a refused store must say why")
    }
  }
}
