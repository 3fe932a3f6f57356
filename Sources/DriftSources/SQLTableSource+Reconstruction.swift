// SQLTableSource+Reconstruction: reconstruction drift's work in the database, for `reconstruction_drift` on tables.
// The fit's statistics in two queries: the overview (rows, and each column's present count and mean, avg()), then
// Σ dᵢdⱼ for every pair of columns over a derived table of the deviations dᵢ = x − meanᵢ (0 where x is missing, as
// the mean imputes it): centred before the products are summed (two-pass, as numpy's cov), so the sums lose no more
// than the database's summation in doubles does, about n·2⁻⁵³ of Σ |dᵢdⱼ|, however large the means. Then each
// chunk's errors in one query, the chunk a GROUP BY key (SQLTableSource+Chunks' row numbers or period windows):
// nested derived tables standardise each row ((x − mean) / sd − centre, 0 for a missing value), project it on the
// kept axes (pₖ = Σⱼ aₖⱼsⱼ), take the residual (sⱼ − Σₖ pₖaₖⱼ) and its length, with the same operations in the same
// order as ReconstructionPCA.errors; the chunk's count, mean error and Σ (e − mean)² (about the chunk's mean, a
// window avg) come back. A text or boolean column is encoded as the in-memory fit encodes it (CategoryShares): its
// reference categories are counted (one GROUP BY query each), and every query reads it through a CASE that maps each
// category to its share, a missing value to the most frequent category's and any other value to 0.
import DriftCore

extension SQLTableSource: ReconstructionSummarySource {
    public func reconstructionStatistics(_ columns: [String]) throws -> ReconstructionStatistics {
        let indices = try indices(of: columns)
        return try connections.withDatabase(url) { database in
            let pass = SQLSummaryPass(source: self, database: database, options: .init())
            let (rows, overviews) = try pass.overview(indices)
            let types = try checkedTypes(columns, indices, overviews)
            let encodings = try categoryShares(columns, types, overviews, rows: rows, pass: pass)
            let means = zip(overviews, encodings).map { $1?.referenceMean ?? $0.mean }
            let pairs = columns.indices.flatMap { i in (i..<columns.count).map { (i, $0) } }
            var products = columns.map { _ in [Double](repeating: 0, count: columns.count) }
            let batch = 500
            for start in stride(from: 0, to: pairs.count, by: batch) {
                var query = pass.query()
                let deviations = columns.indices.map { j in
                    let value = Self.value(columns[j], encodings[j], types[j], database.dialect, &query)
                    return "coalesce(\(value) - \(query.bind(means[j])), 0) AS drift_d\(j)"
                }
                let part = pairs[start..<Swift.min(start + batch, pairs.count)]
                let sums = part.enumerated().map { "sum(drift_d\($1.0) * drift_d\($1.1)) AS f\($0)" }
                let frame = try pass.run(query.from("(SELECT \(deviations.joined(separator: ", ")) FROM drift_rows) AS drift_deviations",
                                                    select: sums.joined(separator: ", ")),
                                         query.parameters, for: "the sums of products (reconstruction drift's fit)")
                for (k, (i, j)) in part.enumerated() {
                    products[i][j] = frame.number(k)
                    products[j][i] = products[i][j]
                }
                try Cancellation.check()
            }
            return ReconstructionStatistics(rows: rows, means: means, products: products, encodings: encodings)
        }
    }

    public func reconstructionErrors(_ columns: [String], _ pca: ReconstructionPCA, encodings: [CategoryShares?], chunking: Chunking) throws -> [ChunkErrors] {
        let indices = try indices(of: columns)
        return try connections.withDatabase(url) { database in
            let whole = SQLSummaryPass(source: self, database: database, options: .init())
            let timestamp = try periodColumn(chunking)
            let (rowCount, overviews) = try whole.overview(indices + (timestamp.map { [$0.index] } ?? []))
            let types = try checkedTypes(columns, indices, Array(overviews.prefix(columns.count)), encodings: encodings)
            let chunk = try chunkExpression(chunking, timestamp, rowCount: rowCount, dialect: database.dialect)
            let pass = SQLSummaryPass(source: self, database: database, options: .init(), chunk: chunk)
            var query = pass.query()
            let sql = query.from(Self.errorsTable(columns, types, pca, encodings, dialect: database.dialect, query: &query),
                                 select: "drift_chunk, count(*), avg(drift_e), sum((drift_e - drift_m) * (drift_e - drift_m))",
                                 groupBy: "drift_chunk")
            let frame = try pass.run(sql, query.parameters, for: "the reconstruction errors per chunk")
            var byKey: [Int64: (rows: Int, mean: Double, squaredDeviations: Double)] = [:]
            for row in 0..<frame.rowCount {
                byKey[Int64(frame.number(0, row: row))] = (frame.integer(1, row: row), frame.number(2, row: row), frame.number(3, row: row))
            }
            let chunks: [Chunk], keys: [Int64]
            if let timestamp {
                let windows = byKey.keys.sorted().map { (window: $0, rows: byKey[$0]?.rows ?? 0) }
                try checkTimestamps(timestamp, present: overviews[columns.count].present, chunked: windows.reduce(0) { $0 + $1.rows },
                                    dialect: database.dialect)
                chunks = try chunking.chunks(windows: windows, kind: timestamp.kind)
                keys = windows.map(\.window)
            } else {
                chunks = try chunking.chunks(rowCount: rowCount)
                keys = chunks.map { Int64($0.index) }
            }
            return try zip(chunks, keys).map { chunk, key in
                guard let errors = byKey[key], errors.rows == chunk.rowCount else {
                    throw DataError("\(name): the database's chunk \(chunk.key) does not hold the rows it should")
                }
                return ChunkErrors(chunk: chunk, mean: errors.mean, squaredDeviations: errors.squaredDeviations)
            }
        }
    }

    /// Every chunked row's reconstruction error `drift_e` beside its chunk's mean error `drift_m`, as nested derived
    /// tables over drift_rows: standardised values drift_s, projections drift_p, residuals drift_r.
    private static func errorsTable(_ columns: [String], _ types: [ColumnType], _ pca: ReconstructionPCA, _ encodings: [CategoryShares?],
                                    dialect: SQLDialect, query: inout SQLSummaryQuery) -> String {
        let d = columns.indices, axes = pca.components.indices
        let standardised = d.map { j in
            let value = Self.value(columns[j], encodings[j], types[j], dialect, &query)
            return "coalesce((\(value) - \(query.bind(pca.scale[j].mean))) / \(query.bind(pca.scale[j].sd)), 0) - \(query.bind(pca.centre[j])) AS drift_s\(j)"
        }
        let values = d.map { "drift_s\($0)" }.joined(separator: ", ")
        let projections = axes.map { k in
            d.map { j in "\(query.bind(pca.components[k][j])) * drift_s\(j)" }.joined(separator: " + ") + " AS drift_p\(k)"
        }
        let residuals = d.map { j in
            "drift_s\(j)" + axes.map { k in " - drift_p\(k) * \(query.bind(pca.components[k][j]))" }.joined() + " AS drift_r\(j)"
        }
        let length = "sqrt(" + d.map { "drift_r\($0) * drift_r\($0)" }.joined(separator: " + ") + ") AS drift_e"
        var table = "(SELECT drift_chunk, \(standardised.joined(separator: ", ")) FROM drift_rows WHERE drift_chunk IS NOT NULL) AS drift_standardised"
        table = "(SELECT drift_chunk, \(values), \(projections.joined(separator: ", ")) FROM \(table)) AS drift_projected"
        table = "(SELECT drift_chunk, \(residuals.joined(separator: ", ")) FROM \(table)) AS drift_residuals"
        table = "(SELECT drift_chunk, \(length) FROM \(table)) AS drift_lengths"
        return "(SELECT drift_chunk, drift_e, avg(drift_e) OVER (PARTITION BY drift_chunk) AS drift_m FROM \(table)) AS drift_errors"
    }

    /// The most categories a column may have: each is a branch of a CASE and two bound parameters in every query.
    static let categoryLimit = 1_000

    /// Each text or boolean column's encoding, from its categories' counts in the reference (one query per column);
    /// nil for a numeric one. Refuses a column with no values, and one with too many categories.
    private func categoryShares(_ columns: [String], _ types: [ColumnType], _ overviews: [SQLSummaryPass.Overview], rows: Int,
                                pass: SQLSummaryPass) throws -> [CategoryShares?] {
        try columns.indices.map { j in
            guard overviews[j].present > 0 else { throw DataError("column '\(columns[j])': the reference has no values (all missing)") }
            guard types[j] != .numeric else { return nil }
            try Cancellation.check()
            guard let counted = try pass.categoryCounts(columns[j], numeric: false, limit: Self.categoryLimit) else {
                throw DataError("\(name): column '\(columns[j])' has more than \(Self.categoryLimit) categories in the reference; "
                                + "reconstruction_drift on a table encodes at most \(Self.categoryLimit) (load the rows with read_sql)")
            }
            let (values, counts) = SQLCategories.counts(counted.valueCounts(), type: types[j]).valueCounts()
            return try CategoryShares(labels: Self.labels(values), counts: counts, rows: rows)
        }
    }

    /// The columns' types: numeric, text or boolean (a date or datetime column, even one a dynamically typed engine
    /// holds as text, is refused). Given the fit's encodings, a column must hold the same kind of values as in the
    /// reference; one with no values here reads as numeric, every row missing (`value` reads only that).
    private func checkedTypes(_ columns: [String], _ indices: [Int], _ overviews: [SQLSummaryPass.Overview],
                              encodings: [CategoryShares?]? = nil) throws -> [ColumnType] {
        try columns.indices.map { j in
            let type = overviews[j].type, declared = declaredTypes[indices[j]]
            guard [.numeric, .text, .boolean].contains(type), declared.timeKind == nil else {
                throw DataError("\(name): column '\(columns[j])' holds \((declared.timeKind == nil ? type : declared).rawValue) values; "
                                + "reconstruction_drift takes numeric, string and boolean columns")
            }
            guard let encodings else { return type }
            if overviews[j].present == 0 { return .numeric }
            guard (type == .numeric) == (encodings[j] == nil) else {
                throw DataError("\(name): column '\(columns[j])' holds \(type.rawValue) values here but "
                                + "\(encodings[j] == nil ? "numbers" : "categories") in the reference")
            }
            return type
        }
    }

    /// A column's value as a number: itself, or for a categorical column its category's share of the reference.
    private static func value(_ column: String, _ encoding: CategoryShares?, _ type: ColumnType, _ dialect: SQLDialect,
                              _ query: inout SQLSummaryQuery) -> String {
        guard let encoding else { return dialect.number(column) }
        let quoted = dialect.quoted(column)
        var value = "CASE WHEN \(quoted) IS NULL THEN \(query.bind(encoding.missingShare))"
        if type == .numeric {
            // No value in these rows (see checkedTypes): every one is missing.
            value += " ELSE \(query.bind(0))"
        } else if type == .boolean {
            value += " WHEN \(quoted) THEN \(query.bind(encoding.share(of: "true"))) ELSE \(query.bind(encoding.share(of: "false")))"
        } else {
            for (label, share) in zip(encoding.labels, encoding.shares) {
                value += " WHEN \(quoted) = \(query.bind(.text(label))) THEN \(query.bind(share))"
            }
            value += " ELSE \(query.bind(0))"
        }
        return value + " END"
    }

    /// The labels of a categorical column's values, as the in-memory encoding names them ("true"/"false" for booleans).
    /// The values come conformed to the column's text or boolean type (SQLCategories), so no other kind reaches here.
    private static func labels(_ values: Column) -> [String] {
        switch values {
        case .text(let text): (0..<text.count).map { text[$0] ?? "" }
        case .boolean(let flags): flags.values.map { $0 == 1 ? "true" : "false" }
        case .numeric, .time: []
        }
    }
}
