// SamplingErrorModel: NannyML 0.13's sampling error of a binary classification metric
// (`nannyml.sampling_error.binary_classification`). Fitted on the labelled reference: the population standard
// deviation of the metric's per-row contributions and the share of rows that contribute; a chunk of n rows then
// has the sampling error sd / √(n · share).

struct SamplingErrorModel {
    let deviation: Double
    let share: Double

    /// The error for a chunk whose estimate reads `rows` rows (NaN for none).
    func error(rows: Int) -> Double {
        rows == 0 ? .nan : deviation / (Double(rows) * share).squareRoot()
    }

    /// Fitted on the whole reference (labels present on every row).
    init(_ metric: PerformanceMetric, reference: ClassifierChunk) {
        if metric == .rocAUC {
            (deviation, share) = Self.rocAUC(reference)
            return
        }
        guard let counts = reference.realizedConfusion(needsBothClasses: false) else {
            (deviation, share) = (.nan, 0)
            return
        }
        let n = counts.tp + counts.fp + counts.tn + counts.fn
        /// The sd of `ones` values 1 (times `scale`) and `zeros` values 0.
        func sd(_ ones: Double, _ zeros: Double, scale: Double = 1) -> Double {
            let q = ones / (ones + zeros)
            return scale * (q * (1 - q)).squareRoot()
        }
        switch metric {
        case .accuracy: (deviation, share) = (sd(counts.tp + counts.tn, counts.fp + counts.fn), 1)
        case .precision: (deviation, share) = (sd(counts.tp, counts.fp), (counts.tp + counts.fp) / n)
        case .recall: (deviation, share) = (sd(counts.tp, counts.fn), (counts.tp + counts.fn) / n)
        case .f1:
            let relevant = counts.tp + counts.fp + counts.fn
            guard relevant > 0 else { (deviation, share) = (.nan, 0); return }
            let factor = relevant / ((counts.fn + counts.fp) * 0.5 + counts.tp)
            (deviation, share) = (sd(counts.tp, counts.fp + counts.fn, scale: factor), relevant / n)
        case .rocAUC, .mae, .mse, .rmse: (deviation, share) = (.nan, 0)
        }
    }

    /// `auroc_sampling_error_components`: with the minority class as positive, each positive's rank among the
    /// rows sorted by score, less the positives ranked before it, over the number of negatives; their sd, and
    /// the positives' share. (NannyML drops a positive ranked first, whose rank 0 is taken for a negative's.)
    private static func rocAUC(_ reference: ClassifierChunk) -> (Double, Double) {
        guard let targets = reference.targets else { return (.nan, 0) }
        let rows = reference.scores.indices.filter { !reference.scores[$0].isNaN && !targets[$0].isNaN }
        guard !rows.isEmpty else { return (.nan, 0) }
        let flip = rows.reduce(0) { $0 + targets[$1] } / Double(rows.count) > 0.5
        let label = { (row: Int) in flip ? 1 - targets[row] : targets[row] }
        let score = { (row: Int) in flip ? 1 - reference.scores[row] : reference.scores[row] }
        let sorted = rows.sorted { score($0) < score($1) }
        let positives = sorted.reduce(0) { $0 + label($1) }, negatives = Double(sorted.count) - positives
        var contributions: [Double] = []
        for (rank, row) in sorted.enumerated() where rank > 0 && label(row) == 1 {
            contributions.append(Double(rank - contributions.count) / negatives)
        }
        return (MonitorThreshold.meanAndDeviation(contributions).sd, positives / Double(sorted.count))
    }
}
