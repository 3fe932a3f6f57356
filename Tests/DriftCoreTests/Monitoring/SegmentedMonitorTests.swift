// SegmentedMonitorTests: monitoring by segment — the overall block is the plain monitor, each segment's block the
// monitor of its own rows, and segments one side lacks are listed as new or vanished.
import Testing
@testable import DriftCore

@Suite struct SegmentedMonitorTests {
    @Test func segmentsAreMonitorsOfTheirRows() throws {
        let (reference, analysis) = (try MonitoringFixtures.frame("reference"), try MonitoringFixtures.frame("analysis"))
        let segmented = try SegmentedMonitor(reference: reference, analysis: analysis, by: "region", columns: ["normal", "plan"], chunking: .size(500))
        #expect(segmented.segments.map(\.name) == ["east", "north", "south", "west"])
        #expect(segmented.newSegments == ["central"] && segmented.vanishedSegments.isEmpty)
        let plain = try UnivariateMonitor(reference: reference, analysis: analysis, columns: ["normal", "plan"], chunking: .size(500))
        #expect(segmented.overall.rows.map(\.value) == plain.rows.map(\.value))
        func north(_ frame: DataFrame) throws -> DataFrame {
            guard case .text(let regions)? = frame.column(named: "region") else { throw DataError("no region") }
            return try frame.filtered(by: BoolColumn((0..<regions.count).map { regions[$0] == "north" }))
        }
        let northOnly = try UnivariateMonitor(reference: try north(reference), analysis: try north(analysis), columns: ["normal", "plan"], chunking: .size(500))
        let northRows = try #require(segmented.segments.first { $0.name == "north" }).monitor.rows
        #expect(northRows.map(\.value) == northOnly.rows.map(\.value) && northRows.map(\.upper) == northOnly.rows.map(\.upper))
        let table = try segmented.table()
        #expect(table.names.first == "segment")
        #expect(table.rowCount == plain.rows.count + segmented.segments.reduce(0) { $0 + $1.monitor.rows.count })
    }

    @Test func badSegmentColumns() throws {
        let frame = try MonitoringFixtures.frame("reference")
        #expect(throws: DataError.self) { try SegmentedMonitor(reference: frame, analysis: frame, by: "normal", chunking: .size(500)) }
        #expect(throws: DataError.self) { try SegmentedMonitor(reference: frame, analysis: frame, by: "nope", chunking: .size(500)) }
        #expect(throws: DataError.self) { try SegmentedMonitor(reference: frame, analysis: frame, by: "plan", columns: ["plan"], chunking: .size(500)) }
    }
}
