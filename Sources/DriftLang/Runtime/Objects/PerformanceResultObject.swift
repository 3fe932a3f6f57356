// PerformanceResultObject: estimated (CBPE, DLE) or realized performance over chunks as a Drift value — its table (one
// row per chunk × metric), the alerting analysis rows, and a summary per metric: the threshold band, the latest
// value beside the latest realized one, and how many analysis chunks alerted from which on.
import DriftCore

final class PerformanceResultObject: DriftObject {
    let estimation: PerformanceEstimation
    let tables: ChunkTables
    var kindName: String { estimation.estimated ? "performance estimate" : "realized performance" }
    var fieldNames: [String] { ["table", "alerts", "n_alerts", "metrics", "calibrated"] }

    init(_ estimation: PerformanceEstimation) throws {
        let rows = estimation.rows
        tables = try ChunkTables(try estimation.table(), periods: rows.map(\.period), alerts: rows.map(\.alert))
        self.estimation = estimation
    }

    func field(_ name: String) -> Value? {
        switch name {
        case "table": return .frame(tables.all)
        case "alerts": return .frame(tables.alerts)
        case "n_alerts": return .number(Double(estimation.alerts.count))
        case "metrics": return .vector(.text(TextColumn(estimation.metrics.map(\.name))))
        case "calibrated": return .bool(estimation.calibrated)
        default: return nil
        }
    }

    /// Each metric's rows, reference chunks first.
    var series: [(metric: PerformanceMetric, rows: [PerformanceEstimation.Row])] {
        estimation.metrics.map { metric in (metric, estimation.rows.filter { $0.metric == metric }) }
    }

    /// How the values were found, for the summary and explain.
    var method: String {
        guard estimation.estimated else { return "realized from labels" }
        if estimation.regression { return "estimated without labels by direct loss estimation (boosted trees fitted on the reference predict each row's error)" }
        return "estimated without labels by CBPE (" + (estimation.calibrated ? "scores calibrated by isotonic regression on the reference)" : "scores read as probabilities, uncalibrated)")
    }

    func render(to renderer: inout Renderer) {
        let lines = series.map { metric, rows -> [String] in
            let analysis = rows.filter { $0.period == .analysis }
            let alerts = analysis.filter(\.alert)
            let latest = analysis.last
            return [alerts.isEmpty ? "" : "●", metric.name, Self.band(rows.first), latest.map { NumberFormat.compact($0.value, digits: 4) } ?? "",
                    latest.map { $0.realized.isNaN ? "" : NumberFormat.compact($0.realized, digits: 4) } ?? "",
                    "\(alerts.count) of \(analysis.count)", alerts.first?.chunk.key ?? ""]
        }
        let footer = "\(estimation.referenceChunks.count) reference and \(estimation.analysisChunks.count) analysis chunks (\(estimation.chunking.description)); \(method)"
        renderer.table(
            headers: ["", "metric", "alerts when", "latest", "realized", "alerts", "first alert"], types: nil, rows: lines,
            rightAligned: [false, false, false, true, true, true, false], footer: footer)
    }

    /// "< 0.75 or > 0.83"
    static func band(_ row: PerformanceEstimation.Row?) -> String {
        let parts = [row?.lower.map { "< " + NumberFormat.compact($0, digits: 4) }, row?.upper.map { "> " + NumberFormat.compact($0, digits: 4) }]
        let text = parts.compactMap { $0 }.joined(separator: " or ")
        return text.isEmpty ? "never" : text
    }
}
