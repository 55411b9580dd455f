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
