// ClassifierDriftResultObject: classifier drift (the domain classifier per chunk) as a Drift value — its table (one
// row per chunk), the alerting analysis chunks, and a one-line summary of the band and the alerts.
import DriftCore

final class ClassifierDriftResultObject: ChunkMeasureObject {
    let drift: ClassifierDrift
    let tables: ChunkTables

    init(_ drift: ClassifierDrift) throws {
        self.drift = drift
        tables = try ChunkTables(try drift.table(), periods: drift.rows.map(\.period), alerts: drift.rows.map(\.alert))
    }

    var rows: [ChunkMeasure] { drift.rows }
    var referenceChunkCount: Int { drift.referenceChunks.count }
    var kindName: String { "classifier drift" }
    var fieldNames: [String] { ["table", "alerts", "n_alerts", "columns"] }

    func field(_ name: String) -> Value? {
        name == "columns" ? .vector(.text(TextColumn(drift.columns))) : commonField(name)
    }

    func render(to renderer: inout Renderer) {
        renderer.text("classifier drift of \(counted(drift.columns.count, "column")) (boosted trees, \(ClassifierDrift.folds)-fold cross-validated AUC per chunk): AUC should stay \(band)" + alertSummary(values: "AUCs"))
    }
}
