// IsotonicCalibration: the calibrator NannyML 0.13's CBPE uses — scikit-learn's IsotonicRegression(increasing=True,
// out_of_bounds="clip") fitted on the reference's scores and labels: equal scores pooled (their mean label), the
// pool-adjacent-violators fit of a non-decreasing step function, then linear interpolation between the fitted
// points, clipped to the reference's range of scores.
//
// Whether to calibrate: NannyML decides with a seeded StratifiedShuffleSplit that Drift cannot reproduce, so
// `calibrate: "auto"` uses a deterministic cross-validated test (`shouldCalibrate`).

struct IsotonicCalibration {
    /// The distinct scores and the fitted probability at each, ascending.
    private let xs: [Double]
    private let ys: [Double]

    init(scores: [Double], labels: [Double]) {
        let order = scores.indices.sorted { (scores[$0], labels[$0]) < (scores[$1], labels[$1]) }
        var xs: [Double] = [], means: [Double] = [], weights: [Double] = []
        for index in order {
            if let last = xs.last, scores[index] == last {
                let n = weights[weights.count - 1]
                means[means.count - 1] = (means[means.count - 1] * n + labels[index]) / (n + 1)
                weights[weights.count - 1] = n + 1
            } else {
                xs.append(scores[index]); means.append(labels[index]); weights.append(1)
            }
        }
        // Pool adjacent violators: blocks of (mean, weight, count of points), merged while decreasing.
        var blocks: [(mean: Double, weight: Double, count: Int)] = []
        for (mean, weight) in zip(means, weights) {
            blocks.append((mean, weight, 1))
            while blocks.count > 1, blocks[blocks.count - 2].mean >= blocks[blocks.count - 1].mean {
                let last = blocks.removeLast(), before = blocks.removeLast()
                let total = before.weight + last.weight
                blocks.append(((before.mean * before.weight + last.mean * last.weight) / total, total, before.count + last.count))
            }
        }
        self.xs = xs
        ys = blocks.flatMap { repeatElement($0.mean, count: $0.count) }
    }

    /// The calibrated probability of `score` (NaN stays NaN).
    func calibrate(_ score: Double) -> Double {
        guard !score.isNaN, let first = xs.first, let last = xs.last else { return .nan }
        if score <= first { return ys[0] }
        if score >= last { return ys[ys.count - 1] }
        var low = 0, high = xs.count - 1  // xs[low] < score < xs[high]
        while high - low > 1 {
            let middle = (low + high) / 2
            if xs[middle] <= score { low = middle } else { high = middle }
        }
        return ys[low] + (ys[high] - ys[low]) * (score - xs[low]) / (xs[high] - xs[low])
    }

    /// Whether calibration helps, decided deterministically: no when the labels hold one class or the scores
    /// already rank them almost perfectly (ROC AUC > 0.999), as NannyML's `needs_calibration`; otherwise each
    /// tenth of the rows (row i in fold i mod 10) is calibrated by a fit on the other nine, and calibration helps
    /// when it lowers the mean squared difference between probability and label (the Brier score) over all rows.
    /// NannyML compares the expected calibration error on seeded random splits instead, which for calibrated
    /// isotonic outputs (runs of equal values) depends on how ties fall into its bins.
    static func shouldCalibrate(scores: [Double], labels: [Double]) throws -> Bool {
        let reference = ClassifierChunk(calibrated: scores[...], scores: scores[...], predictions: scores[...], targets: labels[...])
        let auc = reference.realizedROCAUC()
        guard !auc.isNaN, auc <= 0.999 else { return false }
        let folds = 10
        var before = 0.0, after = 0.0
        for fold in 0..<folds {
            try Cancellation.check()
            let train = scores.indices.filter { $0 % folds != fold }
            let calibration = IsotonicCalibration(scores: train.map { scores[$0] }, labels: train.map { labels[$0] })
            for row in stride(from: fold, to: scores.count, by: folds) {
                before += (scores[row] - labels[row]) * (scores[row] - labels[row])
                let calibrated = calibration.calibrate(scores[row])
                after += (calibrated - labels[row]) * (calibrated - labels[row])
            }
        }
        return after < before
    }
}
