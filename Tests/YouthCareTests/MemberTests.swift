import LumpsimTestSupport
import Testing
import YouthCare

/// Members of a consortium: their split of the result (R3) and their exit (R5).
@Suite("Consortium members")
struct MemberTests {
  /// 100 SA places, all taken by children staying exactly 400 days, 100 more waiting; no referrals.
  /// Member B provides 30 of the places and depends little on the consortium.
  static func yaml(split: String = "proRata", exit: Bool = true) -> String {
    """
    name: members
    horizon: {contractYears: 2}
    population: {youths: 1000}
    referralSources: []
    careTypes:
      - id: SA
        capacity: 100
        duration: {family: fixed, value: 400}
        costPerDay: 100
        fixedCostPerSlotDay: 10
        transitions: {exit: 1.0}
    initialStock:
      - {careType: SA, inCare: 100, waiting: 100, remaining: fresh}
    funding:
      lumpsum: {base: 100000}
    consortium:
      split: \(split)
      members:
        - {id: A, share: 0.7, revenue: 1000000000}
        - {id: B, share: 0.3, revenue: 1000000, capacity: {SA: 0.3}}
    \(exit ? "  exit: {lossShareOfRevenue: 0.05, maxDependence: 0.10}" : "")
    """
  }

  @Test("a member's exit removes exactly its places from the next day")
  func exitRemovesCapacity() throws {
    let result = runChecked(try ScenarioReader.read(yaml: Self.yaml()), seed: 1)
    let y1 = result.years[0], y2 = result.years[1]
    // Year 1: 100 × 365 days × €100 + 100 places × 365 × €10 = €4,015,000 against €100,000.
    #expect(abs(y1.spend - 4_015_000) < 0.005)
    // B carries 30% of the €3,915,000 loss: far above 5% of its €1M revenue, with a contract
    // revenue of €30,000 (3% of its revenue): it leaves; A, with 70%, stays.
    #expect(abs(y1.memberResults[1] - 0.3 * -3_915_000) < 0.005)
    #expect(y1.membersExited == ["B"])
    #expect(y1.capacityLost == 30)
    // From 1 January 70 places: on day 400 the 100 waiting children find 70, not 100.
    #expect(y2.starts == 70)
    // Year 2: fixed 70 × 365 × €10; variable (100 × 35 + 70 × 330) days × €100.
    #expect(abs(y2.spend - (255_500 + 2_660_000)) < 0.005)
    #expect(y2.memberResults[1] == 0)
    #expect(abs(y2.memberResults[0] - y2.consortiumResult) < 1e-6)
  }

  @Test("without an exit rule nobody leaves and the places stay")
  func noExit() throws {
    let result = runChecked(try ScenarioReader.read(yaml: Self.yaml(exit: false)), seed: 1)
    #expect(result.years.allSatisfy { $0.membersExited.isEmpty && $0.capacityLost == 0 })
    #expect(result.years[1].starts == 100)
  }

  @Test("the members' parts add up to the consortium's result under every split", arguments: ["proRata", "equal", "byCause"])
  func splits(split: String) throws {
    let result = runChecked(try ScenarioReader.read(yaml: Self.yaml(split: split, exit: false)), seed: 1)
    for y in result.years {
      #expect(abs(y.memberResults.reduce(0, +) - y.consortiumResult) < 1e-6)
    }
    let parts = result.years[0].memberResults.map { $0 / result.years[0].consortiumResult }
    switch split {
    case "proRata": #expect(abs(parts[0] - 0.7) < 1e-12 && abs(parts[1] - 0.3) < 1e-12)
    case "equal": #expect(abs(parts[0] - 0.5) < 1e-12)
    default:
      // A holds the 70% of SA places that B does not: by cause A carries 70%.
      #expect(abs(parts[0] - 0.7) < 1e-12)
    }
  }

  @Test("member shares must sum to 1 and hold at most all places")
  func validation() {
    let bad = Self.yaml().replacingOccurrences(of: "share: 0.3,", with: "share: 0.4,")
    #expect(throws: ScenarioError.self) { try ScenarioReader.read(yaml: bad) }
    do {
      _ = try ScenarioReader.read(yaml: bad)
    } catch {
      #expect(error.issues.contains { $0.path == "consortium.members" && $0.message.contains("must sum to 1, got 1.1") })
    }
    let tooMany = Self.yaml().replacingOccurrences(of: "revenue: 1000000000}", with: "revenue: 1000000000, capacity: {SA: 0.8}}")
    do {
      _ = try ScenarioReader.read(yaml: tooMany)
      Issue.record("accepted")
    } catch {
      #expect(error.issues.contains { $0.message.contains("the members hold 1.1 of care type SA's places") })
    }
  }
}

@Suite("Subcontractors")
struct SubcontractorTests {
  @Test("subcontracted days cost the subcontractor's tariff, and the payments are reported")
  func exact() throws {
    let yaml = DeterministicBudgetTests.yaml().replacingOccurrences(
      of: "    fixedCostPerSlotDay: 1\n", with: "    fixedCostPerSlotDay: 1\n    subcontracting: {share: 0.1, tariffPerDay: 150}\n")
    let result = runChecked(try ScenarioReader.read(yaml: yaml), seed: 1)
    // SA days cost 0.9 × €100 + 0.1 × €150 = €105: 20,000 days cost €100,000 more than in-house.
    #expect(abs(result.years[0].spend - (2_149_000 + 100_000) * 1.07) < 0.005)
    #expect(abs(result.years[0].subcontractorPayment - 0.1 * 150 * 20_000) < 0.005)
    #expect(result.years[1].subcontractorPayment == 0)
  }
}
