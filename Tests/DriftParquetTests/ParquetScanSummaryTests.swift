// ParquetScanSummaryTests: scan_parquet reads and summarises a row group's columns on every core at once; its
// summaries (moments, the quantile sketch after many compactions, the grid, the category counts) and bin
// counts equal those of adding each row group's chunk of each column one after another, in order.
import DriftCore
@testable import DriftParquet
import Foundation
import Testing

@Suite struct ParquetScanSummaryTests {
    /// 12 row groups of 500 rows: numbers with many and with few distinct values, missing values, text.
    static let frame: DataFrame = {
        let rows = 6000
        var generator = SeededGenerator(seed: 7)
        let wide = (0..<rows).map { $0 % 97 == 5 ? Double.nan : Double(generator.next() % 1_000_000) / 1000 - 400 }
        let zeros = (0..<rows).map { _ in [0.0, -0.0, 1.5, -2][Int(generator.next() % 4)] }
        let labels = (0..<rows).map { $0 % 50 == 0 ? nil : ["north", "south", "east", "west"][Int(generator.next() % 4)] }
        return try! DataFrame([
            (name: "wide", column: .numeric(NumericColumn(wide))),
            (name: "zeros", column: .numeric(NumericColumn(zeros))),
            (name: "region", column: .text(TextColumn(labels))),
        ])
    }()

    @Test func rowGroupsAddUpAsOneAfterAnother() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("drift-scan-\(UUID().uuidString).parquet").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ParquetWriter.write(Self.frame, to: path, compression: .snappy, rowGroupSize: 500)
        var options = ColumnSummary.Options()
        options.sketchCapacity = 64  // compacts many times over 6,000 values
        options.gridBins = 32
        let edges = BinEdges([-300, -1, 0, 2, 250], rule: .histogram)
        let request = SummaryRequest(options: options, edges: ["wide": [edges], "zeros": [edges]])
        let source = try ParquetScanSource(path: path)
        let scanned = try source.summarize(source.columnNames, request)
        #expect(source.chunkReads.value == 12 * 3)

        var expected = ChunkSummaryPass(source: path, columns: Self.frame.names, request: request)
        for start in stride(from: 0, to: Self.frame.rowCount, by: 500) {
            for (position, column) in Self.frame.columns.enumerated() {
                try expected.add(column.slice(start..<start + 500), at: position)
            }
        }
        let result = expected.result
        #expect(result.summaries["wide"]?.sketch.isExact == false)
        for name in ["wide", "zeros"] {
            #expect(scanned.summaries[name] == result.summaries[name], "column \(name)")
            #expect(scanned.summaries[name]?.sketch.weightedValues().map(\.value.bitPattern)
                == result.summaries[name]?.sketch.weightedValues().map(\.value.bitPattern), "column \(name)")
        }
        // Text has no moments (their NaN mean is never equal to itself): its counts are the summary.
        let (region, expectedRegion) = (scanned.summaries["region"], result.summaries["region"])
        #expect(region?.categories == expectedRegion?.categories && region?.categories != nil)
        #expect(region?.rowCount == 6000 && region?.missing == expectedRegion?.missing)
        #expect(scanned.binCounts["wide"] == result.binCounts["wide"])
        #expect(scanned.binCounts["zeros"] == result.binCounts["zeros"])
    }

    @Test func aColumnAskedForTwiceInOneChunkIsAnError() throws {
        var pass = ChunkSummaryPass(source: "s", columns: ["a"], request: SummaryRequest())
        #expect(throws: DataError.self) {
            try pass.addConcurrently(at: [0, 0]) { _ in .numeric(NumericColumn([1])) }
        }
    }
}
