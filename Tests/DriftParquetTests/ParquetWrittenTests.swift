// ParquetWrittenTests: files Drift wrote, as pyarrow and polars read them
// (tools/reference/make_parquet_written_fixtures.py rewrote pyarrow's fixtures with write_parquet and recorded
// pyarrow's view in Fixtures/written.json). The writer must still write those files byte for byte, so what
// pyarrow saw holds for it; pyarrow's values must be the frame written (numbers to 1e-12 relative, the rest
// exactly), its types Drift's kinds, its row group statistics (min, max, null count) those of the rows, and a
// string column dictionary-encoded exactly when it has few distinct values.
import DriftCore
@testable import DriftParquet
import Foundation
import Testing

@Suite struct ParquetWrittenTests {
    struct Chunk: Decodable {
        var column: String
        var min: ParquetFixtures.Value
        var max: ParquetFixtures.Value
        var null_count: Int?
        var encodings: [String]
        var codec: String
    }

    struct RowGroup: Decodable {
        var rows: Int
        var columns: [Chunk]
    }

    struct Case: Decodable, Sendable, CustomStringConvertible {
        var file: String
        var source: String
        var compression: String
        var row_group_size: Int
        var arrow_types: [String: String]
        var values: [String: ParquetFixtures.Column]
        var polars_agrees: Bool
        var row_groups: [RowGroup]

        var description: String { file }
    }

    static let cases: [Case] = {
        struct Written: Decodable { var cases: [Case] }
        let data = try! Data(contentsOf: ParquetFixtures.folder.appendingPathComponent("written.json"))
        return try! JSONDecoder().decode(Written.self, from: data).cases
    }()

    /// The arrow type pyarrow gives each Drift kind Drift writes.
    static let arrowTypes = ["num": "double", "str": "string", "bool": "bool", "date": "date32[day]",
                             "datetime": "timestamp[us, tz=UTC]", "duration": "time64[us]"]

    @Test func thereAreCases() { #expect(Self.cases.count >= 8) }

    @Test(arguments: cases)
    func pyarrowReadsWhatWasWritten(_ written: Case) throws {
        let frame = try ParquetReader.read(path: ParquetFixtures.path(written.source)).frame
        let compression = try #require(ParquetWriter.Compression(rawValue: written.compression))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("drift-written-\(UUID().uuidString).parquet").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ParquetWriter.write(frame, to: path, compression: compression, rowGroupSize: written.row_group_size)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes == (try Data(contentsOf: URL(fileURLWithPath: ParquetFixtures.path("written/" + written.file)))),
                "the writer no longer writes the file pyarrow read; rerun tools/reference/make_parquet_written_fixtures.py")
        #expect(written.polars_agrees)
        #expect(Set(written.values.keys) == Set(frame.names))
        for (name, column) in zip(frame.names, frame.columns) {
            #expect(written.arrow_types[name] == Self.arrowTypes[column.typeName], "column \(name)")
            if let values = written.values[name] { ParquetFixtures.compare(column, values, "column \(name)") }
        }
        var start = 0
        for (index, group) in written.row_groups.enumerated() {
            let rows = start..<start + group.rows
            start += group.rows
            #expect(group.rows == min(written.row_group_size, frame.rowCount - rows.lowerBound))
            for (chunk, (name, column)) in zip(group.columns, zip(frame.names, frame.columns)) {
                try check(chunk, column.slice(rows), compression, "column \(name), row group \(index)")
            }
        }
        #expect(start == frame.rowCount)
    }

    private func check(_ chunk: Chunk, _ column: DriftCore.Column, _ compression: ParquetWriter.Compression, _ place: String) throws {
        #expect(chunk.null_count == column.missingCount, "\(place)")
        #expect(chunk.codec == (compression == .none ? "UNCOMPRESSED" : compression.rawValue.uppercased()), "\(place)")
        let order = (0..<column.count).filter { !column.isMissing(at: $0) }.sorted { precedes(column, $0, $1) }
        if let low = order.first, let high = order.last {
            ParquetFixtures.compare(column.gathering([low, high]), ParquetFixtures.Column(type: column.typeName, values: [chunk.min, chunk.max]),
                                    "\(place) statistics")
        } else {
            #expect(chunk.min.isNull && chunk.max.isNull, "\(place)")
        }
        if case .text(let text) = column {
            let distinct = Set(text.codes.filter { $0 >= 0 }.map { text.levels[Int($0)] }).count
            #expect(chunk.encodings.contains("RLE_DICTIONARY") == (distinct > 0 && distinct * 2 <= column.count), "\(place)")
        }
    }

    /// Parquet's order of a column's values: numbers and times as numbers, strings byte by byte, false first.
    private func precedes(_ column: DriftCore.Column, _ a: Int, _ b: Int) -> Bool {
        switch column {
        case .numeric(let numbers): numbers.values[a] < numbers.values[b]
        case .text(let text): Array((text[a] ?? "").utf8).lexicographicallyPrecedes(Array((text[b] ?? "").utf8))
        case .boolean(let flags): flags.values[a] < flags.values[b]
        case .time(let times): times.values[a] < times.values[b]
        }
    }
}

extension ParquetFixtures.Value {
    var isNull: Bool { if case .null = self { true } else { false } }
}
