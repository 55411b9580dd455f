import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What killed runs into the same folder left beside it: a `.NAME.PID-TOKEN.partial` holding an
/// unfinished set (or, killed just after the swap, the old one), and, where folders cannot be
/// exchanged in one step, a `.NAME.PID-TOKEN.old` holding the old set.
///
/// A sibling is left alone while its run may still be going: while its process lives (the PID) and
/// while some process holds its lock (which also covers a run on another machine writing over a
/// network file system). An abandoned `.partial` is removed. An abandoned `.old` goes back in place
/// when the folder is missing, since its run died between its two renames, and is removed otherwise.
extension OutputSet {
  /// Removes, or puts back, the abandoned siblings of the target.
  func removeLeftovers() {
    let parent = target.deletingLastPathComponent()
    let prefix = ".\(target.lastPathComponent)."
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
    for entry in entries where entry.hasPrefix(prefix) {
      // Exactly PID-TOKEN.KIND, so that the siblings of a folder named, say, out.2 are not taken
      // for those of out.
      let parts = entry.dropFirst(prefix.count).split(separator: ".", omittingEmptySubsequences: false)
      guard parts.count == 2, parts[1] == "partial" || parts[1] == "old" else { continue }
      let owner = parts[0].split(separator: "-", omittingEmptySubsequences: false)
      guard owner.count == 2, owner[1].count == 8, owner[1].allSatisfy(\.isHexDigit),
            owner[0].allSatisfy(\.isNumber), let pid = Int32(owner[0]) else { continue }
      let kind = parts[1]
      let sibling = parent.appendingPathComponent(entry)
      guard Self.isAbandoned(sibling, by: pid) else { continue }
      if kind == "old" && !FileManager.default.fileExists(atPath: target.path) {
        _ = rename(sibling.path, target.path)
      } else {
        try? FileManager.default.removeItem(at: sibling)
      }
    }
  }

  /// No run is writing `sibling`: its process `pid` is gone (or is this one, whose live sets hold
  /// their locks) and nobody holds its lock.
  static func isAbandoned(_ sibling: URL, by pid: Int32) -> Bool {
    if pid != getpid() && (kill(pid, 0) == 0 || errno == EPERM) { return false }
    let descriptor = open(sibling.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    return flock(descriptor, LOCK_EX | LOCK_NB) == 0
  }
}
