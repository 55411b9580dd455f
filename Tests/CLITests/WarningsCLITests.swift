import Foundation
import Testing

/// Every command that reads a scenario warns on stderr and carries on (exit 0); `--strict` refuses
/// (exit 2) after the same lines.
@Suite("Scenario warnings on the command line")
struct WarningsCLITests {
  static let regio = CLIRunner.scenario("regio-midden.yaml")
  static let cheapRO = "1.240 reads as 1.24; did you mean 1240?"

  @Test("a Dutch thousands separator in the file: a warning with file and line, exit 0; --strict exits 2 with the same line")
  func inFile() throws {
    let folder = CLIRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("dutch.yaml").path
    let text = try String(contentsOfFile: Self.regio, encoding: .utf8)
    try text.replacingOccurrences(of: "costPerDay: 220", with: "costPerDay: 1.240").write(toFile: path, atomically: true, encoding: .utf8)
    let line = "\(path):122: warning: careTypes[4].costPerDay: \(Self.cheapRO)"
    let plain = try CLIRunner.run(["validate", path])
    #expect(plain.status == 0 && plain.stdout.contains("OK"))
    #expect(plain.stderr.contains(line), "\(plain.stderr)")
    let strict = try CLIRunner.run(["validate", path, "--strict"])
    #expect(strict.status == 2 && strict.stdout.isEmpty)
    #expect(strict.stderr.contains(line), "\(strict.stderr)")
    #expect(strict.stderr.contains("refused under --strict"))
  }

  @Test("a Dutch thousands separator by --set: 26.000.000 is refused saying so; 1.240 warns, and --strict refuses it")
  func bySet() throws {
    let refused = try CLIRunner.run(["validate", Self.regio, "--set", "funding.lumpsum.base=26.000.000"])
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("funding.lumpsum.base: must be a number: 26.000.000 looks like a Dutch thousands "
      + "separator; write 26000000 (given by --set funding.lumpsum.base=26.000.000)"), "\(refused.stderr)")
    let set = ["--set", "careTypes.RO.costPerDay=1.240"]
    let line = "\(Self.regio): warning: careTypes[4].costPerDay: \(Self.cheapRO)"
    let plain = try CLIRunner.run(["run", Self.regio] + set)
    #expect(plain.status == 0 && !plain.stdout.isEmpty)
    #expect(plain.stderr.contains(line) && plain.stderr.contains("(given by --set careTypes.RO.costPerDay=1.240)"), "\(plain.stderr)")
    let strict = try CLIRunner.run(["run", Self.regio, "--strict"] + set)
    #expect(strict.status == 2 && strict.stdout.isEmpty)
    #expect(strict.stderr.contains(line), "\(strict.stderr)")
  }

  @Test("half the population: places half empty and a warm start twice too large")
  func halvedPopulation() throws {
    let output = try CLIRunner.run(["validate", Self.regio, "--set", "population.youths=27500"])
    #expect(output.status == 0)
    #expect(output.stderr.contains("\(Self.regio):155: warning: initialStock[1]: SA: 1,800 children (1,450 in care + 350 waiting) "
      + "on day 0, but steady state holds about 748 in care at population.youths 27,500"), "\(output.stderr)")
    #expect(output.stderr.contains("warning: careTypes[4].capacity: careTypes[4] (RO): steady-state load of 67.7 places' worth "
      + "(67.7 starts a year × 12 months) fills under half of 145 places: half the places stand empty in steady state"))
  }

  @Test("a care type with too few places: its list grows without bound")
  func overCapacity() throws {
    let output = try CLIRunner.run(["validate", Self.regio, "--set", "careTypes.DT.capacity=60", "--set", "initialStock[2].inCare=60"])
    #expect(output.status == 0)
    #expect(output.stderr.contains("warning: careTypes[2].capacity: careTypes[2] (DT): steady-state load of 124 places' worth "
      + "(124 starts a year × 12 months) exceeds its 60 places: its list grows without bound"), "\(output.stderr)")
  }

  @Test("a cost over 3× the top of its domain range names the range")
  func outsideDomainRange() throws {
    let output = try CLIRunner.run(["validate", Self.regio, "--set", "careTypes.RO.costPerDay=1200"])
    #expect(output.status == 0)
    #expect(output.stderr.contains("warning: careTypes[4].costPerDay: careTypes[4] (RO): costPerDay €1,200 a day is over 3× "
      + "the top of the range for open residential care (RO) in domain.md §3.1 (€150–350 a day)"), "\(output.stderr)")
  }

  @Test("the shipped scenarios print only the expected warnings; --strict passes the clean ones (budget advice is no warning)",
        arguments: [
          ("regio-midden.yaml", ["careTypes[1].capacity"]), ("amersfoort-bsa.yaml", ["careTypes[1].capacity"]),
          ("grote-stad.yaml", []), ("amsterdam-kernpartners.yaml", []), ("utrecht-twee-consortia.yaml", []),
          ("validation/mmc.yaml", ["referralSources", "careTypes[0].duration.mean", "funding.lumpsum.base"]),
        ])
  func shipped(name: String, paths: [String]) throws {
    let output = try CLIRunner.run(["validate", CLIRunner.scenario(name), "--strict"])
    // validate's budget advice ("covers 0.96 of the expected cost") is printed but never fails --strict.
    let warnings = output.stderr.split(separator: "\n").filter { $0.contains(": warning: ") && !$0.contains("the year-1 budget") }
    #expect(warnings.count == paths.count, "\(output.stderr)")
    for (warning, path) in zip(warnings, paths) { #expect(warning.contains(": warning: \(path): "), "\(warning)") }
    #expect(output.status == (paths.isEmpty ? 0 : 2), "\(output.stderr)")
    if paths.isEmpty { #expect(output.stdout.contains("OK")) }
  }

  /// The M/M/c validation scenario, one year: it warns (its numbers are queueing theory's, not youth care's).
  static let mmc = [CLIRunner.scenario("validation/mmc.yaml"), "--set", "horizon.contractYears=1", "--set", "funding.lumpsum.base=328000"]

  @Test("every command that reads a scenario warns and runs; with --strict it exits 2 before running", arguments: [
    ["run"], ["batch", "-n", "2", "--quiet"], ["budget", "--max-overspend-probability", "0.5", "-n", "2"],
    ["compare", "-n", "2"], ["bench", "--runs", "1", "--batch", "2", "--max-threads", "1"], ["validate"],
  ])
  func everyCommand(command: [String]) throws {
    let folder = CLIRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let arguments = [command[0]] + Self.mmc + command.dropFirst()
    let plain = try CLIRunner.run(arguments)
    #expect(plain.status == 0, "\(command): \(plain.stderr)")
    #expect(plain.stderr.contains("warning: careTypes[0].duration.mean: careTypes[0] (Q): mean duration"), "\(plain.stderr)")
    let strict = try CLIRunner.run(arguments + ["--strict"])
    #expect(strict.status == 2 && strict.stdout.isEmpty, "\(command): \(strict.stderr)")
    #expect(strict.stderr.contains("warning: careTypes[0].duration.mean: careTypes[0] (Q): mean duration"))
    #expect(strict.stderr.contains("2 warnings above, refused under --strict"), "\(strict.stderr)")
  }

  @Test("a sweep reports each point's warnings once, at the parameter that causes them; --strict refuses it")
  func sweep() throws {
    let folder = CLIRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let sweep = folder.appendingPathComponent("sweep.yaml").path
    try """
      scenario: \(Self.regio)
      replications: 1
      design:
        grid:
          careTypes.DT.capacity: [135, 250, 300]
      """.write(toFile: sweep, atomically: true, encoding: .utf8)
    let validate = try CLIRunner.run(["sweep", "validate", sweep])
    #expect(validate.status == 0 && validate.stdout.contains("OK"))
    #expect(validate.stderr.contains("\(sweep):5: warning: design.grid.careTypes.DT.capacity: point 1 (careTypes.DT.capacity=250): "
      + "the scenario's careTypes[2].capacity: careTypes[2] (DT): steady-state load of 124 places' worth"), "\(validate.stderr)")
    // The scenario's own warning (SA's places) is not laid at the parameter's door.
    #expect(validate.stderr.contains("\(sweep):5: warning: design.grid: point 0 (careTypes.DT.capacity=135): the scenario's "
      + "careTypes[1].capacity (line 95): careTypes[1] (SA)"), "\(validate.stderr)")
    #expect(validate.stderr.contains("the referral rates (given by --set careTypes.DT.capacity=250) (and 1 more point)"))
    let store = folder.appendingPathComponent("s.sqlite").path
    let strict = try CLIRunner.run(["sweep", "run", sweep, "--store", store, "--strict"])
    #expect(strict.status == 2 && strict.stderr.contains("refused under --strict"), "\(strict.stderr)")
    #expect(!FileManager.default.fileExists(atPath: store))
  }
}
