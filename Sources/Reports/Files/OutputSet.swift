import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files one command writes into its `--out` folder, replaced as one set: whatever fails, the
/// folder holds the old set or the new one, never a mixture (issue 19 item 6).
///
/// The new set is written into a hidden sibling of the folder, `.NAME.PID-TOKEN.partial` (the token
/// tells two sets of one process apart), locked while
/// this process lives. `commit` keeps the analyst's own files from the old folder, puts the sibling
/// in the folder's place in one step (`FolderExchange`) and removes the old folder. `discard`, a
/// failure, or the set going away uncommitted removes the sibling and any folder made for it, and
/// leaves the folder as it was; a command that fails writing into a new folder leaves no folder. A
/// process killed on the way leaves its sibling, which the next command writing into the same folder
/// removes (`OutputSet+Leftovers.swift`). Which files are the analyst's, and which folders lumpsim
/// will not replace: `OutputSet+Contents.swift` and docs/output.md, "Replacing a folder".
public final class OutputSet {
  /// Every name a lumpsim command writes into `--out`. A file with one of these names belongs to
  /// the folder's previous set and is replaced or dropped; any other file is the analyst's and stays.
  public static let names: Set<String> = [
    "summary.json", "years.csv", "monthly.csv", "contracts.csv",  // run
    "replications.csv", "bands.csv",  // batch
    "differences.csv",  // compare
  ]

  /// The folder as the command was given it, for messages.
  let given: String
  /// The folder, absolute, with symbolic links resolved where it exists.
  let target: URL
  /// Where the new set is written until it is committed.
  let partial: URL
  /// Where the old folder steps aside where folders cannot be exchanged in one step.
  let aside: URL
  /// The names this command writes.
  let writes: Set<String>
  private var files: [StagedFile] = []
  /// Folders above the target that did not exist and were made for it: removed again on discard.
  private var madeFolders: [URL] = []
  /// An open descriptor of `partial` with an exclusive `flock`, which tells another run that this
  /// sibling is being written; the kernel releases it however the process ends.
  private var lock: Int32 = -1
  private var finished = false

  /// Prepares to write the files `names` into `folder`. Throws a refusal (`WriteError.refused`,
  /// the analyst must choose another folder) for a folder lumpsim may not replace, before anything
  /// is written.
  public init(folder: String, writing names: [String]) throws(AtomicFile.WriteError) {
    given = folder
    writes = Set(names)
    target = Self.resolve(folder)
    let parent = target.deletingLastPathComponent()
    let owner = "\(getpid())-\(UUID().uuidString.prefix(8).lowercased())"
    partial = parent.appendingPathComponent(".\(target.lastPathComponent).\(owner).partial")
    aside = parent.appendingPathComponent(".\(target.lastPathComponent).\(owner).old")
    do throws(AtomicFile.WriteError) {
      guard target.path != "/" else { throw refusal("is the root folder; give a folder for the results") }
      madeFolders = try makeFolders(parent)
      removeLeftovers()
      let mode = try checkTarget()
      guard mkdir(partial.path, 0o777) == 0 else {
        throw AtomicFile.WriteError(path: given, reason: "cannot make a folder next to it (\(String(cString: strerror(errno)))); "
          + "lumpsim writes the new results beside the folder, then puts them in its place, so its parent folder must be writable")
      }
      // The new folder takes the old one's permissions, as the files in it used to keep them.
      if let mode { chmod(partial.path, mode) }
      lock = open(partial.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
      if lock >= 0 { _ = flock(lock, LOCK_EX) }
    } catch {
      discard()
      throw error
    }
  }

  deinit {
    if !finished { discard() }
  }

  /// A file of the set written piece by piece while the command runs (batch's replications.csv).
  public func stream(_ name: String) throws(AtomicFile.WriteError) -> StagedFile {
    let file = try StagedFile(path: partial.appendingPathComponent(name).path)
    files.append(file)
    return file
  }

  /// A file of the set, whole.
  public func write(_ name: String, _ text: String) throws(AtomicFile.WriteError) {
    try stream(name).write(text)
  }

  /// Puts the new set in the folder's place, with the analyst's own files kept; on failure the
  /// folder is as it was and the new set is gone.
  public func commit() throws(AtomicFile.WriteError) {
    do throws(AtomicFile.WriteError) {
      for file in files { try file.commit() }
      if try checkTarget() != nil {
        for name in try keptEntries() { try keep(name) }
        let old: URL
        do {
          old = try FolderExchange.replace(target, with: partial, aside: aside)
        } catch {
          throw AtomicFile.WriteError(path: given, reason: "cannot put the new results in place: \(error.reason)")
        }
        finish()
        // The old set; should this fail, the next run into this folder removes it.
        try? FileManager.default.removeItem(at: old)
      } else {
        guard rename(partial.path, target.path) == 0 else {
          throw AtomicFile.WriteError(path: given, reason: "cannot put the new results in place: \(String(cString: strerror(errno)))")
        }
        finish()
      }
    } catch {
      discard()
      throw error
    }
  }

  /// Drops the new set: the folder stays as it was, and a folder made for it goes again.
  public func discard() {
    guard !finished else { return }
    for file in files { file.discard() }
    finish()
    try? FileManager.default.removeItem(at: partial)
    for folder in madeFolders.reversed() { rmdir(folder.path) }
  }

  /// Writes `files` into `folder` as one set.
  public static func write(_ files: [(name: String, text: String)], into folder: String) throws(AtomicFile.WriteError) {
    let set = try OutputSet(folder: folder, writing: files.map(\.name))
    for file in files { try set.write(file.name, file.text) }
    try set.commit()
  }

  private func finish() {
    finished = true
    if lock >= 0 { close(lock) }
    lock = -1
  }

  /// A refusal about the folder: exit 2, the analyst chooses another.
  func refusal(_ reason: String) -> AtomicFile.WriteError {
    AtomicFile.WriteError(path: given, reason: reason, refused: true)
  }

  /// `folder` made absolute, with symbolic links resolved in the part of it that exists: the
  /// exchange must move the real folder, not a link to it.
  static func resolve(_ folder: String) -> URL {
    let url = URL(fileURLWithPath: folder).standardizedFileURL
    func real(_ path: String) -> String? {
      guard let resolved = realpath(path, nil) else { return nil }
      defer { free(resolved) }
      return String(cString: resolved)
    }
    if let path = real(url.path) { return URL(fileURLWithPath: path) }
    if let parent = real(url.deletingLastPathComponent().path) {
      return URL(fileURLWithPath: parent).appendingPathComponent(url.lastPathComponent)
    }
    return url
  }

  /// Makes the missing folders up to and including `folder`; returns them, outermost first.
  private func makeFolders(_ folder: URL) throws(AtomicFile.WriteError) -> [URL] {
    var missing: [URL] = []
    var next = folder
    while !FileManager.default.fileExists(atPath: next.path), next.path != "/" {
      missing.insert(next, at: 0)
      next = next.deletingLastPathComponent()
    }
    var made: [URL] = []
    for folder in missing {
      guard mkdir(folder.path, 0o777) == 0 || errno == EEXIST else {
        let reason = String(cString: strerror(errno))
        for folder in made.reversed() { rmdir(folder.path) }
        throw AtomicFile.WriteError(path: given, reason: "cannot make the folder \(folder.path): \(reason)")
      }
      made.append(folder)
    }
    return made
  }

  /// Checks that an existing target is a folder lumpsim may replace and returns its permissions;
  /// nil when there is no folder yet.
  private func checkTarget() throws(AtomicFile.WriteError) -> mode_t? {
    var folder = stat()
    guard stat(target.path, &folder) == 0 else {
      // A link whose target is gone: the swap would replace the link, not make its folder.
      var link = stat()
      if lstat(target.path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK {
        let destination = (try? FileManager.default.destinationOfSymbolicLink(atPath: target.path)) ?? "?"
        throw refusal("is a link to \(destination), which does not exist; make that folder or give another --out")
      }
      return nil
    }
    guard folder.st_mode & S_IFMT == S_IFDIR else {
      throw refusal(folder.st_mode & S_IFMT == S_IFREG ? "is a file, not a folder; give a folder for the results"
        : "is a device or pipe, not a folder; give a folder for the results")
    }
    var here = stat()
    if stat(".", &here) == 0 && here.st_dev == folder.st_dev && here.st_ino == folder.st_ino {
      throw refusal("is the folder you are in; lumpsim replaces an output folder as a whole, which would leave "
        + "your shell in the removed folder: run the command from the folder above, with --out \(target.lastPathComponent)")
    }
    var above = stat()
    if stat(target.deletingLastPathComponent().path, &above) == 0 && above.st_dev != folder.st_dev {
      throw refusal("is a mount point, which cannot be replaced as a whole; give a folder inside it")
    }
    _ = try keptEntries()
    return folder.st_mode & 0o7777
  }
}
