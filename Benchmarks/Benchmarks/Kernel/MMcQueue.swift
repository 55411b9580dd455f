import SimKernel
import Stochastics

/// The smallest useful model on the kernel: an M/M/c queue with FIFO waiting and wait statistics.
///
/// It measures the engine itself (calendar, run loop, GSL draws) without the youth-care model,
/// and is the same model a plain C loop would run.
struct MMcQueue: DiscreteEventModel {
  enum Event { case arrival, departure }

  var calendar = EventCalendar<Event>(capacity: 64)
  var now: SimTime = 0
  let stream: RandomStream
  let meanInterarrival: Double
  let meanService: Double
  let servers: Int
  var busy = 0
  var waitingSince: ContiguousArray<Double>
  var head = 0
  var waiting = 0
  var served = 0
  var totalWait = 0.0
  let customers: Int
  var arrived = 0

  init(lambda: Double, mu: Double, servers: Int, customers: Int, seed: UInt64) {
    stream = RandomStream(kind: .mt19937, seed: seed)
    meanInterarrival = 1 / lambda
    meanService = 1 / mu
    self.servers = servers
    self.customers = customers
    waitingSince = ContiguousArray(repeating: 0, count: 4096)  // a power of two: indices wrap with a mask
    calendar.schedule(.arrival, at: stream.exponential(mean: meanInterarrival), class: EventClass(rank: 1))
  }

  mutating func handle(_ event: Event) {
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

  mutating func grow() {
    var larger = ContiguousArray<Double>(repeating: 0, count: waitingSince.count * 2)
    for i in 0..<waiting { larger[i] = waitingSince[(head + i) & (waitingSince.count - 1)] }
    waitingSince = larger
    head = 0
  }
}
