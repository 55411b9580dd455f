import Foundation

/// A JSON document built in a fixed key order, so the same results always print the same bytes.
public indirect enum JSONValue: Equatable, Sendable {
  case null
  case bool(Bool)
  case int(Int)
  case unsigned(UInt64)
  case number(Double, decimals: Int)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.rendered() == rhs.rendered() }

  /// A number kept to `decimals` places (money to cents, rates to 6 places).
  public static func double(_ value: Double, _ decimals: Int = 6) -> JSONValue { .number(value, decimals: decimals) }

  /// Pretty-printed JSON with two-space indentation and a final newline.
  public func rendered() -> String {
    var out = ""
    render(into: &out, indent: 0)
    return out + "\n"
  }

  private func render(into out: inout String, indent: Int) {
    let pad = String(repeating: "  ", count: indent)
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .unsigned(let u): out += String(u)
    case .number(let d, let decimals):
      if !d.isFinite { out += "null"; return }
      out += Self.format(d, decimals: decimals)
    case .string(let s): out += Self.quote(s)
    case .array(let items):
      if items.isEmpty { out += "[]"; return }
      out += "[\n"
      for (i, item) in items.enumerated() {
        out += pad + "  "
        item.render(into: &out, indent: indent + 1)
        out += i + 1 < items.count ? ",\n" : "\n"
      }
      out += pad + "]"
    case .object(let fields):
      if fields.isEmpty { out += "{}"; return }
      out += "{\n"
      for (i, (key, value)) in fields.enumerated() {
        out += pad + "  " + Self.quote(key) + ": "
        value.render(into: &out, indent: indent + 1)
        out += i + 1 < fields.count ? ",\n" : "\n"
      }
      out += pad + "}"
    }
  }

  /// Fixed decimals, trailing zeros trimmed, no "-0".
  static func format(_ value: Double, decimals: Int) -> String {
    var text = String(format: "%.\(decimals)f", value)
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    if text == "-0" { text = "0" }
    return text
  }

  static func quote(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
