// ParquetFixtureTests: every file tools/reference/make_parquet_fixtures.py wrote with pyarrow, polars or its
// own minimal writer (each codec x data page version, every encoding, required and optional columns, CRCs,
// many row groups, small pages, 0 rows, INT96, nested columns), read and compared with the values pyarrow
// reads (Fixtures/expected.json). Numbers agree to 1e-12 relative (decimals are divided by 10^scale, which
// pyarrow's float conversion rounds the same way for these values); strings, booleans and times exactly.
import DriftCore
@testable import DriftParquet
import Foundation
import XCTest

final class ParquetFixtureTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    private struct Expected: Decodable {
        struct Column: Decodable {
            var type: String
            var values: [Value]
        }

        /// A JSON value of a column: a number, a string, a boolean or null.
        enum Value: Decodable {
            case number(Double), string(String), bool(Bool), null

            init(from decoder: Decoder) throws {
                let container = try decoder.singleValueContainer()
                if container.decodeNil() { self = .null }
                else if let flag = try? container.decode(Bool.self) { self = .bool(flag) }
                else if let number = try? container.decode(Double.self) { self = .number(number) }
                else { self = .string(try container.decode(String.self)) }
            }
        }

        struct File: Decodable {
            var file: String
            var table: String
            var skipped: [String]
        }

        var tables: [String: [String: Column]]
        var files: [File]
    }

    private static let expected: Expected = {
        let data = try! Data(contentsOf: folder.appendingPathComponent("expected.json"))
        return try! JSONDecoder().decode(Expected.self, from: data)
    }()

    func testEveryFixtureReadsAsPyarrowReadsIt() throws {
        XCTAssertGreaterThan(Self.expected.files.count, 30)
        for file in Self.expected.files {
            let table = try ParquetReader.read(path: Self.folder.appendingPathComponent(file.file).path)
            let columns = try XCTUnwrap(Self.expected.tables[file.table], file.file)
            XCTAssertEqual(Set(table.frame.names), Set(columns.keys), file.file)
            XCTAssertEqual(table.notes.count, file.skipped.count, "\(file.file): \(table.notes)")
            for name in file.skipped {
                XCTAssertTrue(table.notes.contains { $0.hasPrefix("skipped the column '\(name)'") }, "\(file.file): \(table.notes)")
            }
            for (name, expected) in columns {
                guard let column = table.frame.column(named: name) else { continue }
                compare(column, expected, "\(file.file) column \(name)")
            }
        }
    }

    func testColumnsChoosesAndOrders() throws {
        let path = Self.folder.appendingPathComponent("types_zstd_v2.parquet").path
        let table = try ParquetReader.read(path: path, columns: ["city", "i8"])
        XCTAssertEqual(table.frame.names, ["city", "i8"])
        XCTAssertEqual(table.frame.rowCount, 60)
    }

    private func compare(_ column: Column, _ expected: Expected.Column, _ place: String) {
        XCTAssertEqual(column.typeName, expected.type, place)
        XCTAssertEqual(column.count, expected.values.count, place)
        guard column.count == expected.values.count else { return }
        for (row, value) in expected.values.enumerated() {
            let matches: Bool
            switch (column, value) {
            case (.numeric(let numbers), .number(let number)): matches = isClose(numbers.values[row], number)
            case (.numeric(let numbers), .null): matches = numbers.values[row].isNaN
            case (.text(let text), .string(let string)): matches = text[row] == string
            case (.text(let text), .null): matches = text[row] == nil
            case (.boolean(let flags), .bool(let flag)): matches = flags[row] == flag
            case (.boolean(let flags), .null): matches = flags[row] == nil
            case (.time(let times), .number(let micros)): matches = times.values[row] == Int64(exactly: micros)
            case (.time(let times), .null): matches = times.values[row] == TimeValue.missing
            default: matches = false
            }
            if !matches {
                XCTFail("\(place) row \(row): read \(column.describe(row)), expected \(value)")
                return
            }
        }
    }
}

/// True when a and b agree to `tolerance` relative or absolute.
func isClose(_ a: Double, _ b: Double, tolerance: Double = 1e-12) -> Bool {
    if a == b { return true }
    let difference = abs(a - b)
    return difference <= tolerance || difference <= tolerance * max(abs(a), abs(b))
}

private extension Column {
    func describe(_ row: Int) -> String {
        switch self {
        case .numeric(let column): "\(column.values[row])"
        case .text(let column): "\(column[row] ?? "missing")"
        case .boolean(let column): "\(column[row].map { "\($0)" } ?? "missing")"
        case .time(let column): "\(column.values[row])"
        }
    }
}
