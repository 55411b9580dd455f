import Foundation
import Testing

/// Every shipped scenario's outputs, byte for byte, against digests recorded when the model last
/// changed on purpose (`Tests/Fixtures/goldens/`).
@Suite("Golden outputs of the shipped scenarios")
struct GoldenOutputTests {
  @Test("run --out of every shipped scenario and a regio-midden batch write the recorded bytes")
  func outputsAsRecorded() throws {
    let folder = CLIRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let scenarios = ["amersfoort-bsa", "amsterdam-kernpartners", "grote-stad", "regio-midden", "utrecht-twee-consortia"]
      .map { ($0, CLIRunner.scenario("\($0).yaml")) } + [("mmc", CLIRunner.scenario("validation/mmc.yaml"))]
    for (name, file) in scenarios {
      let run = try CLIRunner.run(["run", file, "--out", folder.appendingPathComponent("run/\(name)").path])
      #expect(run.status == 0, "\(name): \(run.stderr)")
    }
    let batch = try CLIRunner.run(["batch", CLIRunner.scenario("regio-midden.yaml"), "-n", "20", "--threads", "2", "--quiet",
                                   "--out", folder.appendingPathComponent("batch/regio-midden").path])
    #expect(batch.status == 0, "\(batch.stderr)")
    let digests = CLIRunner.root.appendingPathComponent("Tests/Fixtures/goldens/outputs.sha256").path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    process.arguments = ["--check", "--quiet", digests]
    process.currentDirectoryURL = folder
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let report = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "outputs differ from the recorded ones:\n\(report)")
  }
}
