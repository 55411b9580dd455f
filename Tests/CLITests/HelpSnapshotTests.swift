import Foundation
import Testing

/// The help of every command, the whole text exactly, against the snapshots in
/// `Tests/Fixtures/help/` — as swift-argument-parser tests its own help (`AssertHelp` compares the
/// full generated text of a command with the expected one).
///
/// Run with `LUMPSIM_RECORD_HELP=1` to write the snapshots anew; the diff is then the change to
/// the CLI's contract, reviewed like any other.
@Suite("Help text of every command")
struct HelpSnapshotTests {
  /// Every command, as the words after `lumpsim` that name it; `[]` is `lumpsim` itself.
  /// `everyCommandHasASnapshot` fails when a command is added without being listed here.
  static let commands: [[String]] = [
    [],
    ["run"], ["batch"], ["budget"], ["compare"], ["report"],
    ["sweep"], ["sweep", "run"], ["sweep", "validate"], ["sweep", "status"],
    ["merge"], ["export"], ["bench"], ["validate"], ["verify"],
  ]

  static let folder = CLIRunner.root.appendingPathComponent("Tests/Fixtures/help")

  static var recording: Bool { ProcessInfo.processInfo.environment["LUMPSIM_RECORD_HELP"] == "1" }

  /// swift-argument-parser wraps help to `COLUMNS` (and asks the terminal only when `COLUMNS` or
  /// `LINES` is missing, falling back to 80 × 25 on a pipe); both are fixed so the width the tests
  /// run in cannot change the text.
  static let environment = ["COLUMNS": "80", "LINES": "25"]

  /// The snapshot's file name: `lumpsim.txt` for the root, `sweep-run.txt` for `lumpsim sweep run`.
  static func snapshotName(_ command: [String]) -> String {
    (command.isEmpty ? "lumpsim" : command.joined(separator: "-")) + ".txt"
  }

  /// What `lumpsim COMMAND --help` prints; it must succeed and print nothing else.
  static func help(_ command: [String]) throws -> String {
    let output = try CLIRunner.run(command + ["--help"], environment: environment)
    #expect(output.status == 0, "\(command.joined(separator: " ")) --help: exit \(output.status)")
    #expect(output.stderr.isEmpty, "\(command.joined(separator: " ")) --help: \(output.stderr)")
    return output.stdout
  }

  /// The subcommands a help text lists: the first word of each entry of its SUBCOMMANDS section
  /// (an entry starts two spaces in; a wrapped abstract continues further in).
  static func subcommands(in help: String) -> [String] {
    let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
    guard let start = lines.firstIndex(of: "SUBCOMMANDS:") else { return [] }
    return lines[(start + 1)...].prefix { !$0.isEmpty }.compactMap { line in
      line.firstMatch(of: /^  (\S+)/).map { String($0.1) }
    }
  }

  @Test("every command's --help prints its snapshot exactly", arguments: commands)
  func helpAsRecorded(_ command: [String]) throws {
    let name = Self.snapshotName(command)
    let file = Self.folder.appendingPathComponent(name)
    let printed = try Self.help(command)
    if Self.recording {
      try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
      try printed.write(to: file, atomically: true, encoding: .utf8)
      return
    }
    guard let recorded = try? String(contentsOf: file, encoding: .utf8) else {
      Issue.record("no snapshot \(name): record it with LUMPSIM_RECORD_HELP=1 and review it")
      return
    }
    #expect(printed == recorded, "\(name): \(Self.firstDifference(printed, recorded)); if the change is meant, record anew with LUMPSIM_RECORD_HELP=1")
  }

  @Test("lumpsim help COMMAND prints what COMMAND --help does", arguments: commands.filter { !$0.isEmpty })
  func helpCommandAgrees(_ command: [String]) throws {
    let output = try CLIRunner.run(["help"] + command, environment: Self.environment)
    let help = try Self.help(command)
    #expect(output.status == 0)
    #expect(output.stdout == help, "lumpsim help \(command.joined(separator: " ")): \(Self.firstDifference(output.stdout, help))")
  }

  @Test("the commands listed, the commands the help lists, and the snapshots are the same")
  func everyCommandHasASnapshot() throws {
    // Every command reachable from lumpsim's help, breadth first.
    var found: [[String]] = []
    var pending: [[String]] = [[]]
    while !pending.isEmpty {
      let command = pending.removeFirst()
      found.append(command)
      pending += Self.subcommands(in: try Self.help(command)).map { command + [$0] }
    }
    let listed = Set(Self.commands)
    let reachable = Set(found)
    #expect(reachable.subtracting(listed).isEmpty,
            "commands without a snapshot: \(reachable.subtracting(listed).map { $0.joined(separator: " ") }.sorted()); add them to HelpSnapshotTests.commands and record")
    #expect(listed.subtracting(reachable).isEmpty,
            "listed commands lumpsim no longer has: \(listed.subtracting(reachable).map { $0.joined(separator: " ") }.sorted())")
    guard !Self.recording else { return }
    let files = Set(try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".txt") })
    let expected = Set(Self.commands.map(Self.snapshotName))
    #expect(expected.subtracting(files).isEmpty, "snapshots missing: \(expected.subtracting(files).sorted())")
    #expect(files.subtracting(expected).isEmpty, "snapshots of no command: \(files.subtracting(expected).sorted())")
  }

  /// Where two texts first differ, by line, so a failure says which option changed.
  static func firstDifference(_ printed: String, _ recorded: String) -> String {
    let a = printed.split(separator: "\n", omittingEmptySubsequences: false)
    let b = recorded.split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(a.count, b.count) where index >= a.count || index >= b.count || a[index] != b[index] {
      let shown = { (lines: [Substring]) in index < lines.count ? "\"\(lines[index])\"" : "(none)" }
      return "line \(index + 1) prints \(shown(a)), the snapshot has \(shown(b))"
    }
    return "no line differs"
  }
}
