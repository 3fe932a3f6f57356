// HistogramObject: counts of one sample in bins (numbers) or per category (strings, booleans), shown as
// a bar chart with counts.
import DriftCore

final class HistogramObject: DriftObject {
    enum Bins {
        case numeric(Histogram)
        case categorical(CategoricalHistogram)
    }

    let bins: Bins

    init(_ bins: Bins) { self.bins = bins }

    var isChart: Bool { true }
    var kindName: String { "histogram" }

    var fieldNames: [String] {
        switch bins {
        case .numeric: return ["edges", "counts", "shares", "missing"]
        case .categorical: return ["categories", "counts", "shares", "missing"]
        }
    }

    func field(_ name: String) -> Value? {
        switch (name, bins) {
        case ("edges", .numeric(let histogram)): return .vector(.numeric(NumericColumn(histogram.edges)))
        case ("categories", .categorical(let histogram)): return .vector(.text(TextColumn(histogram.categories)))
        case ("counts", _): return .vector(.numeric(NumericColumn(counts.map(Double.init))))
        case ("shares", _): return .vector(.numeric(NumericColumn(shares)))
        case ("missing", .numeric(let histogram)): return .number(Double(histogram.missing))
        case ("missing", .categorical(let histogram)): return .number(Double(histogram.missing))
        default: return nil
        }
    }

    private var counts: [Int] {
        switch bins {
        case .numeric(let histogram): return histogram.counts
        case .categorical(let histogram): return histogram.counts
        }
    }

    private var shares: [Double] {
        switch bins {
        case .numeric(let histogram): return histogram.shares
        case .categorical(let histogram): return histogram.shares
        }
    }

    func render(to renderer: inout Renderer) {
        let labels: [String]
        var title: String
        switch bins {
        case .numeric(let histogram):
            labels = BinLabels.intervals(histogram.edges)
            title = "histogram: \(counted(histogram.counts.count, "bin")), \(counted(histogram.counts.reduce(0, +), "value"))"
            if histogram.missing > 0 { title += ", \(histogram.missing) missing" }
        case .categorical(let histogram):
            labels = histogram.categories
            title = "histogram: \(histogram.categories.count) categor\(histogram.categories.count == 1 ? "y" : "ies"), \(counted(histogram.counts.reduce(0, +), "value"))"
            if histogram.missing > 0 { title += ", \(histogram.missing) missing" }
        }
        renderer.barChart(BarChart(title: title, labels: labels, series: [
            .init(name: "count", values: counts.map(Double.init), annotations: counts.map(String.init)),
        ]))
    }
}

/// Interval labels for bin edges: `[a, b)` and a closed last bin, `(-inf, b)` for open outer bins.
enum BinLabels {
    static func intervals(_ edges: [Double], closedLast: Bool = true) -> [String] {
        guard edges.count >= 2 else { return [] }
        return (0..<edges.count - 1).map { index in
            let close = closedLast && index == edges.count - 2 ? "]" : ")"
            return "[\(NumberFormat.compact(edges[index], digits: 4)), \(NumberFormat.compact(edges[index + 1], digits: 4))\(close)"
        }
    }
}
