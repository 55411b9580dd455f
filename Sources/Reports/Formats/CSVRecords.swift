/// Reading back the CSV lumpsim writes (RFC 4180): fields separated by commas, a field that holds
/// a comma, quote or line break in double quotes with its quotes doubled (`CSVFormat.field`).
public enum CSVRecords {
  /// A CSV text that does not parse.
  public struct Malformed: Error, Sendable, Equatable {
    /// The line (1-based) the bad record starts on.
    public var line: Int
    public var reason: String

    public init(line: Int, reason: String) {
      self.line = line
      self.reason = reason
    }
  }

  /// The records of `text`, each a list of fields; a final line break ends the last record, and
  /// `\r\n` is a line break as `\n` is.
  public static func parse(_ text: String) throws(Malformed) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false, wasQuoted = false
    var line = 1, recordLine = 1
    var scalars = text.unicodeScalars.makeIterator()
    var pending: Unicode.Scalar? = nil
    func next() -> Unicode.Scalar? {
      if let scalar = pending { pending = nil; return scalar }
      return scalars.next()
    }
    func endRecord() {
      record.append(field)
      records.append(record)
      record = []; field = ""; wasQuoted = false
    }
    while let c = next() {
      if quoted {
        if c == "\"" {
          let following = next()
          if following == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = following }
        } else {
          if c == "\n" { line += 1 }
          field.unicodeScalars.append(c)
        }
        continue
      }
      switch c {
      case "\"":
        guard field.isEmpty && !wasQuoted else {
          throw Malformed(line: line, reason: "a quote inside a field that does not start with one")
        }
        quoted = true; wasQuoted = true
      case ",":
        record.append(field); field = ""; wasQuoted = false
      case "\r":
        let following = next()
        if following != "\n" { pending = following }
        endRecord(); line += 1; recordLine = line
      case "\n":
        endRecord(); line += 1; recordLine = line
      default:
        guard !wasQuoted else { throw Malformed(line: line, reason: "text after a quoted field's closing quote") }
        field.unicodeScalars.append(c)
      }
    }
    if quoted { throw Malformed(line: recordLine, reason: "a quoted field that is never closed") }
    if !field.isEmpty || !record.isEmpty || wasQuoted { endRecord() }
    return records
  }
}
