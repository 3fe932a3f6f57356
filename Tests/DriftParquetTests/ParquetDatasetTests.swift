// ParquetDatasetTests: a directory of hive-partitioned files and a glob read as one table (their values are
// checked against pyarrow's in ParquetFixtureTests); here the columns: choice, and the errors of a glob that
// matches nothing and of files whose columns differ.
@testable import DriftParquet
import Testing

@Suite struct ParquetDatasetTests {
    private func error(_ path: String, columns: [String]? = nil) -> String {
        do {
            _ = try ParquetReader.read(path: ParquetFixtures.path(path), columns: columns)
            return "no error"
        } catch {
            return "\(error)".replacingOccurrences(of: ParquetFixtures.folder.path + "/", with: "")
        }
    }

    @Test func partitionKeysAreColumnsThatColumnsCanChoose() throws {
        let table = try ParquetReader.read(path: ParquetFixtures.path("hive"), columns: ["region", "i32", "year"])
        #expect(table.frame.names == ["region", "i32", "year"])
        #expect(table.frame.rowCount == 120)
        #expect(table.frame.column(named: "year")?.typeName == "num")
        #expect(table.frame.column(named: "region")?.typeName == "str")
    }

    @Test func namingOnlyPartitionKeysIsAnError() {
        #expect(error("hive", columns: ["year"]) == "columns: names only partition keys (year, region); name a column of the files too")
    }

    @Test func aGlobThatMatchesNothingIsAnError() {
        #expect(error("nothing-*.parquet") == "'nothing-*.parquet': no file matches")
    }

    @Test func filesWithOtherColumnsAreAnError() {
        #expect(error("[pn]*.parquet")
            == "'polars.parquet' has the columns n (num), s (str), f (num), b (bool), d (date) but 'nested.parquet' has x (num), name (str)")
    }
}
