// ParquetWriterTests: frames of every column kind written with every codec and several row group sizes, read
// back by the reader to the same values; the footer's schema, encodings and statistics (min, max, null count
// per row group, checked against the rows); the errors (durations Parquet cannot hold, bad options) and that a
// failed write leaves the old file as it was. Files written by Drift and read by pyarrow: ParquetWrittenTests.
import DriftCore
@testable import DriftParquet
import Foundation
import Testing

@Suite struct ParquetWriterTests {
    /// Every kind, with missing values, repeated and distinct strings, extremes of doubles and times.
    static let frame: DataFrame = {
        let rows = 50
        let numbers = (0..<rows).map { $0 % 7 == 3 ? Double.nan : Double($0 * $0) * ($0.isMultiple(of: 2) ? -0.5 : 1.25) }
        let edge = [Double.infinity, -Double.infinity, -0.0, 0.0, 1e-310, .greatestFiniteMagnitude] + (6..<rows).map(Double.init)
        let day = Micros.day
        return try! DataFrame([
            (name: "x", column: .numeric(NumericColumn(numbers))),
            (name: "edge", column: .numeric(NumericColumn(edge))),
            (name: "city", column: .text(TextColumn((0..<rows).map { $0 % 5 == 4 ? nil : ["Lyon", "Zürich", "東京", ""][$0 % 4] }))),
            (name: "note", column: .text(TextColumn((0..<rows).map { "note \($0) " + String(repeating: "é", count: $0 % 9) }))),
            (name: "flag", column: .boolean(BoolColumn((0..<rows).map { $0 % 6 == 5 ? nil : $0 % 3 == 0 }))),
            (name: "when", column: .time(TimeColumn((0..<rows).map { $0 == 7 ? TimeValue.missing : Int64($0 - 25) * 3_600_123_457 * 997 }, kind: .datetime))),
            (name: "day", column: .time(TimeColumn((0..<rows).map { Int64($0 * 400 - 9000) * day }, kind: .date))),
            (name: "clock", column: .time(TimeColumn((0..<rows).map { $0 == 1 ? TimeValue.missing : Int64($0) * (day / 50) + 17 }, kind: .duration))),
            (name: "none", column: .numeric(NumericColumn([Double](repeating: .nan, count: rows)))),
        ])
    }()

    private func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("drift-writer-\(UUID().uuidString)-\(name)").path
    }

    private func roundTrip(_ frame: DataFrame, _ compression: ParquetWriter.Compression, rowGroupSize: Int) throws -> (DataFrame, FileMetaData) {
        let path = temporaryPath("round.parquet")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ParquetWriter.write(frame, to: path, compression: compression, rowGroupSize: rowGroupSize)
        let table = try ParquetReader.read(path: path)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let metadata = try data.withUnsafeBytes { try ParquetReader.layout(of: $0).0 }
        return (table.frame, metadata)
    }

    @Test(arguments: ParquetWriter.Compression.allCases, [1_000_000, 7, 1])
    func everyKindReadsBackAsWritten(_ compression: ParquetWriter.Compression, _ rowGroupSize: Int) throws {
        let (frame, metadata) = try roundTrip(Self.frame, compression, rowGroupSize: rowGroupSize)
        #expect(frame.names == Self.frame.names)
        for (name, (written, read)) in zip(frame.names, zip(Self.frame.columns, frame.columns)) {
            #expect(written == read, "column \(name)")
            #expect(written.typeName == read.typeName, "column \(name)")
        }
        #expect(metadata.rowGroups.count == (50 + rowGroupSize - 1) / rowGroupSize)
        #expect(metadata.rowGroups.allSatisfy { $0.columns.allSatisfy { $0.metadata?.codec == compression.codec.rawValue } })
    }

    @Test func theSchemaSaysWhatEachColumnIs() throws {
        let (_, metadata) = try roundTrip(Self.frame, .zstd, rowGroupSize: 1_000_000)
        let leaves = metadata.schema.dropFirst().map { ($0.name, $0.type, $0.repetition, $0.logicalType) }
        #expect(leaves.map(\.0) == Self.frame.names)
        #expect(leaves.map(\.1) == [PhysicalType.double, .double, .byteArray, .byteArray, .boolean, .int64, .int32, .int64, .double].map(\.rawValue))
        #expect(leaves.map(\.2) == [Repetition.optional, .required, .optional, .required, .optional, .optional, .required, .optional, .optional].map(\.rawValue))
        #expect(leaves.map(\.3) == [nil, nil, .string, .string, nil, .timestamp(utc: true, unit: .micros), .date, .time(utc: false, unit: .micros), nil])
    }

    @Test func fewDistinctStringsAreDictionaryEncoded() throws {
        let (_, metadata) = try roundTrip(Self.frame, .snappy, rowGroupSize: 1_000_000)
        let chunks = metadata.rowGroups[0].columns.compactMap(\.metadata)
        #expect(chunks[2].encodings.contains(Encoding.rleDictionary.rawValue))
        #expect(chunks[2].dictionaryPageOffset != nil)
        #expect(!chunks[3].encodings.contains(Encoding.rleDictionary.rawValue))
        #expect(chunks[3].dictionaryPageOffset == nil)
    }

    @Test(arguments: [1_000_000, 7])
    func statisticsHoldEachRowGroupsExtremesAndMissingCount(_ rowGroupSize: Int) throws {
        let (_, metadata) = try roundTrip(Self.frame, .none, rowGroupSize: rowGroupSize)
        for (index, group) in metadata.rowGroups.enumerated() {
            let rows = index * rowGroupSize..<min((index + 1) * rowGroupSize, 50)
            for (position, chunk) in group.columns.enumerated() {
                let column = Self.frame.columns[position].slice(rows)
                let statistics = try #require(chunk.metadata?.statistics)
                let place = "column \(Self.frame.names[position]), row group \(index)"
                #expect(statistics.nullCount == Int64(column.missingCount), "\(place)")
                let expected = Self.extremes(column)
                #expect(statistics.minValue == expected?.0, "\(place)")
                #expect(statistics.maxValue == expected?.1, "\(place)")
            }
        }
    }

    /// The extremes of a column's present values, encoded as Parquet's statistics hold them, found here
    /// independently of the writer (by sorting).
    private static func extremes(_ column: DriftCore.Column) -> ([UInt8], [UInt8])? {
        func bytes<T: FixedWidthInteger>(_ value: T) -> [UInt8] { withUnsafeBytes(of: value.littleEndian, Array.init) }
        switch column {
        case .numeric(let numbers):
            let sorted = numbers.values.filter { !$0.isNaN }.sorted()
            guard let low = sorted.first, let high = sorted.last else { return nil }
            return (bytes((low == 0 ? -0.0 : low).bitPattern), bytes((high == 0 ? 0.0 : high).bitPattern))
        case .text(let text):
            let sorted = (0..<text.count).compactMap { text[$0].map { Array($0.utf8) } }.sorted { $0.lexicographicallyPrecedes($1) }
            guard let low = sorted.first, let high = sorted.last else { return nil }
            return (low, high)
        case .boolean(let flags):
            let sorted = flags.values.filter { $0 >= 0 }.sorted()
            guard let low = sorted.first, let high = sorted.last else { return nil }
            return ([UInt8(low)], [UInt8(high)])
        case .time(let times):
            let sorted = times.presentValues.sorted()
            guard let low = sorted.first, let high = sorted.last else { return nil }
            if times.kind == .date { return (bytes(Int32(low / Micros.day)), bytes(Int32(high / Micros.day))) }
            return (bytes(low), bytes(high))
        }
    }

    @Test func aFrameOfNoRowsWritesAFileOfNoRowGroups() throws {
        let empty = Self.frame.rows(0..<0)
        let (frame, metadata) = try roundTrip(empty, .zstd, rowGroupSize: 10)
        #expect(frame.rowCount == 0)
        #expect(frame.names == Self.frame.names)
        #expect(metadata.rowGroups.isEmpty)
    }

    @Test func manyPagesAndLongRunsReadBack() throws {
        let rows = ColumnChunkWriter.pageRows * 2 + 3
        let frame = try DataFrame([
            (name: "n", column: .numeric(NumericColumn((0..<rows).map { $0 % 1000 < 10 ? .nan : Double($0 % 97) }))),
            (name: "s", column: .text(TextColumn((0..<rows).map { $0 / 20_000 == 3 ? nil : "level \($0 % 300)" }))),
        ])
        let (read, _) = try roundTrip(frame, .zstd, rowGroupSize: 200_000)
        #expect(read == frame)
    }

    @Test func durationsOutsideADayAreAnError() {
        let frame = try! DataFrame([(name: "wait", column: .time(TimeColumn([Micros.day + 1], kind: .duration)))])
        #expect(throws: ParquetError("column 'wait' holds durations outside 0 to 24 hours, which Parquet cannot store (its TIME type is a time of day); convert them to numbers first (x / seconds(1))")) {
            try ParquetWriter.write(frame, to: temporaryPath("never.parquet"))
        }
    }

    @Test func aFailedWriteLeavesTheOldFile() throws {
        let path = temporaryPath("old.parquet")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        let frame = try DataFrame([(name: "wait", column: .time(TimeColumn([-1], kind: .duration)))])
        #expect(throws: ParquetError.self) { try ParquetWriter.write(frame, to: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("old".utf8))
        #expect(throws: ParquetError("row_group_size must be at least 1, not 0")) { try ParquetWriter.write(Self.frame, to: path, rowGroupSize: 0) }
    }
}
