import Foundation
@testable import Reports
import Testing

/// `OutputSet`: a command's files replace the folder's as one set, the analyst's own files stay,
/// and a failure or a kill leaves the old set whole.
@Suite("Output sets")
struct OutputSetTests {
  /// A fresh folder under the system's temporary folder, holding `out`'s parent.
  static func sandbox() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("lumpsim-set-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Every entry under `folder`, hidden ones too, with the content of files ("->" for links).
  static func contents(_ folder: URL) -> [String: String] {
    var result: [String: String] = [:]
    for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
      let url = folder.appendingPathComponent(name)
      if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: url.path) {
        result[name] = "-> \(link)"
      } else {
        result[name] = (try? String(contentsOf: url, encoding: .utf8)) ?? "(folder)"
      }
    }
    return result
  }

  static func inode(_ url: URL) -> UInt64 {
    ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
  }

  @Test("a new set replaces the old one whole: old lumpsim files go, the analyst's files and links stay as the same files")
  func replacesAndKeeps() throws {
    let root = Self.sandbox()
    defer { try? FileManager.default.removeItem(at: root) }
    let out = root.appendingPathComponent("out")
    try OutputSet.write([("summary.json", "run\n"), ("years.csv", "run\n"), ("monthly.csv", "run\n")], into: out.path)
    try "mine\n".write(to: out.appendingPathComponent("notes.txt"), atomically: false, encoding: .utf8)
    try FileManager.default.createSymbolicLink(atPath: out.appendingPathComponent("latest").path, withDestinationPath: "notes.txt")
    let notes = Self.inode(out.appendingPathComponent("notes.txt"))
    try OutputSet.write([("summary.json", "batch\n"), ("bands.csv", "batch\n")], into: out.path)
    #expect(Self.contents(out) == ["summary.json": "batch\n", "bands.csv": "batch\n", "notes.txt": "mine\n", "latest": "-> notes.txt"])
    #expect(Self.inode(out.appendingPathComponent("notes.txt")) == notes, "kept as a hard link, not copied")
    #expect(Self.contents(root).keys.sorted() == ["out"], "no sibling left")
  }

  @Test("a discarded set leaves the old folder byte for byte, and a new folder, with the folders made for it, not at all")
  func discardLeavesNothing() throws {
    let root = Self.sandbox()
    defer { try? FileManager.default.removeItem(at: root) }
    let out = root.appendingPathComponent("out")
    try OutputSet.write([("summary.json", "old\n"), ("bands.csv", "old\n")], into: out.path)
    let before = Self.contents(out)
    let set = try OutputSet(folder: out.path, writing: ["summary.json", "bands.csv", "replications.csv"])
    let rows = try set.stream("replications.csv")
    try rows.write("new\n")
    try set.write("summary.json", "new\n")
    set.discard()
    #expect(Self.contents(out) == before)
    #expect(Self.contents(root).keys.sorted() == ["out"])

    let deep = root.appendingPathComponent("a/b/new")
    do {
      let fresh = try OutputSet(folder: deep.path, writing: ["summary.json"])
      try fresh.write("summary.json", "new\n")
      // Dropped uncommitted, as when a command throws.
    }
    #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("a").path))
  }

  @Test("a folder where lumpsim writes a file, a subfolder lumpsim did not write, or a file: refused before anything is written")
  func refusals() throws {
    let root = Self.sandbox()
    defer { try? FileManager.default.removeItem(at: root) }
    let out = root.appendingPathComponent("out")
    try OutputSet.write([("summary.json", "old\n")], into: out.path)
    try FileManager.default.createDirectory(at: out.appendingPathComponent("bands.csv/x"), withIntermediateDirectories: true)
    let inTheWay = #expect(throws: AtomicFile.WriteError.self) {
      try OutputSet(folder: out.path, writing: ["summary.json", "bands.csv"])
    }
    #expect(inTheWay?.refused == true)
    #expect(inTheWay?.description.contains("holds a folder bands.csv where lumpsim writes its file bands.csv") == true)
    try FileManager.default.moveItem(at: out.appendingPathComponent("bands.csv"), to: out.appendingPathComponent("drafts"))
    let foreign = #expect(throws: AtomicFile.WriteError.self) {
      try OutputSet.write([("summary.json", "new\n")], into: out.path)
    }
    #expect(foreign?.refused == true && foreign?.description.contains("holds folders lumpsim did not write (drafts)") == true)
    #expect(Self.contents(out)["summary.json"] == "old\n")
    let file = #expect(throws: AtomicFile.WriteError.self) {
      try OutputSet.write([("summary.json", "new\n")], into: out.appendingPathComponent("summary.json").path)
    }
    #expect(file?.refused == true)
    #expect(Self.contents(root).keys.sorted() == ["out"])
  }

  @Test("without an atomic exchange, two renames do it; a folder stranded between them is put back by the next set")
  func twoRenames() throws {
    let root = Self.sandbox()
    defer { try? FileManager.default.removeItem(at: root) }
    let target = root.appendingPathComponent("out"), new = root.appendingPathComponent(".out.1.partial")
    try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: new, withIntermediateDirectories: true)
    try "old\n".write(to: target.appendingPathComponent("summary.json"), atomically: false, encoding: .utf8)
    try "new\n".write(to: new.appendingPathComponent("summary.json"), atomically: false, encoding: .utf8)
    let aside = root.appendingPathComponent(".out.1.old")
    let old = try FolderExchange.replace(target, with: new, aside: aside, exchanging: false)
    #expect(old == aside)
    #expect(Self.contents(target) == ["summary.json": "new\n"] && Self.contents(aside) == ["summary.json": "old\n"])

    // A run killed between the renames: the old folder is aside and none is in place.
    try FileManager.default.removeItem(at: target)
    let dead = try Self.deadProcess()
    let stranded = root.appendingPathComponent(".out.\(dead)-0a1b2c3d.old")
    try FileManager.default.moveItem(at: aside, to: stranded)
    _ = try OutputSet(folder: target.path, writing: ["summary.json"])  // dropped uncommitted
    #expect(Self.contents(target) == ["summary.json": "old\n"])
    #expect(Self.contents(root).keys.sorted() == ["out"])
  }

  @Test("a killed run's partial sibling is removed by the next set into the folder; a live run's is not")
  func leftovers() throws {
    let root = Self.sandbox()
    defer { try? FileManager.default.removeItem(at: root) }
    let out = root.appendingPathComponent("out")
    try OutputSet.write([("summary.json", "old\n")], into: out.path)
    let dead = try Self.deadProcess()
    let abandoned = root.appendingPathComponent(".out.\(dead)-0a1b2c3d.partial")
    try FileManager.default.createDirectory(at: abandoned, withIntermediateDirectories: true)
    try "half\n".write(to: abandoned.appendingPathComponent("replications.csv"), atomically: false, encoding: .utf8)
    // A run still writing (in this process: its lock is held) keeps its sibling while another
    // set into the same folder starts and ends.
    let running = try OutputSet(folder: out.path, writing: ["summary.json"])
    #expect(!FileManager.default.fileExists(atPath: abandoned.path))
    try OutputSet.write([("summary.json", "new\n")], into: out.path)
    #expect(FileManager.default.fileExists(atPath: running.partial.path))
    running.discard()
    #expect(Self.contents(root).keys.sorted() == ["out"])
    #expect(Self.contents(out) == ["summary.json": "new\n"])
  }

  /// The PID of a process that has ended.
  static func deadProcess() throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try process.run()
    process.waitUntilExit()
    return process.processIdentifier
  }
}
