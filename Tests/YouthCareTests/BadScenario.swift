import Foundation
import Testing

/// A bad scenario from `Tests/Fixtures/bad-scenarios`, with what its first line says to expect:
/// `# expect: PATH[ line N]: MESSAGE`.
struct BadScenario: CustomTestStringConvertible, Sendable {
  var name: String
  var file: String
  var path: String
  var line: Int?
  var message: String
  var testDescription: String { name }

  static let all: [BadScenario] = {
    let folder = Fixtures.root.appendingPathComponent("Tests/Fixtures/bad-scenarios")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted().map { name in
      let file = folder.appendingPathComponent(name).path
      let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
      let header = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
      precondition(header.hasPrefix("# expect: "), "\(name) lacks its '# expect:' line")
      let rest = header.dropFirst("# expect: ".count)
      let colon = rest.range(of: ": ")!
      var target = String(rest[..<colon.lowerBound])
      var line: Int?
      if let range = target.range(of: " line ") {
        line = Int(target[range.upperBound...])
        target = String(target[..<range.lowerBound])
      }
      return BadScenario(name: name, file: file, path: target, line: line, message: String(rest[colon.upperBound...]))
    }
  }()
}
