// SQLTableSource+Reconstruction: reconstruction drift's work in the database, for `reconstruction_drift` on tables.
// The fit's statistics in two queries: the overview (rows, and each column's present count and mean, avg()), then
// Σ dᵢdⱼ for every pair of columns over a derived table of the deviations dᵢ = x − meanᵢ (0 where x is missing, as
// the mean imputes it): centred before the products are summed (two-pass, as numpy's cov), so the sums lose no more
// than the database's summation in doubles does, about n·2⁻⁵³ of Σ |dᵢdⱼ|, however large the means. Then each
// chunk's errors in one query, the chunk a GROUP BY key (SQLTableSource+Chunks' row numbers or period windows):
// nested derived tables standardise each row ((x − mean) / sd − centre, 0 for a missing value), project it on the
// kept axes (pₖ = Σⱼ aₖⱼsⱼ), take the residual (sⱼ − Σₖ pₖaₖⱼ) and its length, with the same operations in the same
// order as ReconstructionPCA.errors; the chunk's count, mean error and Σ (e − mean)² (about the chunk's mean, a
// window avg) come back. Numeric columns only: a text or boolean column is refused.
import DriftCore

extension SQLTableSource: ReconstructionSummarySource {
    public func reconstructionStatistics(_ columns: [String]) throws -> ReconstructionStatistics {
        let indices = try indices(of: columns)
        return try connections.withDatabase(url) { database in
            let pass = SQLSummaryPass(source: self, database: database, options: .init())
            let (rows, overviews) = try pass.overview(indices)
            try checkNumeric(columns, overviews, needValues: true)
            let means = overviews.map(\.mean)
            let pairs = columns.indices.flatMap { i in (i..<columns.count).map { (i, $0) } }
            var products = columns.map { _ in [Double](repeating: 0, count: columns.count) }
            let batch = 500
            for start in stride(from: 0, to: pairs.count, by: batch) {
                var query = pass.query()
                let deviations = zip(columns, means).enumerated().map { j, column in
                    "coalesce(\(database.dialect.number(column.0)) - \(query.bind(column.1)), 0) AS drift_d\(j)"
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
            return ReconstructionStatistics(rows: rows, means: means, products: products)
        }
    }

    public func reconstructionErrors(_ columns: [String], _ pca: ReconstructionPCA, chunking: Chunking) throws -> [ChunkErrors] {
        let indices = try indices(of: columns)
        return try connections.withDatabase(url) { database in
            let whole = SQLSummaryPass(source: self, database: database, options: .init())
            let timestamp = try periodColumn(chunking)
            let (rowCount, overviews) = try whole.overview(indices + (timestamp.map { [$0.index] } ?? []))
            try checkNumeric(columns, Array(overviews.prefix(columns.count)), needValues: false)
            let chunk = try chunkExpression(chunking, timestamp, rowCount: rowCount, dialect: database.dialect)
            let pass = SQLSummaryPass(source: self, database: database, options: .init(), chunk: chunk)
            var query = pass.query()
            let sql = query.from(Self.errorsTable(columns, pca, dialect: database.dialect, query: &query),
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
    private static func errorsTable(_ columns: [String], _ pca: ReconstructionPCA, dialect: SQLDialect, query: inout SQLSummaryQuery) -> String {
        let d = columns.indices, axes = pca.components.indices
        let standardised = d.map { j in
            "coalesce((\(dialect.number(columns[j])) - \(query.bind(pca.scale[j].mean))) / \(query.bind(pca.scale[j].sd)), 0) - \(query.bind(pca.centre[j])) AS drift_s\(j)"
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

    /// Refuses a column that does not hold numbers (or, for the fit, holds none).
    private func checkNumeric(_ columns: [String], _ overviews: [SQLSummaryPass.Overview], needValues: Bool) throws {
        for (column, overview) in zip(columns, overviews) {
            guard overview.type == .numeric else {
                throw DataError("\(name): column '\(column)' holds \(overview.type.rawValue) values; reconstruction_drift on a table takes numeric columns "
                                + "(its categories' shares are encoded in memory: load the rows with read_sql)")
            }
            if needValues, overview.present == 0 { throw DataError("column '\(column)': the reference has no values (all missing)") }
        }
    }
}
