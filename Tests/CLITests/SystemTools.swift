import Foundation
import Testing

/// The machine's tools that CLI tests drive (Chromium, Slurm), checked before a test uses them.
///
/// Tests install nothing: several of them running apt-get at once failed on dpkg's lock on a fresh
/// machine (issue 19 item 7). `scripts/setup.sh` installs every tool before tests run; a test whose
/// tool is missing fails with the command that installs it, through `scripts/dependencies check`,
/// which keeps the one list of packages.
enum SystemTools {
  /// A tool the test needs is not on the PATH; the message names the command that installs it.
  struct Missing: Error, CustomStringConvertible {
    var description: String
  }

  /// What `scripts/dependencies check` says about `tools` (its exit status and message), run with
  /// `path` as the PATH when given.
  static func check(_ tools: [String], path: String? = nil) throws -> CLIRunner.Output {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [CLIRunner.root.appendingPathComponent("scripts/dependencies").path, "check"] + tools
    if let path {
      var environment = ProcessInfo.processInfo.environment
      environment["PATH"] = path
      process.environment = environment
    }
    let err = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = err
    try process.run()
    let message = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLIRunner.Output(status: process.terminationStatus, stdout: "", stderr: String(decoding: message, as: UTF8.self))
  }

  /// Throws `Missing`, which fails the test with the install command, unless every tool is there.
  static func require(_ tools: String...) throws {
    let result = try check(tools)
    guard result.status == 0 else {
      // The script's lines start with "error: ", which the test's failure already says.
      let lines = result.stderr.split(separator: "\n").map { $0.hasPrefix("error: ") ? $0.dropFirst(7) : $0 }
      throw Missing(description: lines.joined(separator: "; "))
    }
  }
}
