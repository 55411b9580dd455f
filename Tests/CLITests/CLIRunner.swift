import Foundation
import LumpsimTestSupport
import Testing

/// Runs the built `lumpsim` binary and captures what it prints.
struct CLIRunner {
  struct Output {
    var status: Int32
    var stdout: String
    var stderr: String

    /// Standard error without the plausibility warnings a scenario may print (`FILE:LINE: warning:`).
    var problems: String {
      stderr.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains(": warning: ") }
        .joined(separator: "\n")
    }
  }

  static let root = Repository.root

  /// The binary next to the test bundle (SwiftPM builds both into the same products folder).
  static let binary: URL = {
    let candidates = [
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
      Bundle.main.bundleURL,
      Bundle.main.bundleURL.deletingLastPathComponent(),
    ]
    for folder in candidates {
      let url = folder.appendingPathComponent("lumpsim")
      if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    fatalError("lumpsim binary not found next to the tests (looked in \(candidates.map(\.path)))")
  }()

  static func scenario(_ name: String) -> String {
    root.appendingPathComponent("Scenarios").appendingPathComponent(name).path
  }

  static func run(_ arguments: [String]) throws -> Output {
    try run(executable: binary.path, arguments)
  }

  /// Runs the binary with `environment` added to (or replacing variables of) the tests' own.
  static func run(_ arguments: [String], environment: [String: String]) throws -> Output {
    try run(executable: binary.path, arguments, environment: environment)
  }

  static func run(executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Output {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, given in given }
    }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Both pipes are drained at once, before waiting: read one after the other, a child that
    // fills the second (64 KB of warnings) blocks while the first is waited on, and neither ends.
    nonisolated(unsafe) var stderr = Data()
    let drained = DispatchSemaphore(value: 0)
    let errors = err.fileHandleForReading
    DispatchQueue.global().async {
      stderr = errors.readDataToEndOfFile()
      drained.signal()
    }
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    drained.wait()
    process.waitUntilExit()
    return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                  stderr: String(decoding: stderr, as: UTF8.self))
  }

  /// What a bad-input fixture's first line says to expect: `# expect: PATH[ line N]: MESSAGE`.
  static func expectation(_ file: String) throws -> (path: String, line: String?, message: String) {
    let header = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").first.map(String.init) ?? ""
    guard let match = header.firstMatch(of: /^# expect: (\S+)(?: line (\d+))?: (.*)$/) else {
      throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "\(file) lacks its '# expect:' line"])
    }
    return (String(match.1), match.2.map(String.init), String(match.3))
  }

  /// Checks that a run refused bad input: exit 2, nothing on stdout, the file, line, path and
  /// message the fixture expects on stderr.
  static func expectRefused(_ output: Output, file: String, _ expected: (path: String, line: String?, message: String)) {
    #expect(output.status == 2)
    #expect(output.stdout.isEmpty)
    let location = expected.line.map { "\(file):\($0): " } ?? "\(file)"
    #expect(output.stderr.contains(location), "\(output.stderr)")
    #expect(output.stderr.contains("\(expected.path): "), "\(output.stderr)")
    #expect(output.stderr.contains(expected.message), "\(output.stderr)")
  }

  static func temporaryFolder() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("lumpsim-test-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
