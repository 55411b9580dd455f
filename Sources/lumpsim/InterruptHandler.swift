import Experiments
import Foundation

/// Turns Ctrl-C into a request to stop a batch cleanly instead of killing the process mid-write.
final class InterruptHandler {
  private let source: DispatchSourceSignal
  let flag = StopFlag()

  init() {
    signal(SIGINT, SIG_IGN)
    source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
    let flag = self.flag
    source.setEventHandler { flag.stop() }
    source.resume()
  }

  var interrupted: Bool { flag.isStopped }

  deinit {
    source.cancel()
    signal(SIGINT, SIG_DFL)
  }
}
