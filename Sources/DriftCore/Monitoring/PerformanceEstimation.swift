// PerformanceEstimation: a binary classifier's performance per chunk, estimated without labels as NannyML 0.13's
// CBPE does, or realized from labels as its PerformanceCalculator does (a regression model's: DirectLossEstimation).
// Fitted on the labelled reference: the calibration of its scores (isotonic, when `Calibration` says so), each metric's sampling error model, and each
// metric's thresholds — mean ± 3 sd of the reference chunks' realized values, clipped to [0, 1]. Every chunk, the
// reference's own too, then gets the estimate (or the realized value), its sampling error, its realized value
// where labels exist, and an alert when the value leaves the thresholds.

/// Whether performance estimation calibrates the reference's scores before reading them as probabilities.
public enum Calibration: Sendable, Equatable {
    /// Calibrate when `IsotonicCalibration.shouldCalibrate` says it helps.
    case auto
    case always
    case never
}

public struct PerformanceEstimation: Sendable {
    public struct Row: Sendable {
        public let chunk: Chunk
        public let period: MonitorPeriod
        public let metric: PerformanceMetric
        /// The estimate (or, for realized performance, the value from labels).
        public let value: Double
        public let samplingError: Double
        public let lower: Double?
        public let upper: Double?
        public let alert: Bool
        /// The value from labels; NaN where the chunk has none.
        public let realized: Double

        /// NannyML's confidence band: value ± 3 sampling errors, within the metric's range.
        public var band: (lower: Double, upper: Double) {
            (Swift.max(0, value - 3 * samplingError), Swift.min(metric.upperLimit ?? .infinity, value + 3 * samplingError))
        }
    }

    /// The columns a classifier's outputs are read from.
    public struct Columns: Sendable {
        public let probability: String, prediction: String, target: String

        public init(probability: String, prediction: String, target: String) {
            (self.probability, self.prediction, self.target) = (probability, prediction, target)
        }
    }

    /// NannyML's default thresholds for performance: mean ± 3 standard deviations of the reference chunks' values.
    public static let defaultThreshold = MonitorThreshold.standardDeviations(lower: 3, upper: 3)

    public let metrics: [PerformanceMetric]
    public let chunking: Chunking
    /// Whether the values are estimates (CBPE) or realized from labels.
    public let estimated: Bool
    /// Whether the scores were calibrated.
    public let calibrated: Bool
    public let referenceChunks: [Chunk]
    public let analysisChunks: [Chunk]
    /// Metric by metric: the reference chunks, then the analysis chunks.
    public let rows: [Row]

    /// - Parameters:
    ///   - estimated: true for CBPE's estimates, false for the realized performance (the analysis data needs labels).
    public init(
        reference: DataFrame, analysis: DataFrame, columns: Columns, metrics: [PerformanceMetric], chunking: Chunking,
        estimated: Bool = true, calibration: Calibration = .auto, threshold: MonitorThreshold? = nil
    ) throws {
        guard !metrics.isEmpty else { throw DataError("no metrics to compute; metrics: \(PerformanceMetric.classification.map(\.name).joined(separator: ", "))") }
        if let metric = metrics.first(where: \.isRegression) { throw DataError("\(metric.name) is a regression metric; a classifier's are \(PerformanceMetric.classification.map(\.name).joined(separator: ", "))") }
        let (reference, referenceChunks) = try chunking.split(reference, "the reference")
        let (analysis, analysisChunks) = try chunking.split(analysis, "the analysis data")
        let ref = try ClassifierOutputs(reference, columns, isReference: true, labelled: true)
        let ana = try ClassifierOutputs(analysis, columns, isReference: false, labelled: !estimated)
        let calibrate: Bool
        switch calibration {
        case .auto: calibrate = try IsotonicCalibration.shouldCalibrate(scores: ref.scores, labels: ref.targets ?? [])
        case .always: calibrate = true
        case .never: calibrate = false
        }
        let calibrator = calibrate ? IsotonicCalibration(scores: ref.scores, labels: ref.targets ?? []) : nil
        let calibrated = (ref.calibrated(by: calibrator), ana.calibrated(by: calibrator))
        var rows: [Row] = []
        for metric in metrics {
            try Cancellation.check()
            let errors = SamplingErrorModel(metric, reference: ref.chunk(calibrated.0, ref.scores.indices))
            func values(_ outputs: ClassifierOutputs, _ probabilities: [Double], _ chunks: [Chunk]) throws -> [(value: Double, error: Double, realized: Double)] {
                try chunks.map { chunk in
                    try Cancellation.check()
                    let rows = outputs.chunk(probabilities, chunk.rows)
                    let realized = metric.realized(rows)
                    return (estimated ? metric.estimate(rows) : realized, errors.error(rows: rows.rowCount(metric)), realized)
                }
            }
            rows += Self.rows(metric, threshold: threshold, reference: (referenceChunks, try values(ref, calibrated.0, referenceChunks)),
                              analysis: (analysisChunks, try values(ana, calibrated.1, analysisChunks)))
        }
        self.metrics = metrics
        self.chunking = chunking
        self.estimated = estimated
        self.calibrated = calibrate
        self.referenceChunks = referenceChunks
        self.analysisChunks = analysisChunks
        self.rows = rows
    }

    /// One value per chunk: the value (estimated or realized), its sampling error, and the realized value.
    typealias ChunkValues = (chunks: [Chunk], values: [(value: Double, error: Double, realized: Double)])

    /// A metric's rows: thresholds from the reference chunks' realized values (mean ± 3 sd by default, within the
    /// metric's range), each chunk alerting when its value leaves them.
    static func rows(_ metric: PerformanceMetric, threshold: MonitorThreshold?, reference: ChunkValues, analysis: ChunkValues) -> [Row] {
        let (lower, upper) = (threshold ?? defaultThreshold).bounds(of: reference.values.map(\.realized), lowerLimit: 0, upperLimit: metric.upperLimit)
        func row(_ chunk: Chunk, _ period: MonitorPeriod, _ value: (value: Double, error: Double, realized: Double)) -> Row {
            let alert = lower.map { value.value < $0 } == true || upper.map { value.value > $0 } == true
            return Row(chunk: chunk, period: period, metric: metric, value: value.value, samplingError: value.error,
                       lower: lower, upper: upper, alert: alert, realized: value.realized)
        }
        return zip(reference.chunks, reference.values).map { row($0, .reference, $1) }
            + zip(analysis.chunks, analysis.values).map { row($0, .analysis, $1) }
    }

    /// Whether the metrics are a regression model's (DLE) rather than a classifier's (CBPE).
    public var regression: Bool { metrics.contains(where: \.isRegression) }

    /// The analysis rows that alerted.
    public var alerts: [Row] { rows.filter { $0.alert && $0.period == .analysis } }

    /// The result as a data frame: chunk, key, start, end, period, metric, value, sampling_error, lower, upper,
    /// alert, realized.
    public func table() throws -> DataFrame {
        func numbers(_ value: (Row) -> Double?) -> Column { .numeric(NumericColumn(rows.map { value($0) ?? .nan })) }
        return try DataFrame(ChunkColumns.leading(rows.map { ($0.chunk, $0.period) }) + [
            ("metric", .text(TextColumn(rows.map(\.metric.name)))),
            ("value", numbers(\.value)),
            ("sampling_error", numbers(\.samplingError)),
            ("lower", numbers(\.lower)),
            ("upper", numbers(\.upper)),
            ("alert", .boolean(BoolColumn(rows.map(\.alert)))),
            ("realized", numbers(\.realized)),
        ])
    }
}
