// UnivariateMonitorTests: chunks and univariate drift over time against NannyML 0.13 on the seeded fixtures —
// the chunks exactly (weekly and monthly periods with their dates too); every method's value and thresholds to 1e-9 relative; every alert.
import Testing
@testable import DriftCore

@Suite struct UnivariateMonitorTests {
    @Test("chunks as NannyML's chunkers", arguments: MonitoringFixtures.cases)
    func chunks(_ fixture: MonitoringFixtures.Case) throws {
        for (name, key) in [("reference", "reference_chunks"), ("analysis", "analysis_chunks")] {
            let chunks = try fixture.chunking.chunks(of: try MonitoringFixtures.frame(name))
            let expected = fixture.rows(key)
            #expect(chunks.count == expected.count, "\(fixture.label) \(name)")
            for (chunk, row) in zip(chunks, expected) {
                #expect(chunk.key == row["key"] as? String)
                #expect(chunk.index == row["index"] as? Int)
                #expect(chunk.startIndex == row["start_index"] as? Int)
                #expect(chunk.endIndex == row["end_index"] as? Int)
                #expect(chunk.rowCount == row["rows"] as? Int)
                #expect(chunk.startDate.map(ISOTime.text) == Self.isoText(row["start_date"]), "\(fixture.label) \(chunk.key)")
                #expect(chunk.endDate.map(ISOTime.text) == Self.isoText(row["end_date"]), "\(fixture.label) \(chunk.key)")
            }
        }
    }

    /// pandas' "2024-07-07T23:59:59.999999" as Drift prints the instant: "2024-07-07T23:59:59.999999Z".
    static func isoText(_ value: Any?) -> String? {
        guard var text = value as? String else { return nil }
        if text.hasSuffix(".000000") { text.removeLast(7) }
        return text + "Z"
    }

    @Test("values, thresholds and alerts as NannyML's UnivariateDriftCalculator", arguments: MonitoringFixtures.cases)
    func univariate(_ fixture: MonitoringFixtures.Case) throws {
        let methods = try MonitorMethods(
            numeric: ["ks", "wasserstein", "js", "hellinger"].compactMap(MonitorMethod.named),
            categorical: ["chi2", "js", "hellinger", "l_infinity"].compactMap(MonitorMethod.named))
        let monitor = try UnivariateMonitor(
            reference: try MonitoringFixtures.frame("reference"), analysis: try MonitoringFixtures.frame("analysis"),
            columns: MonitoringFixtures.features, methods: methods, chunking: fixture.chunking)
        var rows: [String: UnivariateMonitor.Row] = [:]
        for row in monitor.rows { rows["\(row.column) \(row.method.nannyMLName) \(row.period.rawValue) \(row.chunk.index)"] = row }
        let expected = fixture.rows("univariate")
        #expect(monitor.rows.count == expected.count)
        for want in expected {
            let key = "\(want["column"] ?? "") \(want["method"] ?? "") \(want["period"] ?? "") \(want["chunk"] ?? "")"
            let row = try #require(rows[key], "\(fixture.label): no row \(key)")
            #expect(close(row.value, MonitoringFixtures.number(want["value"]), relative: 1e-9), "\(fixture.label) \(key) value \(row.value)")
            #expect(close(row.lower, MonitoringFixtures.number(want["lower"]), relative: 1e-9), "\(fixture.label) \(key) lower")
            #expect(close(row.upper, MonitoringFixtures.number(want["upper"]), relative: 1e-9), "\(fixture.label) \(key) upper \(String(describing: row.upper))")
            #expect(row.alert == want["alert"] as? Bool, "\(fixture.label) \(key) alert")
        }
    }

    @Test func thresholdsClipAndOverride() {
        let values = [0.1, 0.2, 0.3]
        let (lower, upper) = MonitorThreshold.standardDeviations(lower: 3, upper: 3).bounds(of: values, lowerLimit: 0, upperLimit: 0.4)
        #expect(lower == 0 && upper == 0.4)
        #expect(MonitorThreshold.constant(lower: nil, upper: 0.1).bounds(of: values) == (nil, 0.1))
        #expect(MonitorThreshold.standardDeviations(lower: 3, upper: 3).bounds(of: [1, 3], lowerLimit: 0, dropClipped: true) == (nil, 5))
    }

    @Test func badInput() throws {
        let frame = try DataFrame([("x", .numeric(NumericColumn([1, 2, 3]))), ("s", .text(TextColumn(["a", "b", "c"])))])
        #expect(throws: DataError.self) { try Chunking.size(0).chunks(of: frame) }
        #expect(throws: DataError.self) { try Chunking.count(4).chunks(of: frame) }
        #expect(try Chunking.count(3).chunks(of: frame.rows(0..<0)).isEmpty)
        #expect(throws: DataError.self) { try UnivariateMonitor(reference: frame, analysis: frame, columns: ["nope"], chunking: .size(1)) }
        #expect(throws: DataError.self) { try UnivariateMonitor(reference: frame.rows(0..<0), analysis: frame, chunking: .size(1)) }
        #expect(throws: DataError.self) {
            try UnivariateMonitor(reference: frame, analysis: frame, methods: try MonitorMethods(numeric: [.method(.ks)], categorical: []), chunking: .size(1))
        }
        #expect(throws: DataError.self) { try MonitorMethods(numeric: [.method(.chi2)], categorical: []) }
    }

    @Test func everyStatisticHasOneDescriptor() {
        #expect(Set(MonitorMethod.all.map(\.statistic)) == Set(MonitorStatistic.allCases))
        #expect(MonitorMethod.all.count == MonitorStatistic.allCases.count)
    }
}

/// The methods table in docs/monitoring.md is the one the descriptors render.
@Test func monitorMethodsTableIsDocumented() throws {
    let url = MonitoringFixtures.folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/monitoring.md")
    let text = try String(contentsOf: url, encoding: .utf8)
    let begin = try #require(text.range(of: "<!-- monitor-methods:begin -->\n"))
    let end = try #require(text.range(of: "<!-- monitor-methods:end -->", range: begin.upperBound..<text.endIndex))
    #expect(String(text[begin.upperBound..<end.lowerBound]) == MonitorMethod.markdownTable(),
            "docs/monitoring.md: replace the table between the monitor-methods markers with:\n\(MonitorMethod.markdownTable())")
}
