import Foundation

/// A progress bar with rate and ETA on standard error, drawn only when it is a terminal.
final class ProgressBar {
  let total: Int
  let enabled: Bool
  let started = ContinuousClock.now
  var lastDrawn = ContinuousClock.now - .seconds(1)

  init(total: Int, quiet: Bool) {
    self.total = total
    enabled = !quiet && isatty(STDERR_FILENO) == 1
  }

  /// Redraws at most ten times a second.
  func update(done: Int) {
    guard enabled else { return }
    let now = ContinuousClock.now
    guard now - lastDrawn >= .milliseconds(100) || done == total else { return }
    lastDrawn = now
    let elapsed = seconds(now - started)
    let rate = elapsed > 0 ? Double(done) / elapsed : 0
    let width = 30
    let filled = total > 0 ? min(width, done * width / total) : width
    let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    var line = "\r\(bar) \(done)/\(total) · \(Int(rate)) replications/s"
    if rate > 0 && done < total { line += " · ETA \(Int((Double(total - done) / rate).rounded(.up))) s" }
    FileHandle.standardError.write(Data((line + "   ").utf8))
  }

  /// Clears the bar's line.
  func finish() {
    guard enabled else { return }
    FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: 80) + "\r").utf8))
  }
}

func seconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}
