// XYChartSVG: an XYChart as SVG — axes with ticks, lines or points per series in the Okabe–Ito
// colour-blind-safe palette, dashed vertical markers, a legend and axis labels.
import Foundation

enum XYChartSVG {
    static func svg(_ chart: XYChart, standalone: Bool = false) -> String {
        let width = 560.0, height = 300.0, left = 56.0, right = 16.0, top = 30.0, bottom = 42.0
        let (xRange, yRange) = chart.bounds
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func sx(_ x: Double) -> Double { left + BrailleCanvas.share(x, of: xRange) * plotWidth }
        func sy(_ y: Double) -> Double { top + (1 - BrailleCanvas.share(y, of: yRange)) * plotHeight }
        func number(_ value: Double) -> String { NumberFormat.compact(value, digits: 5) }
        let escape = HTMLDisplay.escape

        var svg = HTMLDisplay.svgStart(kind: "xy-chart", width: width, height: height, title: chart.title, standalone: standalone)
        // Axes and ticks.
        svg += "<line x1=\"\(number(left))\" y1=\"\(number(top + plotHeight))\" x2=\"\(number(left + plotWidth))\" y2=\"\(number(top + plotHeight))\" stroke=\"#555\"/>"
        svg += "<line x1=\"\(number(left))\" y1=\"\(number(top))\" x2=\"\(number(left))\" y2=\"\(number(top + plotHeight))\" stroke=\"#555\"/>"
        for tick in ticks(xRange) {
            svg += "<line x1=\"\(number(sx(tick)))\" y1=\"\(number(top + plotHeight))\" x2=\"\(number(sx(tick)))\" y2=\"\(number(top + plotHeight + 4))\" stroke=\"#555\"/>"
            svg += "<text x=\"\(number(sx(tick)))\" y=\"\(number(top + plotHeight + 16))\" text-anchor=\"middle\" fill=\"#333\">\(escape(NumberFormat.compact(tick, digits: 4)))</text>"
        }
        for tick in ticks(yRange) {
            svg += "<line x1=\"\(number(left - 4))\" y1=\"\(number(sy(tick)))\" x2=\"\(number(left + plotWidth))\" y2=\"\(number(sy(tick)))\" stroke=\"#e5e5e5\"/>"
            svg += "<text x=\"\(number(left - 6))\" y=\"\(number(sy(tick) + 4))\" text-anchor=\"end\" fill=\"#333\">\(escape(NumberFormat.compact(tick, digits: 4)))</text>"
        }
        if !chart.xLabel.isEmpty {
            svg += "<text x=\"\(number(left + plotWidth / 2))\" y=\"\(number(height - 6))\" text-anchor=\"middle\" fill=\"#222\">\(escape(chart.xLabel))</text>"
        }
        if !chart.yLabel.isEmpty {
            svg += "<text transform=\"translate(12 \(number(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\" fill=\"#222\">\(escape(chart.yLabel))</text>"
        }
        for marker in chart.markers where marker.isFinite {
            svg += "<line x1=\"\(number(sx(marker)))\" y1=\"\(number(top))\" x2=\"\(number(sx(marker)))\" y2=\"\(number(top + plotHeight))\" stroke=\"#D55E00\" stroke-dasharray=\"4 3\"><title>marker at \(escape(number(marker)))</title></line>"
        }
        for (index, series) in chart.series.enumerated() {
            let colour = HTMLDisplay.palette[index % HTMLDisplay.palette.count]
            let points = zip(series.xs, series.ys).filter { $0.0.isFinite && $0.1.isFinite }
            switch series.style {
            case .line:
                let path = points.map { "\(number(sx($0.0))),\(number(sy($0.1)))" }.joined(separator: " ")
                svg += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.8\" points=\"\(path)\"><title>\(escape(series.name))</title></polyline>"
            case .scatter:
                for (x, y) in points {
                    svg += "<circle cx=\"\(number(sx(x)))\" cy=\"\(number(sy(y)))\" r=\"2.5\" fill=\"\(colour)\" fill-opacity=\"0.75\"/>"
                }
            }
        }
        if chart.series.count > 1 {
            var x = left + 8
            for (index, series) in chart.series.enumerated() {
                let colour = HTMLDisplay.palette[index % HTMLDisplay.palette.count]
                svg += "<rect x=\"\(number(x))\" y=\"\(number(top - 12))\" width=\"10\" height=\"10\" fill=\"\(colour)\"/>"
                svg += "<text x=\"\(number(x + 14))\" y=\"\(number(top - 3))\" fill=\"#222\">\(escape(series.name))</text>"
                x += 14 + Double(series.name.count) * 6.5 + 16
            }
        }
        return svg + "</svg>"
    }

    /// About five round tick positions inside the range (steps of 1, 2 or 5 times a power of ten).
    static func ticks(_ range: ClosedRange<Double>) -> [Double] {
        let span = range.upperBound - range.lowerBound
        guard span > 0, span.isFinite else { return [range.lowerBound] }
        let rough = span / 5
        let magnitude = pow(10, (log10(rough)).rounded(.down))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? rough
        var tick = (range.lowerBound / step).rounded(.up) * step
        var ticks: [Double] = []
        while tick <= range.upperBound + step * 1e-9, ticks.count < 12 {
            ticks.append(abs(tick) < step * 1e-9 ? 0 : tick)
            tick += step
        }
        return ticks
    }
}
