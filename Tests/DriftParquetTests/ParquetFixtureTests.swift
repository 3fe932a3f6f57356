// ParquetFixtureTests: every file tools/reference/make_parquet_fixtures.py wrote with pyarrow, polars or its
// own minimal writer (each codec x data page version, every encoding, required and optional columns, CRCs,
// many row groups, small pages, 0 rows, all missing, INT96, nested columns), read and compared with the values
// pyarrow reads (Fixtures/expected.json). Numbers agree to 1e-12 relative (decimals are divided by 10^scale,
// which pyarrow's float conversion rounds the same way for these values); strings, booleans and times exactly.
import DriftCore
@testable import DriftParquet
import Testing

@Suite struct ParquetFixtureTests {
    @Test func thereAreFixtures() {
        #expect(ParquetFixtures.files.count > 30)
    }

    @Test(arguments: ParquetFixtures.files)
    func readsAsPyarrowReadsIt(_ file: ParquetFixtures.File) throws {
        let table = try ParquetReader.read(path: ParquetFixtures.path(file.file))
        let columns = try #require(ParquetFixtures.table(file.table))
        #expect(Set(table.frame.names) == Set(columns.keys))
        #expect(table.notes.count == file.skipped.count, "\(table.notes)")
        for name in file.skipped {
            #expect(table.notes.contains { $0.hasPrefix("skipped the column '\(name)'") }, "\(table.notes)")
        }
        for (name, expected) in columns {
            guard let column = table.frame.column(named: name) else { continue }
            compare(column, expected, "column \(name)")
        }
    }

    @Test func columnsChoosesAndOrders() throws {
        let table = try ParquetReader.read(path: ParquetFixtures.path("types_zstd_v2.parquet"), columns: ["city", "i8"])
        #expect(table.frame.names == ["city", "i8"])
        #expect(table.frame.rowCount == 60)
    }

    private func compare(_ column: Column, _ expected: ParquetFixtures.Column, _ place: String) {
        #expect(column.typeName == expected.type, "\(place)")
        #expect(column.count == expected.values.count, "\(place)")
        guard column.count == expected.values.count else { return }
        for (row, value) in expected.values.enumerated() where !matches(column, row, value) {
            Issue.record("\(place) row \(row): read \(describe(column, row)), expected \(value)")
            return
        }
    }

    private func matches(_ column: Column, _ row: Int, _ value: ParquetFixtures.Value) -> Bool {
        switch (column, value) {
        case (.numeric(let numbers), .number(let number)): isClose(numbers.values[row], number)
        case (.numeric(let numbers), .null): numbers.values[row].isNaN
        case (.text(let text), .string(let string)): text[row] == string
        case (.text(let text), .null): text[row] == nil
        case (.boolean(let flags), .bool(let flag)): flags[row] == flag
        case (.boolean(let flags), .null): flags[row] == nil
        case (.time(let times), .number(let micros)): times.values[row] == Int64(exactly: micros)
        case (.time(let times), .null): times.values[row] == TimeValue.missing
        default: false
        }
    }

    private func describe(_ column: Column, _ row: Int) -> String {
        switch column {
        case .numeric(let column): "\(column.values[row])"
        case .text(let column): column[row] ?? "missing"
        case .boolean(let column): column[row].map { "\($0)" } ?? "missing"
        case .time(let column): "\(column.values[row])"
        }
    }

    /// True when a and b agree to 1e-12 relative or absolute.
    private func isClose(_ a: Double, _ b: Double) -> Bool {
        let difference = abs(a - b)
        return a == b || difference <= 1e-12 || difference <= 1e-12 * max(abs(a), abs(b))
    }
}
