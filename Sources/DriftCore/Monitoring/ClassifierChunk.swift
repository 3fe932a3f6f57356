// ClassifierChunk: one chunk of a binary classifier's outputs — calibrated probabilities, the model's own scores,
// predicted labels (0/1) and, where known, true labels (0/1); NaN marks a missing value — and the arithmetic
// NannyML 0.13's CBPE and realized performance do on it. Each computation drops the rows missing one of the
// values it reads, as NannyML's `common_nan_removal`.

struct ClassifierChunk {
    let calibrated: ArraySlice<Double>
    let scores: ArraySlice<Double>
    let predictions: ArraySlice<Double>
    let targets: ArraySlice<Double>?

    /// The positions whose values in every one of `columns` are present.
    private func present(_ columns: [ArraySlice<Double>]) -> [Int] {
        calibrated.indices.filter { index in columns.allSatisfy { !$0[index].isNaN } }
    }

    /// How many rows the metric's estimate (and its sampling error) reads.
    func rowCount(_ metric: PerformanceMetric) -> Int {
        present(metric.ranksProbabilities ? [scores] : [calibrated, predictions]).count
    }

    /// CBPE's expected confusion matrix: each row predicted 1 is a true positive with its calibrated probability
    /// and a false positive otherwise; each row predicted 0 a false negative or a true negative likewise.
    func expectedConfusion() -> Confusion? {
        let rows = present([calibrated, predictions])
        guard !rows.isEmpty else { return nil }
        var confusion = Confusion()
        for row in rows {
            let p = calibrated[row]
            if predictions[row] == 1 { confusion.tp += p; confusion.fp += 1 - p } else { confusion.fn += p; confusion.tn += 1 - p }
        }
        return confusion
    }

    /// CBPE's ROC AUC estimate (`estimate_roc_auc`): rows by descending score; the expected true and false
    /// positives accumulate the calibrated probabilities and their complements, rounded to 5 decimals as NannyML
    /// rounds them; the area under that curve by trapezoids.
    func estimatedROCAUC() -> Double {
        let rows = present([scores]).sorted { scores[$0] > scores[$1] }
        guard !rows.isEmpty else { return .nan }
        func round5(_ x: Double) -> Double { (x * 1e5).rounded(.toNearestOrEven) / 1e5 }
        var tps = [0.0], fps = [0.0]
        var sum = 0.0
        for (position, row) in rows.enumerated() {
            sum += calibrated[row]
            tps.append(round5(sum))
            fps.append(round5(Double(position + 1) - sum))
        }
        guard let tpTotal = tps.last, let fpTotal = fps.last, tpTotal > 0, fpTotal > 0 else { return .nan }
        var area = 0.0
        for i in 1..<tps.count {
            area += (fps[i] - fps[i - 1]) / fpTotal * (tps[i] + tps[i - 1]) / tpTotal / 2
        }
        return area
    }

    /// The confusion counts from labels; nil without labelled rows, or (`needsBothClasses`, as NannyML's
    /// precision, recall and f1) when the labels or the predictions hold a single class.
    func realizedConfusion(needsBothClasses: Bool) -> Confusion? {
        guard let targets else { return nil }
        let rows = present([predictions, targets])
        guard !rows.isEmpty else { return nil }
        var confusion = Confusion()
        for row in rows {
            switch (predictions[row] == 1, targets[row] == 1) {
            case (true, true): confusion.tp += 1
            case (true, false): confusion.fp += 1
            case (false, true): confusion.fn += 1
            case (false, false): confusion.tn += 1
            }
        }
        if needsBothClasses && (confusion.tp + confusion.fn == 0 || confusion.fp + confusion.tn == 0
            || confusion.tp + confusion.fp == 0 || confusion.fn + confusion.tn == 0) { return nil }
        return confusion
    }

    /// ROC AUC from labels and the model's scores (scikit-learn's `roc_auc_score`: ties count half), NaN
    /// unless both classes occur.
    func realizedROCAUC() -> Double {
        guard let targets else { return .nan }
        let rows = present([scores, targets]).sorted { scores[$0] < scores[$1] }
        var rankSum = 0.0, positives = 0.0
        var start = 0
        while start < rows.count {
            var end = start
            while end + 1 < rows.count, scores[rows[end + 1]] == scores[rows[start]] { end += 1 }
            let rank = Double(start + end) / 2 + 1
            for row in rows[start...end] where targets[row] == 1 { rankSum += rank; positives += 1 }
            start = end + 1
        }
        let negatives = Double(rows.count) - positives
        guard positives > 0, negatives > 0 else { return .nan }
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives)
    }
}
