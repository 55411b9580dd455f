import Foundation

/// Advice about the policy a valid scenario describes: a year-1 budget below the expected cost, a
/// tariff or output fee below cost.
///
/// Printed by `lumpsim validate` only, and never fatal under `--strict`: a calibrated scenario is
/// often tight on purpose. Values that are probably misread are `ScenarioWarning`s instead.
public enum ScenarioAdvice {
  /// Warnings for `lumpsim validate` (printed on standard error, exit 0).
  public static func check(_ scenario: Scenario) -> [String] {
    var warnings: [String] = []
    let steady = SteadyState(scenario)
    for (c, contract) in scenario.contracts.enumerated() where steady.contractCostPerYear[c] > 0 {
      let budget = contract.lumpsum.budget(inYear: 1)
      let ratio = budget / steady.contractCostPerYear[c]
      if ratio < 1 {
        warnings.append(String(
          format: "%@: the year-1 budget (€%.2fM) covers %.2f of the expected steady-state in-scope cost (€%.2fM, without capacity limits); expect it to run out before December",
          scenario.lumpsumPath(c), budget / 1e6, ratio, steady.contractCostPerYear[c] / 1e6))
      }
    }
    for (k, type) in scenario.careTypes.enumerated() {
      let inContract = scenario.contractIndex(ofCareType: k)
      let overhead = inContract.map { scenario.contracts[$0].lumpsum.overheadShare } ?? 0
      let cost = type.costPerDay * (1 + overhead)
      let tariff = scenario.tariffPerDay(k)
      if tariff < cost - 1e-9 {
        warnings.append(String(
          format: "careTypes[%d] (%@): tariff €%.2f a day is below its cost €%.2f%@ (reële prijzen); raise tariffPerDay or funding.pxq.margin",
          k, type.id, tariff, cost, overhead > 0 ? " including overhead" : ""))
      }
      let episodeCost = type.costPerDay * type.duration.mean * (1 + overhead)
      if inContract != nil, scenario.feePerStart(k) < episodeCost - 1e-9 {
        warnings.append(String(
          format: "careTypes[%d] (%@): output fee €%.0f is below the expected episode cost €%.0f including overhead; raise feePerStart or funding.output.margin",
          k, type.id, scenario.feePerStart(k), episodeCost))
      }
    }
    return warnings
  }
}
