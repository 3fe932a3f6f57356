// SegmentedChunkedSummarySource: a chunked summary source that also summarises each segment's rows (the rows sharing
// a value of a text or boolean column) chunk by chunk where the data is, every segment and every chunk in one pass
// (a SQL table: the segment and the chunk one GROUP BY key), for `monitor(..., by_segment:)` on lazy sources.
//
// Contract: each segment's rows are chunked by `request.chunking` on their own, as a frame filtered to the segment
// is (row chunks numbered in the source's order within the segment); each segment's result is what
// `ChunkedSummarySource.summarizeChunks` returns for those rows, with the edges `request.edges` gives for that
// segment, or the error chunking them gave (a count chunking of a segment with fewer rows than chunks), so that
// only the segments the monitor compares report it. Rows without a segment value belong to no segment.

/// What to compute per segment and chunk.
public struct SegmentedChunkRequest: Sendable {
    public var chunking: Chunking
    public var options: ColumnSummary.Options
    /// For a numeric column of a segment (by label), given its summary of the segment's rows and their Σ (x − mean)³:
    /// edges to count between per chunk.
    public var edges: @Sendable (_ segment: String, _ column: String, _ summary: ColumnSummary, _ cubedDeviations: Double) -> BinEdges?

    public init(chunking: Chunking, options: ColumnSummary.Options = .init(),
                edges: @escaping @Sendable (String, String, ColumnSummary, Double) -> BinEdges? = { _, _, _, _ in nil }) {
        self.chunking = chunking
        self.options = options
        self.edges = edges
    }
}

/// A source whose rows can be summarised per segment and chunk where the data is.
public protocol SegmentedChunkedSummarySource: ChunkedSummarySource {
    /// Per segment label ("true" and "false" for a boolean column), its chunked summaries of `columns`. An error when
    /// `segment` holds numbers or times.
    func summarizeChunks(_ columns: [String], bySegment segment: String, _ request: SegmentedChunkRequest) throws
        -> [String: Result<ChunkedSummaryResult, DataError>]
}
