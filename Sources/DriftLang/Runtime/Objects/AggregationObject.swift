// AggregationObject: a named aggregation for `aggregate`, made by calling a reduction with a column's
// name instead of a vector: `mean("income")`, `quantile("income", 0.9)`, `count()` (rows per group).
import DriftCore

final class AggregationObject: DriftObject {
    /// The column aggregated; nil for `count()`, which counts rows.
    let column: String?
    let aggregation: GroupAggregation

    init(_ aggregation: GroupAggregation, of column: String?) {
        self.aggregation = aggregation
        self.column = column
    }

    var kindName: String { "aggregation" }
    var fieldNames: [String] { ["function", "column"] }

    func field(_ name: String) -> Value? {
        switch name {
        case "function": return .string(aggregation.name)
        case "column": return column.map(Value.string) ?? .null
        default: return nil
        }
    }

    var summary: String {
        guard let column else { return "count of rows" }
        if case .quantile(let q) = aggregation { return "quantile \(NumberFormat.shortest(q)) of \(column)" }
        return "\(aggregation.name) of \(column)"
    }

    func render(to renderer: inout Renderer) {
        renderer.text("aggregation: \(summary) (for aggregate)\n")
    }

    /// One value per group of `grouped`.
    func apply(to grouped: GroupedFrameObject) throws -> Column {
        guard let column else { return grouped.grouping.sizes() }
        guard let values = grouped.frame.column(named: column) else {
            throw BuiltinError("\(summary): the frame has no column '\(column)'\(Suggestion.hint(for: column, among: grouped.frame.names))")
        }
        return try grouped.grouping.aggregate(values, aggregation)
    }
}
