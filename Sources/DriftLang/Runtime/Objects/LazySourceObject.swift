// LazySourceObject and LazyColumnObject: a data source that is summarised, never loaded (`scan_csv`, `table`), and
// one of its columns. Both hold the source's `SummaryCache`, so the first statistic asked of any column reads
// the source once for all columns and later ones reuse the summaries.
import DriftCore

final class LazySourceObject: DriftObject {
    let cache: SummaryCache

    init(_ cache: SummaryCache) { self.cache = cache }

    var kindName: String { "lazy source" }
    var name: String { cache.source.name }
    var columnNames: [String] { cache.source.columnNames }

    /// Columns are the fields: `src.income` is a lazy column.
    var fieldNames: [String] { columnNames }

    func field(_ name: String) -> Value? {
        columnNames.contains(name) ? .object(LazyColumnObject(self, name)) : nil
    }

    /// The number of rows (from the source's facts, else read from the source if not yet read).
    func rowCount() throws -> Int {
        try cache.rowCount()
    }

    func render(to renderer: inout Renderer) {
        let columns = columnNames.count
        var title = "lazy source \(Renderer.quote(name)): \(columns) column\(columns == 1 ? "" : "s")"
        let summaries = cache.knownSummaries
        guard let rowCount = summaries.values.first?.rowCount else {
            renderer.text(title + " (" + columnNames.joined(separator: ", ") + "); not read yet")
            return
        }
        title += ", \(counted(rowCount, "row"))"
        if !cache.isSummarized { title += "; \(summaries.count) of \(columns) columns summarised so far" }
        let rows = columnNames.map { column -> [String] in
            guard let summary = summaries[column] else { return [column, "not read", "", "", "", ""] }
            let numeric = summary.type == .numeric
            return [column, summary.typeName ?? "", String(summary.missing),
                    numeric ? NumberFormat.compact(summary.moments.mean, digits: 4) : "",
                    numeric ? NumberFormat.compact(summary.moments.minimum, digits: 4) : "",
                    numeric ? NumberFormat.compact(summary.moments.maximum, digits: 4) : String(summary.categories?.distinctCount ?? 0) + " distinct"]
        }
        renderer.table(headers: ["column", "type", "missing", "mean", "min", "max"], types: nil, rows: rows,
                       rightAligned: [false, false, true, true, true, true], footer: title)
    }
}

final class LazyColumnObject: DriftObject {
    let source: LazySourceObject
    let column: String

    init(_ source: LazySourceObject, _ column: String) {
        self.source = source
        self.column = column
    }

    var kindName: String { "lazy column" }
    var summarized: SummarizedColumn { SummarizedColumn(source.cache, column) }

    /// The column's summary (reads the source if not yet read).
    func summary() throws -> ColumnSummary { try source.cache.summary(column) }

    /// The summary of a numeric column; text and booleans are an error naming `what` was asked.
    func numericSummary(_ what: String) throws -> ColumnSummary {
        let summary = try summary()
        guard summary.type == .numeric else {
            throw BuiltinError("\(what) needs numbers, but lazy column '\(column)' holds \(summary.typeName ?? "") values")
        }
        return summary
    }

    /// Exact per-value counts, or an error when the column has too many distinct values to keep them.
    func categories() throws -> CategoryCounts {
        guard let categories = try summary().categories else {
            throw BuiltinError("lazy column '\(column)' has too many distinct values to count each exactly")
        }
        return categories
    }

    var fieldNames: [String] { ["name", "source", "type", "count", "missing", "mean", "sd", "min", "max", "rank_error"] }

    func field(_ name: String) -> Value? {
        switch name {
        case "name": return .string(column)
        case "source": return .string(source.name)
        default: break
        }
        guard fieldNames.contains(name), let summary = try? summary() else { return nil }
        switch name {
        case "type": return .string(summary.typeName ?? "")
        case "count": return .number(Double(summary.count))
        case "missing": return .number(Double(summary.missing))
        case "mean": return .number(summary.type == .numeric ? summary.moments.mean : .nan)
        case "sd": return .number(summary.type == .numeric ? summary.moments.standardDeviation : .nan)
        case "min": return .number(summary.type == .numeric ? summary.moments.minimum : .nan)
        case "max": return .number(summary.type == .numeric ? summary.moments.maximum : .nan)
        default: return .number(summary.sketch.rankError)
        }
    }

    func render(to renderer: inout Renderer) {
        var line = "lazy column '\(column)' of \(Renderer.quote(source.name))"
        if let summary = source.cache.knownSummaries[column] {
            line += ": \(summary.typeName ?? ""), \(counted(summary.count, "value")), \(summary.missing) missing"
        } else {
            line += " (read on first use)"
        }
        renderer.text(line)
    }
}
