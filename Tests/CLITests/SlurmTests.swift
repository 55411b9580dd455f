import Foundation
import Testing

/// The Slurm integration test: a real one-node cluster on this machine runs a sweep as an array
/// job of 4 shards plus a dependent merge job, and the merged store must hold exactly what a local
/// run holds. It needs root to start the daemons, as CI has (stopped by PID at the end), and
/// slurm-wlm and munge, which `scripts/setup.sh` installs: without them it fails naming the command
/// that installs them, and never installs them itself.
@Suite("Slurm array job", .enabled(if: getuid() == 0, "needs root: starts Slurm's daemons"))
struct SlurmTests {
  /// Runs a script of the project with extra environment through `system(3)`, its output in a
  /// file: the scripts start daemons that detach, which Foundation's `Process` did not reap
  /// reliably here (the test hung on a finished child).
  static func script(_ path: String, _ arguments: [String], environment: [String: String] = [:]) throws -> CLIRunner.Output {
    let log = FileManager.default.temporaryDirectory.appendingPathComponent("slurm-\(UUID().uuidString).log").path
    defer { try? FileManager.default.removeItem(atPath: log) }
    func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
    let variables = environment.map { "\($0)=\(quoted($1))" }.sorted().joined(separator: " ")
    let command = ([variables, "/bin/bash", quoted(CLIRunner.root.appendingPathComponent(path).path)]
      + arguments.map(quoted)).filter { !$0.isEmpty }.joined(separator: " ") + " </dev/null >\(quoted(log)) 2>&1"
    let status = system(command)
    let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
    let code: Int32 = status == -1 ? -1 : (status >> 8) & 0xff
    return CLIRunner.Output(status: code, stdout: output, stderr: output)
  }

  @Test("4 shards as an array job and a merge job give the store a local run gives")
  func arrayJob() throws {
    try SystemTools.require("sbatch", "scontrol", "sinfo", "slurmctld", "slurmd", "munge", "munged")
    let folder = CLIRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let up = try Self.script("scripts/slurm/cluster.sh", ["up"])
    #expect(up.status == 0, "\(up.stderr)")
    defer { _ = try? Self.script("scripts/slurm/cluster.sh", ["down"]) }
    guard up.status == 0 else { return }

    let out = folder.appendingPathComponent("slurm").path
    let submitted = try Self.script(
      "scripts/slurm/sweep-array.sh", [SweepCLITests.grid, "4", out, "--wait"],
      environment: ["LUMPSIM": CLIRunner.binary.path, "SWEEP_WAIT_SECONDS": "600"])
    #expect(submitted.status == 0, "\(submitted.stdout)\n\(submitted.stderr)")
    #expect(submitted.stdout.contains("submitted: shards job"))
    for k in 0..<4 {
      #expect(FileManager.default.fileExists(atPath: "\(out)/shard-\(k).sqlite"), "shard \(k)")
    }
    let merged = "\(out)/results.sqlite"
    let local = folder.appendingPathComponent("local.sqlite").path
    #expect(try CLIRunner.run(["sweep", SweepCLITests.grid, "--store", local]).status == 0)
    #expect(try SweepCLITests.content(merged) == SweepCLITests.content(local))
    let status = try CLIRunner.run(["sweep", "status", merged]).stdout
    #expect(status.contains("done 48 / 48 units") && status.contains("shard 3/4: 12 / 12"))
  }
}
