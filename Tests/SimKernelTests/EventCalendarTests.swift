import SimKernel
import Testing

@Suite("Event calendar")
struct EventCalendarTests {
  @Test("events come out by time, then class, then scheduling order")
  func ordering() {
    var calendar = EventCalendar<String>()
    let early = EventClass(rank: 0), late = EventClass(rank: 2)
    calendar.schedule("c-late", at: 5, class: late)
    calendar.schedule("a", at: 1, class: late)
    calendar.schedule("c-early-1", at: 5, class: early)
    calendar.schedule("c-early-2", at: 5, class: early)
    calendar.schedule("b", at: 3, class: late)
    var out: [String] = []
    while let e = calendar.removeNext() { out.append(e.payload) }
    #expect(out == ["a", "b", "c-early-1", "c-early-2", "c-late"])
  }

  @Test("a random schedule comes out sorted and stable, also through replaceNext")
  func randomSchedule() {
    var calendar = EventCalendar<Int>(capacity: 4)
    var generator = SplitMix(seed: 9)
    var expected: [(Double, UInt8, Int)] = []
    for i in 0..<5_000 {
      let time = Double(generator.next() % 100)
      let rank = UInt8(generator.next() % 3)
      calendar.schedule(i, at: time, class: EventClass(rank: rank))
      expected.append((time, rank, i))
    }
    expected.sort { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
    var out: [Int] = []
    while let e = calendar.removeNext() { out.append(e.payload) }
    #expect(out == expected.map(\.2))

    // Hold pattern: the removed entry is always the minimum, and the calendar keeps its size.
    for i in 0..<100 { calendar.schedule(i, at: Double(i), class: EventClass(rank: 0)) }
    var last = -1.0
    for i in 0..<1_000 {
      let removed = calendar.replaceNext(with: 100 + i, at: Double(100 + i), class: EventClass(rank: 0))
      #expect(removed.time >= last)
      last = removed.time
    }
    #expect(calendar.count == 100)
  }

  @Test("times over the whole range of doubles come out in the order of the doubles")
  func wholeRange() {
    // The calendar compares a time's bits: check −0, subnormals, huge times and infinity.
    let times: [Double] = [.infinity, 1e300, 0, 5e-324, -0.0, 1, .greatestFiniteMagnitude, 2.2250738585072014e-308, 1e-300, 0.5]
    var calendar = EventCalendar<Int>()
    for (i, time) in times.enumerated() { calendar.schedule(i, at: time, class: EventClass(rank: 0)) }
    var out: [Int] = []
    while let e = calendar.removeNext() { out.append(e.payload) }
    // −0 and 0 are the same time, so they keep their scheduling order (0 was scheduled first).
    let expected = times.indices.sorted { (times[$0], $0) < (times[$1], $1) }
    #expect(out == expected)
    #expect(out.prefix(2) == [2, 4])
  }

  @Test("an event before time 0 or at NaN is refused")
  func refusesNegativeTimes() async {
    await #expect(processExitsWith: .failure) {
      var calendar = EventCalendar<Int>()
      calendar.schedule(0, at: -1, class: EventClass(rank: 0))
    }
    await #expect(processExitsWith: .failure) {
      var calendar = EventCalendar<Int>()
      calendar.schedule(0, at: .nan, class: EventClass(rank: 0))
    }
  }

  @Test("the run loop stops at the horizon, handles events at it, and leaves now there")
  func runLoop() {
    var model = Ticker(period: 1.5)
    model.calendar.schedule(.tick, at: 0, class: EventClass(rank: 0))
    let handled = model.run(until: 6)
    #expect(handled == 5)  // 0, 1.5, 3, 4.5, 6
    #expect(model.ticks == [0, 1.5, 3, 4.5, 6])
    #expect(model.now == 6)
    #expect(model.calendar.count == 1)
    let more = model.run(until: 10)
    #expect(more == 2)  // 7.5, 9
    #expect(model.now == 10)
  }
}

struct Ticker: DiscreteEventModel, ~Copyable {
  enum Event { case tick }
  var calendar = EventCalendar<Event>()
  var now: SimTime = 0
  var ticks: [Double] = []
  let period: Double

  init(period: Double) { self.period = period }

  mutating func handle(_ event: Event) {
    ticks.append(now)
    calendar.schedule(.tick, at: now + period, class: EventClass(rank: 0))
  }
}

struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

@Suite("Event calendar hold step")
struct HoldStepTests {
  @Test("remove-then-schedule gives the same order as a plain heap, with counts kept right")
  func holdMatchesReference() {
    var calendar = EventCalendar<Int>()
    var reference: [(Double, Int)] = []
    var generator = SplitMix(seed: 3)
    var serial = 0
    for _ in 0..<200 {
      let t = Double(generator.next() % 1000)
      calendar.schedule(serial, at: t, class: EventClass(rank: 0))
      reference.append((t, serial))
      serial += 1
    }
    var out: [Int] = []
    var expected: [Int] = []
    for step in 0..<5_000 {
      reference.sort { ($0.0, $0.1) < ($1.0, $1.1) }
      let first = reference.removeFirst()
      expected.append(first.1)
      let e = calendar.removeNext()!
      out.append(e.payload)
      #expect(calendar.count == reference.count)
      // Schedule zero, one or two new events, as handlers do.
      for _ in 0..<(step % 3) {
        let t = e.time + Double(generator.next() % 50)
        calendar.schedule(serial, at: t, class: EventClass(rank: 0))
        reference.append((t, serial))
        serial += 1
      }
      if reference.isEmpty { break }
    }
    #expect(out == expected)
  }
}
