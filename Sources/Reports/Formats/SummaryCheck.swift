import Foundation

/// Checks a `summary.json` read back from disk before a report uses any of it.
///
/// The file may have been edited or damaged since lumpsim wrote it, and a report turns its
/// numbers into array sizes, years and chart positions: a contract of 1e308 years trapped, a
/// month share of 1e308 asked for 34 GB. Every number must be finite and of a size lumpsim writes;
/// the fields that size things or are shares have their own ranges. A failure names the field.
enum SummaryCheck {
  /// The largest magnitude any figure in a summary may have (euros included: a trillion euros).
  static let largest = 1e15

  /// Fields by their last path component, with the range their value must lie in.
  static let ranges: [String: ClosedRange<Double>] = [
    "firstYear": 1900...9999, "year": 1900...9999, "contractYears": 1...200, "warmupYears": 0...200,
    "replications": 1...1e9, "capacity": 0...1e9, "p": 0...1,
  ]

  /// Throws naming the first field whose value no lumpsim summary can hold.
  static func check(_ value: Any, path: String = "", file: String) throws(ReportInputError) {
    switch value {
    case let object as [String: Any]:
      for key in object.keys.sorted() {
        try check(object[key]!, path: path.isEmpty ? key : "\(path).\(key)", file: file)
      }
    case let array as [Any]:
      for (i, item) in array.enumerated() { try check(item, path: "\(path)[\(i)]", file: file) }
    case let number as NSNumber:
      let x = number.doubleValue
      let key = String(path.split(separator: ".").last ?? "")
      // A seed is any 64-bit number; it is printed, never computed with.
      if key == "seed" { return }
      let parent = path.split(separator: ".").dropLast().last.map(String.init) ?? ""
      if let range = ranges[key.split(separator: "[").first.map(String.init) ?? key] ?? (parent == "exhaustionMonth" ? 0...1 : nil) {
        guard x.isFinite, range.contains(x) else {
          throw ReportInputError(message: "\(file): \(path): must be between \(plain(range.lowerBound)) and "
            + "\(plain(range.upperBound)), got \(x); was the file edited? Write it again with lumpsim")
        }
      } else if !(x.isFinite && abs(x) <= largest) {
        throw ReportInputError(message: "\(file): \(path): \(x) is not a figure lumpsim writes (at most 1e15 in size); "
          + "was the file edited? Write it again with lumpsim")
      }
    default:
      return
    }
  }

  private static func plain(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x) }
}
