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

/// A file written piece by piece into a hidden temporary file, which appears under its name only
/// when committed; discarded, it leaves nothing behind.
public final class StagedFile {
  let temporary: URL
  let target: URL
  private let handle: FileHandle

  /// Opens the temporary file next to `path`.
  public init(path: String) throws(AtomicFile.WriteError) {
    target = URL(fileURLWithPath: path)
    let folder = target.deletingLastPathComponent()
    temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
        throw AtomicFile.WriteError(path: path, reason: "cannot create \(temporary.path)")
      }
      handle = try FileHandle(forWritingTo: temporary)
    } catch let error as AtomicFile.WriteError {
      throw error
    } catch {
      throw AtomicFile.WriteError(path: path, reason: error.localizedDescription)
    }
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
    try? handle.close()
    if rename(temporary.path, target.path) != 0 {
      throw AtomicFile.WriteError(path: target.path, reason: String(cString: strerror(errno)))
    }
  }

  /// Removes the temporary file.
  public func discard() {
    try? handle.close()
    try? FileManager.default.removeItem(at: temporary)
  }
}
