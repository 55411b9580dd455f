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

  @Test("a ring that doubles many times while customers wait gives the waits of one that never fills")
  func ringGrows() {
    // λ = 20 against c·μ = 10: about 10,000 customers wait when the last arrives. A ring of 4 places
    // doubles twelve times, each time with the queue wrapped around its end; a ring of 16,384
    // never does. Any customer lost or reordered in a doubling changes the total wait.
    var growing = KernelQueue(lambda: 20, mu: 1, servers: 10, customers: 20_000, seed: 9, ring: 4)
    growing.run(until: .infinity)
    var roomy = KernelQueue(lambda: 20, mu: 1, servers: 10, customers: 20_000, seed: 9, ring: 16_384)
    roomy.run(until: .infinity)
    #expect(growing.served == 20_000 && roomy.served == 20_000)
    #expect(growing.totalWait == roomy.totalWait)
    // Customer n arrives at n/20 and starts near n/10 (ten served a day): the waits rise
    // linearly to 1,000 days, a mean of about 500.
    #expect(growing.meanWait > 450 && growing.meanWait < 550, "\(growing.meanWait)")
  }
}
