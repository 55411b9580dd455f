/// The frame every report shares: the page with its style, the verdict, tables and legends.
enum ReportDocument {
  /// A whole HTML page: title, subtitle, the verdict in one sentence, the sections, a footer.
  static func page(
    title: String, subtitle: String, verdict: String, sections: String, footer: String, language: ReportLanguage
  ) -> String {
    let t = { (key: Words) in language.text(key) }
    return """
      <!DOCTYPE html>
      <html lang="\(language.rawValue)">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(escape(title)) — \(escape(subtitle))</title>
      <style>\(css)</style>
      </head>
      <body>
      <header><h1>\(escape(title))</h1><p class="subtitle">\(escape(subtitle))</p></header>
      <section><h2>\(escape(t(.verdictHeading)))</h2><p class="verdict" id="verdict">\(escape(verdict))</p></section>
      \(sections)
      <footer>\(escape(footer))</footer>
      </body>
      </html>

      """
  }

  static let css = """
    body{font-family:system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;max-width:780px;margin:24px auto;padding:0 16px;color:#1b1f24;line-height:1.45}
    h1{font-size:1.6em;margin:0 0 4px}h2{font-size:1.25em;margin:28px 0 6px;border-bottom:1px solid #d0d7de;padding-bottom:4px}h3{font-size:1.05em;margin:18px 0 4px}
    .subtitle{color:#57606a;margin:0}.verdict{font-size:1.15em;font-weight:600;background:#fff8c5;border-left:4px solid #d4a72c;padding:10px 12px}
    figure{margin:8px 0 18px}figcaption{color:#57606a;font-size:.9em;margin-bottom:6px}
    svg.chart{width:100%;height:auto;display:block}
    .grid{stroke:#eaeef2;stroke-width:1}.axis{stroke:#57606a;stroke-width:1}.tickmark{stroke:#57606a}
    .tick{font-size:11px;fill:#57606a}.axis-title{font-size:12px;fill:#1b1f24}
    .band90{fill:#54aeff;fill-opacity:.25;stroke:none}.band50{fill:#0969da;fill-opacity:.35;stroke:none}
    .median{fill:none;stroke:#0550ae;stroke-width:2}.budget{fill:none;stroke:#cf222e;stroke-width:2;stroke-dasharray:6 4}
    .norm{fill:none;stroke:#8250df;stroke-width:1.5;stroke-dasharray:2 3}.bar{fill:#0969da}.whisker{fill:none;stroke:#1b1f24;stroke-width:1.5}
    .mark{fill:none;stroke:#cf222e;stroke-width:3}.legend{font-size:11px;fill:#1b1f24}
    table{border-collapse:collapse;font-size:.85em;margin:4px 0 8px;width:100%}th,td{border-bottom:1px solid #eaeef2;padding:2px 6px;text-align:right}th:first-child,td:first-child{text-align:left}
    footer{color:#57606a;font-size:.85em;margin-top:32px}.table{overflow-x:auto}pre{font-size:.8em;overflow-x:auto;background:#f6f8fa;padding:8px}
    @media print{body{margin:0;max-width:none}h2{break-after:avoid}figure{break-inside:avoid}}
    """

  /// Shades for the years in the exhaustion chart, light to dark.
  static func shade(_ i: Int, of n: Int) -> String {
    let light = (0x9c, 0xd1, 0xff), dark = (0x0a, 0x30, 0x69)
    let f = n > 1 ? Double(i) / Double(n - 1) : 1
    func mix(_ a: Int, _ b: Int) -> Int { Int((Double(a) + (Double(b) - Double(a)) * f).rounded()) }
    return String(format: "#%02x%02x%02x", mix(light.0, dark.0), mix(light.1, dark.1), mix(light.2, dark.2))
  }

  static func table(_ header: [String], _ rows: [[String]]) -> String {
    var out = "<div class=\"table\"><table><thead><tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead><tbody>"
    for row in rows { out += "<tr>" + row.map { "<td>\(escape($0))</td>" }.joined() + "</tr>" }
    return out + "</tbody></table></div>"
  }


  static func legend(_ items: [(cls: String, label: String)], frame: PlotFrame) -> String {
    var out = ""
    var x = frame.left + 8
    for item in items {
      let swatch = item.cls.hasPrefix("band")
        ? "<path class=\"\(item.cls)\" d=\"M\(fmt(x)) \(fmt(frame.top + 2))h14v10h-14Z\"/>"
        : "<path class=\"\(item.cls)\" d=\"M\(fmt(x)) \(fmt(frame.top + 7))h14\"/>"
      out += swatch + "<text class=\"legend\" x=\"\(fmt(x + 18))\" y=\"\(fmt(frame.top + 11))\">\(escape(item.label))</text>"
      x += 26 + Double(item.label.count) * 6.2
    }
    return out
  }

}
