import Reports

/// Opens the set of files a command writes into `--out`, before any replication runs, so that a
/// folder lumpsim will not replace is refused at once rather than after an hour of simulation.
func openOutput(_ folder: String?, writing names: [String]) throws -> OutputSet? {
  guard let folder else { return nil }
  do throws(AtomicFile.WriteError) {
    return try OutputSet(folder: folder, writing: names)
  } catch {
    throw error.commandError
  }
}

extension AtomicFile.WriteError {
  /// The error a command throws for this one: a folder lumpsim will not write into as it stands is
  /// bad input (exit 2); anything else is a runtime failure (exit 1).
  var commandError: any Error {
    refused ? BadInput(message: description) : RuntimeFailure(description: "error: \(description)")
  }
}
