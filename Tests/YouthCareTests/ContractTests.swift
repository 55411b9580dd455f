import LumpsimTestSupport
import Testing
@testable import YouthCare

/// Several lumpsums in one region: each contract keeps its own books, runs out on its own day,
/// and its policies act only on its own care types.
@Suite("Several contracts")
struct ContractTests {
  /// The exact SA → DT system of `DeterministicBudgetTests`, with SA and DT under separate contracts.
  static func yaml(policy: String = "none", dtBase: Int = 100_000, extra: String = "") -> String {
    DeterministicBudgetTests.yaml(policy: policy)
      .replacingOccurrences(
        of: "  lumpsum: {base: 1000000, indexPerYear: 0.05, bookedSavings: [0, 0.1], overheadShare: 0.07}",
        with: """
          contracts:
            - {id: ambulant, name: Ambulant, careTypes: [SA], lumpsum: {base: 2000000, overheadShare: 0.07}}
            - {id: day, name: Day treatment, careTypes: [DT], lumpsum: {base: \(dtBase)}\(extra)}
          """)
  }

  @Test("each contract's spend, result and exhaustion day are exact, and the year sums them")
  func separateBooks() throws {
    let scenario = try ScenarioReader.read(yaml: Self.yaml())
    #expect(scenario.contracts.map(\.careTypes) == [[0], [1]])
    let result = runChecked(scenario, seed: 1)
    let y1 = result.years[0]
    let ambulant = y1.contracts[0], day = y1.contracts[1]
    // SA: (100 × 200 d × €100 + 100 slots × 365 d × €1) × 1.07 = €2,179,055; it runs at €10,807 a
    // day, so €2M is passed on day 185.06, i.e. day 186.
    #expect(abs(ambulant.spend - 2_179_055) < 0.005)
    #expect(ambulant.exhaustionDay == 186)
    // DT, no overhead: batches of 10 from day 200 cost 10 × €500 intake + 300 days × €50 = €20,000
    // each; five batches spend exactly €100,000 by day 350 and the sixth batch's first intake
    // passes it on day 350 (the 351st day).
    #expect(abs(day.spend - 112_500) < 0.005)
    #expect(day.exhaustionDay == 351)
    #expect(abs(y1.spend - (2_179_055 + 112_500)) < 0.005)
    #expect(y1.budget == 2_100_000)
    #expect(y1.exhaustionDay == 186)
    #expect(abs(ambulant.result - (2_000_000 - 2_179_055)) < 0.005)
    #expect(abs(day.result - (100_000 - 112_500)) < 0.005)
    #expect(y1.overspent && abs(y1.overspend - (179_055 + 12_500)) < 0.005)
    #expect(result.ledgerDiscrepancy < 1e-6)
  }

  @Test("a surplus in one contract does not hide another's overspend")
  func noOffsetting() throws {
    let result = runChecked(try ScenarioReader.read(yaml: Self.yaml(dtBase: 5_000_000)), seed: 1)
    let y1 = result.years[0]
    #expect(y1.budgetUse < y1.budget)
    #expect(y1.contracts[0].overspent && !y1.contracts[1].overspent)
    #expect(y1.overspent)
    #expect(abs(y1.overspend - 179_055) < 0.005)
  }

  @Test("an intake stop holds back only the exhausted contract's children")
  func intakeStopPerContract() throws {
    // One contract: the budget runs out on day 93 and no DT child starts in year 1.
    let single = runChecked(try ScenarioReader.read(yaml: DeterministicBudgetTests.yaml(policy: "intakeStop")), seed: 1)
    #expect(single.years[0].contracts.count == 1)
    #expect(result(single, "DT", year: 0) == 0)
    // Two contracts: SA's runs out on day 186, but DT's own budget lasts, so all 60 start.
    let split = runChecked(try ScenarioReader.read(yaml: Self.yaml(policy: "intakeStop", dtBase: 200_000)), seed: 1)
    #expect(split.years[0].contracts[0].exhaustionDay == 186)
    #expect(split.years[0].contracts[1].exhaustionDay == nil)
    #expect(result(split, "DT", year: 0) == 60)
  }

  /// Starts in care type `id` during contract year `year`.
  func result(_ r: ReplicationResult, _ id: String, year: Int) -> Int {
    let k = r.monthly.careTypeIDs.firstIndex(of: id)!
    return (year * 12..<(year + 1) * 12).reduce(0) { $0 + r.monthly.starts[$1 * r.monthly.careTypeIDs.count + k] }
  }

  @Test("valves and settlement act per contract")
  func valvesPerContract() throws {
    // DT's settlement: a deficit up to 5% of €100,000 is the consortium's, half of the rest the municipality's.
    let scenario = try ScenarioReader.read(yaml: Self.yaml(
      extra: ", settlement: {deficitBand: 0.05, consortiumShareInBand: 1, consortiumShareBeyondBand: 0.5}"))
    let y1 = runChecked(scenario, seed: 1).years[0]
    #expect(y1.contracts[0].settlement == 0)
    // Deficit €12,500: the consortium bears €5,000 + 50% × €7,500; the municipality pays €3,750.
    #expect(abs(y1.contracts[1].settlement - 3_750) < 0.005)
    #expect(abs(y1.settlement - 3_750) < 0.005)
    #expect(abs(y1.municipalCost - (2_100_000 + 3_750)) < 0.005)
  }

  @Test("members belong to their contract: default places only in its care types, labels carry its id")
  func membersPerContract() throws {
    let scenario = try ScenarioReader.read(yaml: Self.yaml().replacingOccurrences(
      of: "lumpsum: {base: 2000000, overheadShare: 0.07}}",
      with: "lumpsum: {base: 2000000, overheadShare: 0.07}, consortium: {members: [{id: p, share: 0.6, revenue: 1e7}, {id: q, share: 0.4, revenue: 1e7}]}}"))
    let members = try #require(scenario.contracts[0].consortium?.members)
    #expect(members[0].capacityShare == [0.6, 0])
    #expect(scenario.memberIndices.map { scenario.memberLabel(contract: $0.contract, member: $0.member) } == ["ambulant/p", "ambulant/q"])
    let y1 = runChecked(scenario, seed: 1).years[0]
    #expect(y1.memberResults.count == 2)
    #expect(abs(y1.memberResults.reduce(0, +) - y1.contracts[0].consortiumResult) < 1e-6)
  }

  @Test("the one-contract form reads as one contract named 'contract' covering the inLumpsum types")
  func singleForm() throws {
    let scenario = try Fixtures.scenario("regio-midden.yaml")
    #expect(scenario.contracts.count == 1)
    #expect(scenario.contracts[0].id == Contract.singleID)
    let outside = scenario.careTypes.indices.filter { !scenario.isInContract($0) }.map { scenario.careTypes[$0].id }
    #expect(outside == ["L", "FC", "SC"])
    #expect(scenario.lumpsumPath(0) == "funding.lumpsum")
    let two = try ScenarioReader.read(yaml: Self.yaml())
    #expect(two.lumpsumPath(1) == "contracts[1].lumpsum")
  }

  @Test("a prevention investment is paid by the contract it names")
  func preventionContract() throws {
    let yaml = Self.yaml() + "\nprevention: {costPerYear: 36500, costYears: [1], effect: 0, careTypes: [DT], contract: day}\n"
    let scenario = try ScenarioReader.read(yaml: yaml)
    #expect(scenario.prevention?.contract == 1)
    let y1 = runChecked(scenario, seed: 1).years[0]
    #expect(abs(y1.contracts[1].spend - (112_500 + 36_500)) < 1e-6)
    #expect(abs(y1.contracts[0].spend - 2_179_055) < 0.005)
    #expect(throws: ScenarioError.self) {
      try ScenarioReader.read(yaml: yaml.replacingOccurrences(of: "contract: day", with: "contract: night"))
    }
  }

  @Test("the last member of a consortium cannot leave; of two that could, only the first does")
  func lastMemberStays() throws {
    func run(_ members: String) throws -> ReplicationResult {
      runChecked(try ScenarioReader.read(yaml: Self.yaml(extra: """
        , consortium: {exit: {lossShareOfRevenue: 0.001, maxDependence: 0.1}, members: [\(members)]}
        """)), seed: 1)
    }
    // DT loses €12,500 in year 1: more than 0.1% of a €2M revenue, from a contract worth less than 10% of it.
    let one = try run("{id: solo, share: 1, revenue: 2000000}")
    #expect(one.years.allSatisfy { $0.membersExited.isEmpty })
    let two = try run("{id: x, share: 0.5, revenue: 2000000}, {id: y, share: 0.5, revenue: 2000000}")
    #expect(two.years[0].membersExited == ["day/x"])
    #expect(two.years[0].contracts[1].membersExited == ["x"])
    #expect(two.years[1].membersExited.isEmpty)
    // x's 5 DT places go from the next day: year 2 runs DT with 5 places.
    #expect(two.years[0].capacityLost == 5)
  }
}
