// MonitorResultObject: univariate drift over time as a Drift value — its table (one row per chunk × column ×
// method), the alerting rows, and a summary: per column and method, the threshold and how many analysis chunks
// alerted, from which chunk on.
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
    let monitor: UnivariateMonitor
    let tables: ChunkTables

    init(_ monitor: UnivariateMonitor) throws {
        self.monitor = monitor
        tables = try ChunkTables(try monitor.table(), periods: monitor.rows.map(\.period), alerts: monitor.rows.map(\.alert))
    }

    var kindName: String { "monitor result" }
    var fieldNames: [String] { ["table", "alerts", "alerted_columns", "n_alerts", "columns"] }

    func field(_ name: String) -> Value? {
        switch name {
        case "table": return .frame(tables.all)
        case "alerts": return .frame(tables.alerts)
        case "alerted_columns": return .vector(.text(TextColumn(alertedColumns)))
        case "n_alerts": return .number(Double(monitor.alerts.count))
        case "columns": return .vector(.text(TextColumn(monitor.columns)))
        default: return nil
        }
    }

    /// The columns with at least one alerting analysis chunk, in the order monitored.
    var alertedColumns: [String] {
        let alerted = Set(monitor.alerts.map(\.column))
        return monitor.columns.filter(alerted.contains)
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
