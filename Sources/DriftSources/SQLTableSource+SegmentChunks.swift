// SQLTableSource+SegmentChunks: every segment's summaries per chunk in one grouped pass, for `monitor(...,
// by_segment:)` on tables. Each row's key combines its segment and its chunk within the segment into one whole
// number, chunk × 2^16 + rank: rank is its segment value's dense_rank (1, 2, …; no key without a segment value), chunk
// its row chunk among its segment's rows (row_number() OVER (PARTITION BY the segment ORDER BY the order column)
// divided by the chunk size; for count: the segment's own rows ÷ count, as a frame filtered to the segment is cut)
// or its period window (SQLPeriodWindows; rows without a timestamp get the window `noWindow`, in the segment's
// summaries but in no chunk). The key is the grouped pass's chunk key (SQLTableSource+Chunks), exact in a double
// (below 2^53), and the segment column is grouped too, so each key's one category names its segment. Each source is
// read in three queries whatever the number of segments and chunks: the overview, the grouped pass and the bin
// counts (every segment's edges in one query, per 500 edges). More than 65,535 segments, or windows beyond ±2^36
// (periods of seconds more than 2,000 years from 1970), are refused rather than let keys collide.
import DriftCore

/// How a segment and its chunk share one key.
private enum SegmentChunkKey {
    static let segments: Int64 = 1 << 16
    static let windowBound: Int64 = 1 << 36
    /// The window of a segment's rows without a timestamp.
    static let noWindow: Int64 = -(1 << 36) - 1
    /// The keys of rows beyond the bounds, and of timestamps the database cannot read as times.
    static let outOfRange: Int64 = -(1 << 53), notATime: Int64 = -(1 << 53) + 2

    static func key(window: Int64, rank: Int64) -> Int { Int(window * segments + rank) }

    /// The window and the segment's rank a key holds.
    static func split(_ key: Int) -> (window: Int64, rank: Int64) {
        (Int64(key) >> 16, Int64(key) & (segments - 1))  // floors, as the key is window × 2^16 + rank
    }
}

/// One segment's keys: its chunks' (by window or chunk number) and the one of its rows without a timestamp.
private struct SegmentKeys {
    var label = ""
    var rank: Int64 = 0
    var windows: [(window: Int64, key: Int, rows: Int)] = []
    var unchunked: Int?
    var rows = 0

    /// The keys of rows in no chunk.
    var rest: [Int?] { unchunked.map { [$0] } ?? [] }
}

extension SQLTableSource: SegmentedChunkedSummarySource {
    public func summarizeChunks(_ columns: [String], bySegment segment: String, _ request: SegmentedChunkRequest) throws
        -> [String: Result<ChunkedSummaryResult, DataError>] {
        let indices = try indices(of: columns + [segment])
        return try connections.withDatabase(url) { database in
            let options = request.options
            let timestamp = try periodColumn(request.chunking)
            let (_, overviews) = try SQLSummaryPass(source: self, database: database, options: options)
                .overview(indices + (timestamp.map { [$0.index] } ?? []))
            let type = try Self.segmentType(overviews[columns.count].type, of: segment)
            let key = try segmentChunkKey(request.chunking, timestamp, segment: segment, dialect: database.dialect)
            let pass = SQLSummaryPass(source: self, database: database, options: options, chunk: key)
            let plan = try zip(indices, overviews).map { try pass.groupedColumn($0, $1, bins: options.gridBins) }
            let grouped = try pass.grouped(plan, cubes: true, limit: options.textCategoryLimit)
            let segments = try segmentKeys(grouped, segment: segment, position: columns.count, type: type, timestamp: timestamp,
                                           present: timestamp.map { _ in overviews[indices.count].present } ?? 0)
            var results: [String: Result<ChunkedSummaryResult, DataError>] = [:]
            var requests: [(column: String, edges: BinEdges)] = []
            var binned: [(segment: SegmentKeys, keys: [Int], result: ChunkedSummaryResult, first: Int, count: Int)] = []
            for keys in segments.values {
                try Cancellation.check()
                var result = ChunkedSummaryResult()
                let chunkKeys: [Int]
                do {
                    if let timestamp {
                        result.chunks = try request.chunking.chunks(windows: keys.windows.map { ($0.window, $0.rows) }, kind: timestamp.kind)
                        chunkKeys = keys.windows.map(\.key)
                    } else {
                        result.chunks = try request.chunking.chunks(rowCount: keys.rows)
                        chunkKeys = result.chunks.map { SegmentChunkKey.key(window: Int64($0.index), rank: keys.rank) }
                    }
                } catch let error as DataError {
                    results[keys.label] = .failure(error)
                    continue
                }
                let asked = try pass.fill(&result, columns, plan, overviews, grouped, keys: chunkKeys, rest: keys.rest,
                                          rows: keys.rows, ownMoments: true) { request.edges(keys.label, $0, $1, $2) }
                results[keys.label] = .success(result)
                if !asked.isEmpty { binned.append((keys, chunkKeys, result, requests.count, asked.count)) }
                requests += asked
            }
            guard !requests.isEmpty else { return results }
            let counted = try pass.binCounts(requests)
            for var entry in binned {
                entry.result.binCounts = pass.binCounts(Array(requests[entry.first..<(entry.first + entry.count)]), counted: counted,
                                                        first: entry.first, keys: entry.keys, rest: entry.segment.rest)
                results[entry.segment.label] = .success(entry.result)
            }
            return results
        }
    }

    /// Each row's key, chunk × 2^16 + the rank of its segment value, as SQL (NULL without a segment value).
    private func segmentChunkKey(_ chunking: Chunking, _ timestamp: PeriodColumn?, segment: String, dialect: SQLDialect) throws -> String {
        let column = dialect.quoted(segment)
        let rank = "dense_rank() OVER (ORDER BY \(column))"
        let (segments, outOfRange) = (SegmentChunkKey.segments, SegmentChunkKey.outOfRange)
        if let timestamp, case .period(_, let period) = chunking {
            let window = try dialect.periodWindow(of: timestamp.name, kind: timestamp.kind, every: period)
            return "CASE WHEN \(column) IS NULL THEN NULL "
                + "WHEN \(dialect.quoted(timestamp.name)) IS NULL THEN \(SegmentChunkKey.noWindow) * \(segments) + \(rank) "
                + "WHEN \(window) IS NULL THEN \(SegmentChunkKey.notATime) "
                + "WHEN \(rank) >= \(segments) OR abs(\(window)) >= \(SegmentChunkKey.windowBound) THEN \(outOfRange) "
                + "ELSE \(window) * \(segments) + \(rank) END"
        }
        let order = try rowOrder()
        let size: String
        if case .count(let count) = chunking {
            let rows = "count(*) OVER (PARTITION BY \(column))"
            size = "CASE WHEN \(rows) < \(count) THEN 1 ELSE floor(\(rows) / \(count)) END"
        } else {
            size = "\(try chunking.rowsPerChunk(rowCount: 0))"
        }
        let number = "row_number() OVER (PARTITION BY \(column) ORDER BY \(dialect.quoted(order)))"
        return "CASE WHEN \(column) IS NULL THEN NULL WHEN \(rank) >= \(segments) THEN \(outOfRange) "
            + "ELSE floor((\(number) - 1) / \(size)) * \(segments) + \(rank) END"
    }

    /// The segments of a grouped pass keyed by `segmentChunkKey`, by rank: each one's label (its one category of the
    /// segment column, at `position`) and keys, windows in order.
    private func segmentKeys(_ grouped: GroupedResult, segment: String, position: Int, type: ColumnType, timestamp: PeriodColumn?,
                             present: Int) throws -> [Int64: SegmentKeys] {
        var segments: [Int64: SegmentKeys] = [:]
        for (key, rows) in grouped.rows {
            guard let key else { continue }
            switch Int64(key) {
            case SegmentChunkKey.outOfRange:
                throw DataError("\(name): '\(segment)' has more than \(SegmentChunkKey.segments - 1) segments, or '\(timestamp?.name ?? "")' "
                                + "has times too far from 1970 for periods this short, to number each segment's chunks in one key")
            case SegmentChunkKey.notATime:
                throw notTimes(timestamp?.name ?? "", count: rows, of: present)
            default: break
            }
            let (window, rank) = SegmentChunkKey.split(key)
            guard let groups = grouped.columns[key]?[position],
                  let label = Self.label(SQLCategories.counts(groups.categories, type: type)),
                  segments[rank].map({ $0.label == label }) ?? true else {
                throw DataError("\(name): the segments of '\(segment)' could not be told apart in the grouped pass")
            }
            var keys = segments[rank] ?? SegmentKeys()
            keys.label = label
            keys.rank = rank
            keys.rows += rows
            if window == SegmentChunkKey.noWindow { keys.unchunked = key } else { keys.windows.append((window, key, rows)) }
            segments[rank] = keys
        }
        return segments.mapValues { keys in
            var sorted = keys
            sorted.windows.sort { $0.window < $1.window }
            return sorted
        }
    }
}
