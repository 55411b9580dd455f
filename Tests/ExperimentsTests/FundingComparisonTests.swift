import Experiments
import LumpsimTestSupport
import Testing
import YouthCare

@Suite("Funding comparison")
struct FundingComparisonTests {
  @Test("models share the children: identical care, and paired means are differences of means")
  func paired() throws {
    let scenario = smallQueue()
    let c = try #require(try FundingComparison.run(scenario, models: [.lumpsum, .pxq, .output], seed: 6, count: 12, threads: 2))
    let layout = c.batches[0].layout
    #expect(c.models == [.lumpsum, .pxq, .output])
    for m in 1..<3 {
      // The same care under every model (no ceiling, no intake stop): spend and waits agree exactly.
      for y in layout.years.indices {
        #expect(c.differences[m - 1][layout.year(y, .spend)].mean == 0)
        #expect(c.differences[m - 1][layout.year(y, .starts)].mean == 0)
      }
      let cost = layout.contract(.totalMunicipalCost)
      let expected = c.batches[m].figures[cost].mean - c.batches[0].figures[cost].mean
      #expect(abs(c.differences[m - 1][cost].mean - expected) < 1e-6 * abs(expected) + 1e-6)
      #expect(c.differences[m - 1][cost].ci95Low <= c.differences[m - 1][cost].mean)
    }
    // Each model's own batch equals a batch of that model alone (whose every replication
    // `runBatch` checks against the invariants): comparing adds nothing to it.
    for (m, model) in c.models.enumerated() {
      let alone = try runBatch(FundingComparison.scenario(scenario, under: model), seed: 6, count: 12, threads: 1, sample: 2_000)
      #expect(alone.figures == c.batches[m].figures, "\(model)")
    }
  }

  @Test("the comparison does not depend on the number of threads")
  func threads() throws {
    let scenario = smallQueue()
    let one = try #require(try FundingComparison.run(scenario, models: [.output, .lumpsum], seed: 2, count: 9, threads: 1))
    let three = try #require(try FundingComparison.run(scenario, models: [.output, .lumpsum], seed: 2, count: 9, threads: 3))
    #expect(one.differences == three.differences)
    #expect(one.batches.map(\.figures) == three.batches.map(\.figures))
  }
}
