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
    // The sign goes before the euro sign (−€2.7M), and a value that rounds to zero has none.
    if euros < 0 {
      let shown = (abs(euros) / 1e6 * pow(10, Double(decimals))).rounded()
      return shown == 0 ? millions(0, decimals: decimals) : "−" + millions(-euros, decimals: decimals)
    }
    switch self {
    // No-break spaces keep an amount on one line in tables.
    case .nl: return "€\u{00A0}\(number(euros / 1e6, decimals: decimals))\u{00A0}mln"
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
  case model, municipalCostHeading, municipalCostCaption, millionsAxis, mean, ciLow, ciHigh, providerResultHeading
  case providerResultCaption, overspendHeading, overspendCaption, compareWaitCaption, differencesHeading
  case differencesCaption, payment, providerCost, figure, compareTitle, generatedCompare
  case heatmapHeading, heatmapCaption, point, points, meanShortfall, sweepAssumptions, sweepTitle, generatedSweep

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
    case .model: return "Funding model"
    case .municipalCostHeading: return "Municipal cost over the contract"
    case .municipalCostCaption: return "What the municipality pays over all contract years under each funding model: contract payments, valve payouts, settlement, care outside the contract and administration; mean with its 95% interval, on the same simulated children."
    case .millionsAxis: return "€ million"
    case .mean: return "Mean"
    case .ciLow: return "95% CI low"
    case .ciHigh: return "95% CI high"
    case .providerResultHeading: return "Providers' result"
    case .providerResultCaption: return "Payments and valve payouts minus the providers' cost, after settlement, over the contract; below zero is a loss."
    case .overspendHeading: return "Chance the budget is exceeded"
    case .overspendCaption: return "Share of simulated contracts in which what is measured against the budget (spend under a lumpsum, payments under P×Q or output) exceeds it in at least one year."
    case .compareWaitCaption: return "Mean wait from referral to start over the contract, under each funding model (mean over replications)."
    case .differencesHeading: return "Paired differences"
    case .differencesCaption: return "Each model minus the reference model, replication by replication on the same children, with the 95% interval of the mean difference."
    case .payment: return "Paid for contract care"
    case .providerCost: return "Providers' cost"
    case .figure: return "Figure"
    case .compareTitle: return "Youth-care funding models compared"
    case .generatedCompare: return "Made by lumpsim compare from"
    case .heatmapHeading: return "Chance of overspending across the sweep"
    case .heatmapCaption: return "P(overspend) for each combination of the two parameters (the mean over points that share it, when more parameters vary); the table lists every point, its P(overspend) per contract year, the mean overspend and the mean wait."
    case .point: return "Point"
    case .points: return "points"
    case .meanShortfall: return "Mean overspend"
    case .sweepAssumptions: return "The sweep as run: the base scenario (by file name and a fingerprint of its text), replications, seed, design and every point's values. The base scenario's own assumptions are in its file."
    case .sweepTitle: return "Youth-care lumpsum: a parameter sweep"
    case .generatedSweep: return "Made by lumpsim from a sweep store."
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
    case .model: return "Bekostiging"
    case .municipalCostHeading: return "Kosten voor de gemeente over het contract"
    case .municipalCostCaption: return "Wat de gemeente over alle contractjaren betaalt per bekostigingsvorm: contractbetalingen, risicoventielen, verrekening, zorg buiten het contract en administratie; gemiddelde met 95%-betrouwbaarheidsinterval, voor dezelfde gesimuleerde kinderen."
    case .millionsAxis: return "€ mln"
    case .mean: return "Gemiddelde"
    case .ciLow: return "95%-BI onder"
    case .ciHigh: return "95%-BI boven"
    case .providerResultHeading: return "Resultaat van de aanbieders"
    case .providerResultCaption: return "Betalingen en ventieluitkeringen min de kosten van de aanbieders, na verrekening, over het contract; onder nul is verlies."
    case .overspendHeading: return "Kans dat het budget wordt overschreden"
    case .overspendCaption: return "Aandeel van de gesimuleerde contracten waarin wat tegen het budget wordt gemeten (uitgaven bij een lumpsum, betalingen bij P×Q of output) in minstens één jaar hoger is."
    case .compareWaitCaption: return "Gemiddelde wachttijd van verwijzing tot start over het contract, per bekostigingsvorm (gemiddelde over de replicaties)."
    case .differencesHeading: return "Gepaarde verschillen"
    case .differencesCaption: return "Elke vorm min de referentie, replicatie voor replicatie voor dezelfde kinderen, met het 95%-betrouwbaarheidsinterval van het gemiddelde verschil."
    case .payment: return "Betaald voor contractzorg"
    case .providerCost: return "Kosten aanbieders"
    case .figure: return "Grootheid"
    case .compareTitle: return "Bekostigingsvormen jeugdhulp vergeleken"
    case .generatedCompare: return "Gemaakt door lumpsim compare uit"
    case .heatmapHeading: return "Kans op overschrijding over de sweep"
    case .heatmapCaption: return "Kans op overschrijding voor elke combinatie van de twee parameters (het gemiddelde over de punten die haar delen, als meer parameters variëren); de tabel geeft elk punt, de kans per contractjaar, de gemiddelde overschrijding en de gemiddelde wachttijd."
    case .point: return "Punt"
    case .points: return "punten"
    case .meanShortfall: return "Gemiddelde overschrijding"
    case .sweepAssumptions: return "De sweep zoals gedraaid: het basisscenario (bestandsnaam en vingerafdruk van de tekst), replicaties, seed, ontwerp en de waarden van elk punt. De aannames van het basisscenario staan in dat bestand."
    case .sweepTitle: return "Lumpsum jeugdhulp: een parametersweep"
    case .generatedSweep: return "Gemaakt door lumpsim uit een sweep-store."
    }
  }
}
