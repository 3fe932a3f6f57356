// BarChart: horizontal bars, one row per label and one bar per series, as values describe histograms
// and per-column statistics. The terminal back end draws Unicode eighth blocks within the width.
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

    public var title: String
    public var labels: [String]
    public var series: [Series]

    public init(title: String, labels: [String], series: [Series]) {
        self.title = title
        self.labels = labels
        self.series = series
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
        let largest = chart.series.flatMap(\.values).filter(\.isFinite).max() ?? 0
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
                let bar = BarChart.bar(value, of: largest, width: barWidth)
                let note = row < series.annotations.count ? series.annotations[row] : ""
                line += bar.padding(toLength: barWidth, withPad: " ", startingAt: 0) + " "
                line += String(repeating: " ", count: annotationWidths[index] - note.count) + note
                if index < chart.series.count - 1 { line += "  " }
            }
            text(String(line.reversed().drop { $0 == " " }.reversed()) + "\n")
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
