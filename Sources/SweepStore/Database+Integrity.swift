extension Database {
  /// Checks the file with SQLite's `PRAGMA integrity_check`, throwing a `.damaged` error that
  /// quotes SQLite's first findings.
  ///
  /// Every page is read, so pages overwritten by a disk fault, a bad copy or another program are
  /// found before a command counts, exports or adds to what is stored. Not `quick_check`: it does
  /// not check that rows are in key order, so a `years` page copied over another passes it while
  /// the table then holds duplicate rows; `integrity_check` finds that, for about a quarter more
  /// time (0.23 s against 0.18 s on a 79 MB store of 600,000 year rows).
  func checkIntegrity() throws(DatabaseError) {
    // A file SQLite cannot read at all fails here with its code (corrupt, not a database), which
    // DatabaseError already reports as damage.
    let findings = try query("PRAGMA integrity_check(10)") { $0.string(0) }
    guard findings != ["ok"] else { return }
    let lines = findings.flatMap { $0.split(separator: "\n").map(String.init) }
      .filter { !$0.hasPrefix("*** in database") }
    let shown = lines.prefix(3).joined(separator: "; ")
    let more = lines.count > 3 ? "; and more" : ""
    throw DatabaseError.damaged(path, shown + more)
  }
}
