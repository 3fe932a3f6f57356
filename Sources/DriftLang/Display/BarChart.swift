// BarChart: horizontal bars, one row per label and one bar per series, as values describe histograms
// and per-column statistics, optionally over a value axis with a reference line (a drift report's
// threshold). The terminal back end draws Unicode eighth blocks within the width.
import Foundation

public struct BarChart {
    public struct Series {
        public var name: String
        public var values: [Double]
        /// Text after each bar (a count, a share); empty strings for none.
        public var annotations: [String]

        public init(name: String, values: [Double], annotations: [String]) {
            self.name = name
            self.values = values
            self.annotations = annotations
        }
    }

    /// A value axis under the bars (0 to the largest value, named), and a reference line across them.
    public struct ValueAxis {
        public var label: String
        /// Where the reference line crosses the axis, and its name (`threshold`).
        public var reference: (value: Double, label: String)?

        public init(label: String, reference: (value: Double, label: String)? = nil) {
            self.label = label
            self.reference = reference
        }
    }

    public var title: String
    public var labels: [String]
    public var series: [Series]
    public var axis: ValueAxis?

    public init(title: String, labels: [String], series: [Series], axis: ValueAxis? = nil) {
        self.title = title
        self.labels = labels
        self.series = series
        self.axis = axis
    }

    /// The value a full-length bar stands for: the largest value, or the reference if it is larger.
    var scaleMaximum: Double {
        max(series.flatMap(\.values).filter(\.isFinite).max() ?? 0, axis?.reference?.value ?? 0)
    }
}

extension Renderer {
    public mutating func barChart(_ chart: BarChart) {
        switch backend {
        case .terminal: break
        case .html:
            _ = addFigure(HTMLDisplay.svg(chart, standalone: true))
            markup("<figure class=\"chart\">" + HTMLDisplay.svg(chart) + "</figure>\n")
            return
        case .markdown(let figureLink):
            let number = addFigure(HTMLDisplay.svg(chart, standalone: true))
            markup("![\(MarkdownDisplay.escapeInline(chart.title))](\(figureLink(number)))\n\n")
            return
        }
        text(chart.title + "\n")
        guard !chart.labels.isEmpty, !chart.series.isEmpty else { return }
        let labelWidth = chart.labels.map(\.count).max() ?? 0
        let annotationWidths = chart.series.map { ($0.annotations.map(\.count).max() ?? 0) }
        let fixed = labelWidth + 2 + annotationWidths.reduce(0) { $0 + $1 + 3 }
        let barWidth = max(4, min(40, (width - fixed) / chart.series.count))
        let largest = chart.scaleMaximum
        // The reference line's column within a bar's cells, drawn where the bar does not reach.
        let referenceColumn = chart.axis?.reference.flatMap { largest > 0 ? min(barWidth - 1, Int($0.value / largest * Double(barWidth))) : nil }
        if chart.series.count > 1 {
            var header = String(repeating: " ", count: labelWidth + 2)
            for (index, series) in chart.series.enumerated() {
                let cell = barWidth + 1 + annotationWidths[index] + 2
                header += series.name.padding(toLength: cell, withPad: " ", startingAt: 0)
            }
            text(String(header.reversed().drop { $0 == " " }.reversed()) + "\n")
        }
        for (row, label) in chart.labels.enumerated() {
            var line = label.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + "  "
            for (index, series) in chart.series.enumerated() {
                let value = row < series.values.count ? series.values[row] : 0
                var bar = BarChart.bar(value, of: largest, width: barWidth)
                if let referenceColumn, bar.count <= referenceColumn {
                    bar = bar.padding(toLength: referenceColumn, withPad: " ", startingAt: 0) + "┊"
                }
                let note = row < series.annotations.count ? series.annotations[row] : ""
                line += bar.padding(toLength: barWidth, withPad: " ", startingAt: 0) + " "
                line += String(repeating: " ", count: annotationWidths[index] - note.count) + note
                if index < chart.series.count - 1 { line += "  " }
            }
            text(String(line.reversed().drop { $0 == " " }.reversed()) + "\n")
        }
        if let axis = chart.axis, chart.series.count == 1 {
            let indent = String(repeating: " ", count: labelWidth + 2)
            // Ticks at 0, the reference and the scale's end, left to right; a label that would touch the one
            // before it moves right, or is left out when there is no room.
            var line = Array(repeating: Character("─"), count: barWidth), ticks = Array(repeating: Character(" "), count: barWidth + 16)
            var free = 0
            func tick(_ column: Int, _ label: String) {
                line[column] = column == 0 ? "└" : "┴"
                let start = max(column, free)
                guard start + label.count <= ticks.count else { return }
                ticks.replaceSubrange(start..<start + label.count, with: Array(label))
                free = start + label.count + 1
            }
            tick(0, "0")
            if let referenceColumn, let reference = axis.reference {
                tick(referenceColumn, NumberFormat.compact(reference.value, digits: 3) + " " + reference.label)
            }
            if referenceColumn != barWidth - 1 { tick(barWidth - 1, NumberFormat.compact(largest, digits: 3)) }
            text(indent + String(line) + "\n")
            text(indent + String(String(ticks).reversed().drop { $0 == " " }.reversed()) + "\n")
            text(indent + axis.label + "\n")
        }
    }
}

extension BarChart {
    private static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar `width` cells long at the largest value, in eighths of a cell; a tiny non-zero value
    /// still shows a sliver so it is not mistaken for zero.
    static func bar(_ value: Double, of largest: Double, width: Int) -> String {
        guard value.isFinite, value > 0, largest > 0 else { return "" }
        let eighthsLong = max(1, Int((value / largest * Double(width * 8)).rounded()))
        var bar = String(repeating: "█", count: eighthsLong / 8)
        if eighthsLong % 8 > 0 { bar.append(eighths[eighthsLong % 8 - 1]) }
        return bar
    }
}
