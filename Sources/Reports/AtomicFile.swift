import Foundation

/// Writes files so a reader never sees half of one: a temporary file in the same folder, then rename.
public enum AtomicFile {
  /// A file could not be written.
  public struct WriteError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "cannot write \(path): \(reason)" }
  }

  /// Writes `text` to `path` atomically, creating the folder if needed.
  public static func write(_ text: String, to path: String) throws(WriteError) {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
      try Data(text.utf8).write(to: temporary)
      if rename(temporary.path, url.path) != 0 {
        let reason = String(cString: strerror(errno))
        try? FileManager.default.removeItem(at: temporary)
        throw WriteError(path: path, reason: reason)
      }
    } catch let error as WriteError {
      throw error
    } catch {
      throw WriteError(path: path, reason: error.localizedDescription)
    }
  }

  /// Writes several files; each is atomic, and all are prepared before any is renamed into place.
  public static func writeAll(_ files: [(name: String, text: String)], into folder: String) throws(WriteError) {
    let base = URL(fileURLWithPath: folder)
    do {
      try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
    } catch {
      throw WriteError(path: folder, reason: error.localizedDescription)
    }
    var staged: [(URL, URL)] = []
    for file in files {
      let target = base.appendingPathComponent(file.name)
      let temporary = base.appendingPathComponent(".\(file.name).\(ProcessInfo.processInfo.processIdentifier).tmp")
      do {
        try Data(file.text.utf8).write(to: temporary)
      } catch {
        for (t, _) in staged { try? FileManager.default.removeItem(at: t) }
        try? FileManager.default.removeItem(at: temporary)
        throw WriteError(path: target.path, reason: error.localizedDescription)
      }
      staged.append((temporary, target))
    }
    for (temporary, target) in staged where rename(temporary.path, target.path) != 0 {
      throw WriteError(path: target.path, reason: String(cString: strerror(errno)))
    }
  }
}
