import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Writes files so a reader never sees half of one, and a killed process leaves no half-written
/// file behind: the content goes into a temporary file, which appears under its name only whole.
///
/// On Linux the temporary file has no name at all while it is written (`O_TMPFILE`): if the
/// process is killed, even with SIGKILL, the kernel frees it and the folder holds nothing new.
/// Once complete it is linked under a hidden name and renamed over the target, so a reader sees
/// the old file or the new one. Where unnamed files are not available (another system, a file
/// system without them) the temporary file is a hidden `.NAME.PID.tmp` next to the target.
/// Several files that belong together are written as one `OutputSet`.
public enum AtomicFile {
  /// A file could not be written.
  public struct WriteError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    /// The path given is one lumpsim will not write to as it stands (a folder in the way, say):
    /// bad input the analyst must change (exit 2), not a failure of the machine.
    public var refused = false
    public var description: String { refused ? "\(path) \(reason)" : "cannot write \(path): \(reason)" }
  }

  /// Writes `text` to `path` atomically, creating the folder if needed.
  ///
  /// What is at `path` decides how: a regular file (or none) is replaced whole; a link is followed
  /// and its target replaced, so the link stays; a device or pipe (`-o /dev/null`, `-o /dev/stdout`)
  /// is written into, since replacing it would put a file where the device was; a folder is refused.
  public static func write(_ text: String, to path: String) throws(WriteError) {
    var entry = stat()
    // stat follows links to the end (/dev/stdout → /proc/self/fd/1 → a pipe), which no name does.
    if stat(path, &entry) == 0, [S_IFCHR, S_IFIFO, S_IFSOCK].contains(entry.st_mode & S_IFMT) {
      try writeInto(text, stream: path, given: path)
      return
    }
    var target = path
    for _ in 0..<40 where lstat(target, &entry) == 0 && entry.st_mode & S_IFMT == S_IFLNK {
      guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: target) else { break }
      target = destination.hasPrefix("/") ? destination
        : URL(fileURLWithPath: target).deletingLastPathComponent().appendingPathComponent(destination).path
    }
    if lstat(target, &entry) == 0 {
      switch entry.st_mode & S_IFMT {
      case S_IFDIR:
        throw WriteError(path: path, reason: "is a folder; give a file name, e.g. \(path)/report.html", refused: true)
      default:
        break
      }
    }
    let file = try StagedFile(path: target)
    do {
      try file.write(text)
      try file.commit()
    } catch {
      file.discard()
      throw error
    }
  }
}

extension AtomicFile {
  /// Writes into a device or pipe as it is (there is nothing to replace atomically).
  static func writeInto(_ text: String, stream: String, given: String) throws(WriteError) {
    guard let handle = FileHandle(forWritingAtPath: stream) else {
      throw WriteError(path: given, reason: String(cString: strerror(errno)))
    }
    defer { try? handle.close() }
    do {
      try handle.write(contentsOf: Data(text.utf8))
    } catch {
      throw WriteError(path: given, reason: error.localizedDescription)
    }
  }
}

/// A file written piece by piece into a temporary file, which appears under its name only when
/// committed; discarded, or the process killed, it leaves nothing behind (see `AtomicFile`).
public final class StagedFile {
  let target: URL
  /// The hidden name the content takes just before the rename.
  let temporary: URL
  private let handle: FileHandle
  /// True while the content lives in an unnamed file (Linux `O_TMPFILE`).
  private let unnamed: Bool
  private var finished = false

  /// Opens the temporary file in the folder of `path`, creating the folder if needed.
  public init(path: String) throws(AtomicFile.WriteError) {
    target = URL(fileURLWithPath: path)
    let folder = target.deletingLastPathComponent()
    temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw AtomicFile.WriteError(path: path, reason: error.localizedDescription)
    }
    let descriptor = Self.openUnnamed(in: folder.path)
    if descriptor >= 0 {
      handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
      unnamed = true
      return
    }
    guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
      let named = FileHandle(forWritingAtPath: temporary.path)
    else {
      throw AtomicFile.WriteError(path: path, reason: "cannot create a temporary file in \(folder.path)")
    }
    handle = named
    unnamed = false
  }

  deinit {
    if !finished { discard() }
  }

  /// An unnamed file in `folder` open for writing, or -1 where the system or file system has none.
  private static func openUnnamed(in folder: String) -> Int32 {
    #if os(Linux)
    // O_TMPFILE is a macro Swift does not import: __O_TMPFILE (the same value on every Linux
    // architecture Swift runs on, asm-generic/fcntl.h) together with O_DIRECTORY.
    let oTmpfile: Int32 = 0o2000_0000 | O_DIRECTORY
    return open(folder, oTmpfile | O_WRONLY | O_CLOEXEC, 0o644)
    #else
    return -1
    #endif
  }

  /// Appends text.
  public func write(_ text: String) throws(AtomicFile.WriteError) {
    do {
      try handle.write(contentsOf: Data(text.utf8))
    } catch {
      throw AtomicFile.WriteError(path: target.path, reason: error.localizedDescription)
    }
  }

  /// Moves the file into place under its name.
  public func commit() throws(AtomicFile.WriteError) {
    finished = true
    if unnamed {
      #if os(Linux)
      // Give the finished content its hidden name, then rename it over the target: linkat cannot
      // replace a file, rename can, atomically.
      let source = "/proc/self/fd/\(handle.fileDescriptor)"
      if linkat(AT_FDCWD, source, AT_FDCWD, temporary.path, AT_SYMLINK_FOLLOW) != 0 {
        let reason = String(cString: strerror(errno))
        try? handle.close()
        throw AtomicFile.WriteError(path: target.path, reason: reason)
      }
      #endif
    }
    try? handle.close()
    if rename(temporary.path, target.path) != 0 {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: temporary)
      throw AtomicFile.WriteError(path: target.path, reason: reason)
    }
  }

  /// Drops the content; nothing appears under the target's name.
  public func discard() {
    finished = true
    try? handle.close()
    if !unnamed { try? FileManager.default.removeItem(at: temporary) }
  }
}
