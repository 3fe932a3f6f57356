// ParquetScanFactsTests: scan_parquet's answers from the column-chunk statistics (row count, missing counts and
// numeric ranges, where exact) equal the summaries made by reading every page, for every fixture file,
// directory and glob (pyarrow's, polars' and Drift's); and asking only those reads no column chunk (a counter).
import DriftCore
@testable import DriftParquet
import Testing

@Suite struct ParquetScanFactsTests {
    static let paths = ParquetFixtures.files.map(\.file) + ParquetWrittenTests.cases.map { "written/" + $0.file }

    @Test(arguments: paths)
    func factsAgreeWithTheValues(_ path: String) throws {
        let source = try ParquetScanSource(path: ParquetFixtures.path(path))
        let facts = try #require(try source.facts(source.columnNames))
        #expect(source.chunkReads.value == 0)
        let summaries = try source.summarize(source.columnNames, SummaryRequest()).summaries
        for name in source.columnNames {
            let fact = try #require(facts[name], "column \(name)")
            let summary = try #require(summaries[name]?.finished, "column \(name)")
            #expect(fact.type == summary.type, "column \(name)")
            #expect(fact.rowCount == summary.rowCount, "column \(name)")
            if let missing = fact.missing { #expect(missing == summary.missing, "column \(name)") }
            if let minimum = fact.minimum { #expect(minimum == summary.moments.minimum, "column \(name)") }
            if let maximum = fact.maximum { #expect(maximum == summary.moments.maximum, "column \(name)") }
        }
    }

    @Test func statisticsAnswerWithoutReadingPages() throws {
        let source = try ParquetScanSource(path: ParquetFixtures.path("written/types_optional_snappy.parquet"))
        let cache = SummaryCache(source)
        #expect(try cache.rowCount() == 60)
        let reference = try ParquetReader.read(path: ParquetFixtures.path("types_snappy_v1.parquet")).frame
        for name in ["i32", "f64", "dec64", "city", "day"] {
            let column = try #require(reference.column(named: name))
            #expect(try cache.missingCount(name) == column.missingCount, "column \(name)")
        }
        for name in ["i8", "u64", "f32", "f64", "dec32"] {
            guard case .numeric(let numbers)? = reference.column(named: name) else { Issue.record("column \(name)"); continue }
            let range = try #require(try cache.knownRange(name), "column \(name)")
            #expect(range.minimum == DriftCore.Statistics.min(numbers.values) && range.maximum == DriftCore.Statistics.max(numbers.values), "column \(name)")
        }
        #expect(try cache.knownRange("city") == nil)
        #expect(source.chunkReads.value == 0)
        _ = try cache.summary("i8")
        #expect(source.chunkReads.value == 4 * source.columnNames.count)
    }

    @Test func floatsWrittenByOthersMayHoldNaN() throws {
        let source = try ParquetScanSource(path: ParquetFixtures.path("types_snappy_v1.parquet"))
        let facts = try #require(try source.facts(["f64", "i32"]))
        #expect(facts["f64"]?.missing == nil)
        #expect(facts["i32"]?.missing != nil)
    }

    @Test func aDirectoryScansAsOneTable() throws {
        let source = try ParquetScanSource(path: ParquetFixtures.path("hive"))
        let table = try ParquetReader.read(path: ParquetFixtures.path("hive")).frame
        #expect(source.columnNames == table.names)
        let summaries = try source.summarize(source.columnNames, SummaryRequest()).summaries
        for (name, column) in zip(table.names, table.columns) {
            var expected = ColumnSummary()
            try expected.add(column)
            #expect(summaries[name]?.rowCount == expected.rowCount, "column \(name)")
            #expect(summaries[name]?.missing == expected.missing, "column \(name)")
            #expect(summaries[name]?.categories == expected.finished.categories, "column \(name)")
            #expect(summaries[name]?.moments.minimum.isNaN == expected.moments.minimum.isNaN, "column \(name)")
        }
    }
}
