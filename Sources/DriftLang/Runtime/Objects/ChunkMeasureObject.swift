// ChunkMeasureObject: what the results of the drift measures with one value per chunk (reconstruction drift,
// classifier drift) share as Drift values — the table, the alerting analysis chunks, the threshold band in words
// and the line of analysis values with the alerts marked.
import DriftCore

protocol ChunkMeasureObject: DriftObject {
    var rows: [ChunkMeasure] { get }
    var tables: ChunkTables { get }
    var referenceChunkCount: Int { get }
}

extension ChunkMeasureObject {
    var analysisRows: [ChunkMeasure] { rows.filter { $0.period == .analysis } }
    var analysisAlerts: [ChunkMeasure] { analysisRows.filter(\.alert) }

    /// The fields every such result has: table, alerts, n_alerts.
    func commonField(_ name: String) -> Value? {
        switch name {
        case "table": return .frame(tables.all)
        case "alerts": return .frame(tables.alerts)
        case "n_alerts": return .number(Double(analysisAlerts.count))
        default: return nil
        }
    }

    /// "between 0.84 and 1.26"
    var band: String {
        guard let row = rows.first else { return "" }
        let lower = row.lower.map { NumberFormat.compact($0, digits: 4) } ?? "−∞"
        let upper = row.upper.map { NumberFormat.compact($0, digits: 4) } ?? "∞"
        return "between \(lower) and \(upper)"
    }

    /// "; 2 of 6 analysis chunks alerted, first [2000:2499]" and the analysis values (`values` names them), alerts
    /// marked with ●.
    func alertSummary(values: String) -> String {
        var text = "; \(analysisAlerts.count) of \(analysisRows.count) analysis chunks alerted"
        if let first = analysisAlerts.first { text += ", first \(first.chunk.key)" }
        return text + "\n  analysis \(values): " + analysisRows.map { ($0.alert ? "●" : "") + NumberFormat.compact($0.value, digits: 4) }.joined(separator: " ")
    }
}
