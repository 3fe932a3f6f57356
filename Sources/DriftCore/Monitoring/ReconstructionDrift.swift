// ReconstructionDrift: NannyML 0.13's data reconstruction drift (DataReconstructionDriftCalculator). Fitted on the
// reference: missing numbers become the reference mean, and a categorical column becomes numbers as CategoryShares
// says (the most frequent category fills the gaps, each category becomes its share of the reference); every column
// is standardised (population sd, 1 when constant); PCA keeps the fewest components whose explained variance
// exceeds 65%. A row's reconstruction error is the distance between
// the row and its projection back from those components; a chunk's value is the mean error of its rows, its
// sampling error their sd (ddof 1) / √rows. Thresholds: mean ± 3 sd of the reference chunks' values, a lower bound
// at or below 0 dropped; a chunk alerts unless lower < value < upper.

public struct ReconstructionDrift: Sendable {
    public typealias Row = ChunkMeasure

    /// The share of variance the kept components explain (NannyML's n_components = 0.65).
    public static let explainedVariance = 0.65
    /// NannyML's default: mean ± 3 standard deviations of the reference chunks' values.
    public static let defaultThreshold = MonitorThreshold.standardDeviations(lower: 3, upper: 3)

    public let columns: [String]
    public let chunking: Chunking
    /// How many principal components were kept.
    public let components: Int
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
        let names = columns ?? reference.names.filter { analysis.column(named: $0) != nil }
        guard names.count >= 2 else { throw DataError("reconstruction drift needs at least two columns, got \(names.count)") }
        let encoded = try names.map { name in
            do { return try EncodedColumn(try MonitoredColumn(name, reference: reference, analysis: analysis)) }
            catch let error as DataError { throw DataError("column '\(name)': \(error.message)") }
        }
        let pca = try ReconstructionPCA(reference: encoded.map(\.reference), rows: reference.rowCount)
        let referenceErrors = try pca.errors(encoded.map(\.reference), rows: reference.rowCount)
        let analysisErrors = try pca.errors(encoded.map(\.analysis), rows: analysis.rowCount)
        /// A chunk's mean error and Σ (error − mean)².
        func summary(_ errors: [Double], _ chunk: Chunk) -> ChunkErrors {
            let slice = errors[chunk.rows]
            let mean = slice.reduce(0, +) / Double(slice.count)
            return ChunkErrors(chunk: chunk, mean: mean, squaredDeviations: slice.reduce(0) { $0 + ($1 - mean) * ($1 - mean) })
        }
        self.init(columns: names, chunking: chunking, components: pca.components.count, threshold: threshold,
                  reference: referenceChunks.map { summary(referenceErrors, $0) }, analysis: analysisChunks.map { summary(analysisErrors, $0) })
    }

    /// The result from each chunk's errors: its value their mean, its sampling error their sd (ddof 1) / √rows.
    init(columns: [String], chunking: Chunking, components: Int, threshold: MonitorThreshold?, reference: [ChunkErrors], analysis: [ChunkErrors]) {
        func value(_ errors: ChunkErrors) -> (Chunk, value: Double, samplingError: Double?) {
            let n = Double(errors.chunk.rowCount)
            return (errors.chunk, errors.mean, (errors.squaredDeviations / (n - 1)).squareRoot() / n.squareRoot())
        }
        let referenceValues = reference.map(value), analysisValues = analysis.map(value)
        let (lower, upper) = (threshold ?? Self.defaultThreshold).bounds(of: referenceValues.map(\.value), lowerLimit: 0, dropClipped: true)
        rows = ChunkMeasure.rows(reference: referenceValues, analysis: analysisValues, lower: lower, upper: upper) { value in
            !((lower ?? -.infinity) < value && value < (upper ?? .infinity))
        }
        self.columns = columns
        self.chunking = chunking
        self.components = components
        referenceChunks = reference.map(\.chunk)
        analysisChunks = analysis.map(\.chunk)
    }

    /// The result as a data frame: chunk, key, start, end, period, value, sampling_error, lower, upper, alert.
    public func table() throws -> DataFrame { try ChunkMeasure.table(rows) }
}

/// A column imputed and encoded as numbers, as NannyML prepares it for PCA.
private struct EncodedColumn {
    let reference: [Double]
    let analysis: [Double]

    init(_ column: MonitoredColumn) throws {
        switch column {
        case .numbers(let reference, let analysis):
            let present = reference.filter { !$0.isNaN }
            guard !present.isEmpty else { throw DataError("the reference has no values (all missing)") }
            let mean = present.reduce(0, +) / Double(present.count)
            self.reference = reference.map { $0.isNaN ? mean : $0 }
            self.analysis = analysis.map { $0.isNaN ? mean : $0 }
        case .categories(let reference, let analysis, let labels):
            var counts = [Int](repeating: 0, count: labels.count)
            for code in reference where code >= 0 { counts[Int(code)] += 1 }
            let encoding = try CategoryShares(labels: labels, counts: counts, rows: reference.count)
            let (shares, fill) = (encoding.shares, encoding.fill)
            self.reference = reference.map { shares[$0 < 0 ? fill : Int($0)] }
            self.analysis = analysis.map { shares[$0 < 0 ? fill : Int($0)] }
        }
    }
}
