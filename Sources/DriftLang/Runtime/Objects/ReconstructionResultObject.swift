// ReconstructionResultObject: data reconstruction drift as a Drift value — its table (one row per chunk), the
// alerting analysis chunks, and a one-line summary of the band and the alerts.
import DriftCore

final class ReconstructionResultObject: DriftObject {
    let drift: ReconstructionDrift
    let tables: ChunkTables

    init(_ drift: ReconstructionDrift) throws {
        self.drift = drift
        tables = try ChunkTables(try drift.table(), periods: drift.rows.map(\.period), alerts: drift.rows.map(\.alert))
    }

    var kindName: String { "reconstruction drift" }
    var fieldNames: [String] { ["table", "alerts", "n_alerts", "components", "columns"] }

    var analysisAlerts: [ReconstructionDrift.Row] { drift.rows.filter { $0.alert && $0.period == .analysis } }

    func field(_ name: String) -> Value? {
        switch name {
        case "table": return .frame(tables.all)
        case "alerts": return .frame(tables.alerts)
        case "n_alerts": return .number(Double(analysisAlerts.count))
        case "components": return .number(Double(drift.components))
        case "columns": return .vector(.text(TextColumn(drift.columns)))
        default: return nil
        }
    }

    /// "between 0.84 and 1.26"
    var band: String {
        guard let row = drift.rows.first else { return "" }
        let lower = row.lower.map { NumberFormat.compact($0, digits: 4) } ?? "−∞"
        let upper = row.upper.map { NumberFormat.compact($0, digits: 4) } ?? "∞"
        return "between \(lower) and \(upper)"
    }

    func render(to renderer: inout Renderer) {
        let analysis = drift.rows.filter { $0.period == .analysis }
        var text = "reconstruction drift of \(counted(drift.columns.count, "column")) (PCA, \(counted(drift.components, "component")) for 65% of the variance): "
        text += "error should stay \(band); \(analysisAlerts.count) of \(analysis.count) analysis chunks alerted"
        if let first = analysisAlerts.first { text += ", first \(first.chunk.key)" }
        text += "\n  analysis errors: " + analysis.map { ($0.alert ? "●" : "") + NumberFormat.compact($0.value, digits: 4) }.joined(separator: " ")
        renderer.text(text)
    }
}
