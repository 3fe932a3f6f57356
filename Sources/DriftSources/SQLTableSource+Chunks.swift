// SQLTableSource+Chunks: a table's summaries per chunk of rows, for `monitor` on tables. The rows are numbered in
// the order of the source's `order` column (row_number() OVER (ORDER BY …), ties in the database's order) and
// chunk k holds rows k·size … (k + 1)·size − 1, as Chunking cuts a frame; the chunk is then one more GROUP BY key
// of the grouped pass, so each statistic pass reads the table once whatever the number of chunks: the overview
// (row count, types, means), the grouped pass per chunk (on the grid histogram's 2,048-bin grid rather than the
// 16× finer one, so the result stays small with many chunks), and, when edges are asked for, their counts per
// chunk. The summary of all rows merges the chunks' groups (the same grid), and its categories theirs.
import DriftCore

extension SQLTableSource: ChunkedSummarySource {
    public func summarizeChunks(_ columns: [String], _ request: ChunkedSummaryRequest) throws -> ChunkedSummaryResult {
        let indices = try indices(of: columns)
        if case .period = request.chunking {
            throw DataError("\(name): monitoring a table chunks its rows by size: or count:; by: + every: is not pushed down (load the rows with read_sql)")
        }
        guard let order else {
            throw DataError("\(name): chunks of rows need the rows' order: table(..., order_by: \"column\")")
        }
        return try connections.withDatabase(url) { database in
            let options = request.options
            let whole = SQLSummaryPass(source: self, database: database, options: options)
            let (rowCount, overviews) = try whole.overview(indices)
            let size = try request.chunking.rowsPerChunk(rowCount: rowCount)
            var result = ChunkedSummaryResult()
            result.chunks = try request.chunking.chunks(rowCount: rowCount)
            let chunk = "floor((row_number() OVER (ORDER BY \(database.dialect.quoted(order))) - 1) / \(size))"
            let pass = SQLSummaryPass(source: self, database: database, options: options, chunk: chunk)
            let plan = try zip(indices, overviews).map { try pass.groupedColumn($0, $1, bins: options.gridBins) }
            let grouped = try pass.grouped(plan, cubes: true, limit: options.textCategoryLimit).columns
            var requests: [(column: String, edges: BinEdges)] = []
            for (k, column) in columns.enumerated() {
                try Cancellation.check()
                let chunkGroups = result.chunks.map { grouped[$0.index]?[k] ?? ColumnGroups() }
                let chunks = try zip(result.chunks, chunkGroups).map { chunk, groups in
                    try pass.chunkSummary(plan[k], overviews[k], groups, rows: chunk.rowCount)
                }
                let all = ColumnGroups(merging: chunkGroups)
                var summary = pass.summary(plan[k], overviews[k], all, rows: rowCount)
                if overviews[k].type != .numeric {
                    summary = ColumnSummary(options: options, type: overviews[k].type, rowCount: rowCount, missing: summary.missing,
                                            categories: try chunks.reduce(into: CategoryCounts(type: overviews[k].type)) { merged, chunk in
                                                guard let counts = chunk.categories else { throw DataError("\(name): column '\(column)' has too many distinct values to monitor") }
                                                merged.merge(counts)
                                            })
                }
                result.chunkSummaries[column] = chunks
                result.summaries[column] = summary
                result.cubedDeviations[column] = all.cubedDeviations
                if let edges = request.edges(column, summary, all.cubedDeviations) { requests.append((column, edges)) }
            }
            guard !requests.isEmpty else { return result }
            let counts = try pass.binCounts(requests)
            for (j, request) in requests.enumerated() {
                let empty = [Int](repeating: 0, count: request.edges.binCount)
                let perChunk = result.chunks.map { counts[$0.index]?[j] ?? empty }
                let total = perChunk.reduce(empty) { zip($0, $1).map(+) }
                result.binCounts[request.column] = (request.edges, total, perChunk)
            }
            return result
        }
    }
}

extension SQLSummaryPass {
    /// The summary of a column in one chunk of `rows` rows, from the chunk's groups (moments about the whole
    /// source's mean, so Σ (x − m)² becomes the chunk's own by the parallel-axis rule).
    func chunkSummary(_ column: GroupedColumn, _ overview: Overview, _ groups: ColumnGroups, rows: Int) throws -> ColumnSummary {
        guard overview.type == .numeric else {
            guard !groups.truncated else { throw DataError("\(source.name): column '\(column.name)' has too many distinct values to monitor") }
            let categories = SQLCategories.counts(groups.categories, type: overview.type)
            return ColumnSummary(options: options, type: overview.type, rowCount: rows, missing: rows - categories.total, categories: categories)
        }
        let distribution = SQLDistribution(column.key, groups.groups, options: options)
        let count = groups.groups.reduce(0) { $0 + $1.count }
        let mean = groups.sum / Double(count)
        let shift = mean - overview.mean
        let moments = Moments(count: count, mean: mean, squaredDeviations: Swift.max(0, groups.squaredDeviations - Double(count) * shift * shift),
                              minimum: groups.groups.map(\.smallest).min() ?? .nan, maximum: groups.groups.map(\.largest).max() ?? .nan)
        return ColumnSummary(options: options, type: .numeric, rowCount: rows, missing: rows - count, moments: moments,
                             sketch: distribution.sketch, grid: distribution.grid, categories: distribution.categories)
    }
}

extension ColumnGroups {
    /// The groups of all of `parts` (the same keys): counts added, ranges and sums combined; categories are not merged.
    init(merging parts: [ColumnGroups]) {
        var byKey: [Double: ValueGroup] = [:]
        for part in parts {
            for group in part.groups {
                let known = byKey[group.key]
                byKey[group.key] = ValueGroup(key: group.key, count: group.count + (known?.count ?? 0),
                                              smallest: Swift.min(group.smallest, known?.smallest ?? .infinity),
                                              largest: Swift.max(group.largest, known?.largest ?? -.infinity))
            }
            squaredDeviations += part.squaredDeviations
            cubedDeviations += part.cubedDeviations
            sum += part.sum
        }
        groups = byKey.values.sorted { $0.key < $1.key }
    }
}
