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
            ParquetFixtures.compare(column, expected, "column \(name)")
        }
    }

    @Test func columnsChoosesAndOrders() throws {
        let table = try ParquetReader.read(path: ParquetFixtures.path("types_zstd_v2.parquet"), columns: ["city", "i8"])
        #expect(table.frame.names == ["city", "i8"])
        #expect(table.frame.rowCount == 60)
    }
}
