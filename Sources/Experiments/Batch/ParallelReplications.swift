import Foundation
import SimKernel
import YouthCare

/// A flag that asks a batch to stop, safe to set from a signal handler's queue.
public final class StopFlag: @unchecked Sendable {
  private let lock = NSLock()
  private var stopped = false

  public init() {}

  /// Asks the batch to stop after the replications already under way.
  public func stop() {
    lock.lock()
    stopped = true
    lock.unlock()
  }

  public var isStopped: Bool {
    lock.lock()
    defer { lock.unlock() }
    return stopped
  }
}

/// Runs replications on several threads and hands the results over strictly in index order.
///
/// Worker threads claim the next index, simulate it and leave the result in a small window; the
/// calling thread takes results out in order and passes them to `consume`. Everything downstream
/// therefore sees replication 0, 1, 2, … whatever the number of threads, which is what makes a
/// batch's output byte-identical for 1 or 64 threads. The window bounds memory: a worker waits when
/// it is too far ahead of the slowest unfinished replication.
public enum ParallelReplications {
  /// Runs replications `first..<first + count` of `scenario` under `seed` on `threads` threads.
  ///
  /// `consume` returns false to stop early (sequential stopping); `stop` stops from outside
  /// (Ctrl-C). Returns the number of replications consumed. A replication the watchdog cut short
  /// holds partial figures: it never reaches `consume`, the batch stops and its `Runaway` is thrown.
  @discardableResult
  public static func run(
    _ scenario: Scenario, seed: UInt64, first: Int = 0, count: Int, threads: Int, stop: StopFlag = StopFlag(),
    consume: (Int, ReplicationResult) -> Bool
  ) throws(Runaway) -> Int {
    try run(first: first, count: count, threads: threads, stop: stop, work: { index in
      Replication.run(scenario, seed: seed, replication: index)
    }, cutShort: { _, result in result.runaway }, consume: consume)
  }

  /// `run(first:count:threads:stop:work:consume:)` for work the watchdog may cut short: an output
  /// for which `cutShort` names an error holds partial figures, so it never reaches `consume`; the
  /// run stops there and throws that error.
  @discardableResult
  public static func run<Output: Sendable, Cut: Error>(
    first: Int = 0, count: Int, threads: Int, stop: StopFlag = StopFlag(),
    work: @escaping @Sendable (Int) -> Output, cutShort: (Int, Output) -> Cut?, consume: (Int, Output) -> Bool
  ) throws(Cut) -> Int {
    var cut: Cut?
    let consumed = run(first: first, count: count, threads: threads, stop: stop, work: work, consume: { index, output in
      if let error = cutShort(index, output) {
        cut = error
        return false
      }
      return consume(index, output)
    })
    if let cut { throw cut }
    return consumed
  }

  /// Runs `work` for indices `first..<first + count` on `threads` threads and passes the results
  /// to `consume` in index order. `work` must depend on its index only.
  @discardableResult
  public static func run<Output: Sendable>(
    first: Int = 0, count: Int, threads: Int, stop: StopFlag = StopFlag(),
    work: @escaping @Sendable (Int) -> Output, consume: (Int, Output) -> Bool
  ) -> Int {
    precondition(threads >= 1, "at least one thread")
    guard count > 0 else { return 0 }
    let state = SharedState<Output>(first: first, end: first + count, window: max(4, threads * 4))
    let workers = min(threads, count)
    // Counted before they start, so `finish` cannot miss a worker that has not begun yet.
    state.running = workers
    for _ in 0..<workers {
      let thread = Thread { state.work(work, stop: stop) }
      thread.stackSize = 8 << 20
      thread.start()
    }
    var consumed = 0
    while let (index, result) = state.next(stop: stop) {
      consumed += 1
      if !consume(index, result) { break }
    }
    state.finish()
    return consumed
  }

  /// What the workers and the consumer share, behind one condition variable.
  final class SharedState<Output: Sendable>: @unchecked Sendable {
    let condition = NSCondition()
    let end: Int
    let window: Int
    var nextToClaim: Int
    var nextToDeliver: Int
    var ready: [Int: Output] = [:]
    var running = 0
    var finished = false

    init(first: Int, end: Int, window: Int) {
      nextToClaim = first
      nextToDeliver = first
      self.end = end
      self.window = window
    }

    func work(_ body: (Int) -> Output, stop: StopFlag) {
      while true {
        condition.lock()
        while !finished && nextToClaim < end && nextToClaim - nextToDeliver >= window && !stop.isStopped {
          condition.wait()
        }
        if finished || nextToClaim >= end || stop.isStopped {
          running -= 1
          condition.broadcast()
          condition.unlock()
          return
        }
        let index = nextToClaim
        nextToClaim += 1
        condition.unlock()
        let result = body(index)
        condition.lock()
        ready[index] = result
        condition.broadcast()
        condition.unlock()
      }
    }

    /// The next result in index order; nil when all are delivered or the batch was stopped.
    func next(stop: StopFlag) -> (Int, Output)? {
      condition.lock()
      defer { condition.unlock() }
      while true {
        if nextToDeliver >= end { return nil }
        if let result = ready.removeValue(forKey: nextToDeliver) {
          let index = nextToDeliver
          nextToDeliver += 1
          condition.broadcast()
          return (index, result)
        }
        if stop.isStopped && running == 0 { return nil }
        if stop.isStopped && nextToDeliver >= nextToClaim { return nil }
        _ = condition.wait(until: Date(timeIntervalSinceNow: 0.05))
      }
    }

    /// Tells workers to stop and waits until none is running.
    func finish() {
      condition.lock()
      finished = true
      condition.broadcast()
      while running > 0 { condition.wait() }
      condition.unlock()
    }
  }
}
