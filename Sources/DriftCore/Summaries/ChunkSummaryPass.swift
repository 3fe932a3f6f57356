// ChunkSummaryPass: the summaries and exact bin counts of one streaming pass over a source read chunk by chunk
// (CSVScanSource's chunks of lines, a Parquet file's row groups): each chunk of a column is added as it is read,
// so memory holds one chunk and the summaries, never the data. The columns of one chunk may be read and added
// on every core at once (`addConcurrently`): each column's chunks still come in order, so the summaries are
// those adding them one after another gives.

public struct ChunkSummaryPass {
    private let source: String
    private let columns: [String]
    private let request: SummaryRequest
    private var passes: [ColumnPass]

    /// A pass over `columns` of the source named `source` (for messages), computing what `request` asks.
    public init(source: String, columns: [String], request: SummaryRequest) {
        self.source = source
        self.columns = columns
        self.request = request
        passes = columns.map { ColumnPass(request.edges[$0] ?? [], options: request.options) }
    }

    /// Adds a chunk of the column at `position` in `columns`. A chunk whose type differs from the earlier
    /// chunks' throws `SummaryTypeConflict`.
    public mutating func add(_ column: Column, at position: Int) throws {
        try passes[position].add(column, summarizing: request.summaries, name: "\(source): column '\(columns[position])'")
    }

    /// Adds a chunk of each column at `positions` (distinct positions in `columns`), the chunk at `positions[k]`
    /// read by `read(k)`, on every core; the first error, in `positions`' order, is thrown once all are done.
    public mutating func addConcurrently(at positions: [Int], _ read: @Sendable (Int) throws -> Column) throws {
        guard Set(positions).count == positions.count else {
            throw DataError("\(source): a column was asked for twice in one chunk")
        }
        let (summarizing, source, columns) = (request.summaries, source, columns)
        let outcomes = passes.withUnsafeMutableBufferPointer { buffer in
            let shared = SharedPasses(buffer: buffer)
            return nestableConcurrentMap(positions.count) { k in
                Result { try shared.buffer[positions[k]].add(try read(k), summarizing: summarizing,
                                                              name: "\(source): column '\(columns[positions[k]])'") }
            }
        }
        for outcome in outcomes { try outcome.get() }
    }

    /// What the pass computed.
    public var result: SummaryResult {
        var result = SummaryResult()
        if request.summaries { result.summaries.reserveCapacity(columns.count) }
        for (position, column) in columns.enumerated() {
            if request.summaries { result.summaries[column] = passes[position].summary.finished }
            if !passes[position].counts.isEmpty { result.binCounts[column] = passes[position].counts }
        }
        return result
    }
}

/// One column's share of a pass: its summary and its counts between the requested edges.
private struct ColumnPass {
    var summary: ColumnSummary
    var counts: [BinEdges: [Int]]

    init(_ edges: [BinEdges], options: ColumnSummary.Options) {
        summary = ColumnSummary(options: options)
        counts = Dictionary(uniqueKeysWithValues: edges.map { ($0, [Int](repeating: 0, count: $0.binCount)) })
    }

    /// Adds a chunk to the summary (when `summarizing`) and to the counts; `name` names the column in errors.
    mutating func add(_ column: Column, summarizing: Bool, name: String) throws {
        if summarizing { try summary.add(column) }
        guard !counts.isEmpty, column.count > column.missingCount else { return }
        guard case .numeric(let numbers) = column else {
            throw DataError("\(name) holds \(column.typeName) values; bins need numbers")
        }
        for (edges, total) in counts {
            let chunkCounts = try edges.counts(numbers.values)
            counts[edges] = zip(total, chunkCounts).map(+)
        }
    }
}

/// The passes' storage, shared by the workers of `addConcurrently`: each worker mutates only its own
/// positions, which are distinct, and the buffer outlives them.
private struct SharedPasses: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<ColumnPass>
}
