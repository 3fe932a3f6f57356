// TableSegmentTests: `drift_report(..., by:)` on two table sources, every segment summarised in one grouped pass
// per source (the segment's rank one more GROUP BY key), agrees with the in-memory segmented report on the same
// rows: the same segments (new and vanished ones too), methods, statistics (to 1e-12 relative: the columns hold
// fewer values than the sketch, so ks and wasserstein are exact), p-values and verdicts, with a text and a boolean
// segment column and missing segment values; each source is read in four queries (the overall report's two, the
// segments' two) whatever the number of segments. A segment's bin counts (for binned methods beyond the sketch's
// capacity) equal numpy-style counts of its rows, one query counting every segment.
import DriftCore
import DriftSources
import Foundation
import Testing

/// The report both ways between the February rows without 'coast' and the March rows without 'west' (so one
/// segment is new and one vanished), segmented by `segment`.
func checkSegmentedReport(_ url: DatabaseURL, table: String, placeholder: String, segment: String) throws {
    let windows = ["ts < \(placeholder) AND (region IS NULL OR region <> 'coast')", "ts >= \(placeholder) AND (region IS NULL OR region <> 'west')"]
    let sources = try windows.map { SummaryCache(try SQLTableSource(url: url, table: table, filter: $0, parameters: [PredictionWindows.cut])) }
    let frames = try windows.map { try SQLSource(url: url, query: "select * from \(table) where \($0)", parameters: [PredictionWindows.cut]).load() }
    let columns = ["age", "income", "debt_ratio", "probability", "prediction", "model_version", "region", "label"].filter { $0 != segment }
    let pushed = try SegmentedReport(reference: sources[0], current: sources[1], by: segment, columns: columns)
    let memory = try SegmentedReport(reference: frames[0], current: frames[1], by: segment, columns: columns)
    #expect(pushed.newSegments == memory.newSegments && pushed.vanishedSegments == memory.vanishedSegments)
    #expect(pushed.segments.map(\.name) == memory.segments.map(\.name) && pushed.segments.count >= 2)
    for ((label, a), (_, b)) in zip([("overall", pushed.overall)] + pushed.segments, [("overall", memory.overall)] + memory.segments) {
        #expect(a.rows.count == b.rows.count)
        for (x, y) in zip(a.rows, b.rows) {
            let name = "\(label) \(y.column)"
            #expect(x.column == y.column && x.method == y.method && x.result?.drifted == y.result?.drifted, "\(name)")
            #expect(x.referenceMissingShare == y.referenceMissingShare && x.currentMissingShare == y.currentMissingShare, "\(name)")
            for (u, v) in [(x.result?.statistic, y.result?.statistic), (x.result?.pValue, y.result?.pValue)] {
                guard let u, let v else { #expect(u == nil && v == nil, "\(name)"); continue }
                #expect(abs(u - v) <= 1e-12 * Swift.max(1, abs(v)) || (u.isNaN && v.isNaN), "\(name): \(u) vs \(v)")
            }
        }
    }
    for cache in sources { #expect(try #require(cache.source as? SQLTableSource).queryCount <= 4) }
}

@Suite struct TableSegmentTests {
    @Test(arguments: ["region", "label"])
    func sqliteSegmentsAgreeWithTheInMemoryReport(segment: String) throws {
        try checkSegmentedReport(SQLTableSourceTests.url, table: "predictions", placeholder: "?", segment: segment)
    }

    /// A binned method on more values than the sketch holds counts a segment's values between edges: exact, every
    /// segment in one query.
    @Test func aSegmentsBinCountsAreExact() throws {
        let source = try SQLTableSource(url: SQLTableSourceTests.url, table: "predictions")
        let rows = try SQLSource(url: SQLTableSourceTests.url, query: "select * from predictions").load()
        let segments = try source.segments(["income"], by: "region", options: .init())
        #expect(segments.keys.sorted() == ["coast", "east", "north", "south", "west"] && source.queryCount == 2)
        let edges = [BinEdges([20_000, 40_000, 60_000, 80_000], rule: .histogram), BinEdges([50_000], rule: .openEnds)]
        for (label, segment) in segments {
            let counted = try segment.summarize(["income"], SummaryRequest(summaries: false, edges: ["income": edges])).binCounts["income"]
            let incomes = try rows.filtered(by: BoolColumn(try #require(rows.column(named: "region")?.strings).map { $0 == label }))
            for edge in edges { #expect(try counted?[edge] == edge.counts(try #require(incomes.column(named: "income")?.numbers)), "\(label)") }
        }
        #expect(source.queryCount == 2 + segments.count)
    }

    @Test func segmentsComeFromTextOrBooleans() throws {
        let source = SummaryCache(try SQLTableSource(url: SQLTableSourceTests.url, table: "predictions"))
        #expect(errorMessage { _ = try SegmentedReport(reference: source, current: source, by: "income") }?
            .contains("segments come from a string or boolean column; 'income' holds num values") == true)
        #expect(errorMessage { _ = try SegmentedReport(reference: source, current: source, by: "region", columns: ["region"]) }?
            .contains("'region' is the segment column") == true)
    }
}

@Suite(needsPostgres) struct PostgresSegmentTests {
    @Test func postgresSegmentsAgreeWithTheInMemoryReport() throws {
        let url = try DatabaseURL(testPostgresURL ?? "postgres://")
        var rows = try SQLSource(url: SQLTableSourceTests.url, query: "select * from predictions order by id").load()
        // Some rows without a region: in the overall report only.
        guard case .text(let regions)? = rows.column(named: "region") else { throw DataError("predictions.region is not text") }
        rows = try rows.withColumn("region", .text(TextColumn((0..<regions.count).map { $0 % 50 == 3 ? nil : regions[$0] })))
        let table = "drift_segments_\(UUID().uuidString.prefix(8).lowercased())"
        try SQLTableWriter.write(rows, to: url, table: table, mode: .replace)
        defer { _ = try? SQLSource(url: url, query: "drop table \(table)").load() }
        try checkSegmentedReport(url, table: table, placeholder: "$1", segment: "region")
        try checkSegmentedReport(url, table: table, placeholder: "$1", segment: "label")
    }
}
