import SimKernel
import Testing

@Suite("Unique array")
struct UniqueArrayTests {
  @Test("appends grow the buffer and keep every element in order; popLast returns them back")
  func appendAndPop() {
    var array = UniqueArray<Int>(capacity: 1)
    for i in 0..<1_000 { array.append(i * i) }
    let count = array.count
    #expect(count == 1_000)
    #expect(array.array == (0..<1_000).map { $0 * $0 })
    for i in stride(from: 999, through: 0, by: -1) { #expect(array.popLast() == i * i) }
    #expect(array.popLast() == nil)
    let empty = array.isEmpty
    #expect(empty)
  }

  @Test("elements change in place, removeAll keeps the length rules")
  func inPlace() {
    struct Pair: Equatable { var a: Int; var b: Double }
    var pairs = UniqueArray(repeating: Pair(a: 0, b: 0), count: 3)
    pairs[1].a += 5
    pairs[1].b = 2.5
    pairs[2].a &+= 1
    #expect(pairs.array == [Pair(a: 0, b: 0), Pair(a: 5, b: 2.5), Pair(a: 1, b: 0)])
    let indices = pairs.indices
    #expect(indices == 0..<3)
    pairs.removeAll()
    let remaining = pairs.count
    #expect(remaining == 0)
    let copied = UniqueArray([1.5, 2.5, 4.0])
    #expect(copied.array == [1.5, 2.5, 4.0])
  }

  @Test("an index past the end stops the program instead of reading memory it does not own")
  func outOfRange() async {
    await #expect(processExitsWith: .failure) {
      let array = UniqueArray(repeating: 1, count: 4)
      _ = array[4]
    }
    await #expect(processExitsWith: .failure) {
      var array = UniqueArray(repeating: 1, count: 4)
      array[-1] = 0
    }
  }
}
