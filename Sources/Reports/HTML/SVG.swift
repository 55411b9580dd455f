import Foundation

/// Small SVG building blocks for the report's charts: a plot frame with axes, ticks and titles,
/// and paths for lines and bands. Coordinates are rounded to 0.1 so files stay small and stable.
struct PlotFrame {
  let width = 720.0, height = 300.0
  let left = 72.0, right = 20.0, top = 16.0, bottom = 48.0
  let x: LinearScale
  let y: LinearScale

  init(x data: ClosedRange<Double>, y yData: ClosedRange<Double>, xTicks: Int = 8, yTicks: Int = 5, yFromZero: Bool = true) {
    x = LinearScale(data: data, low: 72, high: 720 - 20, tickCount: xTicks, exact: true)
    y = LinearScale(data: yData, low: 300 - 48, high: 16, tickCount: yTicks, includeZero: yFromZero)
  }

  /// Axes, grid and tick labels, with the axis titles.
  func axes(xLabel: String, yLabel: String, xTick: (Double) -> String, yTick: (Double) -> String, xTicks: [Double]? = nil) -> String {
    var out = ""
    for t in y.ticks {
      let py = fmt(y(t))
      out += "<line class=\"grid\" x1=\"\(fmt(left))\" x2=\"\(fmt(width - right))\" y1=\"\(py)\" y2=\"\(py)\"/>"
      out += "<text class=\"tick\" x=\"\(fmt(left - 6))\" y=\"\(py)\" text-anchor=\"end\" dominant-baseline=\"middle\">\(escape(yTick(t)))</text>"
    }
    for t in xTicks ?? x.ticks {
      let px = fmt(x(t))
      out += "<line class=\"tickmark\" x1=\"\(px)\" x2=\"\(px)\" y1=\"\(fmt(height - bottom))\" y2=\"\(fmt(height - bottom + 4))\"/>"
      out += "<text class=\"tick\" x=\"\(px)\" y=\"\(fmt(height - bottom + 16))\" text-anchor=\"middle\">\(escape(xTick(t)))</text>"
    }
    out += "<line class=\"axis\" x1=\"\(fmt(left))\" x2=\"\(fmt(width - right))\" y1=\"\(fmt(height - bottom))\" y2=\"\(fmt(height - bottom))\"/>"
    out += "<line class=\"axis\" x1=\"\(fmt(left))\" x2=\"\(fmt(left))\" y1=\"\(fmt(top))\" y2=\"\(fmt(height - bottom))\"/>"
    out += "<text class=\"axis-title\" x=\"\(fmt((left + width - right) / 2))\" y=\"\(fmt(height - 8))\" text-anchor=\"middle\">\(escape(xLabel))</text>"
    out += "<text class=\"axis-title\" transform=\"translate(16 \(fmt((top + height - bottom) / 2))) rotate(-90)\" text-anchor=\"middle\">\(escape(yLabel))</text>"
    return out
  }

  /// A polyline through the points.
  func line(_ points: [(Double, Double)], cls: String) -> String {
    guard let first = points.first else { return "" }
    var d = "M\(fmt(x(first.0))) \(fmt(y(first.1)))"
    for p in points.dropFirst() { d += "L\(fmt(x(p.0))) \(fmt(y(p.1)))" }
    return "<path class=\"\(cls)\" d=\"\(d)\"/>"
  }

  /// A closed band between a lower and an upper series at the same x values.
  func band(x xs: [Double], low: [Double], high: [Double], cls: String) -> String {
    guard !xs.isEmpty else { return "" }
    var d = "M\(fmt(x(xs[0]))) \(fmt(y(high[0])))"
    for i in xs.indices.dropFirst() { d += "L\(fmt(x(xs[i]))) \(fmt(y(high[i])))" }
    for i in xs.indices.reversed() { d += "L\(fmt(x(xs[i]))) \(fmt(y(low[i])))" }
    return "<path class=\"\(cls)\" d=\"\(d)Z\"/>"
  }

  /// A rectangle from data corners.
  func rect(x0: Double, x1: Double, y0: Double, y1: Double, cls: String) -> String {
    let px = min(x(x0), x(x1)), py = min(y(y0), y(y1))
    let w = abs(x(x1) - x(x0)), h = abs(y(y1) - y(y0))
    return "<path class=\"\(cls)\" d=\"M\(fmt(px)) \(fmt(py))h\(fmt(w))v\(fmt(h))h\(fmt(-w))Z\"/>"
  }

  /// The opening tag of a chart's SVG.
  func open(_ name: String, title: String) -> String {
    "<svg class=\"chart\" data-chart=\"\(name)\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(escape(title))\"><title>\(escape(title))</title>"
  }
}

/// One decimal, no trailing zeros, no negative zero.
func fmt(_ value: Double) -> String {
  let rounded = (value * 10).rounded() / 10
  if rounded == 0 { return "0" }
  return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
}

/// Text safe inside HTML and SVG.
func escape(_ text: String) -> String {
  text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
}
