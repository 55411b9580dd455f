import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What happens to what the old folder holds when a new set takes its place.
///
/// lumpsim owns the names it writes (`OutputSet.names`); everything else in an output folder is the
/// analyst's. An analyst keeps notes, a report (`lumpsim report out -o out/report.html`) or a
/// spreadsheet next to the results and would not expect a rerun to delete them, so the files and
/// links that are theirs are kept: hard-linked into the new folder before the swap (the same file,
/// not a copy, and the old folder is untouched should anything fail), or copied where the file
/// system has no hard links. Files lumpsim wrote that the new set does not write (an earlier
/// `run`'s years.csv under a batch) are the old set's and go with it, so the folder never mixes
/// two runs. A subfolder lumpsim did not write is refused, as is a folder where lumpsim writes a
/// file: such a folder is a project or a home folder rather than an output folder, and swapping
/// it as a whole would move a tree under the analyst's feet.
extension OutputSet {
  /// The names in the existing folder to keep in the new one; refuses a folder holding what
  /// lumpsim can neither keep nor replace.
  func keptEntries() throws(AtomicFile.WriteError) -> [String] {
    let entries = ((try? FileManager.default.contentsOfDirectory(atPath: target.path)) ?? []).sorted()
    var kept: [String] = [], inTheWay: [String] = [], foreign: [String] = []
    for name in entries {
      var entry = stat()
      guard lstat(target.appendingPathComponent(name).path, &entry) == 0 else { continue }
      let kind = entry.st_mode & S_IFMT
      if writes.contains(name) {
        if kind == S_IFDIR { inTheWay.append(name) }
      } else if kind == S_IFDIR {
        foreign.append(name)
      } else if Self.names.contains(name) || Self.isTemporary(name) {
        continue  // the old set's
      } else if kind == S_IFREG || kind == S_IFLNK {
        kept.append(name)
      } else {
        foreign.append(name)  // a socket or a pipe: not something to carry over
      }
    }
    if let name = inTheWay.first {
      throw refusal("holds a folder \(name) where lumpsim writes its file \(name); move or rename that folder, "
        + "or choose another --out (nothing was written)")
    }
    if !foreign.isEmpty {
      let listed = foreign.prefix(5).joined(separator: ", ") + (foreign.count > 5 ? " and \(foreign.count - 5) more" : "")
      throw refusal("holds folders lumpsim did not write (\(listed)); lumpsim replaces an output folder as a whole, "
        + "keeping only the files in it that are yours, so give a new or empty folder for --out, or move them (nothing was written)")
    }
    return kept
  }

  /// Puts the analyst's entry `name` into the new set: a hard link, or a copy where none can be made.
  func keep(_ name: String) throws(AtomicFile.WriteError) {
    let source = target.appendingPathComponent(name), destination = partial.appendingPathComponent(name)
    // Flags 0: a symbolic link is linked as the link, not as what it points to.
    if linkat(AT_FDCWD, source.path, AT_FDCWD, destination.path, 0) == 0 { return }
    do {
      try FileManager.default.copyItem(at: source, to: destination)
    } catch {
      throw AtomicFile.WriteError(path: source.path, reason: "cannot keep it in the new results: \(error.localizedDescription)")
    }
  }

  /// A temporary file `StagedFile` names `.NAME.PID.tmp` where it cannot write an unnamed one,
  /// left by a run killed before this way of writing.
  static func isTemporary(_ name: String) -> Bool {
    guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return false }
    let parts = name.dropFirst().dropLast(4).split(separator: ".")
    guard let pid = parts.last, pid.allSatisfy(\.isNumber) else { return false }
    return names.contains(parts.dropLast().joined(separator: "."))
  }
}
