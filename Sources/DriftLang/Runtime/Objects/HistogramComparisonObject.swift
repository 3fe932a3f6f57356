// HistogramComparisonObject: a reference and a current sample on shared bins (equal-width over both
// ranges for numbers, the union of categories otherwise), shown side by side as shares so a shift
// is visible at a glance.
import DriftCore

final class HistogramComparisonObject: DriftObject {
    /// Bin labels: intervals for numbers, category names otherwise.
    let labels: [String]
    /// Bin edges for numbers; nil for categories.
    let edges: [Double]?
    let referenceCounts: [Int]
    let currentCounts: [Int]
    /// What the two samples are called in the chart ("reference" and "current" unless given).
    let sampleNames: (first: String, second: String)

    init(labels: [String], edges: [Double]?, referenceCounts: [Int], currentCounts: [Int],
         sampleNames: (first: String, second: String) = ("reference", "current")) {
        self.labels = labels
        self.edges = edges
        self.referenceCounts = referenceCounts
        self.currentCounts = currentCounts
        self.sampleNames = sampleNames
    }

    var isChart: Bool { true }
    var kindName: String { "histogram comparison" }

    var fieldNames: [String] {
        [edges == nil ? "categories" : "edges", "reference_counts", "current_counts", "reference_shares", "current_shares"]
    }

    func field(_ name: String) -> Value? {
        switch name {
        case "edges": return edges.map { .vector(.numeric(NumericColumn($0))) }
        case "categories": return edges == nil ? .vector(.text(TextColumn(labels))) : nil
        case "reference_counts": return .vector(.numeric(NumericColumn(referenceCounts.map(Double.init))))
        case "current_counts": return .vector(.numeric(NumericColumn(currentCounts.map(Double.init))))
        case "reference_shares": return .vector(.numeric(NumericColumn(Self.shares(referenceCounts))))
        case "current_shares": return .vector(.numeric(NumericColumn(Self.shares(currentCounts))))
        default: return nil
        }
    }

    static func shares(_ counts: [Int]) -> [Double] {
        let total = counts.reduce(0, +)
        return counts.map { total > 0 ? Double($0) / Double(total) : 0 }
    }

    func render(to renderer: inout Renderer) {
        let reference = Self.shares(referenceCounts), current = Self.shares(currentCounts)
        func percent(_ share: Double) -> String { NumberFormat.compact(100 * share, digits: 3) + "%" }
        let (first, second) = sampleNames
        let title = "\(first) (\(counted(referenceCounts.reduce(0, +), "value"))) vs \(second) (\(counted(currentCounts.reduce(0, +), "value"))), share per "
            + (edges == nil ? "category" : "bin")
        renderer.barChart(BarChart(title: title, labels: labels, series: [
            .init(name: first, values: reference, annotations: reference.map(percent)),
            .init(name: second, values: current, annotations: current.map(percent)),
        ]))
    }
}
