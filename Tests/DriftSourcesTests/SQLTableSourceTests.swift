// SQLTableSourceTests: a table summarised by pushdown (SQL aggregates in the database) agrees with read_sql and
// the in-memory statistics on the same rows: counts, categories, bin counts and the count-based drift tests
// exactly, moments to 1e-9 relative, the grid histogram identical to a streaming one, and the sketch-based
// tests (ks_test, wasserstein) within their reported error bound. On the shipped examples/data/predictions.db
// (SQLite), and on a copy of it in PostgreSQL when DRIFT_TEST_POSTGRES names a test server. A drift report
// between two windows runs at most two queries per window (a query counter on the source).
import DriftCore
import DriftSources
import Foundation
import Testing
import DriftTestSupport

/// The two time windows of a predictions table: its summaries by pushdown and its rows read whole.
struct PredictionWindows {
    static let predictionsPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/data/predictions.db").path
    static let cut = SQLValue.text("2024-03-01")

    let reference: SummaryCache, current: SummaryCache
    let referenceRows: DataFrame, currentRows: DataFrame

    /// `placeholder` is the dialect's first parameter (`?`, `$1` or `:p1`). With `parquet`, the sources read those
    /// files (Spark), and `table` is how a query names them. Every source and read uses `connections`.
    init(_ url: DatabaseURL, table: String, placeholder: String, sketchCapacity: Int, parquet: String? = nil,
         connections: DatabaseConnections = DatabaseConnections()) throws {
        var options = ColumnSummary.Options()
        options.sketchCapacity = sketchCapacity
        func source(_ filter: String) throws -> SQLTableSource {
            if let parquet { return try SQLTableSource(url: url, parquet: parquet, filter: filter, parameters: [Self.cut], connections: connections) }
            return try SQLTableSource(url: url, table: table, filter: filter, parameters: [Self.cut], connections: connections)
        }
        reference = SummaryCache(try source("ts < \(placeholder)"), options: options)
        current = SummaryCache(try source("ts >= \(placeholder)"), options: options)
        referenceRows = try SQLSource(url: url, query: "select * from \(table) where ts < \(placeholder)", parameters: [Self.cut],
                                      connections: connections).load()
        currentRows = try SQLSource(url: url, query: "select * from \(table) where ts >= \(placeholder)", parameters: [Self.cut],
                                    connections: connections).load()
    }

    func values(_ column: String, current: Bool = false) throws -> [Double] {
        try #require((current ? currentRows : referenceRows).column(named: column)?.numbers)
    }

    func pair(_ column: String) -> (SummarizedColumn, SummarizedColumn) {
        (SummarizedColumn(reference, column), SummarizedColumn(current, column))
    }

    /// A drift report between the windows reads each at most twice (the overview and the grouped pass).
    func checkReportScans() throws {
        _ = try DriftReport(reference: reference, current: current)
        for cache in [reference, current] {
            #expect(try #require(cache.source as? SQLTableSource).queryCount <= 2)
        }
    }

    /// Everything the pushdown computes, against the in-memory results on the same rows.
    func checkAgainstMemory() throws {
        let exactSketch = reference.options.sketchCapacity >= referenceRows.rowCount
        #expect(reference.source.columnNames == referenceRows.names)
        for (cache, rows) in [(reference, referenceRows), (current, currentRows)] {
            for (name, column) in zip(rows.names, rows.columns) {
                let summary = try cache.summary(name)
                #expect(summary.typeName == column.typeName && summary.rowCount == column.count && summary.missing == column.missingCount, "\(name)")
                #expect(summary.categories == CategoryCounts(column) || column.typeName == "num" && summary.categories == nil, "\(name)")
                guard let values = column.numbers else { continue }
                let present = values.filter { !$0.isNaN }
                #expect(abs(summary.moments.mean - Statistics.mean(values)) <= 1e-9 * abs(Statistics.mean(values)), "\(name)")
                #expect(abs(summary.moments.variance - Statistics.variance(values)) <= 1e-9 * Statistics.variance(values), "\(name)")
                #expect(summary.moments.minimum == Statistics.min(values) && summary.moments.maximum == Statistics.max(values), "\(name)")
                var grid = GridHistogram(maximumBins: cache.options.gridBins)
                grid.add(values)
                #expect(summary.grid == grid, "\(name)")
                if exactSketch { #expect(summary.sketch.exactSortedValues() == present.sorted(), "\(name)") }
                try checkQuantiles(summary.sketch, present.sorted(), name)
                let edges = try Histogram.equalWidthEdges(Statistics.min(values), Statistics.max(values), bins: 13)
                #expect(try cache.counts(name, BinEdges(edges, rule: .histogram)) == (try Histogram(values, edges: edges).counts), "\(name)")
                let inner = BinEdges(Array(edges.dropFirst().dropLast()), rule: .openEnds)
                #expect(try cache.counts(name, inner) == (try inner.counts(values)), "\(name)")
            }
        }
        try checkDriftTests(exactSketch: exactSketch)
    }

    /// Every quantile's true rank is within the sketch's bound (+1 for the position's rounding).
    private func checkQuantiles(_ sketch: QuantileSketch, _ sorted: [Double], _ name: String) throws {
        for q in stride(from: 0.0, through: 1.0, by: 0.05) {
            let value = sketch.quantile(q), target = q * Double(sorted.count - 1)
            let below = sorted.count { $0 < value }, atOrBelow = sorted.count { $0 <= value }
            let bound = Double(sketch.rankErrorBound + 1)
            #expect(Double(below) <= target + bound && Double(atOrBelow) >= target - bound, "\(name) q=\(q)")
        }
    }

    private func checkDriftTests(exactSketch: Bool) throws {
        for (column, method) in [("region", CategoricalDriftMethod.chi2Test), ("region", .jsDistance), ("label", .zTest), ("prediction", .tvd)] {
            let (a, b) = pair(column)
            let pushed = try DriftTests.run(method.rawValue, reference: a, current: b, kind: .categorical)
            let memory = try DriftTests.run(method, reference: try #require(referenceRows.column(named: column)),
                                            current: try #require(currentRows.column(named: column)))
            #expect(pushed == memory, "\(column) \(method)")
        }
        for column in ["age", "income", "debt_ratio", "probability"] {
            let (a, b) = pair(column)
            let x = try values(column), y = try values(column, current: true)
            for method in [NumericDriftMethod.psi, .jsDistance, .hellinger, .tvd] {
                let pushed = try DriftTests.run(method.rawValue, reference: a, current: b, binning: .uniform(bins: 10))
                #expect(pushed.statistic == (try DriftTests.run(method, reference: x, current: y, binning: .uniform(bins: 10))).statistic, "\(column) \(method)")
            }
            let psi = try DriftTests.run("psi", reference: a, current: b)
            if exactSketch { #expect(psi.statistic == (try DriftTests.run(.psi, reference: x, current: y)).statistic, "\(column)") }
            let t = try DriftTests.run("t_test", reference: a, current: b)
            #expect(abs(t.statistic - (try DriftTests.run(.tTest, reference: x, current: y)).statistic) <= 1e-9 * abs(t.statistic), "\(column)")
            for method in [NumericDriftMethod.ksTest, .wasserstein] {
                let pushed = try DriftTests.run(method.rawValue, reference: a, current: b)
                let bound = try #require(pushed.details["error_bound"])
                let memory = try DriftTests.run(method, reference: x, current: y)
                #expect(abs(pushed.statistic - memory.statistic) <= bound + 1e-12, "\(column) \(method)")
                if exactSketch { #expect(bound == 0, "\(column) \(method)") }
            }
        }
    }
}

@Suite(.temporaryFiles) struct SQLTableSourceTests {
    static let url = DatabaseURL.sqlite(path: PredictionWindows.predictionsPath)

    @Test(arguments: [QuantileSketch.defaultCapacity, 64])
    func sqlitePushdownAgreesWithTheInMemoryResults(sketchCapacity: Int) throws {
        try PredictionWindows(Self.url, table: "predictions", placeholder: "?", sketchCapacity: sketchCapacity).checkReportScans()
        try PredictionWindows(Self.url, table: "predictions", placeholder: "?", sketchCapacity: sketchCapacity).checkAgainstMemory()
    }

    /// 10,000 rows per window, more than the sketch holds: the grid histogram and the sketch come from the fine
    /// bins of the grouped pass; skewed income piles into few bins, a constant column into one.
    @Test func beyondTheSketchCapacityTheHistogramBuiltSketchStaysWithinItsBound() throws {
        var state: UInt64 = 42
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return (Double(state >> 11) + 0.5) / Double(1 << 53)
        }
        let n = 20_000
        let late = (0..<n).map { $0 >= n / 2 }
        let frame = try DataFrame([
            ("ts", .text(TextColumn(late.map { $0 ? "2024-03-15" : "2024-02-15" }))),
            ("age", .numeric(NumericColumn(late.map { 18 + 60 * uniform() + ($0 ? 3 : 0) }))),
            ("income", .numeric(NumericColumn(late.map { exp(10 + 1.5 * (uniform() - 0.5) * ($0 ? 1.2 : 1)) * (uniform() < 0.03 ? .nan : 1) }))),
            ("debt_ratio", .numeric(NumericColumn(late.map { _ in (uniform() * 1000).rounded() / 1000 }))),
            ("probability", .numeric(NumericColumn(late.map { pow(uniform(), $0 ? 1.3 : 1) }))),
            ("region", .text(TextColumn(late.map { ["north", "south", "east", "west", $0 ? "new" : "west"][Int(uniform() * 5)] }))),
            ("prediction", .boolean(BoolColumn(late.map { _ in uniform() < 0.4 }))),
            ("label", .boolean(BoolColumn(late.map { uniform() < 0.1 ? nil : uniform() < ($0 ? 0.5 : 0.4) }))),
            ("version", .numeric(NumericColumn(late.map { _ in 3 }))),
        ])
        let path = try temporaryDatabasePath()
        try SQLTableWriter.write(frame, to: .sqlite(path: path), table: "predictions", mode: .replace)
        try PredictionWindows(.sqlite(path: path), table: "predictions", placeholder: "?", sketchCapacity: QuantileSketch.defaultCapacity).checkReportScans()
        try PredictionWindows(.sqlite(path: path), table: "predictions", placeholder: "?", sketchCapacity: QuantileSketch.defaultCapacity).checkAgainstMemory()
    }

    @Test func valuesThatDoNotFitTheDeclaredTypeWidenTheColumnAsReadSQLDoes() throws {
        let path = try sqliteFile("""
            create table t (flag BOOLEAN, mixed REAL, stamp DATE, empty REAL);
            insert into t values (1, 1.5, '2024-01-01', null), (0, 'n/a', 20240102, null), (2, 3, null, null);
            """)
        let source = try SQLTableSource(url: .sqlite(path: path), table: "t")
        let result = try source.summarize(source.columnNames, SummaryRequest())
        let rows = try SQLSource(url: .sqlite(path: path), query: "select * from t").load()
        for (name, column) in zip(rows.names, rows.columns) {
            guard let summary = result.summaries[name] else { Issue.record("no summary of \(name)"); continue }
            #expect(summary.typeName == column.typeName && summary.missing == column.missingCount, "\(name)")
            if column.typeName != "num" { #expect(summary.categories == CategoryCounts(column), "\(name)") }
        }
    }

    @Test func tableNamesAreQuotedAndFiltersBound() throws {
        let path = try sqliteFile(#"""
            create table "odd ""name""" (x REAL, who TEXT);
            insert into "odd ""name""" values (1, 'O''Brien'), (2, 'Ann'), (3, 'Ann');
            """#)
        let source = try SQLTableSource(url: .sqlite(path: path), table: #"odd "name""#, filter: "who = ?", parameters: [.text("O'Brien")])
        #expect(try SummaryCache(source).summary("x").rowCount == 1)
        let injected = try SQLTableSource(url: .sqlite(path: path), table: #"odd "name""#, filter: "who = ?", parameters: [.text("x' or '1'='1")])
        #expect(try SummaryCache(injected).summary("x").rowCount == 0)
        #expect(errorMessage { _ = try SQLTableSource(url: .sqlite(path: path), table: "a.b.c") }?.contains("invalid table name") == true)
        #expect(errorMessage { _ = try SQLTableSource(url: .sqlite(path: path), table: "missing") }?.contains("no such table") == true)
        #expect(errorMessage { _ = try SummaryCache(source).summary("nope") }?.contains("has no column 'nope'") == true)
    }
}

@Suite(needsPostgres, .temporaryFiles) struct PostgresTableSourceTests {
    @Test(arguments: [QuantileSketch.defaultCapacity, 64])
    func postgresPushdownAgreesWithTheInMemoryResults(sketchCapacity: Int) throws {
        let url = try DatabaseURL(testPostgresURL ?? "postgres://")
        let rows = try SQLSource(url: SQLTableSourceTests.url, query: "select * from predictions").load()
        let table = "drift_pushdown_\(UUID().uuidString.prefix(8).lowercased())"
        try SQLTableWriter.write(rows, to: url, table: table, mode: .replace)
        defer { _ = try? SQLSource(url: url, query: "drop table \(table)").load() }
        try PredictionWindows(url, table: table, placeholder: "$1", sketchCapacity: sketchCapacity).checkReportScans()
        try PredictionWindows(url, table: table, placeholder: "$1", sketchCapacity: sketchCapacity).checkAgainstMemory()
    }

    @Test func notANumberIsMissingAsInReadSQL() throws {
        let url = try DatabaseURL(testPostgresURL ?? "postgres://")
        let table = "drift_pushdown_\(UUID().uuidString.prefix(8).lowercased())"
        _ = try SQLSource(url: url, query: "create table \(table) as select * from (values (1.5::float8, 2::float4), ('NaN', 'NaN'), (null, 4), (0.5, 'NaN')) as v(x, y)").load()
        defer { _ = try? SQLSource(url: url, query: "drop table \(table)").load() }
        let cache = SummaryCache(try SQLTableSource(url: url, table: table))
        let rows = try SQLSource(url: url, query: "select * from \(table)").load()
        for name in ["x", "y"] {
            let summary = try cache.summary(name), values = try #require(rows.column(named: name)?.numbers)
            #expect(summary.missing == values.count { $0.isNaN } && summary.moments.mean == Statistics.mean(values), "\(name)")
            #expect(summary.moments.maximum == Statistics.max(values) && summary.sketch.exactSortedValues() == values.filter { !$0.isNaN }.sorted())
            #expect(try cache.counts(name, BinEdges([1], rule: .openEnds)) == (try BinEdges([1], rule: .openEnds).counts(values)))
        }
    }
}
