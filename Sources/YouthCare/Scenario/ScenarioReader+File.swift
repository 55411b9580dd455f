import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension ScenarioReader {
  /// The text of an input file, or an error naming the file.
  ///
  /// A file over `ScenarioLimits.fileBytes` is refused before it is read: the YAML parser holds
  /// every node of a file in memory (5 GB for an 88 MB file), and no scenario is that large.
  package static func text(of path: String) throws(ScenarioError) -> String {
    func refused(_ message: String) -> ScenarioError {
      ScenarioError(file: path, issues: [ScenarioIssue(path: "(file)", line: nil, message: message)])
    }
    let limit = RunLimits.gib(Double(ScenarioLimits.fileBytes))
    // open(2) and read(2) directly, so the message names the real cause (a missing file, a folder,
    // no permission) and a device or pipe (/dev/null, <(…)) is read like a file.
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      let cause = errno
      switch cause {
      case ENOENT: throw refused(FileManager.default.fileExists(atPath: (path as NSString).deletingLastPathComponent)
        || !path.contains("/") ? "does not exist" : "does not exist (nor does its folder)")
      case EACCES: throw refused("cannot be read: permission denied")
      default: throw refused("cannot be read: \(String(cString: strerror(cause)))")
      }
    }
    defer { close(descriptor) }
    var status = stat()
    if fstat(descriptor, &status) == 0 {
      if status.st_mode & S_IFMT == S_IFDIR { throw refused("is a folder; give a scenario file (.yaml)") }
      if status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) > ScenarioLimits.fileBytes {
        throw refused("is \(RunLimits.gib(Double(status.st_size))), larger than the \(limit) a scenario or sweep file may have; is it the right file?")
      }
    }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw refused("cannot be read: \(String(cString: strerror(errno)))")
      }
      if count == 0 { break }
      bytes += chunk[0..<count]
      // A pipe or device has no size to check beforehand.
      if bytes.count > ScenarioLimits.fileBytes {
        throw refused("is larger than the \(limit) a scenario or sweep file may have; is it the right file?")
      }
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw refused("is not UTF-8 text; save it as UTF-8 (is it a spreadsheet or a binary file?)")
    }
    return text
  }
}
