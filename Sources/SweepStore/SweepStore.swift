import Foundation
import Experiments
import YouthCare

/// A sweep's results in one SQLite file: its definition, its points, and one row per (point,
/// replication, contract year), written in transactions so that a killed run loses at most the
/// transaction in flight and resumes where it stopped.
///
/// Work is counted in units, one per (point, replication). A unit's year rows and its entry in
/// `units` are written in the same transaction, so a unit is either wholly in the store or not at
/// all: resuming runs exactly the units that are missing. Two stores of the same sweep hold the
/// same rows whatever the thread count, the shard split or the kills, which `contentDigest` shows.
public final class SweepStore {
  let database: Database
  /// The sweep's definition text (see `Sweep.definition`).
  public let definition: String
  /// The sweep's parameters and points, as stored.
  public let parameters: [String]
  public let points: [[String]]
  public let replications: Int
  /// How many shards the sweep was split into, and which of them this store holds.
  public let shardCount: Int
  public private(set) var shards: [Int]

  /// Held by a store opened for writing, so no other process writes it meanwhile.
  private var lock: StoreLock?
  private var insertYear: Statement?
  private var insertUnit: Statement?
  private var inTransaction = false

  static let schema = """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE parameters (position INTEGER PRIMARY KEY, path TEXT NOT NULL);
    CREATE TABLE points (point INTEGER NOT NULL, position INTEGER NOT NULL, value TEXT NOT NULL,
                         PRIMARY KEY (point, position)) WITHOUT ROWID;
    CREATE TABLE shards (shard INTEGER PRIMARY KEY);
    CREATE TABLE units (unit INTEGER PRIMARY KEY, point INTEGER NOT NULL, replication INTEGER NOT NULL,
                        events INTEGER NOT NULL);
    CREATE TABLE years (point INTEGER NOT NULL, replication INTEGER NOT NULL, year INTEGER NOT NULL,
    \(YearColumns.all.map { "  \($0.name) \($0.isInteger ? "INTEGER" : "REAL")" }.joined(separator: ",\n")),
      PRIMARY KEY (point, replication, year)) WITHOUT ROWID;
    """

  private init(database: Database) throws(DatabaseError) {
    self.database = database
    let meta = Dictionary(uniqueKeysWithValues: try database.query("SELECT key, value FROM meta") { ($0.string(0), $0.string(1)) })
    guard meta["format"] == "lumpsim-sweep-1", let definition = meta["definition"],
          let replications = meta["replications"].flatMap(Int.init), let shardCount = meta["shardCount"].flatMap(Int.init)
    else { throw DatabaseError(message: "'\(database.path)' is not a lumpsim sweep store") }
    self.definition = definition
    self.replications = replications
    self.shardCount = shardCount
    parameters = try database.query("SELECT path FROM parameters ORDER BY position") { $0.string(0) }
    let cells = try database.query("SELECT point, value FROM points ORDER BY point, position") { ($0.int(0), $0.string(1)) }
    var points: [[String]] = []
    for (point, value) in cells {
      if point == points.count { points.append([]) }
      points[point].append(value)
    }
    self.points = points
    shards = try database.query("SELECT shard FROM shards ORDER BY shard") { $0.int(0) }
  }

  /// Opens an existing store (for status, export, report and merge), after SQLite's integrity
  /// check: a damaged store is refused before anything in it is counted or read.
  public static func open(_ path: String) throws(DatabaseError) -> SweepStore {
    guard try storeFile(path) != .missing else { throw DatabaseError(message: "no store at '\(path)'") }
    let database = try Database(path: path, create: false)
    try database.checkIntegrity()
    let tables = Set(try database.query("SELECT name FROM sqlite_schema WHERE type = 'table'") { $0.string(0) })
    guard !tables.isEmpty else {
      throw DatabaseError(message: "'\(path)' holds no sweep: its creation never finished; run the sweep to start it over")
    }
    let missing = ["meta", "parameters", "points", "shards", "units", "years"].filter { !tables.contains($0) }
    guard missing.isEmpty else {
      throw DatabaseError(message: "'\(path)' is not a lumpsim sweep store (it has no table \(missing.joined(separator: ", ")))")
    }
    let store = try SweepStore(database: database)
    // SQLite's check passes rows edited in by hand; rows for units the sweep does not define are
    // damage all the same, and every reader (status, export per point or replication, report)
    // must see it before it prints anything.
    let strays = try database.query("SELECT COUNT(*) FROM years WHERE point < 0 OR point >= \(store.points.count) "
      + "OR replication < 0 OR replication >= \(store.replications)") { $0.int(0) }.first ?? 0
    if strays > 0 {
      throw DatabaseError.damaged(path, "\(strays) row\(strays == 1 ? "" : "s") for points or replications the sweep "
        + "(\(store.points.count) points × \(store.replications) replications) does not define")
    }
    return store
  }

  /// Opens the store for running `shard` of `sweep`, creating it if it does not exist; refuses a
  /// store that holds another sweep or another shard, and a store another process is writing.
  ///
  /// The store stays locked to this process until the returned store is released. A file whose
  /// creation never finished (no tables) is started over, since it holds nothing.
  public static func openForRun(_ path: String, sweep: Sweep, shard: Shard) throws(DatabaseError) -> SweepStore {
    let lock = try StoreLock(store: path, command: "lumpsim sweep")
    switch try storeFile(path) {
    case .store: break
    case .unfinished:
      try removeUnfinished(path)
      fallthrough
    case .missing:
      try create(path) { database throws(DatabaseError) in
        try database.execute("BEGIN;" + schema)
        try writeMeta(database, definition: sweep.definition, parameters: sweep.parameters, points: sweep.points,
                      replications: sweep.replications, shardCount: shard.count, shards: [shard.index])
        try database.execute("COMMIT;")
      }
    }
    let store = try open(path)
    guard store.definition == sweep.definition else {
      throw DatabaseError(message: "'\(path)' holds results of a different sweep (\(Sweep.fingerprint(store.definition)), this one is \(Sweep.fingerprint(sweep.definition))); use another --store")
    }
    guard store.shardCount == shard.count, store.shards == [shard.index] else {
      let held = store.shards.map { "\($0)/\(store.shardCount)" }.joined(separator: ", ")
      throw DatabaseError(message: "'\(path)' holds shard \(held), not \(shard); use another --store")
    }
    try store.database.execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;")
    store.lock = lock
    return store
  }

  static func writeMeta(
    _ database: Database, definition: String, parameters: [String], points: [[String]], replications: Int,
    shardCount: Int, shards: [Int]
  ) throws(DatabaseError) {
    let meta = try database.prepare("INSERT INTO meta (key, value) VALUES (?, ?)")
    for (key, value) in [("format", "lumpsim-sweep-1"), ("definition", definition), ("replications", String(replications)),
                         ("shardCount", String(shardCount)), ("fingerprint", Sweep.fingerprint(definition))] {
      meta.bind(1, key)
      meta.bind(2, value)
      try meta.step()
      meta.reset()
    }
    let parameter = try database.prepare("INSERT INTO parameters (position, path) VALUES (?, ?)")
    for (i, path) in parameters.enumerated() {
      parameter.bind(1, i)
      parameter.bind(2, path)
      try parameter.step()
      parameter.reset()
    }
    let point = try database.prepare("INSERT INTO points (point, position, value) VALUES (?, ?, ?)")
    for (p, values) in points.enumerated() {
      for (i, value) in values.enumerated() {
        point.bind(1, p)
        point.bind(2, i)
        point.bind(3, value)
        try point.step()
        point.reset()
      }
    }
    let shard = try database.prepare("INSERT INTO shards (shard) VALUES (?)")
    for k in shards {
      shard.bind(1, k)
      try shard.step()
      shard.reset()
    }
  }

  /// Units in the whole sweep.
  public var totalUnits: Int { points.count * replications }

  /// The units already stored.
  public func doneUnits() throws(DatabaseError) -> Set<Int> {
    Set(try database.query("SELECT unit FROM units") { $0.int(0) })
  }

  // MARK: Writing

  /// Starts a transaction; units recorded until `commit` are stored together or not at all.
  public func begin() throws(DatabaseError) {
    try database.execute("BEGIN IMMEDIATE;")
    inTransaction = true
  }

  /// Ends the transaction: everything recorded since `begin` is on disk.
  public func commit() throws(DatabaseError) {
    guard inTransaction else { return }
    try database.execute("COMMIT;")
    inTransaction = false
  }

  /// Records one unit: its replication's contract years.
  public func record(unit: Int, point: Int, replication: Int, result: ReplicationResult) throws(DatabaseError) {
    if insertYear == nil {
      let columns = (["point", "replication", "year"] + YearColumns.names).joined(separator: ", ")
      let marks = Array(repeating: "?", count: 3 + YearColumns.all.count).joined(separator: ", ")
      insertYear = try database.prepare("INSERT INTO years (\(columns)) VALUES (\(marks))")
      insertUnit = try database.prepare("INSERT INTO units (unit, point, replication, events) VALUES (?, ?, ?, ?)")
    }
    let statement = insertYear!
    for year in result.years {
      statement.bind(1, point)
      statement.bind(2, replication)
      statement.bind(3, year.year)
      for (i, column) in YearColumns.all.enumerated() {
        let position = Int32(4 + i)
        if let value = column.value(year) {
          if column.isInteger { statement.bind(position, Int(value)) } else { statement.bind(position, value) }
        } else {
          statement.bindNull(position)
        }
      }
      try statement.step()
      statement.reset()
    }
    let unitStatement = insertUnit!
    unitStatement.bind(1, unit)
    unitStatement.bind(2, point)
    unitStatement.bind(3, replication)
    unitStatement.bind(4, result.events)
    try unitStatement.step()
    unitStatement.reset()
  }

  // MARK: Reading

  /// The stored years of `point` (all points when nil), ordered by point, replication, year.
  public func years(point: Int? = nil) throws(DatabaseError) -> [StoredYear] {
    var rows: [StoredYear] = []
    try forEachYear(point: point) { rows.append($0) }
    return rows
  }

  /// Visits the stored years of `point` (all points when nil) in key order, one row in memory at
  /// a time, so an export of millions of rows needs no more memory than one.
  public func forEachYear(point: Int? = nil, _ body: (StoredYear) -> Void) throws(DatabaseError) {
    let columns = (["point", "replication", "year"] + YearColumns.names).joined(separator: ", ")
    let filter = point.map { " WHERE point = \($0)" } ?? ""
    let statement = try database.prepare("SELECT \(columns) FROM years\(filter) ORDER BY point, replication, year")
    var row = StoredYear(point: 0, replication: 0, year: 0, values: Array(repeating: nil, count: YearColumns.all.count))
    while try statement.step() {
      row.point = statement.int(0)
      row.replication = statement.int(1)
      row.year = statement.int(2)
      // Rows only lumpsim writes pass SQLite's integrity check; a row edited in by hand for a point
      // the sweep does not define would index past the points (export trapped on it).
      guard (0..<points.count).contains(row.point), (0..<replications).contains(row.replication) else {
        throw DatabaseError.damaged(database.path, "a row for point \(row.point), replication \(row.replication), "
          + "which the sweep (\(points.count) points × \(replications) replications) does not define")
      }
      for i in YearColumns.all.indices {
        let c = Int32(3 + i)
        row.values[i] = statement.isNull(c) ? nil : statement.double(c)
      }
      body(row)
    }
  }

  /// Stored units per shard of this store's split: (shard, done, total).
  public func progress() throws(DatabaseError) -> [(shard: Int, done: Int, total: Int)] {
    let done = try doneUnits()
    return (0..<shardCount).map { k in
      let shard = Shard(index: k, count: shardCount)
      let units = shard.units(of: totalUnits)
      return (k, units.reduce(0) { $0 + (done.contains($1) ? 1 : 0) }, units.count)
    }
  }

  /// Events simulated over the stored units.
  public func events() throws(DatabaseError) -> Int {
    try database.query("SELECT COALESCE(SUM(events), 0) FROM units") { $0.int(0) }.first ?? 0
  }

  /// A fingerprint of the definition and every stored row, in key order: equal for two stores
  /// that hold the same results, whatever order they were written in or how they were split.
  public func contentDigest() throws(DatabaseError) -> String {
    var hash = Digest()
    hash.add(definition)
    let units = try database.prepare("SELECT unit, point, replication, events FROM units ORDER BY unit")
    while try units.step() {
      for column in Int32(0)..<4 { hash.add(UInt64(bitPattern: Int64(units.int(column)))) }
    }
    try forEachYear { year in
      hash.add(UInt64(year.point))
      hash.add(UInt64(year.replication))
      hash.add(UInt64(year.year))
      for value in year.values { hash.add(value.map { $0.bitPattern } ?? 0x7ff8_dead_beef_0001) }
    }
    return hash.hex
  }

  // MARK: Merging

  /// Combines shard stores into a new store at `path`, which appears whole or not at all (see
  /// `create`): refuses stores of different sweeps or splits, a shard given twice, and a damaged
  /// shard store.
  public static func merge(into path: String, from sources: [String]) throws(DatabaseError) {
    guard !sources.isEmpty else { throw DatabaseError(message: "give at least one shard store to merge") }
    // Held until the merged store is in place: a merge is a writer like a sweep.
    let lock = try StoreLock(store: path, command: "lumpsim merge")
    defer { withExtendedLifetime(lock) {} }
    guard !FileManager.default.fileExists(atPath: path) else {
      throw DatabaseError(message: "'\(path)' exists; merge writes a new store")
    }
    let stores = try sources.map { (source: String) throws(DatabaseError) -> SweepStore in try open(source) }
    let first = stores[0]
    var held: [Int: String] = [:]
    for (store, source) in zip(stores, sources) {
      guard store.definition == first.definition else {
        throw DatabaseError(message: "'\(source)' holds a different sweep (\(Sweep.fingerprint(store.definition))) than '\(sources[0])' (\(Sweep.fingerprint(first.definition))); refusing to merge")
      }
      guard store.shardCount == first.shardCount else {
        throw DatabaseError(message: "'\(source)' was split into \(store.shardCount) shards, '\(sources[0])' into \(first.shardCount); refusing to merge")
      }
      for k in store.shards {
        if let other = held[k] { throw DatabaseError(message: "shard \(k)/\(store.shardCount) is in both '\(other)' and '\(source)'") }
        held[k] = source
      }
    }
    try create(path) { database throws(DatabaseError) in
      try database.execute("BEGIN;" + schema)
      try writeMeta(database, definition: first.definition, parameters: first.parameters, points: first.points,
                    replications: first.replications, shardCount: first.shardCount, shards: held.keys.sorted())
      try database.execute("COMMIT;")
      for source in sources {
        let quoted = source.replacingOccurrences(of: "'", with: "''")
        try database.execute("""
          ATTACH DATABASE '\(quoted)' AS shard;
          BEGIN;
          INSERT INTO units SELECT * FROM shard.units;
          INSERT INTO years SELECT * FROM shard.years;
          COMMIT;
          DETACH DATABASE shard;
          """)
      }
    }
  }
}

/// 64-bit FNV-1a over a stream of words and text, for `contentDigest`.
struct Digest {
  private var state: UInt64 = 0xcbf2_9ce4_8422_2325

  mutating func add(_ word: UInt64) {
    for shift in stride(from: 0, to: 64, by: 8) {
      state ^= (word >> UInt64(shift)) & 0xff
      state = state &* 0x100_0000_01b3
    }
  }

  mutating func add(_ text: String) {
    for byte in text.utf8 {
      state ^= UInt64(byte)
      state = state &* 0x100_0000_01b3
    }
  }

  var hex: String {
    let text = String(state, radix: 16)
    return String(repeating: "0", count: 16 - text.count) + text
  }
}

