import CSQLite
import Foundation

/// A store that cannot be used, with what went wrong and what kind of problem it is, since the
/// kind decides what the analyst does next (and the command's exit code).
public struct DatabaseError: Error, Sendable, CustomStringConvertible {
  /// What kind of problem a `DatabaseError` is.
  public enum Kind: Sendable, Equatable {
    /// The store given does not fit the command (none there, not a sweep store, another sweep or
    /// shard): the command must change.
    case refused
    /// SQLite found the file damaged: nothing in it can be trusted.
    case damaged
    /// Another process is writing the store.
    case inUse
    /// Anything else SQLite or the system reported (a full disk, an I/O error, no permission).
    case failure
  }

  public var kind: Kind
  public var message: String
  public var description: String { message }

  public init(_ kind: Kind = .refused, message: String) {
    self.kind = kind
    self.message = message
  }

  /// The error for SQLite's result `code` on the file at `path`, with SQLite's own `detail` and
  /// the system's error number behind it (0 when there is none).
  ///
  /// Damage (SQLite's "malformed") is recognised by its code wherever it shows up (opening,
  /// reading, writing), so a store found damaged halfway through a command is reported the same
  /// way as one the integrity check catches. A full disk often reaches SQLite as a failed write
  /// ("disk I/O error"), so the system's error number is what recognises it.
  init(code: Int32, path: String, detail: String, systemError: Int32 = 0) {
    let full = code & 0xff == SQLITE_FULL || (code & 0xff == SQLITE_IOERR && (systemError == ENOSPC || systemError == EDQUOT))
    switch code & 0xff {
    case SQLITE_CORRUPT:
      self = .damaged(path, detail)
    case SQLITE_NOTADB:
      // SQLite says this when the file's header is not SQLite's: far more often a wrong file
      // (a CSV, a report) than a store whose first bytes were overwritten, so it is a refusal.
      self.init(.refused, message: "'\(path)' is not a lumpsim sweep store: it is not an SQLite file "
        + "(if it was a store, its header is overwritten: run the sweep again into a new store)")
    case _ where full:
      self.init(.failure, message: "'\(path)': the disk is full (\(detail)); free space and run the same command again")
    case _ where systemError != 0:
      self.init(.failure, message: "'\(path)': \(detail) (\(String(cString: strerror(systemError))))")
    default:
      self.init(.failure, message: "'\(path)': \(detail)")
    }
  }

  /// A store SQLite reports damaged (`detail` says where), with what to do about it.
  static func damaged(_ path: String, _ detail: String) -> DatabaseError {
    DatabaseError(.damaged, message: "store is damaged: '\(path)': \(detail). Its results cannot be trusted: "
      + "run the sweep again into a new store, or restore a copy")
  }
}
