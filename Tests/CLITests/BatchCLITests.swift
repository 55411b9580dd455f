import Foundation
import Testing

@Suite("lumpsim batch and budget")
struct BatchCLITests {
  /// The M/M/c scenario cut to one contract year, with a budget that runs out about half the time.
  static let small = [CLIRunner.scenario("validation/mmc.yaml"), "--set", "horizon.contractYears=1",
                      "--set", "funding.lumpsum.base=328000"]

  @Test("1, 2 and 7 threads write byte-identical files")
  func threadIndependence() throws {
    let folders = (0..<3).map { _ in CLIRunner.temporaryFolder() }
    defer { for f in folders { try? FileManager.default.removeItem(at: f) } }
    for (folder, threads) in zip(folders, ["1", "2", "7"]) {
      let output = try CLIRunner.run(["batch"] + Self.small + ["-n", "12", "--threads", threads, "--out", folder.path, "--quiet"])
      #expect(output.status == 0, "\(output.stderr)")
    }
    for file in ["summary.json", "replications.csv", "bands.csv"] {
      let reference = try Data(contentsOf: folders[0].appendingPathComponent(file))
      for folder in folders.dropFirst() {
        #expect(try Data(contentsOf: folder.appendingPathComponent(file)) == reference, "\(file)")
      }
    }
    let rows = try String(contentsOf: folders[0].appendingPathComponent("replications.csv"), encoding: .utf8)
    #expect(rows.split(separator: "\n").count == 1 + 12)
    #expect(rows.hasPrefix("replication,year,budget,spend,payment,result,municipalCost,exhaustionDay"))
    let summary = try #require(try JSONSerialization.jsonObject(
      with: Data(contentsOf: folders[0].appendingPathComponent("summary.json"))) as? [String: Any])
    let years = try #require(summary["years"] as? [[String: Any]])
    let spend = try #require(years[0]["spend"] as? [String: Any])
    for key in ["mean", "ci95Low", "ci95High", "p05", "p25", "p50", "p75", "p95"] { #expect(spend[key] is Double || spend[key] is Int, "\(key)") }
    #expect((years[0]["overspendProbability"] as? [String: Any])?["p"] != nil)
    #expect((years[0]["exhaustedByEndOfMonth"] as? [Any])?.count == 12)
  }

  /// The hidden siblings next to `folder` in which runs build their output sets.
  static func siblings(_ folder: URL) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.deletingLastPathComponent().path)) ?? []
    return names.filter { $0.hasPrefix(".\(folder.lastPathComponent).") }
  }

  @Test("a batch killed with SIGKILL leaves no file behind: an earlier result stays as it was, a new folder stays empty; the next batch removes the killed one's partial folder")
  func killedBatchLeavesNothing() throws {
    let folder = CLIRunner.temporaryFolder()
    let fresh = CLIRunner.temporaryFolder()
    defer {
      try? FileManager.default.removeItem(at: folder)
      try? FileManager.default.removeItem(at: fresh)
    }
    #expect(try CLIRunner.run(["batch"] + Self.small + ["-n", "8", "--out", folder.path, "--quiet"]).status == 0)
    func contents(_ url: URL) -> [String: Data] {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []  // hidden files too
      return Dictionary(uniqueKeysWithValues: names.map { ($0, (try? Data(contentsOf: url.appendingPathComponent($0))) ?? Data()) })
    }
    let before = contents(folder)
    #expect(Set(before.keys) == ["summary.json", "replications.csv", "bands.csv"])
    var generator = SystemRandomNumberGenerator()
    for target in [folder, fresh, folder] {
      let process = Process()
      process.executableURL = CLIRunner.binary
      // Far more replications than can finish: the kill always lands while replications.csv is
      // being written.
      process.arguments = ["batch", CLIRunner.scenario("validation/mmc.yaml"), "-n", "1000000", "--threads", "2",
                           "--out", target.path, "--quiet"]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      Thread.sleep(forTimeInterval: Double.random(in: 0.3...1.5, using: &generator))
      #expect(process.isRunning)
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      if target == folder {
        #expect(contents(folder) == before)
      } else {
        #expect(contents(fresh).isEmpty, "\(contents(fresh).keys.sorted())")
      }
    }
    // The killed runs' partial sets beside the folders go with the next run into each.
    for target in [folder, fresh] {
      #expect(try CLIRunner.run(["batch"] + Self.small + ["-n", "4", "--out", target.path, "--quiet"]).status == 0)
      #expect(Self.siblings(target).isEmpty, "\(Self.siblings(target))")
    }
  }

  @Test("a folder's files are replaced as one set: a folder in the way is refused (exit 2) with the old set whole; the analyst's own files stay")
  func outputSet() throws {
    let folder = CLIRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("mixed")
    // Reproducer D12 (shared/cases/hardening/mixed-output.sh): summary.json and bands.csv used to
    // be replaced before replications.csv failed.
    #expect(try CLIRunner.run(["batch"] + Self.small + ["-n", "5", "--seed", "1", "--out", out.path, "--quiet"]).status == 0)
    try FileManager.default.removeItem(at: out.appendingPathComponent("replications.csv"))
    try FileManager.default.createDirectory(at: out.appendingPathComponent("replications.csv/x"), withIntermediateDirectories: true)
    let summary = try Data(contentsOf: out.appendingPathComponent("summary.json"))
    let bands = try Data(contentsOf: out.appendingPathComponent("bands.csv"))
    let second = try CLIRunner.run(["batch"] + Self.small + ["-n", "5", "--seed", "2", "--out", out.path, "--quiet"])
    #expect(second.status == 2)
    #expect(second.stderr.contains("holds a folder replications.csv where lumpsim writes its file replications.csv"), "\(second.stderr)")
    #expect(second.stderr.contains("nothing was written"))
    #expect(try Data(contentsOf: out.appendingPathComponent("summary.json")) == summary)
    #expect(try Data(contentsOf: out.appendingPathComponent("bands.csv")) == bands)
    #expect(Self.siblings(out).isEmpty)

    // Without the folder in the way, a run replaces the batch's set and keeps the analyst's notes.
    try FileManager.default.removeItem(at: out.appendingPathComponent("replications.csv"))
    try Data("mine\n".utf8).write(to: out.appendingPathComponent("notes.txt"))
    #expect(try CLIRunner.run(["run"] + Self.small + ["--out", out.path]).status == 0)
    let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
    #expect(names == ["monthly.csv", "notes.txt", "summary.json", "years.csv"])
    #expect(Self.siblings(out).isEmpty)

    // A subfolder lumpsim did not write marks a project or home folder: refused before the run.
    try FileManager.default.createDirectory(at: out.appendingPathComponent("drafts"), withIntermediateDirectories: true)
    let compare = try CLIRunner.run(["compare"] + Self.small + ["-n", "2", "--out", out.path, "--quiet"])
    #expect(compare.status == 2 && compare.stderr.contains("holds folders lumpsim did not write (drafts)"), "\(compare.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == (names + ["drafts"]).sorted())
  }

  @Test("with several contracts: per-contract columns, summary and table; identical for 1 and 2 threads")
  func severalContracts() throws {
    let utrecht = [CLIRunner.scenario("utrecht-twee-consortia.yaml"), "--set", "horizon.contractYears=2",
                   "--set", "horizon.warmupYears=0"]
    let folders = (0..<2).map { _ in CLIRunner.temporaryFolder() }
    defer { for f in folders { try? FileManager.default.removeItem(at: f) } }
    for (folder, threads) in zip(folders, ["1", "2"]) {
      let output = try CLIRunner.run(["batch"] + utrecht + ["-n", "6", "--threads", threads, "--out", folder.path])
      #expect(output.status == 0, "\(output.stderr)")
      #expect(output.stdout.contains("at least one of the 2 lumpsums"))
      #expect(output.stdout.contains("koos KOOS") && output.stdout.contains("spoor Spoor030"))
    }
    for file in ["summary.json", "replications.csv", "bands.csv"] {
      #expect(try Data(contentsOf: folders[0].appendingPathComponent(file)) == Data(contentsOf: folders[1].appendingPathComponent(file)))
    }
    let rows = try String(contentsOf: folders[0].appendingPathComponent("replications.csv"), encoding: .utf8)
    let header = rows.split(separator: "\n")[0]
    #expect(header.hasSuffix("budget_koos,spend_koos,result_koos,exhaustionDay_koos,budget_spoor,spend_spoor,result_spoor,exhaustionDay_spoor"))
    #expect(rows.split(separator: "\n").allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == header.split(separator: ",").count })
    let summary = try #require(try JSONSerialization.jsonObject(
      with: Data(contentsOf: folders[0].appendingPathComponent("summary.json"))) as? [String: Any])
    let contracts = try #require(summary["contracts"] as? [[String: Any]])
    #expect(contracts.compactMap { $0["id"] as? String } == ["koos", "spoor"])
    #expect((contracts[0]["years"] as? [Any])?.count == 2)
    let run = try CLIRunner.run(["run"] + utrecht + ["--out", folders[0].path])
    #expect(run.status == 0)
    let perContract = try String(contentsOf: folders[0].appendingPathComponent("contracts.csv"), encoding: .utf8)
    #expect(perContract.split(separator: "\n").count == 1 + 2 * 2)
  }

  @Test("the table opens with a verdict and shows P(overspend) per year")
  func table() throws {
    let output = try CLIRunner.run(["batch"] + Self.small + ["-n", "10", "--quiet"])
    #expect(output.status == 0)
    let first = output.stdout.split(separator: "\n").first ?? ""
    #expect(["Too low", "At risk", "Tight", "Realistic"].contains { first.hasPrefix($0) }, "\(first)")
    #expect(output.stdout.contains("P(overspend)"))
    // The M/M/c scenario's numbers lie far outside the domain's, which it warns of; nothing else.
    #expect(!output.stderr.contains("\r") && !output.stderr.contains("replications/s"), "no progress bar when stderr is not a terminal")
    #expect(output.stderr.split(separator: "\n").allSatisfy { $0.contains(": warning: ") }, "\(output.stderr)")
  }

  @Test("--precision stops when the interval is narrow enough, or at --max-replications", arguments: [
    ("totalResult=1000000", true), ("meanWaitDays=0.0001", false),
  ])
  func precision(target: String, reachable: Bool) throws {
    let output = try CLIRunner.run(["batch"] + Self.small + ["--precision", target, "--max-replications", "200",
                                                             "--format", "json", "--quiet"])
    #expect(output.status == 0, "\(output.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    let stopping = try #require(json["stopping"] as? [String: Any])
    #expect(stopping["reached"] as? Bool == reachable)
    let replications = try #require(json["replications"] as? Int)
    #expect(reachable ? replications == 100 : replications == 200)
  }

  @Test("on a terminal, a progress bar with rate and ETA is drawn and cleared")
  func progressBar() throws {
    // util-linux `script` gives the command a pseudo-terminal, as a person's shell would.
    let command = ([CLIRunner.binary.path, "batch"] + Self.small + ["-n", "30", "--format", "csv", "--threads", "1"])
      .map { "'\($0)'" }.joined(separator: " ")
    let output = try CLIRunner.run(executable: "/usr/bin/script", ["-qec", command, "/dev/null"])
    #expect(output.status == 0, "\(output.stdout)")
    #expect(output.stdout.contains("replications/s"))
    #expect(output.stdout.contains("30/30"))
    #expect(output.stdout.contains("year,budget,spend_mean"))
  }

  @Test("Ctrl-C stops cleanly: exit 130, a clear message, no files and no new folder")
  func interrupt() throws {
    let folder = CLIRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("out")
    let process = Process()
    process.executableURL = CLIRunner.binary
    process.arguments = ["batch", CLIRunner.scenario("validation/mmc.yaml"), "-n", "100000", "--out", out.path]
    let err = Pipe()
    process.standardError = err
    process.standardOutput = Pipe()
    try process.run()
    // Let it get going (the replications file is being written), then interrupt.
    Thread.sleep(forTimeInterval: 1.5)
    process.interrupt()
    let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 130)
    #expect(message.contains("Interrupted after"), "\(message)")
    #expect(message.contains("nothing was written"))
    // No folder: a command that fails into a new folder leaves none, empty or not.
    #expect(!FileManager.default.fileExists(atPath: out.path))
    let left = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    #expect(left.isEmpty, "left behind: \(left)")
  }

  @Test("budget finds a base whose reported overspend meets the target")
  func budget() throws {
    let output = try CLIRunner.run(["budget"] + Self.small + ["--max-overspend-probability", "0.2", "-n", "20",
                                                              "--format", "json"])
    #expect(output.status == 0, "\(output.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    #expect(json["method"] as? String == "order statistic")
    let base = try #require(json["base"] as? Double)
    #expect(base > 300_000 && base < 400_000)
    let years = try #require(json["perYear"] as? [[String: Any]])
    for year in years {
      let p = try #require((year["overspendProbability"] as? [String: Any])?["p"] as? Double)
      #expect(p <= 0.2)
    }
  }

  @Test("compare prints the models side by side and writes its files")
  func compare() throws {
    let folder = CLIRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = try CLIRunner.run(["compare"] + Self.small + ["-n", "6", "--out", folder.path, "--quiet"])
    #expect(output.status == 0, "\(output.stderr)")
    for model in ["lumpsum", "pxq", "output"] { #expect(output.stdout.contains(model)) }
    #expect(output.stdout.contains("Paired differences from lumpsum"))
    let json = try #require(try JSONSerialization.jsonObject(
      with: Data(contentsOf: folder.appendingPathComponent("summary.json"))) as? [String: Any])
    #expect((json["models"] as? [Any])?.count == 3)
    #expect((json["pairedDifferences"] as? [Any])?.count == 2)
    let csv = try String(contentsOf: folder.appendingPathComponent("differences.csv"), encoding: .utf8)
    #expect(csv.hasPrefix("model,reference,scope,year,careType,figure,mean,ci95Low,ci95High\n"))
  }

  @Test("bad batch and budget arguments exit 2", arguments: [
    ["batch", "Scenarios/validation/mmc.yaml"],
    ["batch", "Scenarios/validation/mmc.yaml", "-n", "1"],
    ["batch", "Scenarios/validation/mmc.yaml", "-n", "5", "--threads", "0"],
    ["batch", "Scenarios/validation/mmc.yaml", "--precision", "nonsense=0.1"],
    ["batch", "Scenarios/validation/mmc.yaml", "--precision", "spend=-1"],
    ["batch", "Scenarios/validation/mmc.yaml", "-n", "5", "--format", "xml"],
    ["budget", "Scenarios/validation/mmc.yaml"],
    ["budget", "Scenarios/validation/mmc.yaml", "--max-overspend-probability", "1.5"],
    ["budget", "Scenarios/validation/mmc.yaml", "--max-overspend-probability", "0.1", "--year", "1999"],
    ["compare", "Scenarios/validation/mmc.yaml", "--funding", "lumpsum,barter"],
    ["compare", "Scenarios/validation/mmc.yaml", "--funding", "pxq,pxq"],
    ["compare", "Scenarios/validation/mmc.yaml", "-n", "1"],
  ])
  func badArguments(arguments: [String]) throws {
    let resolved = arguments.map { $0.hasPrefix("Scenarios/") ? CLIRunner.root.appendingPathComponent($0).path : $0 }
    let output = try CLIRunner.run(resolved)
    #expect(output.status == 2, "\(arguments): \(output.status) \(output.stderr)")
    #expect(!output.stderr.isEmpty)
  }
}
