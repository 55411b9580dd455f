import Testing
@testable import YouthCare

@Suite("Waiting lists")
struct WaitingListsTests {
  @Test("each list is first in, first out, across wrap-around and growth, independent of the others")
  func fifo() {
    var lists = WaitingLists(lists: 3, capacity: 4)
    var expected: [[Int32]] = [[], [], []]
    var generator = SystemRandomNumberGenerator()
    var next: Int32 = 0
    for _ in 0..<5_000 {
      let list = Int.random(in: 0..<3, using: &generator)
      if Bool.random(using: &generator) || expected[list].isEmpty {
        lists.append(WaitingLists.Entry(client: next, token: UInt32(next) &* 7), to: list)
        expected[list].append(next)
        next += 1
      } else {
        let front = lists.first(list)
        #expect(front?.client == expected[list].first)
        #expect(front?.token == UInt32(expected[list][0]) &* 7)
        lists.removeFirst(list)
        expected[list].removeFirst()
      }
      #expect(lists.count(list) == expected[list].count)
    }
    for list in 0..<3 {
      while let front = lists.first(list) {
        #expect(front.client == expected[list].removeFirst())
        lists.removeFirst(list)
      }
      #expect(expected[list].isEmpty)
    }
  }
}
