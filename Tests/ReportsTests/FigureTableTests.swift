import Experiments
import Foundation
import LumpsimTestSupport
import Reports
import Testing
import YouthCare

/// The figure table (`YearFigure`, `CareTypeFigure`, `CareTypeYearFigure`, `ContractTotal`) is the
/// one list every output derives from: the writers, the batch layout, the store and the docs.
@Suite("One table of figures")
struct FigureTableTests {
  static let root = Repository.root

  static func names(_ figures: [YearFigure]) -> [String] { figures.map(\.rawValue) }

  /// The backticked names on the first line of a doc that starts with `prefix`.
  static func documented(_ doc: String, lineStartingWith prefix: String) throws -> [String] {
    let text = try String(contentsOf: root.appendingPathComponent("docs/\(doc)"), encoding: .utf8)
    let line = try #require(text.split(separator: "\n").first { $0.hasPrefix(prefix) }, "\(doc) has no line starting \(prefix)")
    return line.matches(of: /`([^`]+)`/).map { String($0.1) }
  }

  @Test("the docs list each output's figures exactly as the table has them, in order")
  func docsMatchTheTable() throws {
    let runYear = try Self.documented("output.md", lineStartingWith: "| `years[]` |")
    #expect(runYear == ["years[]", "year", "contractYear"] + Self.names(YearFigure.carried(by: .runJSON)))
    let runCareType = try Self.documented("output.md", lineStartingWith: "| `careTypes[]` |")
    #expect(runCareType == ["careTypes[]", "id", "name"] + CareTypeFigure.carried(by: .runJSON).map(\.rawValue))
    let yearsCSV = try Self.documented("output.md", lineStartingWith: "`years.csv`:")
    #expect(yearsCSV == ["years.csv", "year", "contractYear"] + Self.names(YearFigure.carried(by: .yearsCSV))
      + CareTypeYearFigure.carried(by: .yearsCSV).map { "\($0.columnPrefix)_<careType>" })
    let contracts = try Self.documented("output.md", lineStartingWith: "Each year's `contracts[]`:")
    #expect(contracts == ["contracts[]", "id"] + Self.names(YearFigure.carried(by: .contractJSON)))
    let contractsCSV = try Self.documented("output.md", lineStartingWith: "`contracts.csv` (")
    #expect(contractsCSV == ["contracts.csv", "run --out", "year", "contract"] + Self.names(YearFigure.carried(by: .contractsCSV)))
    let replications = try Self.documented("batch.md", lineStartingWith: "- `replications.csv`:")
    #expect(replications == ["replications.csv", "replication", "year"] + Self.names(YearFigure.carried(by: .replicationsCSV))
      + CareTypeYearFigure.carried(by: .replicationsCSV).map { "\($0.columnPrefix)_<careType>" }
      + YearFigure.carried(by: .contractReplicationsCSV).map { "\($0.rawValue)_<id>" })
    let batchYear = try Self.documented("batch.md", lineStartingWith: "- Per year in `summary.json`:")
    #expect(batchYear == ["summary.json"] + Self.names(FigureLayout.yearFigures) + FigureLayout.yearCareTypeFigures.map(\.rawValue))
    let batchCareType = try Self.documented("batch.md", lineStartingWith: "- Per care type in `summary.json`:")
    #expect(batchCareType == ["summary.json"] + FigureLayout.careTypeFigures.map(\.rawValue))
    let batchContract = try Self.documented("batch.md", lineStartingWith: "- Over the contract in `summary.json`:")
    #expect(batchContract == ["summary.json"] + FigureLayout.contractFigures.map(\.rawValue))
    let batchContracts = try Self.documented("batch.md", lineStartingWith: "- Per contract and year in `summary.json`")
    #expect(batchContracts == ["summary.json"] + Self.names(FigureLayout.contractYearFigures))
    let store = try Self.documented("sweeps.md", lineStartingWith: "| `years` |")
    #expect(store == ["years", "point", "replication", "year"] + Self.names(YearFigure.carried(by: .store)))
  }

  @Test("contract outputs carry only a contract's money, and files and statistics only single numbers")
  func figuresFitTheirOutputs() {
    for output: FigureOutputs in [.contractJSON, .contractsCSV, .contractReplicationsCSV] {
      #expect(YearFigure.carried(by: output).allSatisfy { $0.isContractMoney }, "\(output)")
    }
    #expect(FigureLayout.contractYearFigures.allSatisfy { $0.isContractMoney && $0.unit.isScalar })
    for output: FigureOutputs in [.yearsCSV, .replicationsCSV, .batch, .store, .contractsCSV, .contractReplicationsCSV] {
      #expect(YearFigure.carried(by: output).allSatisfy { $0.unit.isScalar }, "\(output)")
    }
    // Every figure is written somewhere, and every contract total sums a figure a year has.
    #expect(YearFigure.allCases.allSatisfy { !$0.outputs.isEmpty })
    #expect(ContractTotal.allCases.allSatisfy { $0.yearFigure.unit.isScalar })
  }

  @Test("a region's year is its contracts' money summed, and runs out on the earliest contract's day")
  func regionYearSumsItsContracts() throws {
    let scenario = try ScenarioReader.read(file: Self.root.appendingPathComponent("Scenarios/utrecht-twee-consortia.yaml").path)
    let result = runChecked(scenario, seed: 3)
    #expect(result.years.count == scenario.horizon.contractYears && scenario.contracts.count == 2)
    for year in result.years {
      for figure in YearFigure.allCases where figure.isContractMoney && figure.unit == .euros {
        let sum = year.contracts.reduce(0) { $0 + figure.value(in: $1.money)! }
        #expect(figure.value(in: year) == sum, "\(figure) in \(year.year)")
      }
      #expect(year.exhaustionDay == year.contracts.compactMap(\.exhaustionDay).min())
      #expect(year.overspent == year.contracts.contains(where: \.overspent))
      #expect(year.memberResults.count == scenario.memberIndices.count)
    }
  }

  @Test("years.csv and contracts.csv write the table's figures, each to its unit's precision")
  func csvFilesFollowTheTable() throws {
    let scenario = try ScenarioReader.read(file: Self.root.appendingPathComponent("Scenarios/utrecht-twee-consortia.yaml").path)
    let result = runChecked(scenario, seed: 5)
    let figures = YearFigure.carried(by: .yearsCSV)
    let rows = RunCSV.years(result).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    // Every row as wide as the header, which ends with the care types' spend columns.
    #expect(rows.count == 1 + result.years.count && rows.allSatisfy { $0.count == rows[0].count })
    #expect(rows[0].suffix(scenario.careTypes.count).map(String.init) == scenario.careTypes.map { "spend_\($0.id)" })
    for (year, row) in zip(result.years, rows.dropFirst()) {
      for (figure, cell) in zip(figures, row.dropFirst(2)) {
        let value = figure.value(in: year)
        if let value {
          let written = try #require(Double(cell), "\(figure): \(cell)")
          // Rounded to the unit's decimals: within half a unit of the last place.
          #expect(abs(written - value) <= 0.5 * pow(10, -Double(figure.unit.decimals)) + 1e-9 * abs(value), "\(figure)")
        } else {
          #expect(cell.isEmpty, "\(figure)")
        }
      }
    }
    // One row per year and contract, the contracts in scenario order within each year.
    let contractRows = RunCSV.contracts(result).split(separator: "\n").dropFirst().map { $0.split(separator: ",") }
    #expect(contractRows.count == result.years.count * scenario.contracts.count)
    #expect(contractRows.map { String($0[1]) } == result.years.flatMap { _ in scenario.contracts.map(\.id) })
  }
}
