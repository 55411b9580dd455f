import ArgumentParser
import Foundation
import SimKernel
import SweepStore
import YouthCare

/// `lumpsim`: youth-care demand under lumpsum funding, simulated.
@main
struct Lumpsim: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lumpsim",
    abstract: "Simulate youth-care demand under a lumpsum contract: does the budget last, and how long do children wait?",
    discussion: """
      Exit codes: 0 ok, 1 runtime failure (or a failed check in verify), 2 bad input.
      JSON goes to standard output; progress and problems go to standard error.
      """,
    version: "0.1.0",
    subcommands: [
      Run.self, Batch.self, Budget.self, Compare.self, Report.self, SweepCommand.self, Merge.self, Export.self, Bench.self,
      Validate.self,
      Verify.self,
    ]
  )

  /// Runs the command, mapping every kind of bad input to exit code 2 as the contract says.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let error as ScenarioError {
      printError(error.description)
      Foundation.exit(2)
    } catch let error as BadInput {
      printError("error: \(error.message)")
      Foundation.exit(2)
    } catch let error as Runaway {
      // The watchdog stopped a replication (bench, or any command that passes it on as it is).
      printError("error: \(runawayMessage(error))")
      Foundation.exit(2)
    } catch let error as DatabaseError {
      // A store that does not fit the command is bad input; a damaged, busy or unwritable one is
      // a runtime failure, found wherever it shows (opening, reading, writing).
      printError("error: \(error.message)")
      Foundation.exit(error.kind == .refused ? 2 : 1)
    } catch let error as RuntimeFailure {
      printError(error.description)
      Foundation.exit(error.code)
    } catch {
      let code = exitCode(for: error)
      let message = fullMessage(for: error)
      if code == .success {
        if !message.isEmpty { print(message) }
        Foundation.exit(0)
      }
      if !message.isEmpty { printError(message) }
      // swift-argument-parser reports unusable arguments as 64; lumpsim's contract says 2.
      Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
    }
  }
}

/// Input the user must fix (exit 2).
struct BadInput: Error {
  var message: String
}

/// A runtime failure (exit 1, or 130 after Ctrl-C), such as a file that cannot be written.
struct RuntimeFailure: Error, CustomStringConvertible {
  var description: String
  var code: Int32 = 1
}

func printError(_ text: String) {
  FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}
