// ChunkedSummarySource: a summary source that also summarises its rows chunk by chunk, for monitoring over
// time without loading the rows (a SQL table: the chunk is a GROUP BY key, one scan per statistic pass). It
// extends `SummarySource` and leaves that contract as it is.
//
// Contract: `summarizeChunks` splits the rows as `request.chunking` splits a frame (row chunks need an order,
// which the source knows), and returns the chunks, every requested column's summary per chunk and of all the
// rows, Σ (x − mean)³ of all the rows per numeric column, and exact counts per chunk between the edges
// `request.edges` gives for a column once its whole summary is known (so edges fitted on the data, Doane's
// bins, cost no extra pass over the summaries). Per-chunk summaries may keep a coarser sketch than a whole one.

/// What to compute per chunk.
public struct ChunkedSummaryRequest: Sendable {
    public var chunking: Chunking
    public var options: ColumnSummary.Options
    /// For a numeric column, given its summary of all rows and Σ (x − mean)³: edges to count between per chunk.
    public var edges: @Sendable (_ column: String, _ summary: ColumnSummary, _ cubedDeviations: Double) -> BinEdges?

    public init(chunking: Chunking, options: ColumnSummary.Options = .init(),
                edges: @escaping @Sendable (String, ColumnSummary, Double) -> BinEdges? = { _, _, _ in nil }) {
        self.chunking = chunking
        self.options = options
        self.edges = edges
    }
}

/// What a chunked pass computed.
public struct ChunkedSummaryResult: Sendable {
    public var chunks: [Chunk] = []
    /// Per column, the summary of each chunk, in `chunks`' order.
    public var chunkSummaries: [String: [ColumnSummary]] = [:]
    /// Per column, the summary of all rows (those in no chunk too).
    public var summaries: [String: ColumnSummary] = [:]
    /// Per numeric column, Σ (x − mean)³ over all rows.
    public var cubedDeviations: [String: Double] = [:]
    /// Per column given edges: the edges, and the counts of all rows and of each chunk.
    public var binCounts: [String: (edges: BinEdges, whole: [Int], chunks: [[Int]])] = [:]

    public init() {}
}

/// A source whose rows can be summarised per chunk where the data is.
public protocol ChunkedSummarySource: SummarySource {
    func summarizeChunks(_ columns: [String], _ request: ChunkedSummaryRequest) throws -> ChunkedSummaryResult
}
