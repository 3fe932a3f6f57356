// SQLTableSource+Chunks: a table's summaries per chunk of rows, for `monitor` on tables. Row chunks (size:,
// count:) number the rows in the order of the source's `order` column (row_number() OVER (ORDER BY …), ties in
// the database's order), chunk k holding rows k·size … (k + 1)·size − 1, as Chunking cuts a frame; period chunks
// (by: + every:) take each row's period window of its timestamp (SQLPeriodWindows), one chunk per window with
// rows, in time order, as the frame sorted by the timestamp is cut. The chunk is then one more GROUP BY key of the
// grouped pass, so each statistic pass reads the table once whatever the number of chunks: the overview (row
// count, types, means), the grouped pass per chunk (on the grid histogram's 2,048-bin grid rather than the 16×
// finer one, so the result stays small with many chunks), and, when edges are asked for, their counts per chunk.
// The summary of all rows merges the chunks' groups (the same grid) and those of the rows in no chunk (without a
// timestamp), and its categories theirs.
import DriftCore

extension SQLTableSource: ChunkedSummarySource {
    public func summarizeChunks(_ columns: [String], _ request: ChunkedSummaryRequest) throws -> ChunkedSummaryResult {
        let indices = try indices(of: columns)
        return try connections.withDatabase(url) { database in
            let options = request.options
            let whole = SQLSummaryPass(source: self, database: database, options: options)
            let timestamp = try periodColumn(request.chunking)
            let (rowCount, overviews) = try whole.overview(indices + (timestamp.map { [$0.index] } ?? []))
            let chunk = try chunkExpression(request.chunking, timestamp, rowCount: rowCount, dialect: database.dialect)
            let pass = SQLSummaryPass(source: self, database: database, options: options, chunk: chunk)
            let plan = try zip(indices, overviews).map { try pass.groupedColumn($0, $1, bins: options.gridBins) }
            let grouped = try pass.grouped(plan, cubes: true, limit: options.textCategoryLimit)
            var result = ChunkedSummaryResult()
            let keys: [Int]
            if let timestamp {
                let windows = grouped.rows.compactMap { key, rows in key.map { (window: Int64($0), rows: rows) } }.sorted { $0.window < $1.window }
                try checkTimestamps(timestamp, present: overviews[indices.count].present, chunked: windows.reduce(0) { $0 + $1.rows }, dialect: database.dialect)
                result.chunks = try request.chunking.chunks(windows: windows, kind: timestamp.kind)
                keys = windows.map { Int($0.window) }
            } else {
                result.chunks = try request.chunking.chunks(rowCount: rowCount)
                keys = result.chunks.map(\.index)
            }
            // The rows in no chunk (without a timestamp) belong to the summary of all rows all the same.
            let requests = try pass.fill(&result, columns, plan, overviews, grouped, keys: keys, rest: [nil], rows: rowCount,
                                         ownMoments: false, edges: request.edges)
            guard !requests.isEmpty else { return result }
            result.binCounts = pass.binCounts(requests, counted: try pass.binCounts(requests), keys: keys, rest: [nil])
            return result
        }
    }

    /// The timestamp column of a period chunking (its position and kind); nil for row chunks.
    func periodColumn(_ chunking: Chunking) throws -> PeriodColumn? {
        guard case .period(let column, _) = chunking else { return nil }
        let index = try indices(of: [column])[0]
        switch declaredTypes[index] {
        case .date: return PeriodColumn(name: column, index: index, kind: .date)
        case .datetime: return PeriodColumn(name: column, index: index, kind: .datetime)
        case let type:
            throw DataError("\(name): column '\(column)' holds \(type.rawValue) values; chunking by periods needs a date or datetime column")
        }
    }

    /// Each row's chunk as SQL: its period window, or its row number (in `order`) divided by the chunk size.
    func chunkExpression(_ chunking: Chunking, _ timestamp: PeriodColumn?, rowCount: Int,
                             dialect: SQLDialect) throws -> String {
        if let timestamp, case .period(_, let period) = chunking {
            return try dialect.periodWindow(of: timestamp.name, kind: timestamp.kind, every: period)
        }
        let size = try chunking.rowsPerChunk(rowCount: rowCount)
        return "floor((row_number() OVER (ORDER BY \(dialect.quoted(try rowOrder()))) - 1) / \(size))"
    }

    /// The column row chunks number the rows by (`order_by:`), which they need.
    func rowOrder() throws -> String {
        guard let order else { throw DataError("\(name): chunks of rows need the rows' order: table(..., order_by: \"column\")") }
        return order
    }

    /// On an engine whose declared types do not bind the values (SQLite), every present timestamp must have
    /// fallen in a window: a value the database cannot read as a time is an error, as read_sql reads the column as text.
    func checkTimestamps(_ timestamp: PeriodColumn, present: Int, chunked: Int, dialect: SQLDialect) throws {
        guard dialect.valueTypeConditions != nil, chunked < present else { return }
        throw notTimes(timestamp.name, count: present - chunked, of: present)
    }

    /// The error for `count` of a timestamp column's `present` values that the database cannot read as times.
    func notTimes(_ column: String, count: Int, of present: Int) -> DataError {
        DataError("\(name): column '\(column)' holds values that are not dates or times (\(count) of \(present)); chunking by periods needs dates or datetimes")
    }
}

/// The timestamp column a period chunking cuts by.
struct PeriodColumn {
    let name: String
    let index: Int
    let kind: TimeKind
}

extension SQLSummaryPass {
    /// Fills `result`'s summaries of `columns` per chunk and of all `rows` rows from the grouped pass: the chunks' groups
    /// at `keys` (in the order of `result.chunks`), and at `rest` those of rows in no chunk. The whole source's numbers
    /// take their count, mean, variance and range from the overview; a segment's (`ownMoments`) from its groups.
    /// Returns the edges `edges` asks to count between.
    func fill(_ result: inout ChunkedSummaryResult, _ columns: [String], _ plan: [GroupedColumn], _ overviews: [Overview],
              _ grouped: GroupedResult, keys: [Int], rest: [Int?], rows: Int, ownMoments: Bool,
              edges: (String, ColumnSummary, Double) -> BinEdges?) throws -> [(column: String, edges: BinEdges)] {
        var requests: [(column: String, edges: BinEdges)] = []
        for (k, column) in columns.enumerated() {
            try Cancellation.check()
            let chunkGroups = keys.map { grouped.columns[$0]?[k] ?? ColumnGroups() }
            let restGroups = rest.compactMap { key in grouped.columns[key].map { (groups: $0[k], rows: grouped.rows[key] ?? 0) } }
            let chunks = try zip(result.chunks, chunkGroups).map { chunk, groups in
                try chunkSummary(plan[k], overviews[k], groups, rows: chunk.rowCount)
            }
            let all = ColumnGroups(merging: chunkGroups + restGroups.map(\.groups))
            var summary: ColumnSummary, cubes = all.cubedDeviations
            if overviews[k].type != .numeric {
                let parts = try chunks + restGroups.map { try chunkSummary(plan[k], overviews[k], $0.groups, rows: $0.rows) }
                let categories = try parts.reduce(into: CategoryCounts(type: overviews[k].type)) { merged, chunk in
                    guard let counts = chunk.categories else { throw DataError("\(source.name): column '\(column)' has too many distinct values to monitor") }
                    merged.merge(counts)
                }
                summary = ColumnSummary(options: options, type: overviews[k].type, rowCount: rows,
                                        missing: rows - (ownMoments ? categories.total : overviews[k].present), categories: categories)
            } else if ownMoments {
                summary = try chunkSummary(plan[k], overviews[k], all, rows: rows)
                cubes = all.cubedDeviations(about: summary.moments.mean, from: plan[k].mean)
            } else {
                summary = self.summary(plan[k], overviews[k], all, rows: rows)
            }
            result.chunkSummaries[column] = chunks
            result.summaries[column] = summary
            result.cubedDeviations[column] = cubes
            if let edges = edges(column, summary, cubes) { requests.append((column, edges)) }
        }
        return requests
    }

    /// Per requested column, its edges and bin counts of all rows and of each chunk, from `counted` (counts per chunk
    /// key, the requests from `first` on): the chunks at `keys`, and at `rest` the rows in no chunk.
    func binCounts(_ requests: [(column: String, edges: BinEdges)], counted: [Int?: [[Int]]], first: Int = 0, keys: [Int],
                   rest: [Int?]) -> [String: (edges: BinEdges, whole: [Int], chunks: [[Int]])] {
        var binned: [String: (edges: BinEdges, whole: [Int], chunks: [[Int]])] = [:]
        for (j, request) in requests.enumerated() {
            let empty = [Int](repeating: 0, count: request.edges.binCount)
            let perChunk = keys.map { counted[$0]?[first + j] ?? empty }
            let total = (perChunk + rest.map { counted[$0]?[first + j] ?? empty }).reduce(empty) { zip($0, $1).map(+) }
            binned[request.column] = (request.edges, total, perChunk)
        }
        return binned
    }

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
    /// Σ (x − mean)³ about `mean`, from the groups' sums about `center`: Σ (d − δ)³ = Σ d³ − 3δ Σ d² + 2nδ³, with
    /// d = x − center and δ = mean − center (Σ d = nδ).
    func cubedDeviations(about mean: Double, from center: Double) -> Double {
        guard mean.isFinite, center.isFinite else { return cubedDeviations }
        let delta = mean - center, count = Double(groups.reduce(0) { $0 + $1.count })
        return cubedDeviations - 3 * delta * squaredDeviations + 2 * count * delta * delta * delta
    }

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
