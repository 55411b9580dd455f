import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SweepStore {
  /// Makes a new store at `path` that appears whole or not at all: `fill` writes it under the
  /// temporary name `PATH.partial-PID`, which is renamed to `path` once `fill` has committed.
  ///
  /// A store is thus never seen without its definition: a kill or a full disk during creation
  /// leaves at most the temporary file, which the next command on `path` removes
  /// (`removeAbandonedPartials`), and the same command then creates the store again. SQLite needs
  /// a named file, so the temporary file cannot be unnamed as `AtomicFile`'s are. The caller holds
  /// the store's `StoreLock`, so no other lumpsim creates `path` meanwhile.
  static func create(_ path: String, _ fill: (Database) throws(DatabaseError) -> Void) throws(DatabaseError) {
    let temporary = path + ".partial-\(getpid())"
    removeAbandonedPartials(of: path)
    do throws(DatabaseError) {
      // Its own scope: the connection is closed (and the file complete) before the rename.
      do {
        let database = try Database(path: temporary, create: true, name: path)
        try fill(database)
      }
      guard rename(temporary, path) == 0 else {
        throw DatabaseError(.failure, message: "cannot create '\(path)': \(String(cString: strerror(errno)))")
      }
    } catch {
      removeAbandonedPartials(of: path)
      throw error
    }
    // The rename is durable only once the folder is on disk; SQLite syncs its file, not the name.
    syncFolder(of: path)
  }

  /// Removes what creations and merges into `path` left when they were killed: `PATH.partial-PID`
  /// and its SQLite journal, for every PID whose process is gone (those of a merge still running
  /// are kept) and for this process's own PID.
  static func removeAbandonedPartials(of path: String) {
    let url = URL(fileURLWithPath: path)
    let prefix = url.lastPathComponent + ".partial-"
    let folder = url.deletingLastPathComponent()
    let me = getpid()
    for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasPrefix(prefix) {
      // `-journal`, `-wal`, `-shm` too: a journal left for a file that is then made anew under the
      // same name would be played back into it.
      guard let pid = Int32(name.dropFirst(prefix.count).prefix { $0 != "-" }) else { continue }
      if pid == me || (kill(pid, 0) != 0 && errno == ESRCH) {
        try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
      }
    }
  }

  /// What is at a store's path, before a writer decides whether to create, resume or start over.
  enum StoreFile {
    case missing
    /// A file that SQLite opens but that has no tables: what a store made by lumpsim 0.1.0
    /// leaves when it is killed, or its disk fills, before its definition is committed.
    case unfinished
    case store
  }

  /// What is at `path`; refuses what is not a file (a folder, a device, a link to nothing), since
  /// a writer may replace an unfinished store.
  static func storeFile(_ path: String) throws(DatabaseError) -> StoreFile {
    var link = stat(), target = stat()
    guard lstat(path, &link) == 0 else { return .missing }
    guard stat(path, &target) == 0 else {
      throw DatabaseError(message: "'\(path)' is a link to a file that does not exist; remove it or give another store")
    }
    guard target.st_mode & S_IFMT == S_IFREG else {
      throw DatabaseError(message: "'\(path)' is not a file (a folder or a device); give another store")
    }
    // Only a file itself, not one reached through a link, is replaced.
    guard link.st_mode & S_IFMT == S_IFREG else { return .store }
    let database = try Database(path: path, create: false)
    let tables = try database.query("SELECT count(*) FROM sqlite_schema") { $0.int(0) }.first ?? 0
    return tables == 0 ? .unfinished : .store
  }

  /// Removes an unfinished store and SQLite's files beside it.
  static func removeUnfinished(_ path: String) throws(DatabaseError) {
    for suffix in ["", "-wal", "-shm", "-journal"] where FileManager.default.fileExists(atPath: path + suffix) {
      do {
        try FileManager.default.removeItem(atPath: path + suffix)
      } catch {
        throw DatabaseError(.failure, message: "cannot start '\(path)' over: \(error.localizedDescription)")
      }
    }
  }
}

/// Flushes the folder holding `path` to disk, so a rename into it survives a power cut.
private func syncFolder(of path: String) {
  let folder = open(URL(fileURLWithPath: path).deletingLastPathComponent().path, O_RDONLY)
  guard folder >= 0 else { return }
  _ = fsync(folder)
  close(folder)
}
