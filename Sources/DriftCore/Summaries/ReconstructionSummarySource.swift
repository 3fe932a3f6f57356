// ReconstructionSummarySource: a chunked source that computes what reconstruction drift needs where the data is (a
// SQL table): the reference's sufficient statistics for the fit (ReconstructionStatistics), and, given the fitted
// PCA, each chunk's reconstruction errors summarised (count, mean, Σ (e − mean)²) with the chunk a GROUP BY key.
// Numeric columns only: a category's share of the reference is not an exact SQL expression the source offers.

/// The reference's statistics a reconstruction PCA is fitted from.
public struct ReconstructionStatistics: Sendable {
    /// All rows, missing values included (they are imputed).
    public let rows: Int
    /// Each column's mean over its present values (the value a missing one is imputed with).
    public let means: [Double]
    /// Σ dᵢdⱼ over all rows, dᵢ the row's deviation from column i's mean (0 where the value is missing).
    public let products: [[Double]]

    public init(rows: Int, means: [Double], products: [[Double]]) {
        self.rows = rows
        self.means = means
        self.products = products
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
    /// The statistics of `columns` (numeric; an error names one that is not, or that has no values).
    func reconstructionStatistics(_ columns: [String]) throws -> ReconstructionStatistics
    /// Every chunk's errors of its rows' reconstruction through `pca` (fitted on `columns`), chunks in order.
    func reconstructionErrors(_ columns: [String], _ pca: ReconstructionPCA, chunking: Chunking) throws -> [ChunkErrors]
}
