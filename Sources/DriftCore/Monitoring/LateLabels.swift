// LateLabels: labels that arrive after the predictions, joined onto the analysis data by an id — as NannyML's
// tutorials merge `analysis_targets` onto the analysis frame (a left join on the id) before realized performance.
// Every analysis row stays, in its order; a row whose id has no label gets a missing target, so a chunk without
// labels has no realized value. The labels' target replaces any target column the analysis data had.

public enum LateLabels {
    /// `analysis` with `target` from `labels`, matched on column `id` of both.
    public static func attach(_ labels: DataFrame, to analysis: DataFrame, on id: String, target: String) throws -> DataFrame {
        for (frame, role) in [(analysis, "the analysis data"), (labels, "the labels")] where frame.column(named: id) == nil {
            throw DataError("no id column '\(id)' in \(role); columns: \(frame.names.joined(separator: ", "))")
        }
        guard labels.column(named: target) != nil else {
            throw DataError("no column '\(target)' in the labels; columns: \(labels.names.joined(separator: ", "))")
        }
        let unlabelled = try analysis.selecting(analysis.names.filter { $0 != target })
        let joined = try unlabelled.joined(with: try labels.selecting([id, target]), leftKeys: [id], rightKeys: [id], kind: .left)
        guard joined.rowCount == analysis.rowCount else {
            throw DataError("the labels have an id of '\(id)' more than once; each analysis row takes one label")
        }
        return joined
    }
}
