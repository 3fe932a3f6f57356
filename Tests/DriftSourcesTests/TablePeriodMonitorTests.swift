// TablePeriodMonitorTests: `monitor` on two table sources chunked by calendar periods (by: + every:), each row's
// period window computed in the database, agrees with the in-memory monitor on the same rows: the same chunks
// (keys, row positions in the time-sorted frame, first and last instants), values (to 1e-9 relative; ks and
// wasserstein exactly, the columns holding fewer values than the sketch), thresholds and alerts, for weeks,
// months, quarters, days and 6-hour periods of a datetime column and weeks and months of a date column, with rows
// without a timestamp (in the reference's fit, in no chunk), one before 1970 (floored, not truncated) and, in
// PostgreSQL, one a microsecond before 2600 (the exact branch of its epoch seconds). Each
// source is read in at most three queries whatever the number of chunks.
import DriftCore
import DriftSources
import Foundation
import Testing
import DriftTestSupport

/// The predictions table with ts read as datetimes and a date column `day` beside it; every 97th row has no
/// timestamp and the first one is half a second before 1970. `farFuture` moves the last row to a microsecond
/// before 2600 (beyond 2^34 s, where a double's seconds round up to the whole second: SQLite's milliseconds too).
func timedPredictions(farFuture: Bool = false) throws -> DataFrame {
    let rows = try SQLSource(url: SQLTableSourceTests.url, query: "select * from predictions order by id").load()
    guard case .text(let texts)? = rows.column(named: "ts") else { throw DataError("predictions.ts is not text") }
    var micros = (0..<texts.count).map { row in texts[row].flatMap { ISOTime.parse($0)?.micros } ?? TimeValue.missing }
    micros[0] = -Micros.second / 2
    if farFuture, let parsed = ISOTime.parse("2600-01-01T00:00:00Z") { micros[micros.count - 1] = parsed.micros - 1 }
    for row in stride(from: 5, to: micros.count, by: 97) { micros[row] = TimeValue.missing }
    let days = micros.map { $0 == TimeValue.missing ? $0 : $0.floorDivided(by: Micros.day) * Micros.day }
    return try rows.withColumn("ts", .time(TimeColumn(micros, kind: .datetime))).withColumn("day", .time(TimeColumn(days, kind: .date)))
}

/// The period chunkings the tests run: of the datetime ts and of the date day.
let periodChunkings: [Chunking] = [
    .period(column: "ts", every: .fixed(Micros.week)), .period(column: "ts", every: .months(1)), .period(column: "ts", every: .months(3)),
    .period(column: "ts", every: .fixed(Micros.day)), .period(column: "ts", every: .fixed(6 * Micros.hour)),
    .period(column: "day", every: .fixed(Micros.week)), .period(column: "day", every: .months(1)),
]

@Suite struct TablePeriodMonitorTests {
    /// A SQLite file holding the timed predictions (ts a TIMESTAMP, day a DATE column, as ISO text).
    static let url: DatabaseURL = {
        let url = DatabaseURL.sqlite(path: try! TemporaryFiles.runDirectory("drift-sources-tests").appendingPathComponent("predictions.db").path)
        try! SQLTableWriter.write(try! timedPredictions(), to: url, table: "predictions", mode: .replace)
        return url
    }()

    @Test(arguments: periodChunkings)
    func sqlitePeriodChunksAgreeWithTheInMemoryMonitor(chunking: Chunking) throws {
        try checkMonitor(Self.url, table: "predictions", windows: .byID, chunking: chunking)
    }

    @Test func periodsNeedATimestampTheDatabaseCanRead() throws {
        let path = try sqliteFile("""
            create table t (id INTEGER, ts TIMESTAMP, x REAL);
            insert into t values (1, '2024-01-01T10:00:00Z', 1), (2, 'not a time', 2), (3, NULL, 3);
            """)
        let source = try SQLTableSource(url: .sqlite(path: path), table: "t")
        let weeks = Chunking.period(column: "ts", every: .fixed(Micros.week))
        #expect(errorMessage { _ = try source.summarizeChunks(["x"], ChunkedSummaryRequest(chunking: weeks)) }?
            .contains("column 'ts' holds values that are not dates or times (1 of 2)") == true)
        let empty = try SQLTableSource(url: .sqlite(path: path), table: "t", filter: "ts IS NULL")
        #expect(errorMessage { _ = try UnivariateMonitor(reference: empty, analysis: empty, columns: ["x"], chunking: weeks) }?
            .contains("the reference has no rows with a timestamp in 'ts'") == true)
        #expect(errorMessage { _ = try source.summarizeChunks(["x"], ChunkedSummaryRequest(chunking: .period(column: "x", every: .months(1)))) }?
            .contains("column 'x' holds num values") == true)
    }
}

@Suite(needsPostgres) struct PostgresPeriodMonitorTests {
    @Test func postgresPeriodChunksAgreeWithTheInMemoryMonitor() throws {
        let url = try DatabaseURL(testPostgresURL ?? "postgres://")
        let table = "drift_periods_\(UUID().uuidString.prefix(8).lowercased())"
        try SQLTableWriter.write(try timedPredictions(farFuture: true), to: url, table: table, mode: .replace)
        defer { _ = try? SQLSource(url: url, query: "drop table \(table)").load() }
        for chunking in periodChunkings { try checkMonitor(url, table: table, windows: .byID, chunking: chunking) }
    }
}

/// `frame` (timed predictions) as a Parquet table of the Spark test server, ts and day TIMESTAMP and DATE; its name.
func sparkTimedTable(_ frame: DataFrame, prefix: String) throws -> String {
    let directory = NSTemporaryDirectory() + "drift-spark-\(prefix)-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try CSVWriter.write(frame, to: directory + "/timed.csv")
    let table = "drift_\(prefix)_\(UUID().uuidString.prefix(8).lowercased())"
    // Test set-up only: the path is this run's own temporary file; ts and day become TIMESTAMP and DATE.
    _ = try SparkPredictions.read("CREATE TABLE \(table)_csv USING csv OPTIONS (path '\(directory)/timed.csv', header 'true', inferSchema 'true')")
    _ = try SparkPredictions.read("""
        CREATE TABLE \(table) USING parquet AS SELECT * EXCEPT (ts, day), CAST(ts AS TIMESTAMP) AS ts, CAST(day AS DATE) AS day FROM \(table)_csv
        """)
    return table
}

@Suite(needsSpark) struct SparkPeriodMonitorTests {
    @Test func sparkPeriodChunksAgreeWithTheInMemoryMonitor() throws {
        let table = try sparkTimedTable(try timedPredictions(), prefix: "periods")
        for chunking in periodChunkings { try checkMonitor(SparkPredictions.url, table: table, windows: .byID, chunking: chunking) }
    }
}
