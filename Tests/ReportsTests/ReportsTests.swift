import Foundation
import Reports
import Testing

@Suite("Writers")
struct ReportsTests {
  @Test("JSON keeps key order, escapes strings and rounds numbers without trailing zeros")
  func json() {
    let value = JSONValue.object([
      ("b", .int(1)), ("a", .double(2.5000001, 2)), ("money", .double(1234.5004, 2)), ("zero", .double(-0.0001, 2)),
      ("text", .string("tab\t\"q\"\n")), ("none", .null), ("list", .array([.bool(true), .array([])])),
    ])
    #expect(value.rendered() == """
      {
        "b": 1,
        "a": 2.5,
        "money": 1234.5,
        "zero": 0,
        "text": "tab\\t\\"q\\"\\n",
        "none": null,
        "list": [
          true,
          []
        ]
      }

      """)
  }

  @Test("a text table aligns columns")
  func table() {
    var table = TextTable([("Name", .left), ("Value", .right)])
    table.append(["a", "1"])
    table.append(["longer", "1000"])
    #expect(table.rendered() == "Name    Value\n──────  ─────\na           1\nlonger   1000\n")
  }

  @Test("days of the year become dates", arguments: [(1, "1 Jan"), (31, "31 Jan"), (32, "1 Feb"), (59, "28 Feb"),
                                                     (60, "1 Mar"), (348, "14 Dec"), (365, "31 Dec")])
  func dates(day: Int, text: String) {
    #expect(RunTable.date(day) == text)
  }

  @Test("files are written whole and no temporary file is left")
  func atomic() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lumpsim-atomic-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try OutputSet.write([("years.csv", "one\n"), ("monthly.csv", "two\n")], into: folder.appendingPathComponent("sub").path)
    try AtomicFile.write("three\n", to: folder.appendingPathComponent("sub/years.csv").path)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("sub").path).sorted()
    #expect(names == ["monthly.csv", "years.csv"])
    #expect(try String(contentsOf: folder.appendingPathComponent("sub/years.csv"), encoding: .utf8) == "three\n")
  }

  @Test("writing into a path that is a file fails with the path named")
  func unwritable() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("lumpsim-file-\(UUID().uuidString)")
    try Data("x".utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    #expect(throws: AtomicFile.WriteError.self) {
      try OutputSet.write([("years.csv", "one")], into: file.path)
    }
  }
}
