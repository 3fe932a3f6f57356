// SparkTests: Drift on a real Spark Connect server (DRIFT_TEST_SPARK, which .ci/run sets after starting a local
// server with tools/spark_test_server.sh; skipped without it). The shipped predictions table is copied into Spark
// once per run (as CSV, which the local server reads, then as a Parquet table and a directory of Parquet files),
// and every pushed-down summary, bin count, drift test and monitor chunk is compared with the in-memory results
// on the same rows read back with read_sql, as for SQLite and PostgreSQL (PredictionWindows, checkMonitor): exact
// counts and categories, moments to 1e-9 relative, sketches within their reported bound. Also Spark's types, bound
// parameters, errors that name the query's purpose, one Spark session shared by every source and read of a
// DatabaseConnections, and read_sql's row limit.
import DriftCore
import DriftSources
import DriftSpark
import Foundation
import Testing
import DriftTestSupport

/// The URL of the Spark Connect server the tests may use, from DRIFT_TEST_SPARK.
let testSparkURL = ProcessInfo.processInfo.environment["DRIFT_TEST_SPARK"]

/// Enables a Spark test only when a test server is configured.
let needsSpark = Testing.ConditionTrait.enabled(
    if: testSparkURL != nil,
    "no Spark Connect test server: set DRIFT_TEST_SPARK=spark://127.0.0.1:15002 (.ci/run starts one with tools/spark_test_server.sh)")

/// The predictions table in the test server, copied once per run.
enum SparkPredictions {
    static let url: DatabaseURL = {
        SparkDatabase.register()
        return try! DatabaseURL(testSparkURL ?? "spark://127.0.0.1:1")
    }()

    /// The Parquet table's name and the directory of Parquet files.
    static let copy = Result { () throws -> (table: String, files: String) in
        let rows = try SQLSource(url: SQLTableSourceTests.url, query: "select * from predictions").load()
        let directory = try TemporaryFiles.runDirectory("drift-spark-tests").path
        try CSVWriter.write(rows, to: directory + "/predictions.csv")
        let name = "drift_predictions_\(UUID().uuidString.prefix(8).lowercased())"
        // Test set-up only: the paths are this run's own temporary files.
        _ = try read("CREATE TABLE \(name)_csv USING csv OPTIONS (path '\(directory)/predictions.csv', header 'true', inferSchema 'true')")
        _ = try read("CREATE TABLE \(name) USING parquet AS SELECT * FROM \(name)_csv")
        _ = try read("INSERT OVERWRITE DIRECTORY '\(directory)/parquet' USING parquet SELECT * FROM \(name)_csv")
        return (name, directory + "/parquet")
    }

    static func read(_ sql: String, _ parameters: [SQLValue] = []) throws -> DataFrame {
        try SQLSource(url: url, query: sql, parameters: parameters).load()
    }
}

@Suite(needsSpark, .temporaryFiles) struct SparkTableSourceTests {
    let url = SparkPredictions.url

    @Test(arguments: [QuantileSketch.defaultCapacity, 64])
    func sparkPushdownAgreesWithTheInMemoryResults(sketchCapacity: Int) throws {
        let table = try SparkPredictions.copy.get().table
        let connections = DatabaseConnections()
        try PredictionWindows(url, table: table, placeholder: ":p1", sketchCapacity: sketchCapacity, connections: connections).checkReportScans()
        try PredictionWindows(url, table: table, placeholder: ":p1", sketchCapacity: sketchCapacity, connections: connections).checkAgainstMemory()
        // Four sources, four reads, a report and every summary: one Spark session.
        #expect(connections.sessionsOpened == 1)
        connections.close()
        _ = try SQLSource(url: url, query: "SELECT 1 AS x", connections: connections).load()
        #expect(connections.sessionsOpened == 2, "a closed session is opened again when needed")
        connections.close()
    }

    @Test func readSQLStopsAtItsRowLimit() throws {
        func read(_ sql: String, maxRows: Int?) throws -> DataFrame { try SQLSource(url: url, query: sql, maxRows: maxRows).load() }
        let ordered = try read("SELECT id FROM range(0, 10) ORDER BY id DESC -- newest first;", maxRows: 10)
        #expect(ordered.columns[0].numbers == (0..<10).reversed().map(Double.init))
        #expect(try read("WITH t AS (SELECT id FROM range(0, 5)) SELECT * FROM t", maxRows: nil).rowCount == 5)
        #expect(try read("SHOW DATABASES", maxRows: 100).rowCount >= 1, "a statement that is not a query runs as written")
        // Two billion rows: only the limit's 1,001 are computed and sent.
        let refused = errorMessage { _ = try read("SELECT * FROM range(0, 2000000000)", maxRows: 1000) }
        #expect(refused == "the query returned more than 1,000 rows; pass max_rows: (a larger number, or null for no limit) or summarise the table with table(...) instead")
        let bad = errorMessage { _ = try read("SELECT no_such_column FROM range(0, 3)", maxRows: 10) }
        #expect(bad?.hasSuffix("in query: SELECT no_such_column FROM range(0, 3)") == true, "the query as written: \(bad ?? "")")
    }

    @Test func parquetFilesReadBySparkAgreeWithTheInMemoryResults() throws {
        let files = try SparkPredictions.copy.get().files
        let windows = try PredictionWindows(url, table: "parquet.`\(files)`", placeholder: ":p1", sketchCapacity: 64, parquet: files)
        try windows.checkAgainstMemory()
        #expect(windows.reference.source.name == "parquet files '\(files)' in \(url.displayName)")
    }

    @Test func sparkMonitorAgreesWithTheInMemoryMonitor() throws {
        try checkMonitor(url, table: try SparkPredictions.copy.get().table, placeholder: ":p1", chunking: .size(100))
    }

    @Test func sparkTypesMapToDriftColumns() throws {
        let frame = try SparkPredictions.read("""
            SELECT CAST(1 AS TINYINT) AS a, CAST(2 AS SMALLINT) AS b, 3 AS c, 9007199254740993L AS d, CAST(1.5 AS FLOAT) AS e,
                   0.1D AS f, 'x' AS g, true AS h, DATE'2024-03-01' AS i, TIMESTAMP'2024-03-01 08:15:00.25+02:00' AS j,
                   TIMESTAMP_NTZ'2024-03-01 08:15:00' AS k, CAST(NULL AS INT) AS l, CAST(NULL AS STRING) AS m, NULL AS n
            """)
        #expect(frame.columns.map(\.typeName) == ["num", "num", "num", "num", "num", "num", "str", "bool", "date", "datetime", "datetime", "num", "str", "num"])
        #expect(frame.columns[0...5].map { $0.numbers?.first } == [1, 2, 3, 9007199254740992, 1.5, 0.1])
        #expect(frame.columns[6].strings == ["x"] && frame.columns[7].flags == [true])
        let day = 19_783 * Micros.day  // 2024-03-01
        #expect(frame.columns[8] == .time(TimeColumn([day], kind: .date)))
        #expect(frame.columns[9] == .time(TimeColumn([day + 6 * Micros.hour + 15 * Micros.minute + Micros.second / 4], kind: .datetime)))
        #expect(frame.columns[10] == .time(TimeColumn([day + 8 * Micros.hour + 15 * Micros.minute], kind: .datetime)))
        #expect(same(frame.columns[11].numbers, [.nan]) && frame.columns[12].strings == [nil] && same(frame.columns[13].numbers, [.nan]))
        let refused = errorMessage { _ = try SparkPredictions.read("SELECT CAST(1.5 AS DECIMAL(10, 2)) AS amount") }
        #expect(refused == "column 'amount' has Arrow type Decimal, which Drift cannot read; cast it in the query (to double, string or timestamp)")
    }

    @Test func parametersAreBoundAsTypedLiteralsNotSpliced() throws {
        let frame = try SparkPredictions.read("SELECT :p1 AS s, :p2 + 1 AS i, :p3 AS r, :p4 AS b, :p5 AS n",
                                              [.text("O'Brien'; DROP TABLE x; --"), .integer(41), .real(0.5), .boolean(false), .null])
        #expect(frame.columns[0].strings == ["O'Brien'; DROP TABLE x; --"])
        #expect(frame.columns[1].numbers == [42] && frame.columns[2].numbers == [0.5] && frame.columns[3].flags == [false])
        #expect(same(frame.columns[4].numbers, [.nan]))
    }

    @Test func errorsNameWhatFailedInSparksWords() throws {
        let table = try SparkPredictions.copy.get().table
        let missing = errorMessage { _ = try SQLTableSource(url: url, table: "no_such_table_here") }
        #expect(missing?.contains("TABLE_OR_VIEW_NOT_FOUND") == true && missing?.contains("in query: WITH drift_rows AS (SELECT * FROM `no_such_table_here`") == true,
                "\(missing ?? "")")
        // Valid when analysed, fails when run (ANSI division by zero): the overview names its purpose.
        let failing = SummaryCache(try SQLTableSource(url: url, table: table, filter: "1 / (age - age) > 0"))
        let overview = errorMessage { _ = try failing.summary("age") }
        #expect(overview?.hasPrefix("\(table) in \(url.displayName): the overview (rows, missing values, min, max, mean) failed: Spark: [DIVIDE_BY_ZERO]") == true,
                "\(overview ?? "")")
        let unreachable = errorMessage { _ = try SQLSource(url: DatabaseURL("spark://127.0.0.1:1"), query: "SELECT 1").load() }
        #expect(unreachable?.hasPrefix("cannot reach the Spark Connect server at spark://127.0.0.1:1") == true, "\(unreachable ?? "")")
        let frame = try DataFrame([("x", .numeric(NumericColumn([1])))])
        #expect(errorMessage { try SQLTableWriter.write(frame, to: url, table: "t", mode: .replace) }
            == "write_sql cannot write to Spark (\(url.displayName)): Drift reads from Spark but does not write to it")
    }
}
