import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Puts a new folder in the place of an existing one in one step, so that a reader of the path sees
/// the whole old folder or the whole new one.
///
/// Linux exchanges the two atomically with `renameat2(RENAME_EXCHANGE)` (Linux 3.15, on ext4, xfs,
/// btrfs, tmpfs and most local file systems). glibc declares `renameat2` only under `_GNU_SOURCE`,
/// which Swift's Glibc module does not import, so it is looked up when needed. Where it is missing,
/// or the file system refuses the flag, two renames do it: the old folder steps aside to a hidden
/// name, then the new one takes its name. Between the two the path briefly names no folder, but
/// it never names a mixture, and `OutputSet` puts a stranded old folder back.
enum FolderExchange {
  /// A system call failed; `reason` is its `strerror` text.
  struct Failure: Error {
    var code: Int32
    var reason: String

    init(errno code: Int32) {
      self.code = code
      reason = String(cString: strerror(code))
    }
  }

  /// Puts `new` in the place of the existing folder `target` and returns where the old folder is
  /// now: at `new`'s path after an exchange, or at `aside` after two renames. Nothing has moved
  /// when it throws. `exchanging: false` goes straight to the two renames (for tests).
  static func replace(_ target: URL, with new: URL, aside: URL, exchanging: Bool = true) throws(Failure) -> URL {
    let failure = exchanging ? exchange(new.path, target.path) : ENOSYS
    if failure == 0 { return new }
    // ENOSYS: no such call; EINVAL: this file system cannot exchange. Anything else is real.
    guard failure == ENOSYS || failure == EINVAL else { throw Failure(errno: failure) }
    guard rename(target.path, aside.path) == 0 else { throw Failure(errno: errno) }
    guard rename(new.path, target.path) == 0 else {
      let failure = errno
      _ = rename(aside.path, target.path)
      throw Failure(errno: failure)
    }
    return aside
  }

  /// `renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE)`: 0, or the errno it failed with
  /// (ENOSYS where the system has no such call).
  private static func exchange(_ a: String, _ b: String) -> Int32 {
    #if os(Linux)
    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    let renameExchange: UInt32 = 1 << 1  // RENAME_EXCHANGE in linux/fs.h
    guard let process = dlopen(nil, RTLD_NOW) else { return ENOSYS }
    defer { dlclose(process) }
    guard let symbol = dlsym(process, "renameat2") else { return ENOSYS }
    let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
    return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0 ? 0 : errno
    #else
    return ENOSYS
    #endif
  }
}
