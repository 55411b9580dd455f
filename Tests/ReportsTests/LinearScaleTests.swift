@testable import Reports
import Testing

@Suite("Chart geometry")
struct LinearScaleTests {
  @Test("nice steps are 1, 2, 2.5 or 5 × a power of ten, at least the raw step")
  func niceSteps() {
    #expect(LinearScale.niceStep(0.7) == 1)
    #expect(LinearScale.niceStep(1.3) == 2)
    #expect(LinearScale.niceStep(2.2) == 2.5)
    #expect(LinearScale.niceStep(3) == 5)
    #expect(LinearScale.niceStep(7.5) == 10)
    #expect(LinearScale.niceStep(0.031) == 0.05)
    #expect(LinearScale.niceStep(2_600_000) == 5_000_000)
  }

  @Test("ticks cover the data with whole steps; the domain widens to them")
  func ticks() {
    let s = LinearScale(data: 3...47, low: 0, high: 100, tickCount: 5)
    #expect(s.ticks == [0, 10, 20, 30, 40, 50])
    #expect(s.domain == 0...50)
    #expect(s(0) == 0 && s(50) == 100 && s(25) == 50)
    // Spend in € millions: 26.0 to 38.4.
    let money = LinearScale(data: 26.0...38.4, low: 252, high: 16, tickCount: 5, includeZero: true)
    #expect(money.ticks == [0, 10, 20, 30, 40])
    #expect(money(0) == 252 && money(40) == 16)
    #expect(abs(money(20) - 134) < 1e-9)
  }

  @Test("an exact scale keeps the data's ends and only ticks inside them")
  func exact() {
    let months = LinearScale(data: 0...72, low: 72, high: 700, tickCount: 12, exact: true)
    #expect(months.domain == 0...72)
    #expect(months(72) == 700)
    #expect(months.ticks.allSatisfy { (0...72).contains($0) })
    #expect(months.ticks.first == 0 && months.ticks.last == 70)
  }

  @Test("a flat series still gets an axis around it")
  func flat() {
    let s = LinearScale(data: 5...5, low: 0, high: 10)
    #expect(s.domain.lowerBound < 5 && s.domain.upperBound > 5)
    #expect(s(5) > 0 && s(5) < 10)
  }

  @Test("coordinates print with one decimal, no negative zero")
  func coordinates() {
    #expect(fmt(12.345) == "12.3")
    #expect(fmt(-0.01) == "0")
    #expect(fmt(7.0) == "7")
    #expect(escape("a < b & \"c\"") == "a &lt; b &amp; &quot;c&quot;")
  }

  @Test("Dutch and English number and money formats")
  func formats() {
    #expect(ReportLanguage.nl.number(1234567.891, decimals: 1) == "1.234.567,9")
    #expect(ReportLanguage.en.number(1234567.891, decimals: 1) == "1,234,567.9")
    #expect(ReportLanguage.nl.millions(26_000_000) == "€\u{00A0}26,0\u{00A0}mln")
    #expect(ReportLanguage.en.millions(26_000_000) == "€26.0M")
    #expect(ReportLanguage.nl.number(-0.04, decimals: 1) == "0,0")
    #expect(ReportLanguage.en.number(-1500) == "−1,500")
    #expect(ReportLanguage.nl.percent(0.873) == "87%")
    #expect(ReportLanguage.en.millions(-2_700_000) == "−€2.7M")
    #expect(ReportLanguage.nl.millions(-2_700_000) == "−€\u{00A0}2,7\u{00A0}mln")
    #expect(ReportLanguage.en.millions(-20_000) == "€0.0M")
  }
}
