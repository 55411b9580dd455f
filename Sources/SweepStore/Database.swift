import CSQLite

/// One SQLite connection: a thin owner of `sqlite3*` that turns result codes into errors.
///
/// The store uses a handful of statements, so this is all it needs: open, run SQL, prepare,
/// bind, step, read columns. One connection is used from one thread at a time.
final class Database {
  private var handle: OpaquePointer?
  /// The file as messages name it.
  let path: String

  /// Opens (and with `create`, creates) the database file at `path`; messages call it `name`
  /// (a store being created is written under a temporary name the analyst never gave).
  init(path: String, create: Bool, name: String? = nil) throws(DatabaseError) {
    self.path = name ?? path
    let flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX
    let code = sqlite3_open_v2(path, &handle, flags, nil)
    guard code == SQLITE_OK else {
      let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
      let systemError = sqlite3_system_errno(handle)
      sqlite3_close(handle)
      handle = nil
      throw DatabaseError(code: code, path: self.path, detail: "cannot open: \(message)", systemError: systemError)
    }
    sqlite3_busy_timeout(handle, 10_000)
  }

  // close_v2: the connection closes once the last prepared statement is finalized, in whatever
  // order the owners go.
  deinit { sqlite3_close_v2(handle) }

  /// Runs one or more SQL statements that return no rows.
  func execute(_ sql: String) throws(DatabaseError) {
    var error: UnsafeMutablePointer<CChar>?
    let code = sqlite3_exec(handle, sql, nil, nil, &error)
    if code != SQLITE_OK {
      let message = error.map { String(cString: $0) } ?? "code \(code)"
      sqlite3_free(error)
      throw failure(code, message)
    }
  }

  /// Prepares a statement for repeated use.
  func prepare(_ sql: String) throws(DatabaseError) -> Statement {
    var statement: OpaquePointer?
    let code = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
    guard code == SQLITE_OK, let statement else {
      throw failure(code, "\(lastMessage) (in \(sql))")
    }
    return Statement(statement, database: self)
  }

  /// The rows of a query, each as its columns read by `row`.
  func query<T>(_ sql: String, _ row: (Statement) -> T) throws(DatabaseError) -> [T] {
    let statement = try prepare(sql)
    var rows: [T] = []
    while try statement.step() { rows.append(row(statement)) }
    return rows
  }

  var lastMessage: String { String(cString: sqlite3_errmsg(handle)) }

  /// The error for result `code`, with the system's error number SQLite saw behind it.
  func failure(_ code: Int32, _ detail: String) -> DatabaseError {
    DatabaseError(code: code, path: path, detail: detail, systemError: sqlite3_system_errno(handle))
  }
}

/// A prepared statement: bind by 1-based position, step, read columns by 0-based position.
final class Statement {
  private let statement: OpaquePointer
  private unowned let database: Database

  init(_ statement: OpaquePointer, database: Database) {
    self.statement = statement
    self.database = database
  }

  deinit { sqlite3_finalize(statement) }

  func bind(_ position: Int32, _ value: Int) { sqlite3_bind_int64(statement, position, Int64(value)) }
  func bind(_ position: Int32, _ value: Double) { sqlite3_bind_double(statement, position, value) }
  func bind(_ position: Int32, _ value: String) { sqlite3_bind_text(statement, position, value, -1, cs_transient()) }
  func bindNull(_ position: Int32) { sqlite3_bind_null(statement, position) }

  /// Steps once: true while there is a row to read.
  @discardableResult
  func step() throws(DatabaseError) -> Bool {
    let code = sqlite3_step(statement)
    switch code {
    case SQLITE_ROW: return true
    case SQLITE_DONE: return false
    default: throw database.failure(code, database.lastMessage)
    }
  }

  /// Clears the bindings and rewinds, for the next use.
  func reset() {
    sqlite3_reset(statement)
    sqlite3_clear_bindings(statement)
  }

  func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(statement, column)) }
  func double(_ column: Int32) -> Double { sqlite3_column_double(statement, column) }
  func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }
  func string(_ column: Int32) -> String {
    sqlite3_column_text(statement, column).map { String(cString: $0) } ?? ""
  }
}
