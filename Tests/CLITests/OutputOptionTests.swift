import Foundation
import Testing

/// One spelling for where a command writes: `-o`/`--out` everywhere, `--output` kept as an alias.
@Suite("Output options")
struct OutputOptionTests {
  @Test("run, batch and compare write their folder under -o, --out and --output alike")
  func folderSpellings() throws {
    let folder = CLIRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let mmc = CLIRunner.scenario("validation/mmc.yaml")
    for (index, spelling) in ["-o", "--out", "--output"].enumerated() {
      let run = folder.appendingPathComponent("run\(index)")
      let ran = try CLIRunner.run(["run", mmc, spelling, run.path])
      #expect(ran.status == 0, "\(spelling): \(ran.problems)")
      #expect(FileManager.default.fileExists(atPath: run.appendingPathComponent("years.csv").path), "\(spelling)")
      let batch = folder.appendingPathComponent("batch\(index)")
      let batched = try CLIRunner.run(["batch", mmc, "-n", "2", "--quiet", spelling, batch.path])
      #expect(batched.status == 0, "\(spelling): \(batched.problems)")
      #expect(FileManager.default.fileExists(atPath: batch.appendingPathComponent("bands.csv").path), "\(spelling)")
    }
    let compare = folder.appendingPathComponent("compare")
    let compared = try CLIRunner.run(["compare", mmc, "-n", "2", "-o", compare.path])
    #expect(compared.status == 0, "\(compared.problems)")
    #expect(FileManager.default.fileExists(atPath: compare.appendingPathComponent("differences.csv").path))
  }

  @Test("export and report write their file under -o, --out and --output alike, the same bytes each time")
  func fileSpellings() throws {
    let folder = CLIRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = folder.appendingPathComponent("grid.sqlite").path
    let sweep = CLIRunner.root.appendingPathComponent("Tests/Fixtures/sweeps/small-grid.yaml").path
    let swept = try CLIRunner.run(["sweep", "run", sweep, "--store", store, "--quiet"])
    #expect(swept.status == 0, "\(swept.problems)")
    for (command, suffix) in [("export", "csv"), ("report", "html")] {
      var written: [Data] = []
      for (index, spelling) in ["-o", "--out", "--output"].enumerated() {
        let file = folder.appendingPathComponent("\(command)\(index).\(suffix)")
        let output = try CLIRunner.run([command, store, spelling, file.path])
        #expect(output.status == 0, "\(command) \(spelling): \(output.problems)")
        written.append(try Data(contentsOf: file))
      }
      #expect(Set(written).count == 1 && !written[0].isEmpty, "\(command)")
    }
  }
}
