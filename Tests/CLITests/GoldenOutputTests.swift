import Foundation
import Testing

/// Every output lumpsim writes for the shipped scenarios, byte for byte, against digests recorded
/// when the model or an output last changed on purpose (`Tests/Fixtures/goldens/`).
///
/// Run with `LUMPSIM_RECORD_GOLDENS=1` to record the digests anew (a change that means to change
/// an output does so, and its note says which files changed and why).
@Suite("Golden outputs of the shipped scenarios")
struct GoldenOutputTests {
  static let scenarios = ["amersfoort-bsa", "amsterdam-kernpartners", "grote-stad", "regio-midden", "utrecht-twee-consortia"]
    .map { ($0, CLIRunner.scenario("\($0).yaml")) } + [("mmc", CLIRunner.scenario("validation/mmc.yaml"))]
  static let digests = CLIRunner.root.appendingPathComponent("Tests/Fixtures/goldens/outputs.sha256")

  @Test("run, batch, compare, budget, sweep, export and report write the recorded bytes for the shipped scenarios")
  func outputsAsRecorded() throws {
    let folder = CLIRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let golden = GoldenFolder(root: folder)
    for (name, file) in Self.scenarios {
      try golden.run(["run", file, "--out", golden.path("run/\(name)")])
      // wallSeconds is the one figure of the JSON that is not the model's.
      try golden.run(["run", file, "--format", "json"], stdout: "stdout/run-\(name).json",
                     dropping: { $0.contains("\"wallSeconds\"") })
      let replications = name == "regio-midden" ? "20" : "4"
      try golden.run(["batch", file, "-n", replications, "--threads", "2", "--quiet", "--out", golden.path("batch/\(name)")],
                     stdout: "stdout/batch-\(name).txt")
      try golden.run(["report", golden.path("batch/\(name)"), "-o", golden.path("reports/batch-\(name).html")])
    }
    for name in ["amersfoort-bsa", "regio-midden"] {
      let file = CLIRunner.scenario("\(name).yaml")
      try golden.run(["compare", file, "-n", "4", "--threads", "2", "--out", golden.path("compare/\(name)")],
                     stdout: "stdout/compare-\(name).txt")
      try golden.run(["report", golden.path("compare/\(name)"), "-o", golden.path("reports/compare-\(name).html")])
    }
    let amersfoort = CLIRunner.scenario("amersfoort-bsa.yaml")
    try golden.run(["budget", amersfoort, "--max-overspend-probability", "0.2", "-n", "10", "--threads", "2"],
                   stdout: "stdout/budget-amersfoort-bsa.txt")
    try golden.run(["budget", amersfoort, "--max-overspend-probability", "0.2", "-n", "10", "--threads", "2", "--format", "json"],
                   stdout: "stdout/budget-amersfoort-bsa.json")
    let sweep = CLIRunner.root.appendingPathComponent("Tests/Fixtures/goldens/sweep-regio-midden.yaml").path
    let store = folder.appendingPathComponent("regio-midden.sqlite").path
    try golden.run(["sweep", "run", sweep, "--store", store, "--threads", "2", "--quiet"])
    try golden.run(["export", store, "-o", golden.path("sweep/points.csv")])
    try golden.run(["export", store, "--per", "replication", "-o", golden.path("sweep/replications.csv")])
    try golden.run(["export", store, "--format", "json", "-o", golden.path("sweep/points.json")])
    try golden.run(["report", store, "-o", golden.path("reports/sweep-regio-midden.html")])
    try FileManager.default.removeItem(atPath: store)

    if ProcessInfo.processInfo.environment["LUMPSIM_RECORD_GOLDENS"] == "1" {
      try golden.digestLines().joined(separator: "\n").appending("\n").write(to: Self.digests, atomically: true, encoding: .utf8)
      return
    }
    let recorded = try String(contentsOf: Self.digests, encoding: .utf8).split(separator: "\n").map(String.init)
    let written = try golden.digestLines()
    let recordedFiles = Set(recorded.map { String($0.split(separator: " ").last ?? "") })
    let writtenFiles = Set(written.map { String($0.split(separator: " ").last ?? "") })
    #expect(writtenFiles.subtracting(recordedFiles).isEmpty, "outputs with no recorded digest")
    #expect(recordedFiles.subtracting(writtenFiles).isEmpty, "recorded outputs no longer written")
    let differing = Set(written).subtracting(recorded).map { $0.split(separator: " ").last ?? "" }.sorted()
    #expect(differing.isEmpty, "outputs differ from the recorded ones: \(differing.joined(separator: ", "))")
  }
}

/// A folder the golden commands write into, and the SHA-256 digests of what it holds.
private struct GoldenFolder {
  let root: URL

  func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

  /// Runs one command, which must succeed; what it prints, less the lines `dropping` names and
  /// with its timings masked (`0.9 s`, `66.3 ms`, `(11 per second)`), goes to the file `stdout`
  /// when given.
  func run(_ arguments: [String], stdout: String? = nil, dropping: (Substring) -> Bool = { _ in false }) throws {
    let output = try CLIRunner.run(arguments)
    #expect(output.status == 0, "\(arguments.joined(separator: " ")): \(output.problems)")
    guard let stdout else { return }
    let kept = output.stdout.split(separator: "\n", omittingEmptySubsequences: false).filter { !dropping($0) }
      .map { $0.replacing(/\d+(\.\d+)? m?s\b( \([\d,.]+ per second\))?/, with: "TIME") }
    let file = root.appendingPathComponent(stdout)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try kept.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
  }

  /// `sha256sum` lines (`DIGEST  PATH`) of every file under the folder, sorted by path.
  func digestLines() throws -> [String] {
    let files = (FileManager.default.subpaths(atPath: root.path) ?? [])
      .filter { var folder: ObjCBool = false; return FileManager.default.fileExists(atPath: path($0), isDirectory: &folder) && !folder.boolValue }
      .sorted()
    let output = try CLIRunner.run(executable: "/usr/bin/sha256sum", files.map(path))
    #expect(output.status == 0, "\(output.stderr)")
    let prefix = root.path + "/"
    return output.stdout.split(separator: "\n").map { $0.replacingOccurrences(of: prefix, with: "") }
  }
}
