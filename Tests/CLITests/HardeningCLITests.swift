import Foundation
import Testing

/// The hardening defects as the command line shows them: exit codes and messages.
@Suite("Hardening at the command line")
struct HardeningCLITests {
  static let fixtures = CLIRunner.root.appendingPathComponent("Tests/Fixtures")
  static let watchdog = "stopped on simulated day 0"

  @Test("D1: run, batch and sweep exit 2 with the watchdog's message when it stops a run before its last year")
  func watchdogBeforeTheLastYear() throws {
    let folder = CLIRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    for name in ["runaway-warmup.yaml", "runaway-2years.yaml"] {
      let file = Self.fixtures.appendingPathComponent("limits/\(name)").path
      let run = try CLIRunner.run(["run", file])
      #expect(run.status == 2 && run.stderr.contains(Self.watchdog), "\(name): \(run.stderr)")
      let batch = try CLIRunner.run(["batch", file, "-n", "4", "--threads", "2", "--quiet"])
      #expect(batch.status == 2 && batch.stderr.contains(Self.watchdog), "\(name): \(batch.stderr)")
    }
    let store = folder.appendingPathComponent("s.sqlite").path
    let sweep = try CLIRunner.run(["sweep", Self.fixtures.appendingPathComponent("limits/runaway-2years-sweep.yaml").path,
                                   "--store", store, "--threads", "1"])
    #expect(sweep.status == 2 && sweep.stderr.contains("point 1") && sweep.stderr.contains(Self.watchdog), "\(sweep.stderr)")
  }

  @Test("D15: --max-memory and --max-events refuse NaN, negative, zero and infinite values with exit 2")
  func limitsMustBeNumbers() throws {
    let mmc = CLIRunner.scenario("validation/mmc.yaml")
    for option in ["--max-memory", "--max-events"] {
      for value in ["nan", "-1", "0", "inf"] {
        // "--option=-1": a bare -1 would be read as an option of its own.
        let output = try CLIRunner.run(["run", mmc, "\(option)=\(value)"])
        #expect(output.status == 2 && output.stderr.contains("\(option) must be a positive finite number"),
                "\(option) \(value): \(output.stderr)")
        #expect(output.stdout.isEmpty)
      }
    }
  }

  @Test("D8: report refuses a summary.json whose figures no lumpsim summary holds, naming the field, exit 2")
  func damagedSummary() throws {
    let folder = CLIRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let batch = folder.appendingPathComponent("batch").path
    let made = try CLIRunner.run(["batch", CLIRunner.scenario("validation/mmc.yaml"), "-n", "4", "--out", batch, "--quiet",
                                  "--set", "horizon.contractYears=2"])
    #expect(made.status == 0, "\(made.stderr)")
    let summary = batch + "/summary.json"
    let original = try String(contentsOfFile: summary, encoding: .utf8)
    let cases: [(find: Regex<Substring>, replace: String, field: String)] = [
      (/"contractYears": 2/, "\"contractYears\": 1e308", "assumptions.contractYears"),
      (/"1": 0/, "\"1\": 1e308", "exhaustionMonth.1"),
      (/"replications": 4/, "\"replications\": -3", "replications"),
    ]
    for item in cases {
      let damaged = original.replacing(item.find, maxReplacements: 1) { _ in item.replace }
      #expect(damaged != original, "the pattern for \(item.field) must match the summary")
      try damaged.write(toFile: summary, atomically: true, encoding: .utf8)
      let output = try CLIRunner.run(["report", batch, "-o", folder.appendingPathComponent("r.html").path])
      #expect(output.status == 2 && output.stderr.contains(item.field), "\(item.field): \(output.stderr)")
      #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("r.html").path))
    }
    try original.write(toFile: summary, atomically: true, encoding: .utf8)
    let fine = try CLIRunner.run(["report", batch, "-o", folder.appendingPathComponent("r.html").path])
    #expect(fine.status == 0, "\(fine.stderr)")
  }

  @Test("D11, D16: an over-large file is refused at once; a missing file, a folder and /dev/null each get their own reason")
  func fileMessages() throws {
    let folder = CLIRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let big = folder.appendingPathComponent("big.yaml").path
    FileManager.default.createFile(atPath: big, contents: Data(repeating: 0x20, count: 5 * 1_048_576))
    let cases: [(file: String, message: String)] = [
      (big, "larger than the 4 MiB a scenario or sweep file may have"),
      (folder.appendingPathComponent("missing.yaml").path, "does not exist"),
      (folder.path, "is a folder"),
      ("/dev/null", "the scenario file is empty"),
    ]
    for item in cases {
      let output = try CLIRunner.run(["validate", item.file])
      #expect(output.status == 2 && output.stderr.contains(item.message), "\(item.file): \(output.stderr)")
    }
  }

  @Test("D16: a dangling link as --out and a folder as -o are refused (exit 2), naming what is wrong")
  func outputPaths() throws {
    let folder = CLIRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let link = folder.appendingPathComponent("results").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/nonexistent/folder")
    let run = try CLIRunner.run(["run", CLIRunner.scenario("validation/mmc.yaml"), "--out", link])
    #expect(run.status == 2 && run.problems.contains("is a link to /nonexistent/folder, which does not exist"), "\(run.stderr)")
    let batch = folder.appendingPathComponent("batch").path
    _ = try CLIRunner.run(["batch", CLIRunner.scenario("validation/mmc.yaml"), "-n", "2", "--out", batch, "--quiet"])
    let report = try CLIRunner.run(["report", batch, "-o", folder.path])
    #expect(report.status == 2 && report.problems.contains("is a folder; give a file name"), "\(report.stderr)")
  }

  @Test("D9: the memory estimate holds: a replication's peak resident memory stays under what validate estimates")
  func peakMemoryUnderTheEstimate() throws {
    let folder = CLIRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // 1,000 care types (the most a scenario may have): dense step matrices of a million numbers.
    let types = (0..<1_000).map { "  - {id: T\($0), capacity: 5, duration: {family: exponential, mean: 30}, costPerDay: 10, transitions: {exit: 0.5, T\(($0 + 1) % 1_000): 0.5}}\n" }
    let yaml = "name: many\nhorizon: {contractYears: 1, warmupYears: 0}\npopulation: {youths: 10000}\nreferralSources:\n"
      + "  - {id: gp, ratePer1000: 20, routing: {T0: 1.0}}\ncareTypes:\n\(types.joined())funding:\n  lumpsum: {base: 2000000}\n"
    let file = folder.appendingPathComponent("many.yaml").path
    try yaml.write(toFile: file, atomically: true, encoding: .utf8)
    let validate = try CLIRunner.run(["validate", file])
    let match = try #require(validate.stdout.firstMatch(of: /and ([0-9.]+) (MiB|GiB) per replication/), "\(validate.stdout)")
    let estimate = Double(match.1)! * (match.2 == "GiB" ? 1_073_741_824 : 1_048_576)
    let (peak, status) = try Self.peakResidentBytes([CLIRunner.binary.path, "run", file])
    #expect(status == 0, "the measured run must finish")
    // Under AddressSanitizer (scripts/sanitize sets ASAN_OPTIONS) the binary's shadow memory adds
    // some 600 MiB that no estimate of lumpsim's own memory covers; the ordinary run checks it.
    let sanitized = ProcessInfo.processInfo.environment["ASAN_OPTIONS"] != nil
    #expect(peak > 0 && (sanitized || peak <= estimate), "peak \(peak / 1_048_576) MiB against an estimate of \(estimate / 1_048_576) MiB")
    // --max-memory below the estimate refuses the run before it starts.
    let refused = try CLIRunner.run(["run", file, "--max-memory", String(estimate / 2 / 1_073_741_824)])
    #expect(refused.status == 2 && refused.stderr.contains("--max-memory"), "\(refused.stderr)")
  }

  /// Runs a program to its end under GNU time and returns its peak resident memory in bytes, and
  /// its exit status.
  ///
  /// Not wait4's usage of a child spawned from here: posix_spawn starts the child in this process's
  /// memory (vfork), and Linux carries that memory's high-water mark over the exec, so the child
  /// "peaked" at the size of the whole test process (642 MiB in CI). GNU time forks from a small
  /// process of its own.
  static func peakResidentBytes(_ arguments: [String]) throws -> (bytes: Double, status: Int32) {
    let time = "/usr/bin/time"
    guard FileManager.default.isExecutableFile(atPath: time) else {
      // The set-up installs it; the check says how.
      let check = try CLIRunner.run(executable: CLIRunner.root.appendingPathComponent("scripts/dependencies").path, ["check", time])
      Issue.record(Comment(rawValue: check.stderr))
      return (0, -1)
    }
    let folder = CLIRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let report = folder.appendingPathComponent("peak").path
    let output = try CLIRunner.run(executable: time, ["-f", "%M", "-o", report] + arguments)
    let kilobytes = Double((try? String(contentsOfFile: report, encoding: .utf8))?
      .split(separator: "\n").last.map(String.init) ?? "") ?? 0
    return (kilobytes * 1024, output.status)
  }
}
