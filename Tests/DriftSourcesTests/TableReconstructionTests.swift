// TableReconstructionTests: `reconstruction_drift` on two table sources, fitted from sums computed in the database
// and each chunk's errors averaged there (the chunk a GROUP BY key), agrees with the in-memory reconstruction drift
// on the same rows read in the same order: the fit's statistics (means and the sums of products of deviations, income
// missing on 28 rows) with sums taken over the rows here to 1e-12 relative (of Σ |dᵢdⱼ|), and the same chunks,
// number of components, values, sampling errors and thresholds to 1e-9 relative, and alerts — for row chunks and
// calendar periods, in SQLite and PostgreSQL (and Spark). The reference is read in four queries, the analysis data in two,
// whatever the number of chunks. Text and boolean columns are refused.
import DriftCore
import DriftSources
import Foundation
import Testing

let reconstructionColumns = ["age", "income", "debt_ratio", "probability"]

/// Reconstruction drift of a predictions-shaped table's two windows, by pushdown and in memory, compared.
func checkReconstruction(_ url: DatabaseURL, table: String, windows: TableWindows, chunking: Chunking) throws {
    let sources = try [windows.reference, windows.analysis].map {
        try SQLTableSource(url: url, table: table, filter: $0, parameters: windows.parameters, order: "id")
    }
    let frames = try [windows.reference, windows.analysis].map {
        try SQLSource(url: url, query: "select * from \(table) where \($0) order by id", parameters: windows.parameters).load()
    }
    let pushed = try ReconstructionDrift(reference: sources[0], analysis: sources[1], columns: reconstructionColumns, chunking: chunking)
    let memory = try ReconstructionDrift(reference: frames[0], analysis: frames[1], columns: reconstructionColumns, chunking: chunking)
    #expect(pushed.components == memory.components && pushed.referenceChunks == memory.referenceChunks && pushed.analysisChunks == memory.analysisChunks)
    #expect(pushed.rows.count == memory.rows.count)
    func close(_ a: Double?, _ b: Double?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return abs(a - b) <= 1e-9 * Swift.max(1, abs(b)) || (a.isNaN && b.isNaN)  // a one-row chunk's sampling error
    }
    for (a, b) in zip(pushed.rows, memory.rows) {
        let label = "\(chunking.description) \(b.period) \(b.chunk.key)"
        #expect(close(a.value, b.value) && close(a.samplingError, b.samplingError), "\(label): \(a.value) vs \(b.value)")
        #expect(close(a.lower, b.lower) && close(a.upper, b.upper) && a.alert == b.alert, "\(label)")
    }
    #expect(sources[0].queryCount <= 4 && sources[1].queryCount <= 2)
}

@Suite struct TableReconstructionTests {
    @Test(arguments: [Chunking.size(100), .count(7)])
    func sqliteRowChunksAgreeWithTheInMemoryResult(chunking: Chunking) throws {
        try checkReconstruction(SQLTableSourceTests.url, table: "predictions", windows: .byTime("?"), chunking: chunking)
    }

    @Test(arguments: [Chunking.period(column: "ts", every: .fixed(Micros.week)), .period(column: "day", every: .months(1))])
    func sqlitePeriodsAgreeWithTheInMemoryResult(chunking: Chunking) throws {
        try checkReconstruction(TablePeriodMonitorTests.url, table: "predictions", windows: .byID, chunking: chunking)
    }

    /// The sufficient statistics equal the means and sums of products taken over the rows here.
    @Test func theFitsStatisticsAreTheRowsSums() throws {
        let source = try SQLTableSource(url: SQLTableSourceTests.url, table: "predictions")
        let rows = try SQLSource(url: SQLTableSourceTests.url, query: "select * from predictions").load()
        let statistics = try source.reconstructionStatistics(reconstructionColumns)
        let columns = try reconstructionColumns.map { try #require(rows.column(named: $0)?.numbers) }
        let means = columns.map { values in
            let present = values.filter { !$0.isNaN }
            return present.reduce(0, +) / Double(present.count)
        }
        #expect(statistics.rows == rows.rowCount && source.queryCount == 2)
        for i in columns.indices {
            #expect(abs(statistics.means[i] - means[i]) <= 1e-12 * abs(means[i]))
            for j in columns.indices {
                let products = zip(columns[i], columns[j]).map { x, y in (x.isNaN ? 0 : x - means[i]) * (y.isNaN ? 0 : y - means[j]) }
                let scale = products.reduce(0) { $0 + abs($1) }
                #expect(abs(statistics.products[i][j] - products.reduce(0, +)) <= 1e-12 * scale, "\(i) \(j)")
            }
        }
    }

    @Test func textColumnsAreRefused() throws {
        let source = try SQLTableSource(url: SQLTableSourceTests.url, table: "predictions", order: "id")
        #expect(errorMessage { _ = try ReconstructionDrift(reference: source, analysis: source, columns: ["age", "region"], chunking: .size(100)) }?
            .contains("column 'region' holds str values; reconstruction_drift on a table takes numeric columns") == true)
        #expect(errorMessage { _ = try ReconstructionDrift(reference: source, analysis: source, columns: ["age"], chunking: .size(100)) }?
            .contains("at least two columns") == true)
    }
}

@Suite(needsPostgres) struct PostgresReconstructionTests {
    @Test func postgresAgreesWithTheInMemoryResult() throws {
        let url = try DatabaseURL(testPostgresURL ?? "postgres://")
        let table = "drift_reconstruction_\(UUID().uuidString.prefix(8).lowercased())"
        try SQLTableWriter.write(try timedPredictions(), to: url, table: table, mode: .replace)
        defer { _ = try? SQLSource(url: url, query: "drop table \(table)").load() }
        for chunking in [Chunking.size(100), .count(7), .period(column: "ts", every: .fixed(Micros.week)), .period(column: "day", every: .months(1))] {
            try checkReconstruction(url, table: table, windows: .byID, chunking: chunking)
        }
    }
}

@Suite(needsSpark) struct SparkReconstructionTests {
    @Test func sparkAgreesWithTheInMemoryResult() throws {
        let table = try sparkTimedTable(try timedPredictions(), prefix: "reconstruction")
        for chunking in [Chunking.size(100), .period(column: "ts", every: .fixed(Micros.week))] {
            try checkReconstruction(SparkPredictions.url, table: table, windows: .byID, chunking: chunking)
        }
    }
}
