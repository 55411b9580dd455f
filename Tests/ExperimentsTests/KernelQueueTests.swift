import Experiments
import SimKernel
import Testing

/// The M/M/c on the kernel alone (`lumpsim bench --kernel`, the compare-peers kernel row) against
/// queueing theory, as the youth-care engine's M/M/c is in `lumpsim verify`.
@Suite("Kernel queue")
struct KernelQueueTests {
  @Test("the mean wait over 12 seeds covers Erlang C (λ = 9, μ = 1, c = 10) at 99%")
  func erlangC() {
    let waits = (1...12).map { seed in
      var queue = KernelQueue(lambda: 9, mu: 1, servers: 10, customers: 100_000, seed: UInt64(seed))
      queue.run(until: .infinity)
      return queue.meanWait
    }
    let interval = ConfidenceInterval(waits, level: 0.99)
    let theory = QueueingTheory.mmcMeanWait(arrivalRate: 9, serviceRate: 1, servers: 10)
    #expect(interval.covers(theory), "\(interval.low)…\(interval.high) vs Erlang C \(theory)")
  }

  @Test("every customer admitted is served, each giving one arrival and one departure; the same seed gives the same run")
  func conservation() {
    var queue = KernelQueue(lambda: 9, mu: 1, servers: 10, customers: 5_000, seed: 3)
    let events = queue.run(until: .infinity)
    #expect(queue.served == 5_000)
    #expect(events == 10_000)
    var again = KernelQueue(lambda: 9, mu: 1, servers: 10, customers: 5_000, seed: 3)
    again.run(until: .infinity)
    #expect(again.totalWait == queue.totalWait)
  }

  @Test("a queue longer than its first ring (heavy load) keeps its customers in order")
  func ringGrows() {
    // λ = 20 against c·μ = 10: the queue grows past 4,096 and the ring doubles while it holds
    // customers; FIFO waits then sum to the same total as a ring that never wrapped would give.
    var queue = KernelQueue(lambda: 20, mu: 1, servers: 10, customers: 20_000, seed: 9)
    queue.run(until: .infinity)
    #expect(queue.served == 20_000)
    // With arrivals twice the service capacity, the last customers wait about half the run.
    #expect(queue.meanWait > 100)
  }
}
