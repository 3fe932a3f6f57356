// TableMonitorTests: `monitor` on two table sources, its per-chunk summaries computed in the database, agrees with
// the in-memory monitor on the same rows read in the same order (read_sql … ORDER BY id): the same chunks, every
// method's values (categorical and binned ones to 1e-9 relative; ks and wasserstein exactly while the groups
// hold one value each, as on predictions.db, else within the sketches' bound), thresholds and alerts; each source
// is read in at most three queries (overview, grouped pass, Doane bin counts) whatever the number of chunks.
import DriftCore
import DriftSources
import Foundation
import Testing

/// How a test table is cut into the reference and the analysis rows: two filters and their parameters.
struct TableWindows {
    let reference: String, analysis: String
    let parameters: [SQLValue]

    /// Before and from 1 March 2024, the ts column being text; `placeholder` is the dialect's first parameter.
    static func byTime(_ placeholder: String) -> TableWindows {
        TableWindows(reference: "ts < \(placeholder)", analysis: "ts >= \(placeholder)", parameters: [PredictionWindows.cut])
    }

    /// The first 600 ids and the rest.
    static let byID = TableWindows(reference: "id <= 600", analysis: "id > 600", parameters: [])
}

/// Monitors the two windows of a predictions table both ways and compares the rows.
func checkMonitor(_ url: DatabaseURL, table: String, placeholder: String, chunking: Chunking, sketchTolerance: Double = 1e-12) throws {
    try checkMonitor(url, table: table, windows: .byTime(placeholder), chunking: chunking, sketchTolerance: sketchTolerance)
}

/// Monitors the two windows of a predictions-shaped table both ways and compares the rows.
func checkMonitor(_ url: DatabaseURL, table: String, windows: TableWindows, chunking: Chunking, sketchTolerance: Double = 1e-12) throws {
    let reference = try SQLTableSource(url: url, table: table, filter: windows.reference, parameters: windows.parameters, order: "id")
    let analysis = try SQLTableSource(url: url, table: table, filter: windows.analysis, parameters: windows.parameters, order: "id")
    let referenceRows = try SQLSource(url: url, query: "select * from \(table) where \(windows.reference) order by id", parameters: windows.parameters).load()
    let analysisRows = try SQLSource(url: url, query: "select * from \(table) where \(windows.analysis) order by id", parameters: windows.parameters).load()
    let named = { (names: [String]) in names.compactMap(MonitorMethod.named) }
    let methods = try MonitorMethods(numeric: named(["ks", "wasserstein", "js", "hellinger"]), categorical: named(["chi2", "js", "hellinger", "l_infinity"]))
    let columns = ["age", "income", "debt_ratio", "probability", "region", "label", "prediction"]
    let pushed = try UnivariateMonitor(reference: reference, analysis: analysis, columns: columns, methods: methods, chunking: chunking)
    let memory = try UnivariateMonitor(reference: referenceRows, analysis: analysisRows, columns: columns, methods: methods, chunking: chunking)
    expectSameMonitor(pushed, memory, sketchTolerance: sketchTolerance)
    #expect(reference.queryCount <= 3 && analysis.queryCount <= 3)
}

/// The pushed-down monitor has the in-memory one's chunks and rows: values to 1e-9 relative (ks and wasserstein to
/// `sketchTolerance`), alerts equal where the values are not sketched; `context` names the block in failures.
func expectSameMonitor(_ pushed: UnivariateMonitor, _ memory: UnivariateMonitor, sketchTolerance: Double = 1e-12, context: String = "") {
    #expect(pushed.referenceChunks == memory.referenceChunks && pushed.analysisChunks == memory.analysisChunks, "\(context)chunks")
    #expect(pushed.rows.count == memory.rows.count)
    for (a, b) in zip(pushed.rows, memory.rows) {
        let label = "\(context)\(b.column) \(b.method.name) \(b.period) \(b.chunk.key)"
        #expect(a.column == b.column && a.method == b.method && a.chunk == b.chunk, "\(label)")
        let sketched = b.method.statistic == .ks || b.method.statistic == .wasserstein
        let tolerance = (sketched ? sketchTolerance : 1e-9) * Swift.max(1, abs(b.value))
        #expect(abs(a.value - b.value) <= tolerance || (a.value.isNaN && b.value.isNaN), "\(label): \(a.value) vs \(b.value)")
        if !sketched { #expect(a.alert == b.alert, "\(label)") }
    }
}

@Suite struct TableMonitorTests {
    @Test(arguments: [Chunking.size(100), .count(7)])
    func sqliteMonitorAgreesWithTheInMemoryMonitor(chunking: Chunking) throws {
        try checkMonitor(SQLTableSourceTests.url, table: "predictions", placeholder: "?", chunking: chunking)
    }

    @Test func rowChunksNeedAnOrderAndPeriodsATimestamp() throws {
        let source = try SQLTableSource(url: SQLTableSourceTests.url, table: "predictions")
        #expect(errorMessage { _ = try UnivariateMonitor(reference: source, analysis: source, columns: ["age"], chunking: .size(100)) }?.contains("order_by") == true)
        #expect(errorMessage { _ = try UnivariateMonitor(reference: source, analysis: source, columns: ["age"], chunking: .period(column: "ts", every: .fixed(Micros.week))) }?
            .contains("column 'ts' holds str values; chunking by periods needs a date or datetime column") == true)
        #expect(errorMessage { _ = try SQLTableSource(url: SQLTableSourceTests.url, table: "predictions", order: "nope") }?.contains("no column 'nope'") == true)
    }
}

@Suite(needsPostgres) struct PostgresTableMonitorTests {
    @Test func postgresMonitorAgreesWithTheInMemoryMonitor() throws {
        let url = try DatabaseURL(testPostgresURL ?? "postgres://")
        let rows = try SQLSource(url: SQLTableSourceTests.url, query: "select * from predictions").load()
        let table = "drift_monitor_\(UUID().uuidString.prefix(8).lowercased())"
        try SQLTableWriter.write(rows, to: url, table: table, mode: .replace)
        defer { _ = try? SQLSource(url: url, query: "drop table \(table)").load() }
        try checkMonitor(url, table: table, placeholder: "$1", chunking: .size(100))
    }
}
