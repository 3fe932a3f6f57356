// HTMLDisplay: the markup of the HTML back end — escaping, tables, bar charts as inline SVG, and the
// style sheet a page embeds. Charts use the Okabe–Ito palette (distinguishable with colour-blindness),
// one colour per series, with a legend when there are several.
import Foundation

public enum HTMLDisplay {
    /// Okabe–Ito colours, in the order series take them.
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

    /// Text safe inside an element or a double-quoted attribute.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// The opening of a chart's SVG with its accessible title and a bold title line; `standalone`
    /// adds the XML namespace so the SVG can be its own file.
    static func svgStart(kind: String, width: Double, height: Double, title: String, standalone: Bool) -> String {
        func number(_ value: Double) -> String { NumberFormat.compact(value, digits: 5) }
        var svg = "<svg"
        if standalone { svg += " xmlns=\"http://www.w3.org/2000/svg\"" }
        svg += " class=\"\(kind)\" role=\"img\" width=\"\(number(width))\" height=\"\(number(height))\""
        svg += " viewBox=\"0 0 \(number(width)) \(number(height))\" font-family=\"system-ui, sans-serif\" font-size=\"12\">"
        svg += "<title>\(escape(title))</title>"
        svg += "<text x=\"0\" y=\"15\" font-weight=\"600\" fill=\"#222\">\(escape(title))</text>"
        return svg
    }

    static func table(headers: [String], types: [String]?, rows: [[String]], rightAligned: [Bool], footer: String?) -> String {
        func cellClass(_ index: Int) -> String { index < rightAligned.count && rightAligned[index] ? " class=\"num\"" : "" }
        var html = "<div class=\"table-wrap\"><table>\n"
        if let footer { html += "<caption>\(escape(footer))</caption>\n" }
        html += "<thead><tr>" + headers.enumerated().map { "<th\(cellClass($0))>\(escape($1))</th>" }.joined() + "</tr>\n"
        if let types {
            html += "<tr class=\"types\">" + types.enumerated().map { "<th\(cellClass($0))>\(escape($1))</th>" }.joined() + "</tr>\n"
        }
        html += "</thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>" + row.enumerated().map { "<td\(cellClass($0))>\(escape($1))</td>" }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }

    /// A horizontal bar chart: one row per label, one bar per series, each bar annotated. `standalone`
    /// adds the XML namespace so the SVG can be its own file.
    static func svg(_ chart: BarChart, standalone: Bool = false) -> String {
        let characterWidth = 7.0, barHeight = 14.0, barGap = 2.0, rowGap = 8.0, barArea = 300.0
        let labelWidth = Double(chart.labels.map(\.count).max() ?? 0) * characterWidth + 12
        let annotationWidth = Double(chart.series.flatMap(\.annotations).map(\.count).max() ?? 0) * characterWidth + 10
        let largest = chart.scaleMaximum
        let titleHeight = 22.0
        let legendHeight = chart.series.count > 1 ? 20.0 : 0
        let rowHeight = Double(chart.series.count) * (barHeight + barGap) - barGap + rowGap
        let plotTop = titleHeight + legendHeight + 4
        let width = max(labelWidth + barArea + annotationWidth + 10, Double(chart.title.count) * 7.5 + 10).rounded(.up)
        let plotBottom = plotTop + Double(chart.labels.count) * rowHeight
        let height = (plotBottom + (chart.axis == nil ? 4 : 40)).rounded(.up)
        func number(_ value: Double) -> String { NumberFormat.compact(value, digits: 5) }

        var svg = svgStart(kind: "bar-chart", width: width, height: height, title: chart.title, standalone: standalone)
        if chart.series.count > 1 {
            var x = labelWidth
            for (index, series) in chart.series.enumerated() {
                let colour = palette[index % palette.count]
                svg += "<rect x=\"\(number(x))\" y=\"\(number(titleHeight + 4))\" width=\"12\" height=\"12\" fill=\"\(colour)\"/>"
                svg += "<text x=\"\(number(x + 16))\" y=\"\(number(titleHeight + 14))\" fill=\"#222\">\(escape(series.name))</text>"
                x += 16 + Double(series.name.count) * characterWidth + 20
            }
        }
        for (row, label) in chart.labels.enumerated() {
            let rowTop = plotTop + Double(row) * rowHeight
            let middle = rowTop + (rowHeight - rowGap) / 2
            svg += "<text x=\"\(number(labelWidth - 8))\" y=\"\(number(middle + 4))\" text-anchor=\"end\" fill=\"#222\">\(escape(label))</text>"
            for (index, series) in chart.series.enumerated() {
                let value = row < series.values.count ? series.values[row] : 0
                let length = value.isFinite && value > 0 && largest > 0 ? max(1, value / largest * barArea) : 0
                let y = rowTop + Double(index) * (barHeight + barGap)
                let colour = palette[index % palette.count]
                svg += "<rect x=\"\(number(labelWidth))\" y=\"\(number(y))\" width=\"\(number(length))\" height=\"\(number(barHeight))\" fill=\"\(colour)\">"
                svg += "<title>\(escape(series.name)) \(escape(label)): \(escape(number(value)))</title></rect>"
                let note = row < series.annotations.count ? series.annotations[row] : ""
                if !note.isEmpty {
                    svg += "<text x=\"\(number(labelWidth + length + 4))\" y=\"\(number(y + barHeight - 3))\" fill=\"#444\">\(escape(note))</text>"
                }
            }
        }
        if let axis = chart.axis, largest > 0 {
            svg += valueAxis(axis, scaleMaximum: largest, left: labelWidth, length: barArea, top: plotTop - 4, bottom: plotBottom)
        }
        return svg + "</svg>"
    }

    /// A bar chart's value axis at `bottom` (0 to `scaleMaximum` over `length` from `left`) with its label,
    /// and the reference line, dashed, from `top` down to it.
    private static func valueAxis(_ axis: BarChart.ValueAxis, scaleMaximum: Double, left: Double, length: Double, top: Double, bottom: Double) -> String {
        func number(_ value: Double) -> String { NumberFormat.compact(value, digits: 5) }
        func x(_ value: Double) -> Double { left + value / scaleMaximum * length }
        var svg = "<g class=\"axis\" fill=\"#444\" stroke=\"#444\">"
        svg += "<line x1=\"\(number(left))\" y1=\"\(number(bottom))\" x2=\"\(number(left + length))\" y2=\"\(number(bottom))\"/>"
        // Tick labels left to right (0, the reference with its name, the scale's end), each moved right of
        // the one before when they would touch, and the last left out if there is no room for it.
        var ticks: [(value: Double, label: String)] = [(0, "0")]
        if let reference = axis.reference { ticks.append((reference.value, NumberFormat.compact(reference.value, digits: 3) + " " + reference.label)) }
        if scaleMaximum != axis.reference?.value { ticks.append((scaleMaximum, NumberFormat.compact(scaleMaximum, digits: 3))) }
        var free = left - 100.0
        for (index, tick) in ticks.enumerated() {
            let width = Double(tick.label.count) * 7
            let start = max(x(tick.value) - (index == 0 ? width / 2 : 0), free)
            svg += "<line x1=\"\(number(x(tick.value)))\" y1=\"\(number(bottom))\" x2=\"\(number(x(tick.value)))\" y2=\"\(number(bottom + 4))\"/>"
            if index == ticks.count - 1, index > 0, start + width > left + length + 40 { continue }
            svg += "<text x=\"\(number(start))\" y=\"\(number(bottom + 16))\" stroke=\"none\">\(escape(tick.label))</text>"
            free = start + width + 8
        }
        svg += "<text x=\"\(number(left + length / 2))\" y=\"\(number(bottom + 32))\" text-anchor=\"middle\" stroke=\"none\">\(escape(axis.label))</text>"
        if let reference = axis.reference {
            let position = number(x(reference.value))
            svg += "<line class=\"reference\" x1=\"\(position)\" y1=\"\(number(top))\" x2=\"\(position)\" y2=\"\(number(bottom))\" stroke=\"#D55E00\" stroke-dasharray=\"4 3\"><title>\(escape(reference.label)) at \(escape(number(reference.value)))</title></line>"
        }
        return svg + "</g>"
    }

    /// The page's CSS: readable prose, code cells, outputs, tables, cards and charts; no web fonts.
    public static let styleSheet = """
        :root { color-scheme: light; }
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; line-height: 1.5; color: #1f2328;
          max-width: 60rem; margin: 2rem auto; padding: 0 1rem; background: #fff; }
        h1, h2, h3 { line-height: 1.25; }
        pre, code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.85rem; }
        .cell { margin: 1.25rem 0; }
        .cell-title { font-weight: 600; margin-bottom: 0.25rem; }
        .source { background: #f6f8fa; border-left: 3px solid #0072B2; padding: 0.6rem 0.8rem; overflow-x: auto; margin: 0; }
        .source .line-number { color: #8c959f; }
        .outputs { padding: 0.4rem 0 0 0.8rem; }
        pre.text { margin: 0.3rem 0; white-space: pre-wrap; }
        .error pre { color: #a40e26; background: #ffebe9; border-left: 3px solid #D55E00; padding: 0.5rem 0.8rem; margin: 0.3rem 0; }
        .warning pre { color: #6b4a00; background: #fff8e1; border-left: 3px solid #E69F00; padding: 0.5rem 0.8rem; margin: 0.3rem 0; white-space: pre-wrap; }
        .table-wrap { overflow-x: auto; margin: 0.3rem 0; }
        table { border-collapse: collapse; font-size: 0.85rem; }
        caption { caption-side: bottom; text-align: left; color: #57606a; padding-top: 0.3rem; }
        th, td { padding: 0.15rem 0.6rem; border-bottom: 1px solid #d0d7de; text-align: left; white-space: nowrap; }
        thead th { border-bottom: 2px solid #8c959f; }
        tr.types th { font-weight: normal; font-style: italic; color: #57606a; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        .card { border: 1px solid #d0d7de; border-left: 4px solid #8c959f; border-radius: 6px; padding: 0.5rem 0.8rem; margin: 0.4rem 0; }
        .card.ok { border-left-color: #009E73; }
        .card.alert { border-left-color: #D55E00; background: #fff8f2; }
        .card-title { font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.05em; color: #57606a; }
        figure.chart { margin: 0.3rem 0; overflow-x: auto; }
        .status { color: #57606a; font-size: 0.85rem; }
        """
}
