// TableReconstructionTests: `reconstruction_drift` on two table sources, fitted from sums computed in the database
// and each chunk's errors averaged there (the chunk a GROUP BY key), agrees with the in-memory reconstruction drift
// on the same rows read in the same order: the fit's statistics (means and the sums of products of deviations, income
// missing on 28 rows) with sums taken over the rows here to 1e-12 relative (of Σ |dᵢdⱼ|), and the same chunks,
// number of components, values, sampling errors and thresholds to 1e-9 relative, and alerts — for row chunks and
// calendar periods, in SQLite and PostgreSQL (and Spark). The reference is read in four queries, the analysis data in two,
// whatever the number of chunks. Text and boolean columns (a region missing on some rows, the predicted class) are
// encoded by their categories' shares as in memory, with one more query per column for the reference's counts;
// datetime columns and columns of more than a thousand categories are refused.
import DriftCore
import DriftSources
import DriftTestSupport
import Foundation
import Testing

let reconstructionColumns = ["age", "income", "debt_ratio", "probability"]
/// Two categorical columns among numeric ones: a string column with missing values and a boolean one.
let categoricalReconstructionColumns = ["age", "income", "region", "prediction", "probability"]

/// The timed predictions with region missing on every 13th row, so the most frequent region fills the gaps.
func categoricalPredictions() throws -> DataFrame {
    let frame = try timedPredictions()
    guard case .text(let region)? = frame.column(named: "region") else { throw DataError("predictions.region is not text") }
    var codes = region.codes
    for row in stride(from: 3, to: codes.count, by: 13) { codes[row] = -1 }
    return try frame.withColumn("region", .text(TextColumn(codes: codes, levels: region.levels)))
}

/// Reconstruction drift of a predictions-shaped table's two windows, by pushdown and in memory, compared.
func checkReconstruction(_ url: DatabaseURL, table: String, windows: TableWindows, chunking: Chunking,
                         columns: [String] = reconstructionColumns) throws {
    let sources = try [windows.reference, windows.analysis].map {
        try SQLTableSource(url: url, table: table, filter: $0, parameters: windows.parameters, order: "id")
    }
    let frames = try [windows.reference, windows.analysis].map {
        try SQLSource(url: url, query: "select * from \(table) where \($0) order by id", parameters: windows.parameters).load()
    }
    let pushed = try ReconstructionDrift(reference: sources[0], analysis: sources[1], columns: columns, chunking: chunking)
    let memory = try ReconstructionDrift(reference: frames[0], analysis: frames[1], columns: columns, chunking: chunking)
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
    let categorical = columns.filter { !reconstructionColumns.contains($0) }.count
    #expect(sources[0].queryCount <= 4 + categorical && sources[1].queryCount <= 2)
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

    /// A SQLite file holding `categoricalPredictions()`.
    static let categoricalURL: DatabaseURL = {
        let url = DatabaseURL.sqlite(path: try! TemporaryFiles.runDirectory("drift-sources-tests").appendingPathComponent("categorical.db").path)
        try! SQLTableWriter.write(try! categoricalPredictions(), to: url, table: "predictions", mode: .replace)
        return url
    }()

    @Test(arguments: [Chunking.size(100), .period(column: "ts", every: .fixed(Micros.week))])
    func sqliteCategoriesAreEncodedAsInMemory(chunking: Chunking) throws {
        try checkReconstruction(Self.categoricalURL, table: "predictions", windows: .byID, chunking: chunking, columns: categoricalReconstructionColumns)
    }

    /// The encoding found in the database is the in-memory one: each region's share, missing ones counted with the
    /// most frequent region, and the encoded column's mean.
    @Test func theCategoriesSharesAreTheReferences() throws {
        let source = try SQLTableSource(url: Self.categoricalURL, table: "predictions")
        let statistics = try source.reconstructionStatistics(["age", "region"])
        let encoding = try #require(statistics.encodings[1])
        guard case .text(let region)? = try categoricalPredictions().column(named: "region") else { throw DataError("no region") }
        let counts = Dictionary(grouping: (0..<region.count).compactMap { region[$0] }, by: { $0 }).mapValues(\.count)
        let most = try #require(counts.max { ($0.value, $1.key) < ($1.value, $0.key) })
        let missing = region.missingCount
        #expect(missing > 0 && statistics.encodings[0] == nil)
        for (label, count) in counts {
            let expected = Double(count + (label == most.key ? missing : 0)) / Double(region.count)
            #expect(abs(encoding.share(of: label) - expected) <= 1e-15, "\(label)")
        }
        #expect(encoding.missingShare == encoding.share(of: most.key) && encoding.share(of: "nowhere") == 0)
        let encoded = (0..<region.count).map { region[$0].map(encoding.share(of:)) ?? encoding.missingShare }
        #expect(abs(statistics.means[1] - encoded.reduce(0, +) / Double(encoded.count)) <= 1e-15)
    }

    @Test func datetimeColumnsAndManyCategoriesAreRefused() throws {
        let timed = try SQLTableSource(url: TablePeriodMonitorTests.url, table: "predictions", order: "id")
        #expect(errorMessage { _ = try ReconstructionDrift(reference: timed, analysis: timed, columns: ["age", "ts"], chunking: .size(100)) }?
            .contains("column 'ts' holds datetime values; reconstruction_drift takes numeric, string and boolean columns") == true)
        // ts is ISO text in the shipped file: 1,199 distinct values.
        let texts = try SQLTableSource(url: SQLTableSourceTests.url, table: "predictions", order: "id")
        #expect(errorMessage { _ = try ReconstructionDrift(reference: texts, analysis: texts, columns: ["age", "ts"], chunking: .size(100)) }?
            .contains("column 'ts' has more than 1000 categories in the reference") == true)
        #expect(errorMessage { _ = try ReconstructionDrift(reference: texts, analysis: texts, columns: ["age"], chunking: .size(100)) }?
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
        let categorical = table + "_categories"
        try SQLTableWriter.write(try categoricalPredictions(), to: url, table: categorical, mode: .replace)
        defer { _ = try? SQLSource(url: url, query: "drop table \(categorical)").load() }
        for chunking in [Chunking.size(100), .period(column: "ts", every: .fixed(Micros.week))] {
            try checkReconstruction(url, table: categorical, windows: .byID, chunking: chunking, columns: categoricalReconstructionColumns)
        }
    }
}

@Suite(needsSpark) struct SparkReconstructionTests {
    @Test func sparkAgreesWithTheInMemoryResult() throws {
        let table = try sparkTimedTable(try timedPredictions(), prefix: "reconstruction")
        for chunking in [Chunking.size(100), .period(column: "ts", every: .fixed(Micros.week))] {
            try checkReconstruction(SparkPredictions.url, table: table, windows: .byID, chunking: chunking)
        }
        let categorical = try sparkTimedTable(try categoricalPredictions(), prefix: "reconstruction_categories")
        try checkReconstruction(SparkPredictions.url, table: categorical, windows: .byID, chunking: .size(100), columns: categoricalReconstructionColumns)
    }
}
