import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The right to write one store, held by one process at a time: an exclusive `flock` on the
/// sibling file `STORE.lock`, which records who holds it.
///
/// Why a lock of its own and not SQLite's: SQLite's locks last a transaction, so two sweeps on one
/// store would both run, each doing the other's work, and one would die on a duplicate key. This
/// lock is taken before the store is opened and kept until the command ends, and a second writer
/// is refused at once with the holder's process id. The kernel releases a `flock` when its holder
/// dies, even by SIGKILL, so a killed sweep never leaves the store locked. A separate file (not
/// the store itself) keeps it apart from SQLite's own `fcntl` locks, which on NFS are the same
/// kind of lock as an emulated `flock`.
final class StoreLock {
  private let descriptor: Int32
  private let path: String

  /// Takes the lock of the store at `store` for `command` (how a refused writer names the holder),
  /// or throws `.inUse` naming the process that holds it.
  init(store: String, command: String) throws(DatabaseError) {
    path = store + ".lock"
    while true {
      var descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
      // A lock file another user's killed sweep left behind (mode 0644, theirs) still locks:
      // flock needs only a read descriptor. The record is then not rewritten.
      if descriptor < 0, errno == EACCES { descriptor = open(path, O_RDONLY | O_CLOEXEC) }
      guard descriptor >= 0 else {
        let code = errno
        let reason = String(cString: strerror(code))
        if code == ENOENT || code == ENOTDIR {
          throw DatabaseError(message: "cannot use '\(store)': its folder does not exist (\(reason))")
        }
        throw DatabaseError(.failure, message: "cannot lock '\(store)': cannot create '\(path)': \(reason)")
      }
      guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
        let code = errno
        let holder = Self.holder(descriptor)
        close(descriptor)
        if code == EWOULDBLOCK {
          throw DatabaseError(.inUse, message: "store '\(store)' is in use by \(holder); wait for it or stop it")
        }
        throw DatabaseError(.failure, message: "cannot lock '\(store)': \(String(cString: strerror(code)))")
      }
      // The holder before us removes the file as it lets go; if it did so after we opened it, the
      // lock we got is on a file nobody else will open: take the one now under that name instead.
      var held = stat(), named = stat()
      if fstat(descriptor, &held) == 0, stat(path, &named) == 0, held.st_dev == named.st_dev, held.st_ino == named.st_ino {
        self.descriptor = descriptor
        break
      }
      close(descriptor)
    }
    // Only a label for a refused writer's message: the lock holds whether or not this is written
    // (on a full disk it may not be).
    let record = "\(getpid()) \(Self.hostName) \(command)\n"
    _ = ftruncate(descriptor, 0)
    _ = record.withCString { pwrite(descriptor, $0, strlen($0), 0) }
  }

  // Removed while still held, so that no one can take a lock on a file about to vanish unseen.
  deinit {
    unlink(path)
    close(descriptor)
  }

  /// Who holds the lock open as `descriptor`, as a message names it.
  private static func holder(_ descriptor: Int32) -> String {
    var bytes = [UInt8](repeating: 0, count: 512)
    let count = pread(descriptor, &bytes, bytes.count, 0)
    let fields = String(decoding: bytes.prefix(max(0, count)), as: UTF8.self)
      .trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ", maxSplits: 2).map(String.init)
    // Between taking the lock and writing its record the holder leaves the file empty.
    guard fields.count == 3, let pid = Int32(fields[0]) else { return "another process" }
    let place = fields[1] == hostName ? "" : " on \(fields[1])"
    return "process \(pid) (\(fields[2]))\(place)"
  }

  private static var hostName: String {
    var name = [CChar](repeating: 0, count: 256)
    guard gethostname(&name, name.count - 1) == 0 else { return "?" }
    return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
