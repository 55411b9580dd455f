import Foundation
import YouthCare

/// Reading a summary file lumpsim wrote back into its type, with errors that name the field.
///
/// A key the reader needs that is missing or renamed is an error that names its path
/// (`summary.json: years[0].spend.p50: missing`), never a silent zero.
enum SummaryDecoding {
  /// Decodes `data` as `T`; a failure names `file` and the path of the field.
  static func decode<T: Decodable>(_ type: T.Type, from data: Data, file: String) throws(ReportInputError) -> T {
    do {
      return try JSONDecoder().decode(T.self, from: data)
    } catch let error as DecodingError {
      throw ReportInputError(message: "\(file): \(describe(error)); was the file edited, or written by another version? "
        + "Write it again with lumpsim")
    } catch {
      throw ReportInputError(message: "\(file): not JSON (\(error.localizedDescription)); write it again with lumpsim")
    }
  }

  /// `path: what is wrong`.
  static func describe(_ error: DecodingError) -> String {
    switch error {
    case .keyNotFound(let key, let context):
      return "\(path(context.codingPath + [key])): missing"
    case .valueNotFound(let type, let context):
      return "\(path(context.codingPath)): null where \(expected(type)) belongs"
    case .typeMismatch(let type, let context):
      return "\(path(context.codingPath)): not \(expected(type))"
    case .dataCorrupted(let context):
      return "\(path(context.codingPath)): \(context.debugDescription)"
    @unknown default:
      return String(describing: error)
    }
  }

  /// `years[0].spend.p50`: keys joined by dots, array positions in brackets.
  static func path(_ codingPath: [any CodingKey]) -> String {
    var out = ""
    for key in codingPath {
      if let index = key.intValue {
        out += "[\(index)]"
      } else {
        out += (out.isEmpty ? "" : ".") + key.stringValue
      }
    }
    return out.isEmpty ? "(the top level)" : out
  }

  static func expected(_ type: Any.Type) -> String {
    switch type {
    case is Double.Type, is Int.Type, is UInt64.Type: "a number"
    case is String.Type: "a text"
    case is Bool.Type: "true or false"
    case is [Any].Type: "a list"
    default: String(describing: type).contains("Array") ? "a list" : "an object"
    }
  }
}

/// A key of summary.json chosen at run time: a figure's raw value, a month.
struct SummaryKey: CodingKey {
  let stringValue: String
  var intValue: Int? { nil }
  init(_ stringValue: String) { self.stringValue = stringValue }
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}

extension KeyedDecodingContainer {
  /// A value that must be present but may be `null` (`expectedShortfall`, a care type's contract):
  /// a missing key is an error, not nil.
  func decodeNullable<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
    guard contains(key) else {
      throw DecodingError.keyNotFound(key, DecodingError.Context(codingPath: codingPath, debugDescription: "missing"))
    }
    return try decodeNil(forKey: key) ? nil : decode(T.self, forKey: key)
  }
}

/// A number as the file holds it: rounded to the decimals it is written with, so that a value
/// built in memory equals the same value read back from the file.
func written(_ value: Double, _ decimals: Int) -> Double {
  guard value.isFinite else { return value }
  return Double(JSONValue.format(value, decimals: decimals)) ?? value
}
