import Foundation

/// How every CSV file lumpsim writes puts a value in a cell: money to cents, other numbers to 4
/// decimals, text quoted when it must be (RFC 4180).
enum CSVFormat {
  static func money(_ value: Double) -> String { JSONValue.format(value, decimals: 2) }
  static func number(_ value: Double) -> String { JSONValue.format(value, decimals: 4) }

  /// Quotes a field when it holds a comma, quote or newline (RFC 4180).
  static func field(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
