import Foundation

/// The report's language: its words, month names, and how it writes numbers and money.
public enum ReportLanguage: String, Sendable, CaseIterable {
  case nl, en

  /// The months, short.
  var months: [String] {
    switch self {
    case .nl: return ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
    case .en: return ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    }
  }

  /// The months, in full (for sentences).
  var monthNames: [String] {
    switch self {
    case .nl: return ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]
    case .en: return ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    }
  }

  /// A number with `decimals` decimals and grouped thousands: 1.234,5 (nl) or 1,234.5 (en).
  func number(_ value: Double, decimals: Int = 0) -> String {
    let fixed = String(format: "%.\(decimals)f", abs(value))
    let parts = fixed.split(separator: ".", omittingEmptySubsequences: false)
    let digits = String(parts[0])
    var grouped = ""
    for (i, ch) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { grouped += self == .nl ? "." : "," }
      grouped.append(ch)
    }
    if parts.count > 1 { grouped += (self == .nl ? "," : ".") + parts[1] }
    let isZero = Double(fixed) == 0
    return (value < 0 && !isZero ? "−" : "") + grouped
  }

  /// Euros in millions: € 26,0 mln (nl) or €26.0M (en).
  func millions(_ euros: Double, decimals: Int = 1) -> String {
    switch self {
    case .nl: return "€ \(number(euros / 1e6, decimals: decimals)) mln"
    case .en: return "€\(number(euros / 1e6, decimals: decimals))M"
    }
  }

  /// A share as a percentage: 87% (both languages write it so).
  func percent(_ share: Double, decimals: Int = 0) -> String {
    "\(number(share * 100, decimals: decimals))%"
  }

  /// The report's fixed words.
  func text(_ key: Words) -> String {
    switch self {
    case .nl: return key.dutch
    case .en: return key.english
    }
  }
}

/// The words of the report, in both languages.
enum Words {
  case title, replications, seed, verdictHeading, spendHeading, spendCaption, monthAxis, eurosAxis
  case budget, median, band50, band90, exhaustionHeading, exhaustionCaption, never, shareAxis, waitingHeading
  case waitingCaption, childrenAxis, normLine, waitsHeading, waitsCaption, daysAxis, meanWait, norm, careType
  case assumptionsHeading, year, month, p05, p25, p50, p75, p95, budgetRunsOut, overspendProbability
  case contract, lumpsumBase, indexation, bookedSavings, valves, capacity, none, generated, spend

  var english: String {
    switch self {
    case .title: return "Youth-care lumpsum: budget risk and waiting times"
    case .replications: return "replications"
    case .seed: return "seed"
    case .verdictHeading: return "In one sentence"
    case .spendHeading: return "Cumulative spend against the budget, per year"
    case .spendCaption: return "Year-to-date in-scope spend at each month's end over the simulated replications: the median, the middle 50% and the middle 90%. The dashed line is each year's budget; where the spend crosses it, the money has run out."
    case .monthAxis: return "Month of the contract"
    case .eurosAxis: return "Spend this year (€ million)"
    case .budget: return "Budget"
    case .median: return "Median"
    case .band50: return "Middle 50%"
    case .band90: return "Middle 90%"
    case .exhaustionHeading: return "When the money runs out"
    case .exhaustionCaption: return "Share of replications in which the budget runs out in each month, per contract year; 'never' means it lasted the year."
    case .never: return "never"
    case .shareAxis: return "Share of replications (%)"
    case .waitingHeading: return "Waiting lists"
    case .waitingCaption: return "Children on the waiting list at each month's end: median and middle 90% of replications. The dotted line is the list at which the mean wait equals the waiting-time norm (arrivals per day × norm, Little's law)."
    case .childrenAxis: return "Children waiting"
    case .normLine: return "List at the norm"
    case .waitsHeading: return "Waiting time against the norm"
    case .waitsCaption: return "Mean wait from referral to start over the contract, per care type: median over replications with the middle 90%; the mark is the waiting-time norm."
    case .daysAxis: return "Days"
    case .meanWait: return "Mean wait"
    case .norm: return "Norm"
    case .careType: return "Care type"
    case .assumptionsHeading: return "Key assumptions"
    case .year: return "Year"
    case .month: return "Month"
    case .p05: return "p05"
    case .p25: return "p25"
    case .p50: return "median"
    case .p75: return "p75"
    case .p95: return "p95"
    case .budgetRunsOut: return "Budget runs out"
    case .overspendProbability: return "P(overspend)"
    case .contract: return "Contract"
    case .lumpsumBase: return "Lumpsum, year 1"
    case .indexation: return "Yearly index"
    case .bookedSavings: return "Booked savings"
    case .valves: return "Safety valves"
    case .capacity: return "Places"
    case .none: return "none"
    case .generated: return "Made by lumpsim from a batch of"
    case .spend: return "Spend"
    }
  }

  var dutch: String {
    switch self {
    case .title: return "Lumpsum jeugdhulp: budgetrisico en wachttijden"
    case .replications: return "replicaties"
    case .seed: return "seed"
    case .verdictHeading: return "In één zin"
    case .spendHeading: return "Cumulatieve uitgaven tegen het budget, per jaar"
    case .spendCaption: return "Uitgaven binnen de lumpsum tot en met elke maand, over de gesimuleerde replicaties: de mediaan, de middelste 50% en de middelste 90%. De gestreepte lijn is het budget van elk jaar; waar de uitgaven die lijn kruisen, is het geld op."
    case .monthAxis: return "Maand van het contract"
    case .eurosAxis: return "Uitgaven dit jaar (€ mln)"
    case .budget: return "Budget"
    case .median: return "Mediaan"
    case .band50: return "Middelste 50%"
    case .band90: return "Middelste 90%"
    case .exhaustionHeading: return "Wanneer het geld op is"
    case .exhaustionCaption: return "Aandeel van de replicaties waarin het budget in elke maand opraakt, per contractjaar; 'nooit' betekent dat het het hele jaar volstond."
    case .never: return "nooit"
    case .shareAxis: return "Aandeel replicaties (%)"
    case .waitingHeading: return "Wachtlijsten"
    case .waitingCaption: return "Kinderen op de wachtlijst aan het eind van elke maand: mediaan en middelste 90% van de replicaties. De gestippelde lijn is de wachtlijst waarbij de gemiddelde wachttijd gelijk is aan de treeknorm (instroom per dag × norm, wet van Little)."
    case .childrenAxis: return "Wachtende kinderen"
    case .normLine: return "Wachtlijst bij de norm"
    case .waitsHeading: return "Wachttijd tegen de norm"
    case .waitsCaption: return "Gemiddelde wachttijd van verwijzing tot start over het contract, per zorgvorm: mediaan over de replicaties met de middelste 90%; het streepje is de treeknorm."
    case .daysAxis: return "Dagen"
    case .meanWait: return "Gemiddelde wachttijd"
    case .norm: return "Norm"
    case .careType: return "Zorgvorm"
    case .assumptionsHeading: return "Belangrijkste aannames"
    case .year: return "Jaar"
    case .month: return "Maand"
    case .p05: return "p05"
    case .p25: return "p25"
    case .p50: return "mediaan"
    case .p75: return "p75"
    case .p95: return "p95"
    case .budgetRunsOut: return "Budget op"
    case .overspendProbability: return "Kans op overschrijding"
    case .contract: return "Contract"
    case .lumpsumBase: return "Lumpsum jaar 1"
    case .indexation: return "Jaarlijkse indexatie"
    case .bookedSavings: return "Ingeboekte besparingen"
    case .valves: return "Risicoventielen"
    case .capacity: return "Plaatsen"
    case .none: return "geen"
    case .generated: return "Gemaakt door lumpsim uit een batch van"
    case .spend: return "Uitgaven"
    }
  }
}
