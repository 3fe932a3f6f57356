// SQLTableSource+Segments: every segment's summaries in one grouped pass, for `drift_report(..., by:)` on tables.
// The segment is one more GROUP BY key of the grouped pass, as a chunk is: each row's key is the rank of its
// segment value (dense_rank() OVER (ORDER BY the segment column); NULL, in no segment, when the value is missing),
// and the segment column itself is grouped too, so each key's one category names its segment. Two queries per
// source (the overview and the grouped pass) for any number of segments; a binned method's counts are one more,
// counting every segment at once. A segment's summaries are made as a chunk's (SQLTableSource+Chunks).
import DriftCore

extension SQLTableSource: SegmentedSummarySource {
    public func segments(_ columns: [String], by segment: String, options: ColumnSummary.Options) throws -> [String: SummarizedSegment] {
        let indices = try indices(of: columns + [segment])
        return try connections.withDatabase(url) { database in
            let (_, overviews) = try SQLSummaryPass(source: self, database: database, options: options).overview(indices)
            let type = try Self.segmentType(overviews[columns.count].type, of: segment)
            let pass = SQLSummaryPass(source: self, database: database, options: options, chunk: segmentKey(segment, database.dialect))
            let plan = try zip(indices, overviews).map { try pass.groupedColumn($0, $1, bins: options.gridBins) }
            let grouped = try pass.grouped(plan, cubes: false, limit: options.textCategoryLimit)
            var segments: [String: SummarizedSegment] = [:]
            for (key, groups) in grouped.columns {
                try Cancellation.check()
                guard let key, let label = Self.label(SQLCategories.counts(groups[columns.count].categories, type: type)) else { continue }
                let rows = grouped.rows[key] ?? 0
                var summaries: [String: ColumnSummary] = [:]
                for (k, column) in columns.enumerated() {
                    summaries[column] = try pass.chunkSummary(plan[k], overviews[k], groups[k], rows: rows)
                }
                segments[label] = SummarizedSegment(name: "\(name), \(segment) = \(label)", summaries: summaries) { columns, request in
                    try self.segmentBinCounts(columns, request, key: key, segment: segment)
                }
            }
            return segments
        }
    }

    /// The type of the segment column, which must hold strings or booleans.
    static func segmentType(_ type: ColumnType, of segment: String) throws -> ColumnType {
        guard type == .text || type == .boolean else {
            throw DataError("segments come from a string or boolean column; '\(segment)' holds \(type.rawValue) values")
        }
        return type
    }

    /// The one value a segment's rows share, as SegmentedReport labels it ("true"/"false" for booleans).
    static func label(_ counts: CategoryCounts) -> String? {
        switch counts.valueCounts().values {
        case .text(let text) where text.count > 0: text[0]
        case .boolean(let flags) where flags.count > 0: flags[0].map { $0 ? "true" : "false" }
        default: nil
        }
    }

    /// The rank of each row's segment value, NULL when it has none.
    private func segmentKey(_ segment: String, _ dialect: SQLDialect) -> String {
        let column = dialect.quoted(segment)
        return "CASE WHEN \(column) IS NOT NULL THEN dense_rank() OVER (ORDER BY \(column)) END"
    }

    /// Exact bin counts among the rows of the segment ranked `key`: every segment counted in one query.
    private func segmentBinCounts(_ columns: [String], _ request: SummaryRequest, key: Int, segment: String) throws -> SummaryResult {
        try connections.withDatabase(url) { database in
            let pass = SQLSummaryPass(source: self, database: database, options: request.options, chunk: segmentKey(segment, database.dialect))
            let requests = columns.flatMap { column in (request.edges[column] ?? []).map { (column: column, edges: $0) } }
            let counts = try pass.binCounts(requests)[key]
            var result = SummaryResult()
            for (j, request) in requests.enumerated() {
                result.binCounts[request.column, default: [:]][request.edges] = counts?[j] ?? [Int](repeating: 0, count: request.edges.binCount)
            }
            return result
        }
    }
}
