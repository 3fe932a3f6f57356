// XYChart: lines and scatter points over numeric axes, with a title, axis labels and optional
// vertical markers (drift points in a replay). The terminal back end draws Braille dots within the
// terminal's width; the HTML and Markdown back ends draw SVG (see XYChartSVG).

public struct XYChart {
    public enum Style: Sendable { case line, scatter }

    public struct Series {
        public var name: String
        public var xs: [Double]
        public var ys: [Double]
        public var style: Style
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var series: [Series]
    /// x positions marked with a vertical line.
    public var markers: [Double] = []

    /// The smallest box holding every finite point and marker (widened when flat).
    var bounds: (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        let xs = series.flatMap(\.xs).filter(\.isFinite) + markers.filter(\.isFinite)
        let ys = series.flatMap(\.ys).filter(\.isFinite)
        func range(_ values: [Double]) -> ClosedRange<Double> {
            guard let low = values.min(), let high = values.max() else { return 0...1 }
            return low == high ? (low - 0.5)...(high + 0.5) : low...high
        }
        return (range(xs), range(ys))
    }
}

extension Renderer {
    public mutating func xyChart(_ chart: XYChart) {
        switch backend {
        case .terminal:
            text(BrailleCanvas.draw(chart, width: width))
        case .html:
            _ = addFigure(XYChartSVG.svg(chart, standalone: true))
            markup("<figure class=\"chart\">" + XYChartSVG.svg(chart) + "</figure>\n")
        case .markdown(let figureLink):
            let number = addFigure(XYChartSVG.svg(chart, standalone: true))
            markup("![\(MarkdownDisplay.escapeInline(chart.title))](\(figureLink(number)))\n\n")
        }
    }
}

/// A grid of Braille cells, each 2 dots wide and 4 high, for plots in a terminal.
struct BrailleCanvas {
    let columns: Int
    let rows: Int
    private var dots: [UInt8]

    init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
        dots = [UInt8](repeating: 0, count: columns * rows)
    }

    /// Sets the dot at (x, y) in dot coordinates, y growing downwards.
    mutating func set(_ x: Int, _ y: Int) {
        guard x >= 0, y >= 0, x < columns * 2, y < rows * 4 else { return }
        let bits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]
        dots[(y / 4) * columns + x / 2] |= bits[y % 4][x % 2]
    }

    mutating func line(from a: (Int, Int), to b: (Int, Int)) {
        let steps = max(abs(b.0 - a.0), abs(b.1 - a.1), 1)
        for step in 0...steps {
            let t = Double(step) / Double(steps)
            set(Int((Double(a.0) + t * Double(b.0 - a.0)).rounded()), Int((Double(a.1) + t * Double(b.1 - a.1)).rounded()))
        }
    }

    func row(_ index: Int) -> String {
        String(String.UnicodeScalarView((0..<columns).compactMap { Unicode.Scalar(0x2800 + UInt32(dots[index * columns + $0])) }))
    }

    /// Where `value` lies in `range`, 0 to 1. Halves first, so a range as wide as ±1e308 does not overflow.
    static func share(_ value: Double, of range: ClosedRange<Double>) -> Double {
        (value / 2 - range.lowerBound / 2) / (range.upperBound / 2 - range.lowerBound / 2)
    }

    /// A dot coordinate; off the canvas (-1) when not finite, so `set` ignores it.
    private static func dot(_ position: Double) -> Int {
        position.isFinite ? Int(max(-1, min(1e6, position.rounded()))) : -1
    }

    /// The chart as text: title, y range on the left, Braille plot, x range and label below, legend.
    static func draw(_ chart: XYChart, width: Int) -> String {
        let (xRange, yRange) = chart.bounds
        let top = NumberFormat.compact(yRange.upperBound, digits: 4), bottom = NumberFormat.compact(yRange.lowerBound, digits: 4)
        let gutter = max(top.count, bottom.count) + 1
        var canvas = BrailleCanvas(columns: max(10, min(72, width - gutter - 2)), rows: 12)
        let dotWidth = canvas.columns * 2 - 1, dotHeight = canvas.rows * 4 - 1
        func point(_ x: Double, _ y: Double) -> (Int, Int) {
            (dot(share(x, of: xRange) * Double(dotWidth)), dot((1 - share(y, of: yRange)) * Double(dotHeight)))
        }
        for marker in chart.markers where marker.isFinite {
            let x = point(marker, yRange.lowerBound).0
            for y in stride(from: 0, through: dotHeight, by: 2) { canvas.set(x, y) }
        }
        for series in chart.series {
            var previous: (Int, Int)?
            for (x, y) in zip(series.xs, series.ys) {
                guard x.isFinite, y.isFinite else { previous = nil; continue }
                let current = point(x, y)
                if series.style == .line, let previous { canvas.line(from: previous, to: current) } else { canvas.set(current.0, current.1) }
                previous = current
            }
        }
        var text = chart.title + (chart.yLabel.isEmpty ? "" : " (y: \(chart.yLabel))") + "\n"
        for index in 0..<canvas.rows {
            let label = index == 0 ? top : index == canvas.rows - 1 ? bottom : ""
            text += String(repeating: " ", count: gutter - label.count - 1) + label + " ┤" + canvas.row(index) + "\n"
        }
        let left = NumberFormat.compact(xRange.lowerBound, digits: 4), right = NumberFormat.compact(xRange.upperBound, digits: 4)
        let axisWidth = canvas.columns + 1
        let middle = chart.xLabel.isEmpty ? "" : chart.xLabel
        let spaces = max(1, axisWidth - left.count - right.count - middle.count)
        text += String(repeating: " ", count: gutter) + left + String(repeating: " ", count: spaces / 2) + middle
            + String(repeating: " ", count: spaces - spaces / 2) + right + "\n"
        if chart.series.count > 1 || !chart.markers.isEmpty {
            var legend = chart.series.map(\.name).joined(separator: ", ")
            if !chart.markers.isEmpty { legend += (legend.isEmpty ? "" : "; ") + "dotted lines: markers" }
            text += String(repeating: " ", count: gutter) + legend + "\n"
        }
        return text
    }
}
