/// How a number written the Dutch way (`26.000.000`, `1.240`, `12,5`) reads, and what was meant.
///
/// In Dutch a point groups thousands and a comma marks decimals. YAML knows neither: `26.000.000`
/// and `12,5` are text (an error, whose message can say what they look like), while `1.240` and
/// `26.000` are valid numbers, 1.24 and 26, which is the silent trap. The reader keeps each
/// scalar's text, so it can tell `1.240` from `1.24`.
enum DutchNumberText {
  /// The number `text` means when its points group thousands (`1.240` → `1240`,
  /// `26.000.000` → `26000000`, `1.240,50` → `1240.50`); nil when it does not look so.
  ///
  /// A group of thousands has exactly three digits and the first group has one to three without a
  /// leading zero, so `0.250`, `12.5` and `1.2400` never match.
  static func thousandsMeant(_ text: String) -> String? {
    guard let match = text.wholeMatch(of: /([-+]?)([1-9][0-9]{0,2})((?:\.[0-9]{3})+)(?:,([0-9]+))?/) else { return nil }
    let whole = String(match.1) + String(match.2) + match.3.filter { $0 != "." }
    return match.4.map { whole + "." + $0 } ?? whole
  }

  /// Why `text` is not a number, when it is written the Dutch way; nil otherwise.
  static func whyNotANumber(_ text: String) -> String? {
    if let meant = thousandsMeant(text) {
      return "\(text) looks like a Dutch thousands separator; write \(meant)"
    }
    if let match = text.wholeMatch(of: /([-+]?[0-9]+),([0-9]+)/) {
      // `1,240` may be an English thousands separator or a Dutch decimal comma: name both.
      if match.2.count == 3, match.1.count <= 3, !match.1.hasPrefix("0") {
        let decimal = Double("\(match.1).\(match.2)").map(format) ?? "\(match.1).\(match.2)"
        return "\(text) is not a number: write \(match.1)\(match.2) (no thousands separators) or \(decimal) (a point for decimals)"
      }
      return "\(text) has a decimal comma; write \(match.1).\(match.2)"
    }
    return nil
  }

  /// The warning for a number that parsed, but whose text looks like a Dutch thousands separator:
  /// `1.240 reads as 1.24; did you mean 1240?`; nil when the text does not look so.
  static func misreading(_ text: String, read value: Double) -> String? {
    guard let meant = thousandsMeant(text) else { return nil }
    return "\(text) reads as \(format(value)); did you mean \(meant)? (a point is a decimal point in YAML, "
      + "not a thousands separator)"
  }
}
