// TableSegmentMonitorTests: `monitor(..., by_segment:)` on two table sources, every segment's chunks summarised in
// one grouped pass per source (the segment's rank and its chunk one GROUP BY key), agrees with the in-memory
// segmented monitor on the same rows: the same segments (new and vanished ones too) and, overall and per segment,
// the same chunks and every method's values (categorical and binned ones to 1e-9 relative, ks and wasserstein to
// 1e-12: the columns hold fewer values than the sketch), thresholds and alerts — for row chunks (size: and count:,
// numbered within each segment in the order of id) and calendar periods of a datetime and a date column, with a
// text and a boolean segment column, rows without a segment value and rows without a timestamp, in SQLite,
// PostgreSQL and Spark. Each source is read
// in six queries (the overall monitor's three, the segments' three) whatever the number of segments and chunks.
import DriftCore
import DriftSources
import Foundation
import Testing
import DriftTestSupport

/// The timed predictions with every 50th region missing, and the two windows: ids up to 600 without 'coast' (so
/// it is new) and the rest without 'west' (so it vanished).
enum SegmentMonitorTable {
    static func rows() throws -> DataFrame {
        let rows = try timedPredictions()
        guard case .text(let regions)? = rows.column(named: "region") else { throw DataError("predictions.region is not text") }
        return try rows.withColumn("region", .text(TextColumn((0..<regions.count).map { $0 % 50 == 3 ? nil : regions[$0] })))
    }

    static let windows = TableWindows(reference: "id <= 600 AND (region IS NULL OR region <> 'coast')",
                                      analysis: "id > 600 AND (region IS NULL OR region <> 'west')", parameters: [])

    static let sqlite: DatabaseURL = {
        let url = DatabaseURL.sqlite(path: try! TemporaryFiles.runDirectory("drift-sources-tests").appendingPathComponent("segment-monitor.db").path)
        try! SQLTableWriter.write(try! rows(), to: url, table: "predictions", mode: .replace)
        return url
    }()

    static let chunkings: [Chunking] = [.size(50), .count(3), .period(column: "ts", every: .fixed(Micros.week)), .period(column: "day", every: .months(1))]
}

/// The segmented monitor of `table`'s two windows by pushdown and in memory, compared block by block.
func checkSegmentedMonitor(_ url: DatabaseURL, table: String, segment: String, chunking: Chunking) throws {
    let windows = SegmentMonitorTable.windows
    let sources = try [windows.reference, windows.analysis].map { try SQLTableSource(url: url, table: table, filter: $0, order: "id") }
    let frames = try [windows.reference, windows.analysis].map { try SQLSource(url: url, query: "select * from \(table) where \($0) order by id").load() }
    let named = { (names: [String]) in names.compactMap(MonitorMethod.named) }
    let methods = try MonitorMethods(numeric: named(["ks", "wasserstein", "js", "hellinger"]), categorical: named(["chi2", "js", "hellinger", "l_infinity"]))
    let columns = ["age", "income", "debt_ratio", "probability", "region", "label", "prediction"].filter { $0 != segment }
    let pushed = try SegmentedMonitor(reference: sources[0], analysis: sources[1], by: segment, columns: columns, methods: methods, chunking: chunking)
    let memory = try SegmentedMonitor(reference: frames[0], analysis: frames[1], by: segment, columns: columns, methods: methods, chunking: chunking)
    #expect(pushed.newSegments == memory.newSegments && pushed.vanishedSegments == memory.vanishedSegments)
    #expect(pushed.segments.map(\.name) == memory.segments.map(\.name) && pushed.segments.count >= 2)
    for ((label, a), (_, b)) in zip([("overall", pushed.overall)] + pushed.segments, [("overall", memory.overall)] + memory.segments) {
        expectSameMonitor(a, b, context: "\(chunking.description), \(segment) = \(label): ")
    }
    for source in sources { #expect(source.queryCount <= 6) }
}

@Suite struct TableSegmentMonitorTests {
    @Test(arguments: ["region", "label"], SegmentMonitorTable.chunkings)
    func sqliteSegmentsAgreeWithTheInMemoryMonitor(segment: String, chunking: Chunking) throws {
        try checkSegmentedMonitor(SegmentMonitorTable.sqlite, table: "predictions", segment: segment, chunking: chunking)
    }

    /// A segment with fewer rows than count: asks for fails as in memory, naming the segment; a numeric segment
    /// column and the segment column among the monitored ones are refused.
    @Test func errorsAreTheInMemoryOnes() throws {
        let url = SegmentMonitorTable.sqlite, windows = SegmentMonitorTable.windows
        let sources = try [windows.reference, windows.analysis].map { try SQLTableSource(url: url, table: "predictions", filter: $0, order: "id") }
        let frames = try [windows.reference, windows.analysis].map { try SQLSource(url: url, query: "select * from predictions where \($0) order by id").load() }
        let pushed = errorMessage { _ = try SegmentedMonitor(reference: sources[0], analysis: sources[1], by: "region", columns: ["age"], chunking: .count(150)) }
        let memory = errorMessage { _ = try SegmentedMonitor(reference: frames[0], analysis: frames[1], by: "region", columns: ["age"], chunking: .count(150)) }
        #expect(pushed != nil && pushed == memory && pushed?.contains("segment region = ") == true, "\(pushed ?? "") vs \(memory ?? "")")
        #expect(errorMessage { _ = try SegmentedMonitor(reference: sources[0], analysis: sources[1], by: "age", columns: ["income"], chunking: .size(50)) }?
            .contains("segments come from a string or boolean column; 'age' holds num values") == true)
        #expect(errorMessage { _ = try SegmentedMonitor(reference: sources[0], analysis: sources[1], by: "region", columns: ["region"], chunking: .size(50)) }?
            .contains("'region' is the segment column") == true)
        let unordered = try SQLTableSource(url: url, table: "predictions")
        #expect(errorMessage { _ = try unordered.summarizeChunks(["age"], bySegment: "region", SegmentedChunkRequest(chunking: .size(50))) }?
            .contains("order_by") == true)
    }
}

@Suite(needsPostgres) struct PostgresSegmentMonitorTests {
    @Test func postgresSegmentsAgreeWithTheInMemoryMonitor() throws {
        let url = try DatabaseURL(testPostgresURL ?? "postgres://")
        let table = "drift_segment_monitor_\(UUID().uuidString.prefix(8).lowercased())"
        try SQLTableWriter.write(try SegmentMonitorTable.rows(), to: url, table: table, mode: .replace)
        defer { _ = try? SQLSource(url: url, query: "drop table \(table)").load() }
        for segment in ["region", "label"] {
            for chunking in SegmentMonitorTable.chunkings { try checkSegmentedMonitor(url, table: table, segment: segment, chunking: chunking) }
        }
    }
}

@Suite(needsSpark) struct SparkSegmentMonitorTests {
    @Test func sparkSegmentsAgreeWithTheInMemoryMonitor() throws {
        let table = try sparkTimedTable(try SegmentMonitorTable.rows(), prefix: "segment_monitor")
        for segment in ["region", "label"] {
            for chunking in SegmentMonitorTable.chunkings { try checkSegmentedMonitor(SparkPredictions.url, table: table, segment: segment, chunking: chunking) }
        }
    }
}
