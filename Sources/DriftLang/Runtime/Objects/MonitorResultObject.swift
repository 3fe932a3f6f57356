// MonitorResultObject: univariate drift over time as a Drift value — its table (one row per chunk × column ×
// method, per segment too when monitored by segment), the alerting rows, and a summary: per column and method,
// the threshold and how many analysis chunks alerted, from which chunk on; then each segment's alerted columns.
import DriftCore

/// A chunked result's table, and its rows that are alerting analysis chunks (the `alerts` field).
struct ChunkTables {
    let all: DataFrame
    let alerts: DataFrame

    init(_ table: DataFrame, periods: [MonitorPeriod], alerts: [Bool]) throws {
        all = table
        self.alerts = try table.filtered(by: BoolColumn(zip(periods, alerts).map { $0 == .analysis && $1 }))
    }
}

final class MonitorResultObject: DriftObject {
    /// The whole data's monitor (the overall block of a segmented one).
    let monitor: UnivariateMonitor
    let segmented: SegmentedMonitor?
    let tables: ChunkTables

    init(_ monitor: UnivariateMonitor) throws {
        self.monitor = monitor
        segmented = nil
        tables = try ChunkTables(try monitor.table(), periods: monitor.rows.map(\.period), alerts: monitor.rows.map(\.alert))
    }

    /// A monitor by segment: its table holds the overall block, then one per segment.
    init(_ segmented: SegmentedMonitor) throws {
        monitor = segmented.overall
        self.segmented = segmented
        let rows = segmented.overall.rows + segmented.segments.flatMap(\.monitor.rows)
        tables = try ChunkTables(try segmented.table(), periods: rows.map(\.period), alerts: rows.map(\.alert))
    }

    var kindName: String { "monitor result" }
    var fieldNames: [String] {
        ["table", "alerts", "alerted_columns", "n_alerts", "columns"] + (segmented == nil ? [] : ["segments", "new_segments", "vanished_segments"])
    }

    func field(_ name: String) -> Value? {
        switch name {
        case "table": return .frame(tables.all)
        case "alerts": return .frame(tables.alerts)
        case "alerted_columns": return .vector(.text(TextColumn(Self.alertedColumns(monitor))))
        case "n_alerts": return .number(Double(monitor.alerts.count))
        case "columns": return .vector(.text(TextColumn(monitor.columns)))
        case "segments": return segmented.map { .vector(.text(TextColumn($0.segments.map(\.name)))) }
        case "new_segments": return segmented.map { .vector(.text(TextColumn($0.newSegments))) }
        case "vanished_segments": return segmented.map { .vector(.text(TextColumn($0.vanishedSegments))) }
        default: return nil
        }
    }

    /// The columns with at least one alerting analysis chunk in `monitor`, in the order monitored.
    static func alertedColumns(_ monitor: UnivariateMonitor) -> [String] {
        let alerted = Set(monitor.alerts.map(\.column))
        return monitor.columns.filter(alerted.contains)
    }

    var alertedColumns: [String] { Self.alertedColumns(monitor) }

    /// One line per segment ("north: region, normal alerted" / "south: no alerts"), then the new and vanished ones.
    var segmentSummary: String? {
        guard let segmented else { return nil }
        var lines = segmented.segments.map { name, monitor -> String in
            let alerted = Self.alertedColumns(monitor)
            return "\(segmented.segmentColumn) = \(name): " + (alerted.isEmpty ? "no alerts" : "\(alerted.joined(separator: ", ")) alerted (\(counted(monitor.alerts.count, "alert")))")
        }
        if !segmented.newSegments.isEmpty { lines.append("new (not in the reference): \(segmented.newSegments.joined(separator: ", "))") }
        if !segmented.vanishedSegments.isEmpty { lines.append("vanished (not in the analysis data): \(segmented.vanishedSegments.joined(separator: ", "))") }
        return lines.joined(separator: "\n")
    }

    /// The rows of each column and method, in the monitor's order.
    var series: [(column: String, method: MonitorMethod, rows: [UnivariateMonitor.Row])] {
        var result: [(column: String, method: MonitorMethod, rows: [UnivariateMonitor.Row])] = []
        for row in monitor.rows {
            if let last = result.last, last.column == row.column, last.method == row.method {
                result[result.count - 1].rows.append(row)
            } else {
                result.append((row.column, row.method, [row]))
            }
        }
        return result
    }

    func render(to renderer: inout Renderer) {
        let lines = series.map { column, method, rows -> [String] in
            let analysis = rows.filter { $0.period == .analysis }
            let alerts = analysis.filter(\.alert)
            let band = Self.alertRule(rows.first)
            let latest = analysis.last.map { NumberFormat.compact($0.value, digits: 4) } ?? ""
            return [alerts.isEmpty ? "" : "●", column, method.name, band, latest,
                    "\(alerts.count) of \(analysis.count)", alerts.first?.chunk.key ?? ""]
        }
        let footer = "\(monitor.referenceChunks.count) reference and \(monitor.analysisChunks.count) analysis chunks (\(monitor.chunking.description)); "
            + "\(alertedColumns.count) of \(counted(monitor.columns.count, "column")) alerted"
        renderer.table(
            headers: ["", "column", "method", "alerts when", "latest", "alerts", "first alert"], types: nil, rows: lines,
            rightAligned: [false, false, false, false, true, true, false], footer: footer)
        if let segmentSummary { renderer.text("by segment:\n" + segmentSummary) }
    }

    /// When a chunk alerts: "> 0.1234", "< 0.01 or > 0.2", "p < 0.05".
    static func alertRule(_ row: UnivariateMonitor.Row?) -> String {
        guard let row else { return "" }
        if row.method.alertsOnPValue { return "p < \(NumberFormat.shortest(MonitorMethod.pValueAlert))" }
        switch (row.lower, row.upper) {
        case let (lower?, upper?): return "< " + NumberFormat.compact(lower, digits: 4) + " or > " + NumberFormat.compact(upper, digits: 4)
        case let (nil, upper?): return "> " + NumberFormat.compact(upper, digits: 4)
        case let (lower?, nil): return "< " + NumberFormat.compact(lower, digits: 4)
        case (nil, nil): return "never"
        }
    }
}
