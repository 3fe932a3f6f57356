// Metrics: classification and regression scores with scikit-learn's definitions — accuracy, precision,
// recall and F1 for a positive class, ROC AUC by the rank statistic with tied scores counted half
// (equal to roc_auc_score's trapezoidal area), log loss with probabilities clipped to [ε, 1 − ε]
// (ε = machine epsilon, sklearn's `eps="auto"` for float64), RMSE, MAE, R² and the confusion matrix.
import Foundation

public enum Metrics {
    private static func checkLengths(_ a: Int, _ b: Int, _ what: String) throws {
        guard a == b else { throw DataError("\(what): truth has \(a) values but predictions have \(b)") }
        guard a > 0 else { throw DataError("\(what): needs at least one value") }
    }

    public static func accuracy<Label: Equatable>(truth: [Label], predicted: [Label]) throws -> Double {
        try checkLengths(truth.count, predicted.count, "accuracy")
        var correct = 0
        for i in truth.indices where truth[i] == predicted[i] { correct += 1 }
        return Double(correct) / Double(truth.count)
    }

    private static func counts<Label: Equatable>(_ truth: [Label], _ predicted: [Label], _ positive: Label)
        -> (tp: Int, fp: Int, fn: Int) {
        var tp = 0, fp = 0, fn = 0
        for i in truth.indices {
            let actual = truth[i] == positive, guess = predicted[i] == positive
            if actual && guess { tp += 1 } else if guess { fp += 1 } else if actual { fn += 1 }
        }
        return (tp, fp, fn)
    }

    /// tp / (tp + fp); 0 when nothing is predicted positive (sklearn's zero_division default, with a warning there).
    public static func precision<Label: Equatable>(truth: [Label], predicted: [Label], positive: Label) throws -> Double {
        try checkLengths(truth.count, predicted.count, "precision")
        let c = counts(truth, predicted, positive)
        return c.tp + c.fp == 0 ? 0 : Double(c.tp) / Double(c.tp + c.fp)
    }

    /// tp / (tp + fn); 0 when no row is positive.
    public static func recall<Label: Equatable>(truth: [Label], predicted: [Label], positive: Label) throws -> Double {
        try checkLengths(truth.count, predicted.count, "recall")
        let c = counts(truth, predicted, positive)
        return c.tp + c.fn == 0 ? 0 : Double(c.tp) / Double(c.tp + c.fn)
    }

    /// 2 tp / (2 tp + fp + fn); 0 when that is 0/0.
    public static func f1<Label: Equatable>(truth: [Label], predicted: [Label], positive: Label) throws -> Double {
        try checkLengths(truth.count, predicted.count, "f1")
        let c = counts(truth, predicted, positive)
        let denominator = 2 * c.tp + c.fp + c.fn
        return denominator == 0 ? 0 : Double(2 * c.tp) / Double(denominator)
    }

    /// Area under the ROC curve of `scores` for the rows where `truth` is true; needs both classes.
    public static func rocAUC(truth: [Bool], scores: [Double]) throws -> Double {
        try checkLengths(truth.count, scores.count, "roc auc")
        if scores.contains(where: \.isNaN) { throw DataError("roc auc: scores contain missing values") }
        let positives = truth.filter { $0 }.count, negatives = truth.count - positives
        guard positives > 0 && negatives > 0 else {
            throw DataError("roc auc: needs both positive and negative rows")
        }
        // Mann–Whitney: sum of positive ranks with average ranks for ties.
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var rankSum = 0.0
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && scores[order[end + 1]] == scores[order[start]] { end += 1 }
            let averageRank = Double(start + end) / 2 + 1
            for position in start...end where truth[order[position]] { rankSum += averageRank }
            start = end + 1
        }
        let p = Double(positives), n = Double(negatives)
        return (rankSum - p * (p + 1) / 2) / (p * n)
    }

    /// Mean negative log-likelihood of binary outcomes given the probability of `true`.
    public static func logLoss(truth: [Bool], probabilities: [Double]) throws -> Double {
        try checkLengths(truth.count, probabilities.count, "log loss")
        let epsilon = Double.ulpOfOne
        var total = 0.0
        for i in truth.indices {
            let p = probabilities[i]
            guard p >= 0 && p <= 1 else { throw DataError("log loss: probability \(p) at row \(i + 1) is not in [0, 1]") }
            let clipped = min(max(p, epsilon), 1 - epsilon)
            total -= truth[i] ? log(clipped) : log(1 - clipped)
        }
        return total / Double(truth.count)
    }

    /// Mean negative log-likelihood of class indices given a probability table (rows are normalised to
    /// sum to 1 after clipping, as scikit-learn does).
    public static func logLoss(truth: [Int], probabilities: Matrix) throws -> Double {
        try checkLengths(truth.count, probabilities.rows, "log loss")
        let epsilon = Double.ulpOfOne, k = probabilities.columns
        var total = 0.0
        for i in truth.indices {
            guard truth[i] >= 0 && truth[i] < k else { throw DataError("log loss: class \(truth[i]) at row \(i + 1) has no probability column") }
            var sum = 0.0
            for j in 0..<k { sum += min(max(probabilities[i, j], epsilon), 1 - epsilon) }
            total -= log(min(max(probabilities[i, truth[i]], epsilon), 1 - epsilon) / sum)
        }
        return total / Double(truth.count)
    }

    public static func rmse(truth: [Double], predicted: [Double]) throws -> Double {
        try checkLengths(truth.count, predicted.count, "rmse")
        var sum = 0.0
        for i in truth.indices { let d = truth[i] - predicted[i]; sum += d * d }
        return (sum / Double(truth.count)).squareRoot()
    }

    public static func mae(truth: [Double], predicted: [Double]) throws -> Double {
        try checkLengths(truth.count, predicted.count, "mae")
        var sum = 0.0
        for i in truth.indices { sum += abs(truth[i] - predicted[i]) }
        return sum / Double(truth.count)
    }

    /// 1 − SS_res / SS_tot; as sklearn, 1 for a perfect fit of a constant target and 0 otherwise when SS_tot = 0.
    public static func r2(truth: [Double], predicted: [Double]) throws -> Double {
        try checkLengths(truth.count, predicted.count, "r2")
        let mean = truth.reduce(0, +) / Double(truth.count)
        var residual = 0.0, total = 0.0
        for i in truth.indices {
            residual += (truth[i] - predicted[i]) * (truth[i] - predicted[i])
            total += (truth[i] - mean) * (truth[i] - mean)
        }
        if total == 0 { return residual == 0 ? 1 : 0 }
        return 1 - residual / total
    }

    /// Counts of (true label, predicted label); rows and columns follow `labels` (default: every label seen, sorted).
    public static func confusionMatrix<Label: Hashable & Comparable>(
        truth: [Label], predicted: [Label], labels: [Label]? = nil
    ) throws -> (labels: [Label], counts: [[Int]]) {
        try checkLengths(truth.count, predicted.count, "confusion matrix")
        let order = labels ?? Array(Set(truth).union(predicted)).sorted()
        let index = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        // k labels make k² cells, kept three times over on the way to a dataframe: refuse before allocating
        // what the memory limit (or the machine) cannot hold.
        try MemoryLimit.reserve(24 * Double(order.count) * Double(order.count),
                                for: "a confusion matrix of \(order.count) × \(order.count) labels")
        var counts = [[Int]](repeating: [Int](repeating: 0, count: order.count), count: order.count)
        for i in truth.indices {
            // A row's first count copies its k cells (the rows start shared): polled often.
            if i & 0x3F == 0x3F { try Cancellation.check() }
            if let r = index[truth[i]], let c = index[predicted[i]] { counts[r][c] += 1 }
        }
        return (order, counts)
    }
}
