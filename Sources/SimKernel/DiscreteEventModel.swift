/// A model the run loop can drive: it owns its calendar and reacts to one event at a time.
///
/// The loop is generic, not existential: `run(until:)` is specialised for each concrete model,
/// so dispatching an event is a direct call into the model's `switch`.
public protocol DiscreteEventModel: ~Copyable {
  /// What an event carries; a small enum in practice.
  associatedtype Event

  /// The pending events.
  var calendar: EventCalendar<Event> { get set }

  /// The current simulation time (the time of the event being handled).
  var now: SimTime { get set }

  /// Reacts to `event`, which happens at `now`.
  mutating func handle(_ event: Event)
}

extension DiscreteEventModel where Self: ~Copyable {
  /// Runs events in order until the next one would fall after `horizon` or none is left.
  ///
  /// Leaves `now` at `horizon` (time has passed up to it even without events) and returns the
  /// number of events handled. Events exactly at the horizon are handled.
  @inlinable
  @discardableResult
  public mutating func run(until horizon: SimTime) -> Int {
    var handled = 0
    while let entry = calendar.removeNext(through: horizon) {
      now = entry.time
      handle(entry.payload)
      handled &+= 1
    }
    if now < horizon { now = horizon }
    return handled
  }
}

/// A run stopped by its watchdog: more events fell into one period of simulated time than the
/// model can plausibly need (a loop of zero-length events, say), so it was stopped instead of
/// hanging.
public struct Runaway: Error, Sendable, Equatable {
  /// The simulated time at which the limit was passed.
  public var time: SimTime
  /// The events handled in that period when the run stopped.
  public var eventsInPeriod: Int
  /// Events handled in all.
  public var events: Int

  public init(time: SimTime, eventsInPeriod: Int, events: Int) {
    self.time = time
    self.eventsInPeriod = eventsInPeriod
    self.events = events
  }
}

extension DiscreteEventModel where Self: ~Copyable {
  /// `run(until:)` with a watchdog: stops with `Runaway` once more than `limit` events fall into
  /// one period `[n·period, (n+1)·period)` of simulated time.
  ///
  /// Costs a comparison and an increment per event.
  @inlinable
  public mutating func run(until horizon: SimTime, atMost limit: Int, eventsPer period: SimTime) -> Result<Int, Runaway> {
    var handled = 0
    var periodEnd = -SimTime.infinity
    var inPeriod = 0
    while let entry = calendar.removeNext(through: horizon) {
      now = entry.time
      if now >= periodEnd {
        periodEnd = ((now / period).rounded(.down) + 1) * period
        inPeriod = 0
      }
      inPeriod &+= 1
      if inPeriod > limit { return .failure(Runaway(time: now, eventsInPeriod: inPeriod, events: handled)) }
      handle(entry.payload)
      handled &+= 1
    }
    if now < horizon { now = horizon }
    return .success(handled)
  }
}
