import Foundation

extension ScenarioWarning {
  /// Care types whose places do not fit their steady-state load, and warm-start stock far from it.
  ///
  /// The trap they catch: change `population.youths` (or a referral rate) and the places and the
  /// warm-start stock stay at the old region's size, silently. With the load ρ of `CapacityLoad`
  /// (arrivals × mean duration, in places' worth):
  /// - ρ above the places: the list grows without bound (crisis care is exempt: it may overflow;
  ///   with a capacity policy the bound is its `maximum`);
  /// - ρ below half the places: half of them stand empty in steady state (with a capacity policy,
  ///   half its `minimum`);
  /// - an `initialStock` entry (in care + waiting) more than a factor 2 from what steady state
  ///   holds (min(ρ, places) in care), and at least 5 children from it, so that a type of two or
  ///   three children is not flagged for a stock of five.
  static func load(_ scenario: Scenario) -> [ScenarioWarning] {
    let load = CapacityLoad(scenario)
    var warnings: [ScenarioWarning] = []
    for (k, type) in scenario.careTypes.enumerated() {
      let rho = load.load[k]
      let path = "careTypes[\(k)].capacity"
      let name = "careTypes[\(k)] (\(type.id))"
      let months = type.duration.mean / DayCalendar.daysPerMonth
      let why = "\(amount(load.arrivalsPerYear[k])) starts a year × \(amount(months)) month\(amount(months) == "1" ? "" : "s")"
      let most = type.capacityPolicy?.maximum ?? type.capacity
      let least = type.capacityPolicy?.minimum ?? type.capacity
      let places = type.capacityPolicy == nil ? "its \(amount(Double(most))) place\(most == 1 ? "" : "s")"
        : "the most its capacity policy allows (maximum \(amount(Double(most))) places)"
      if !type.crisis, rho > Double(most) + 1e-9 {
        let fate = switch type.patience?.destination {
        case nil: "its list grows without bound"
        case .exit?, .outside?: "about \(amount(load.excessPerYear[k])) children a year leave its list unserved when their patience runs out"
        case .careType(let j)?: "about \(amount(load.excessPerYear[k])) children a year are redirected to \(scenario.careTypes[j].id) when their patience runs out"
        }
        warnings.append(ScenarioWarning(.overCapacity, path: path, message:
          "\(name): steady-state load of \(amount(rho)) places' worth (\(why)) exceeds \(places): \(fate). "
          + "Raise the capacity, or check population.youths and the referral rates"))
      } else if rho < Double(least) / 2 {
        let policy = type.capacityPolicy == nil ? "" : " (the minimum its capacity policy keeps)"
        warnings.append(ScenarioWarning(.underUsed, path: path, message:
          "\(name): steady-state load of \(amount(rho)) places' worth (\(why)) fills under half of "
          + "\(amount(Double(least))) places\(policy): half the places stand empty in steady state. "
          + "Lower the capacity, or check population.youths and the referral rates"))
      }
    }
    for (i, stock) in scenario.initialStock.enumerated() {
      let k = stock.careType
      let present = load.inCare[k]
      let given = Double(stock.inCare + stock.waiting)
      let ratio = present > 0 ? given / present : .infinity
      guard ratio > 2 || ratio < 0.5, abs(given - present) >= 5 else { continue }
      let parts = stock.waiting > 0 ? " (\(amount(Double(stock.inCare))) in care + \(amount(Double(stock.waiting))) waiting)" : " in care"
      let off = ratio.isFinite ? String(format: "%.1f×", ratio >= 1 ? ratio : 1 / ratio) : "far"
      warnings.append(ScenarioWarning(.initialStock, path: "initialStock[\(i)]", message:
        "\(scenario.careTypes[k].id): \(amount(given)) children\(parts) on day 0, but steady state holds about "
        + "\(amount(present)) in care at population.youths \(amount(scenario.population.youths)); the warm start is "
        + "\(off) \(ratio > 1 ? "too large" : "too small"). Scale the stock with the population, or leave it out "
        + "and start empty with warm-up years"))
    }
    return warnings
  }

  /// A number for a message: grouped in thousands from 100, with one decimal below (none when it is 0).
  static func amount(_ value: Double) -> String {
    guard value.isFinite else { return "unbounded" }
    if abs(value) >= 1e15 || (value != 0 && abs(value) < 0.05) { return String(format: "%.2g", value) }
    if abs(value) >= 100 { return (value < 0 ? "-" : "") + RunLimits.grouped(Int(abs(value).rounded())) }
    let text = String(format: "%.1f", value)
    return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
  }
}
