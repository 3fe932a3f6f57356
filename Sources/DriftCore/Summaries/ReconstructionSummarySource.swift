// ReconstructionSummarySource: a chunked source that computes what reconstruction drift needs where the data is (a
// SQL table): the reference's sufficient statistics for the fit (ReconstructionStatistics), and, given the fitted
// PCA, each chunk's reconstruction errors summarised (count, mean, Σ (e − mean)²) with the chunk a GROUP BY key.
// A categorical column is encoded by its reference categories' shares (CategoryShares), which the fit finds and the
// error passes apply.

/// The reference's statistics a reconstruction PCA is fitted from.
public struct ReconstructionStatistics: Sendable {
    /// All rows, missing values included (they are imputed).
    public let rows: Int
    /// Each column's mean over its present values (the value a missing one is imputed with); for a categorical
    /// column, the mean of its encoded values.
    public let means: [Double]
    /// Σ dᵢdⱼ over all rows, dᵢ the row's deviation from column i's mean (0 where the value is missing).
    public let products: [[Double]]
    /// Each categorical column's encoding, nil for a numeric column.
    public let encodings: [CategoryShares?]

    public init(rows: Int, means: [Double], products: [[Double]], encodings: [CategoryShares?]? = nil) {
        self.rows = rows
        self.means = means
        self.products = products
        self.encodings = encodings ?? means.map { _ in nil }
    }
}

/// One chunk's reconstruction errors, summarised.
public struct ChunkErrors: Sendable {
    public let chunk: Chunk
    public let mean: Double
    /// Σ (e − mean)² over the chunk's rows.
    public let squaredDeviations: Double

    public init(chunk: Chunk, mean: Double, squaredDeviations: Double) {
        self.chunk = chunk
        self.mean = mean
        self.squaredDeviations = squaredDeviations
    }
}

public protocol ReconstructionSummarySource: ChunkedSummarySource {
    /// The statistics of `columns` (numeric or categorical; an error names one that is neither, or that has no values).
    func reconstructionStatistics(_ columns: [String]) throws -> ReconstructionStatistics
    /// Every chunk's errors of its rows' reconstruction through `pca` (fitted on `columns`, the categorical ones
    /// encoded by `encodings`), chunks in order.
    func reconstructionErrors(_ columns: [String], _ pca: ReconstructionPCA, encodings: [CategoryShares?], chunking: Chunking) throws -> [ChunkErrors]
}
