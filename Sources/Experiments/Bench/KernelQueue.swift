import SimKernel
import Stochastics

/// An M/M/c queue written directly on the kernel: FIFO waiting and the mean wait, nothing else.
///
/// This is the model as a SimPy or Ciw user would write it against their library, and the same
/// model as the plain C loop in `Benchmarks/reference/mmc.c` (same heap discipline, same GSL
/// draws): it measures the engine (calendar, run loop, draws) without the youth-care model's
/// registry, ledger and records. `lumpsim bench --kernel` and `scripts/compare-peers` run it.
public struct KernelQueue: DiscreteEventModel, ~Copyable {
  public enum Event { case arrival, departure }

  public var calendar = EventCalendar<Event>(capacity: 64)
  public var now: SimTime = 0
  let stream: RandomStream
  let meanInterarrival: Double
  let meanService: Double
  let servers: Int
  let customers: Int
  var busy = 0
  /// Arrival times of the waiting customers, a ring whose length is a power of two.
  var waitingSince: ContiguousArray<Double>
  var head = 0
  var waiting = 0
  var arrived = 0
  /// Customers who have started service.
  public private(set) var served = 0
  /// The sum of their waits.
  public private(set) var totalWait = 0.0

  /// The mean wait of the customers served so far.
  public var meanWait: Double { served > 0 ? totalWait / Double(served) : 0 }

  /// A queue with arrival rate `lambda`, service rate `mu` per server and `servers` servers that
  /// admits `customers` customers, drawing from one Mersenne Twister seeded with `seed` (as the
  /// C loop does). The waiting ring starts with `ring` places (a power of two) and doubles when full.
  public init(lambda: Double, mu: Double, servers: Int, customers: Int, seed: UInt64, ring: Int = 4096) {
    precondition(ring > 0 && ring & (ring - 1) == 0, "the ring's length must be a power of two")
    stream = RandomStream(kind: .mt19937, seed: seed)
    meanInterarrival = 1 / lambda
    meanService = 1 / mu
    self.servers = servers
    self.customers = customers
    waitingSince = ContiguousArray(repeating: 0, count: ring)
    calendar.schedule(.arrival, at: stream.exponential(mean: meanInterarrival), class: EventClass(rank: 1))
  }

  public mutating func handle(_ event: Event) {
    switch event {
    case .arrival:
      arrived += 1
      if arrived < customers {
        calendar.schedule(.arrival, at: now + stream.exponential(mean: meanInterarrival), class: EventClass(rank: 1))
      }
      if busy < servers {
        busy += 1
        served += 1
        calendar.schedule(.departure, at: now + stream.exponential(mean: meanService), class: EventClass(rank: 0))
      } else {
        if waiting == waitingSince.count { grow() }
        waitingSince[(head + waiting) & (waitingSince.count - 1)] = now
        waiting += 1
      }
    case .departure:
      if waiting > 0 {
        totalWait += now - waitingSince[head]
        head = (head + 1) & (waitingSince.count - 1)
        waiting -= 1
        served += 1
        calendar.schedule(.departure, at: now + stream.exponential(mean: meanService), class: EventClass(rank: 0))
      } else {
        busy -= 1
      }
    }
  }

  /// Doubles the ring, keeping the waiting customers in order.
  mutating func grow() {
    var larger = ContiguousArray<Double>(repeating: 0, count: waitingSince.count * 2)
    for i in 0..<waiting { larger[i] = waitingSince[(head + i) & (waitingSince.count - 1)] }
    waitingSince = larger
    head = 0
  }
}
