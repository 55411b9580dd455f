import Foundation
@testable import Reports
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// What `AtomicFile.write` does with what is already at the path (D16: `report -o /dev/null`
/// renamed a file over the device, so /dev/null became a regular file for every process).
@Suite("Writing a single file over what is there")
struct AtomicFileTargetTests {
  static func folder() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("lumpsim-atomic-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test("a device is written into, never replaced by a file", .enabled(if: getuid() == 0, "making a device needs root"))
  func deviceStaysADevice() throws {
    let folder = Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let device = folder.appendingPathComponent("null").path
    // A null device (major 1, minor 3) of our own (root can make one; CI runs as root), so the real /dev/null is
    // never at risk if this test fails.
    try #require(mknod(device, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0, "mknod needs root: \(String(cString: strerror(errno)))")
    try AtomicFile.write("report", to: device)
    var entry = stat()
    #expect(lstat(device, &entry) == 0 && entry.st_mode & S_IFMT == S_IFCHR, "still a character device")
  }

  @Test("a link is followed: its target is replaced and the link stays a link")
  func linkIsFollowed() throws {
    let folder = Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("real.html").path, link = folder.appendingPathComponent("link.html").path
    try "old".write(toFile: target, atomically: false, encoding: .utf8)
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.html")
    try AtomicFile.write("new", to: link)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.html")
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
  }

  @Test("a folder is refused, as bad input naming a file to give instead")
  func folderIsRefused() throws {
    let folder = Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    do {
      try AtomicFile.write("x", to: folder.path)
      Issue.record("a folder was written over")
    } catch {
      #expect(error.refused && error.description.contains("is a folder; give a file name"), "\(error)")
    }
  }
}
