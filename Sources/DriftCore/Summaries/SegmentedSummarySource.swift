// SegmentedSummarySource: a summary source that also summarises each segment's rows (the rows sharing a value of a
// text or boolean column) where the data is, every segment in one pass (a SQL table: the segment is one more
// GROUP BY key), for `drift_report(..., by:)` on lazy sources. Each segment comes back as a summary source of its
// own (`SummarizedSegment`) holding its summaries, which counts bins among its rows only when a binned method asks.
// Per-segment summaries may keep a coarser sketch than a whole one, as per-chunk ones do.

public protocol SegmentedSummarySource: SummarySource {
    /// Each segment's summaries of `columns` (which the source has), by label ("true" and "false" for a boolean
    /// column); rows without a label belong to no segment. An error when `segment` holds numbers or times.
    func segments(_ columns: [String], by segment: String, options: ColumnSummary.Options) throws -> [String: SummarizedSegment]
}

/// One segment's rows as a summary source: its summaries made already, bin counts asked of `countBins`.
public struct SummarizedSegment: SummarySource {
    public let name: String
    public let columnNames: [String]
    private let summaries: [String: ColumnSummary]
    private let countBins: @Sendable (_ columns: [String], _ request: SummaryRequest) throws -> SummaryResult

    public init(name: String, summaries: [String: ColumnSummary],
                countBins: @escaping @Sendable (_ columns: [String], _ request: SummaryRequest) throws -> SummaryResult) {
        self.name = name
        columnNames = summaries.keys.sorted()
        self.summaries = summaries
        self.countBins = countBins
    }

    public func summarize(_ columns: [String], _ request: SummaryRequest) throws -> SummaryResult {
        var result = request.edges.isEmpty ? SummaryResult()
            : try countBins(columns, SummaryRequest(options: request.options, summaries: false, edges: request.edges))
        guard request.summaries else { return result }
        for column in columns {
            guard let summary = summaries[column] else { throw DataError("\(name) has no column '\(column)'") }
            result.summaries[column] = summary
        }
        return result
    }

    public func facts(_ columns: [String]) throws -> [String: ColumnFacts]? { nil }
}
