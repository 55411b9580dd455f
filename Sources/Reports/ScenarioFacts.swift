import YouthCare

/// The scenario's key assumptions as JSON, written next to a batch's results so that a report
/// made from the output folder alone can state what was assumed (budget, growth, capacities,
/// valves).
public enum ScenarioFacts {
  public static func json(_ scenario: Scenario) -> JSONValue { ScenarioFactsFile(scenario).json() }
}

/// `assumptions` in a batch's or a comparison's `summary.json`: written from the scenario and
/// read back by the report through the same keys.
public struct ScenarioFactsFile: Equatable, Sendable {
  public var name: String
  public var firstYear: Int
  public var contractYears: Int
  public var warmupYears: Int
  public var youths: Double
  public var populationGrowthPerYear: Double
  public var firstReferralsPerYear: Double
  public var referralTrendPerYear: Double
  public var repeatReferralProbability: Double
  public var costIndexPerYear: Double
  /// `Funding.Model`'s raw value.
  public var fundingModel: String
  /// `PressurePolicy`'s raw value.
  public var pressurePolicy: String
  public var contracts: [Contract]
  public var careTypes: [CareType]

  enum CodingKeys: String, CodingKey {
    case name, firstYear, contractYears, warmupYears, youths, populationGrowthPerYear, firstReferralsPerYear
    case referralTrendPerYear, repeatReferralProbability, costIndexPerYear, fundingModel, pressurePolicy, contracts, careTypes
  }

  public struct Contract: Decodable, Equatable, Sendable {
    public var id: String
    public var name: String
    public var lumpsumBase: Double
    public var indexPerYear: Double
    public var bookedSavings: [Double]
    public var overheadShare: Double
    /// The contract's safety valves, each in words.
    public var valves: [String]
    public var settlement: Bool
    public var members: Int

    enum CodingKeys: String, CodingKey {
      case id, name, lumpsumBase, indexPerYear, bookedSavings, overheadShare, valves, settlement, members
    }
  }

  public struct CareType: Equatable, Sendable {
    public var id: String
    public var name: String
    public var capacity: Int
    /// The id of the contract that pays for it; nil (`null`) when care of this type is bought outside any contract.
    public var contract: String?
    public var costPerDay: Double
    public var meanDurationDays: Double
    public var waitingNormDays: Double

    enum CodingKeys: String, CodingKey { case id, name, capacity, contract, costPerDay, meanDurationDays, waitingNormDays }
  }
}

extension ScenarioFactsFile: Decodable {}

extension ScenarioFactsFile.CareType: Decodable {
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = try c.decode(String.self, forKey: .id)
    name = try c.decode(String.self, forKey: .name)
    capacity = try c.decode(Int.self, forKey: .capacity)
    contract = try c.decodeNullable(String.self, forKey: .contract)
    costPerDay = try c.decode(Double.self, forKey: .costPerDay)
    meanDurationDays = try c.decode(Double.self, forKey: .meanDurationDays)
    waitingNormDays = try c.decode(Double.self, forKey: .waitingNormDays)
  }
}

// MARK: Writing

extension ScenarioFactsFile {
  /// The facts of `scenario`, rounded as the file writes them.
  public init(_ scenario: Scenario) {
    let youths = scenario.population.youths
    let referrals = scenario.referralSources.reduce(0.0) { $0 + youths / 1000 * $1.ratePer1000 }
    let trend = referrals > 0
      ? scenario.referralSources.reduce(0.0) { $0 + youths / 1000 * $1.ratePer1000 * $1.trendPerYear } / referrals : 0
    name = scenario.name
    firstYear = scenario.horizon.firstYear
    contractYears = scenario.horizon.contractYears
    warmupYears = scenario.horizon.warmupYears
    self.youths = written(youths, 0)
    populationGrowthPerYear = written(scenario.population.growthPerYear, 4)
    firstReferralsPerYear = written(referrals, 0)
    referralTrendPerYear = written(trend, 4)
    repeatReferralProbability = written(scenario.reReferral?.probability ?? 0, 4)
    costIndexPerYear = written(scenario.costIndexPerYear, 4)
    fundingModel = scenario.funding.model.rawValue
    pressurePolicy = scenario.funding.pressurePolicy.rawValue
    contracts = scenario.contracts.map(Contract.init)
    careTypes = scenario.careTypes.indices.map { k in
      let type = scenario.careTypes[k]
      return CareType(
        id: type.id, name: type.name, capacity: type.capacity,
        contract: scenario.contractIndex(ofCareType: k).map { scenario.contracts[$0].id },
        costPerDay: written(type.costPerDay, 2), meanDurationDays: written(type.duration.mean, 1),
        waitingNormDays: written(type.waitingNormDays, 1))
    }
  }

  public func json() -> JSONValue {
    typealias K = CodingKeys
    return .object([
      (K.name.stringValue, .string(name)),
      (K.firstYear.stringValue, .int(firstYear)),
      (K.contractYears.stringValue, .int(contractYears)),
      (K.warmupYears.stringValue, .int(warmupYears)),
      (K.youths.stringValue, .number(youths, decimals: 0)),
      (K.populationGrowthPerYear.stringValue, .number(populationGrowthPerYear, decimals: 4)),
      (K.firstReferralsPerYear.stringValue, .number(firstReferralsPerYear, decimals: 0)),
      (K.referralTrendPerYear.stringValue, .number(referralTrendPerYear, decimals: 4)),
      (K.repeatReferralProbability.stringValue, .number(repeatReferralProbability, decimals: 4)),
      (K.costIndexPerYear.stringValue, .number(costIndexPerYear, decimals: 4)),
      (K.fundingModel.stringValue, .string(fundingModel)),
      (K.pressurePolicy.stringValue, .string(pressurePolicy)),
      (K.contracts.stringValue, .array(contracts.map { $0.json() })),
      (K.careTypes.stringValue, .array(careTypes.map { $0.json() })),
    ])
  }
}

extension ScenarioFactsFile.Contract {
  init(_ c: YouthCare.Contract) {
    var valves: [String] = []
    if let v = c.valves.volumeCorridor {
      valves.append("V1 volume corridor ±\(Int((v.threshold * 100).rounded()))%, factor \(v.factor)")
    }
    if let v = c.valves.statutoryReferrals {
      valves.append("V2 statutory referrals above \(Int((v.threshold * 100).rounded()))% of the baseline")
    }
    if let v = c.valves.highCostCases { valves.append("V3 high-cost cases above €\(Int(v.threshold))") }
    if c.lumpsum.indexation != .full { valves.append("V4 indexation: \(c.lumpsum.indexation.rawValue)") }
    if let v = c.valves.renegotiation { valves.append("V5 renegotiation at a \(Int((v.threshold * 100).rounded()))% cumulative deficit") }
    self.init(
      id: c.id, name: c.name, lumpsumBase: written(c.lumpsum.base, 2), indexPerYear: written(c.lumpsum.indexPerYear, 4),
      bookedSavings: c.lumpsum.bookedSavings.map { written($0, 4) }, overheadShare: written(c.lumpsum.overheadShare, 4),
      valves: valves, settlement: c.settlement != nil, members: c.consortium?.members.count ?? 0)
  }

  func json() -> JSONValue {
    typealias K = CodingKeys
    return .object([
      (K.id.stringValue, .string(id)),
      (K.name.stringValue, .string(name)),
      (K.lumpsumBase.stringValue, .number(lumpsumBase, decimals: 2)),
      (K.indexPerYear.stringValue, .number(indexPerYear, decimals: 4)),
      (K.bookedSavings.stringValue, .array(bookedSavings.map { .number($0, decimals: 4) })),
      (K.overheadShare.stringValue, .number(overheadShare, decimals: 4)),
      (K.valves.stringValue, .array(valves.map { .string($0) })),
      (K.settlement.stringValue, .bool(settlement)),
      (K.members.stringValue, .int(members)),
    ])
  }
}

extension ScenarioFactsFile.CareType {
  func json() -> JSONValue {
    typealias K = CodingKeys
    return .object([
      (K.id.stringValue, .string(id)),
      (K.name.stringValue, .string(name)),
      (K.capacity.stringValue, .int(capacity)),
      (K.contract.stringValue, contract.map { .string($0) } ?? .null),
      (K.costPerDay.stringValue, .number(costPerDay, decimals: 2)),
      (K.meanDurationDays.stringValue, .number(meanDurationDays, decimals: 1)),
      (K.waitingNormDays.stringValue, .number(waitingNormDays, decimals: 1)),
    ])
  }
}
