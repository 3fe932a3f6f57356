// ChunkSummaryPass: the summaries and exact bin counts of one streaming pass over a source read chunk by chunk
// (CSVScanSource's chunks of lines, a Parquet file's row groups): each chunk of a column is added as it is read,
// so memory holds one chunk and the summaries, never the data.

public struct ChunkSummaryPass {
    private let source: String
    private let columns: [String]
    private let request: SummaryRequest
    private var summaries: [ColumnSummary]
    private var counts: [[BinEdges: [Int]]]

    /// A pass over `columns` of the source named `source` (for messages), computing what `request` asks.
    public init(source: String, columns: [String], request: SummaryRequest) {
        self.source = source
        self.columns = columns
        self.request = request
        summaries = columns.map { _ in ColumnSummary(options: request.options) }
        counts = columns.map { column in
            Dictionary(uniqueKeysWithValues: (request.edges[column] ?? []).map { ($0, [Int](repeating: 0, count: $0.binCount)) })
        }
    }

    /// Adds a chunk of the column at `position` in `columns`. A chunk whose type differs from the earlier
    /// chunks' throws `SummaryTypeConflict`.
    public mutating func add(_ column: Column, at position: Int) throws {
        if request.summaries { try summaries[position].add(column) }
        guard !counts[position].isEmpty, column.count > column.missingCount else { return }
        guard case .numeric(let numbers) = column else {
            throw DataError("\(source): column '\(columns[position])' holds \(column.typeName) values; bins need numbers")
        }
        for (edges, total) in counts[position] {
            let chunkCounts = try edges.counts(numbers.values)
            counts[position][edges] = zip(total, chunkCounts).map(+)
        }
    }

    /// What the pass computed.
    public var result: SummaryResult {
        var result = SummaryResult()
        if request.summaries { result.summaries.reserveCapacity(columns.count) }
        for (position, column) in columns.enumerated() {
            if request.summaries { result.summaries[column] = summaries[position].finished }
            if !counts[position].isEmpty { result.binCounts[column] = counts[position] }
        }
        return result
    }
}
