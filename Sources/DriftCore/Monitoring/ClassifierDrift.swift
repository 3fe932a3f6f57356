// ClassifierDrift: multivariate drift as NannyML 0.13's DomainClassifierCalculator measures it. For each analysis
// chunk, the whole reference (labelled 0) and the chunk (labelled 1) are pooled; for each reference chunk, the
// reference rows are labelled 1 in the chunk and 0 elsewhere. A 5-fold stratified cross-validation (scikit-learn's
// StratifiedKFold, unshuffled) fits a classifier on four folds and scores the fifth; the chunk's value is the ROC
// AUC of those out-of-fold scores — 0.5 when the chunk cannot be told from the reference, towards 1 as it drifts.
// The classifier is Drift's GradientBoostedTrees with LightGBM's default settings, where NannyML fits LightGBM
// itself, so values come close to NannyML's rather than equal them. Thresholds are NannyML's constant 0.45 and
// 0.65; a chunk alerts when its value leaves them. A chunk of one row has no value (a fold would train without it).

public struct ClassifierDrift: Sendable {
    public typealias Row = ChunkMeasure

    public static let folds = 5
    /// NannyML's default: an AUC outside 0.45 to 0.65.
    public static let defaultThreshold = MonitorThreshold.constant(lower: 0.45, upper: 0.65)

    public let columns: [String]
    public let chunking: Chunking
    public let referenceChunks: [Chunk]
    public let analysisChunks: [Chunk]
    /// The reference chunks, then the analysis chunks.
    public let rows: [Row]

    public init(
        reference: DataFrame, analysis: DataFrame, columns: [String]? = nil, chunking: Chunking,
        threshold: MonitorThreshold? = nil
    ) throws {
        let (reference, referenceChunks) = try chunking.split(reference, "the reference")
        let (analysis, analysisChunks) = try chunking.split(analysis, "the analysis data")
        let names = columns ?? reference.names.filter { name in
            guard let column = analysis.column(named: name) else { return false }
            if case .time = column { return false }
            return true
        }
        guard !names.isEmpty else { throw DataError("classifier drift needs at least one column both frames have") }
        for name in names where analysis.column(named: name) == nil {
            throw DataError("no column '\(name)' in the analysis data; columns: \(analysis.names.joined(separator: ", "))")
        }
        let bins = try FeatureBins(fitting: try DataFrame.concatenating(reference.selecting(names), analysis.selecting(names)), columns: names)
        let data = try bins.bin(reference).appending(try bins.bin(analysis))
        let referenceRows = Array(0..<reference.rowCount)
        let referenceValues = try referenceChunks.map { chunk in
            try Self.auc(data, rows: referenceRows, labels: referenceRows.map { chunk.rows.contains($0) })
        }
        let analysisValues = try analysisChunks.map { chunk in
            try Self.auc(data, rows: referenceRows + chunk.rows.map { reference.rowCount + $0 },
                         labels: referenceRows.map { _ in false } + chunk.rows.map { _ in true })
        }
        let (lower, upper) = (threshold ?? Self.defaultThreshold).bounds(of: referenceValues, lowerLimit: 0, upperLimit: 1)
        rows = ChunkMeasure.rows(
            reference: zip(referenceChunks, referenceValues).map { ($0, $1, nil) },
            analysis: zip(analysisChunks, analysisValues).map { ($0, $1, nil) },
            lower: lower, upper: upper
        ) { value in lower.map { value < $0 } == true || upper.map { value > $0 } == true }
        self.columns = names
        self.chunking = chunking
        self.referenceChunks = referenceChunks
        self.analysisChunks = analysisChunks
    }

    /// The cross-validated AUC of telling the rows labelled true from the others: 0.5 when every row is labelled
    /// alike (nothing to tell apart), NaN for a single true row.
    private static func auc(_ data: BinnedRows, rows: [Int], labels: [Bool]) throws -> Double {
        let positives = labels.filter { $0 }.count
        if positives == labels.count { return 0.5 }
        guard positives >= 2 else { return .nan }
        let fold = StratifiedFolds.assign(labels, folds: folds)
        var scores = [Double](repeating: 0, count: rows.count)
        for k in 0..<folds {
            let train = rows.indices.filter { fold[$0] != k }, test = rows.indices.filter { fold[$0] == k }
            let model = try GradientBoostedTrees(
                fitting: data, rows: train.map { rows[$0] }, targets: train.map { labels[$0] ? 1 : 0 }, loss: .logistic)
            for (position, score) in zip(test, model.predict(data.gathering(test.map { rows[$0] }))) { scores[position] = score }
        }
        return try Metrics.rocAUC(truth: labels, scores: scores)
    }

    /// The analysis rows that alerted.
    public var alerts: [Row] { rows.filter { $0.alert && $0.period == .analysis } }

    /// The result as a data frame: chunk, key, start, end, period, value, lower, upper, alert.
    public func table() throws -> DataFrame { try ChunkMeasure.table(rows) }
}
