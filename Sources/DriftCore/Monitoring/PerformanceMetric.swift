// PerformanceMetric: the metrics that performance estimation and realized performance report — a binary
// classifier's (NannyML 0.13's CBPE) and a regression model's (its DLE) — one descriptor per metric with its names,
// what it reads, and, for the classifier's, its estimate from calibrated probabilities and its value from labels.
// The arithmetic lives in ClassifierChunk (one chunk's rows), SamplingErrorModel (fitted on the reference) and
// RegressionLoss (a regression metric's).

public enum PerformanceMetric: String, CaseIterable, Sendable {
    case rocAUC = "roc_auc"
    case accuracy
    case precision
    case recall
    case f1
    case mae
    case mse
    case rmse

    public var name: String { rawValue }

    /// The metrics by their names, in `allCases` order.
    public static let names = allCases.map(\.name)
    /// A binary classifier's metrics, and a regression model's.
    public static let classification: [PerformanceMetric] = [.rocAUC, .accuracy, .precision, .recall, .f1]
    public static let regression: [PerformanceMetric] = [.mae, .mse, .rmse]

    public var isRegression: Bool { Self.regression.contains(self) }

    /// The largest value the metric takes (NannyML's upper limit of its thresholds and band), nil for none.
    public var upperLimit: Double? { isRegression ? nil : 1 }

    public static func named(_ name: String) -> PerformanceMetric? { PerformanceMetric(rawValue: name) }

    /// Whether the metric reads the probabilities' ranking (ROC AUC) rather than the predicted labels.
    var ranksProbabilities: Bool { self == .rocAUC }

    /// What the metric's estimate is, for explain.
    public var explanation: String {
        switch self {
        case .rocAUC: "roc_auc's estimate ranks the rows by the model's scores and counts each row as p of a positive and 1 − p of a negative (p its calibrated probability), tracing the expected ROC curve."
        case .accuracy: "accuracy's estimate is the mean probability that each prediction is right: p where the model predicted 1, 1 − p where it predicted 0."
        case .precision: "precision's estimate is the expected true positives over the predicted positives: the mean calibrated p among rows predicted 1."
        case .recall: "recall's estimate is the expected true positives over the expected positives (the sum of calibrated p over all rows)."
        case .f1: "f1's estimate combines the expected true positives, false positives and false negatives from the calibrated probabilities as F1 combines the counts."
        case .mae: "mae's estimate is the mean of each row's absolute error as predicted by boosted trees fitted on the reference, from the features and the prediction."
        case .mse: "mse's estimate is the mean of each row's squared error as predicted by boosted trees fitted on the reference, from the features and the prediction."
        case .rmse: "rmse's estimate is the square root of the mean predicted squared error (boosted trees fitted on the reference, from the features and the prediction)."
        }
    }

    /// The estimate for one chunk from its calibrated probabilities (NaN when the chunk has no usable rows).
    func estimate(_ chunk: ClassifierChunk) -> Double {
        switch self {
        case .rocAUC: chunk.estimatedROCAUC()
        case .accuracy, .precision, .recall, .f1: chunk.expectedConfusion().map { $0.metric(self) } ?? .nan
        case .mae, .mse, .rmse: .nan
        }
    }

    /// The metric from the chunk's labels (NaN without labels, or where NannyML returns NaN).
    func realized(_ chunk: ClassifierChunk) -> Double {
        switch self {
        case .rocAUC: chunk.realizedROCAUC()
        case .accuracy: chunk.realizedConfusion(needsBothClasses: false).map { $0.metric(self) } ?? .nan
        case .precision, .recall, .f1: chunk.realizedConfusion(needsBothClasses: true).map { $0.metric(self) } ?? .nan
        case .mae, .mse, .rmse: .nan
        }
    }
}

/// True/false positives and negatives, as counts or as expected counts.
struct Confusion {
    var tp = 0.0, fp = 0.0, tn = 0.0, fn = 0.0

    /// NannyML's formulas, 0 for an empty denominator (as its estimates and scikit-learn's zero_division give).
    func metric(_ metric: PerformanceMetric) -> Double {
        func ratio(_ numerator: Double, _ denominator: Double) -> Double { denominator == 0 ? 0 : numerator / denominator }
        switch metric {
        case .accuracy: return ratio(tp + tn, tp + fp + tn + fn)
        case .precision: return ratio(tp, tp + fp)
        case .recall: return ratio(tp, tp + fn)
        case .f1: return ratio(tp, tp + 0.5 * (fp + fn))
        case .rocAUC, .mae, .mse, .rmse: return .nan
        }
    }
}
