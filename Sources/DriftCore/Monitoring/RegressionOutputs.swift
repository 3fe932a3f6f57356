// RegressionOutputs: a regression model's outputs read from a frame for performance estimation — its predictions
// and, where known, the true values, NaN where missing — and the losses NannyML 0.13's regression metrics average:
// a row's absolute error (mae) or squared error (mse, rmse), with each metric's sampling error fitted on the
// reference's losses (`nannyml.sampling_error.regression`).

struct RegressionOutputs {
    let predictions: [Double]
    let targets: [Double]?

    /// - Parameter labelled: whether `columns.target` must be there; without it the targets are read when present.
    init(_ frame: DataFrame, _ columns: PerformanceEstimation.RegressionColumns, role: String, labelled: Bool) throws {
        let numbers = "numbers"
        predictions = try ClassifierOutputs.numbers(frame, columns.prediction, role, false, numbers) { $0.isFinite }
        targets = labelled || frame.column(named: columns.target) != nil
            ? try ClassifierOutputs.numbers(frame, columns.target, role, false, numbers) { $0.isFinite }
            : nil
    }

    /// The rows with both a target and a prediction.
    var labelledRows: [Int] {
        guard let targets else { return [] }
        return predictions.indices.filter { !predictions[$0].isNaN && !targets[$0].isNaN }
    }

    /// How many of `rows` have a prediction.
    func predictionCount(_ rows: Range<Int>) -> Int { rows.filter { !predictions[$0].isNaN }.count }

    /// The metric from the labels of `rows` (those with a target and a prediction); NaN without any.
    func realized(_ metric: PerformanceMetric, _ rows: Range<Int>) -> Double {
        guard let targets else { return .nan }
        let loss = RegressionLoss(metric)
        let losses = rows.filter { !predictions[$0].isNaN && !targets[$0].isNaN }.map { loss.of(targets[$0], predictions[$0]) }
        return losses.isEmpty ? .nan : loss.metric(metric, meanLoss: losses.reduce(0, +) / Double(losses.count))
    }
}

/// The per-row loss a regression metric averages.
enum RegressionLoss: Hashable {
    case absolute, squared

    init(_ metric: PerformanceMetric) { self = metric == .mae ? .absolute : .squared }

    func of(_ target: Double, _ prediction: Double) -> Double {
        switch self {
        case .absolute: abs(target - prediction)
        case .squared: (target - prediction) * (target - prediction)
        }
    }

    /// The metric from its rows' mean loss: the mean itself, or its square root for rmse.
    func metric(_ metric: PerformanceMetric, meanLoss: Double) -> Double {
        metric == .rmse ? meanLoss.squareRoot() : meanLoss
    }

    /// NannyML's sampling error for a chunk of `rows` rows, from the reference's losses: sd / √rows (mae, mse), or
    /// √(sd² / (4 · rows · mean)) for rmse; NaN for no rows.
    static func samplingError(_ metric: PerformanceMetric, referenceLosses losses: [Double], rows: Int) -> Double {
        guard rows > 0 else { return .nan }
        let (mean, sd) = MonitorThreshold.meanAndDeviation(losses)
        let n = Double(rows)
        return metric == .rmse ? (sd * sd / (4 * n * mean)).squareRoot() : sd / n.squareRoot()
    }
}
