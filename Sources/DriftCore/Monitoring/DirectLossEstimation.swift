// DirectLossEstimation: a regression model's performance per chunk — mae, mse, rmse — estimated without labels as
// NannyML 0.13's DLE does, or realized from labels as its PerformanceCalculator does. Fitted on the reference rows
// that have both the target and the prediction: a model of each row's loss (its absolute error for mae, its
// squared error for mse and rmse) from the features and the prediction. NannyML fits LightGBM; Drift fits its own
// GradientBoostedTrees with LightGBM's default settings, so estimates come close to NannyML's, not equal. A
// chunk's estimate is the mean of its rows' predicted losses (each at least 0; rmse its square root). Sampling
// errors and thresholds are NannyML's: from the reference's losses over the chunk's rows with a prediction (see
// RegressionLoss), and mean ± 3 sd of the reference chunks' realized values, at least 0.

extension PerformanceEstimation {
    /// The columns a regression model's outputs are read from, and the features its loss is modelled on.
    public struct RegressionColumns: Sendable {
        public let prediction: String, target: String, features: [String]

        public init(prediction: String, target: String, features: [String]) {
            (self.prediction, self.target, self.features) = (prediction, target, features)
        }
    }

    /// - Parameters:
    ///   - estimated: true for DLE's estimates, false for the realized performance (the analysis data needs labels).
    public init(
        reference: DataFrame, analysis: DataFrame, regression columns: RegressionColumns, metrics: [PerformanceMetric],
        chunking: Chunking, estimated: Bool = true, threshold: MonitorThreshold? = nil
    ) throws {
        let names = PerformanceMetric.regression.map(\.name).joined(separator: ", ")
        guard !metrics.isEmpty else { throw DataError("no metrics to compute; metrics: \(names)") }
        if let metric = metrics.first(where: { !$0.isRegression }) {
            throw DataError("\(metric.name) is a classifier's metric (it needs probability:); a regression model's are \(names)")
        }
        let (reference, referenceChunks) = try chunking.split(reference, "the reference")
        let (analysis, analysisChunks) = try chunking.split(analysis, "the analysis data")
        let ref = try RegressionOutputs(reference, columns, role: "the reference", labelled: true)
        let ana = try RegressionOutputs(analysis, columns, role: "the analysis data", labelled: !estimated)
        let fitted = ref.labelledRows
        guard !fitted.isEmpty, let targets = ref.targets else {
            throw DataError("the reference has no rows with both '\(columns.target)' and '\(columns.prediction)'")
        }
        let bins = estimated ? try FeatureBins(fitting: reference, columns: columns.features + [columns.prediction]) : nil
        let binned = try bins.map { (reference: try $0.bin(reference), analysis: try $0.bin(analysis)) }
        var predicted: [RegressionLoss: (reference: [Double], analysis: [Double])] = [:]
        var rows: [Row] = []
        for metric in metrics {
            try Cancellation.check()
            let loss = RegressionLoss(metric)
            let losses = fitted.map { loss.of(targets[$0], ref.predictions[$0]) }
            if let binned, predicted[loss] == nil {
                let model = try GradientBoostedTrees(fitting: binned.reference, rows: fitted, targets: losses, loss: .squaredError)
                predicted[loss] = (model.predict(binned.reference).map { Swift.max(0, $0) }, model.predict(binned.analysis).map { Swift.max(0, $0) })
            }
            func values(_ outputs: RegressionOutputs, _ estimates: [Double]?, _ chunks: [Chunk]) -> [(value: Double, error: Double, realized: Double)] {
                chunks.map { chunk in
                    let realized = outputs.realized(metric, chunk.rows)
                    let value = estimates.map { loss.metric(metric, meanLoss: $0[chunk.rows].reduce(0, +) / Double(chunk.rowCount)) } ?? realized
                    return (value, RegressionLoss.samplingError(metric, referenceLosses: losses, rows: outputs.predictionCount(chunk.rows)), realized)
                }
            }
            rows += Self.rows(metric, threshold: threshold, reference: (referenceChunks, values(ref, predicted[loss]?.reference, referenceChunks)),
                              analysis: (analysisChunks, values(ana, predicted[loss]?.analysis, analysisChunks)))
        }
        self.metrics = metrics
        self.chunking = chunking
        self.estimated = estimated
        self.calibrated = false
        self.referenceChunks = referenceChunks
        self.analysisChunks = analysisChunks
        self.rows = rows
    }
}
