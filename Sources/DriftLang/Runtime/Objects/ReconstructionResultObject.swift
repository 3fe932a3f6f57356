// ReconstructionResultObject: data reconstruction drift as a Drift value — its table (one row per chunk), the
// alerting analysis chunks, and a one-line summary of the band and the alerts.
import DriftCore

final class ReconstructionResultObject: ChunkMeasureObject {
    let drift: ReconstructionDrift
    let tables: ChunkTables

    init(_ drift: ReconstructionDrift) throws {
        self.drift = drift
        tables = try ChunkTables(try drift.table(), periods: drift.rows.map(\.period), alerts: drift.rows.map(\.alert))
    }

    var rows: [ChunkMeasure] { drift.rows }
    var referenceChunkCount: Int { drift.referenceChunks.count }
    var kindName: String { "reconstruction drift" }
    var fieldNames: [String] { ["table", "alerts", "n_alerts", "components", "columns"] }

    func field(_ name: String) -> Value? {
        switch name {
        case "components": return .number(Double(drift.components))
        case "columns": return .vector(.text(TextColumn(drift.columns)))
        default: return commonField(name)
        }
    }

    func render(to renderer: inout Renderer) {
        renderer.text("reconstruction drift of \(counted(drift.columns.count, "column")) (PCA, \(counted(drift.components, "component")) for 65% of the variance): error should stay \(band)" + alertSummary(values: "errors"))
    }
}
