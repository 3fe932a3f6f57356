// ParquetHostileTests: broken and hostile files (Fixtures/hostile_*.parquet, hand-built by
// tools/reference/make_parquet_fixtures.py's minimal writer) give an error naming the file, the column, the row
// group and what is wrong; every cut and many corruptions of real files end in an error or a table, never a trap.
import DriftCore
@testable import DriftParquet
import Foundation
import XCTest

final class ParquetHostileTests: XCTestCase {
    private func path(_ name: String) -> String { ParquetFixtureTests.folder.appendingPathComponent(name).path }

    /// The error reading `name` gives, after the file's name.
    private func error(_ name: String, columns: [String]? = nil) -> String {
        do {
            _ = try ParquetReader.read(path: path(name), columns: columns)
            return "no error"
        } catch {
            let prefix = "'\(path(name))': "
            let text = "\(error)"
            return text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
        }
    }

    func testTheMinimalWritersGoodFileReads() throws {
        let table = try ParquetReader.read(path: path("hostile_good.parquet"))
        XCTAssertEqual(table.frame.column(named: "x"), .numeric(NumericColumn([1, 2, 3, 4, 5])))
    }

    func testBrokenFilesNameWhatIsWrong() {
        let chunk = "column 'x': row group 1 of 1"
        let expected = [
            "hostile_bad_magic.parquet": "not a Parquet file (it does not start with PAR1)",
            "hostile_cut_end.parquet": "the file does not end with PAR1 (cut short, or not Parquet)",
            "hostile_footer_length.parquet": "the footer declares 1000000 bytes but the file holds only 96 before it",
            "hostile_footer_cut.parquet": "the footer: the data ends early (at byte 53)",
            "hostile_page_past_end.parquet": "\(chunk): the page at byte 4: the page declares 1000000 bytes but only 20 remain in the column chunk",
            "hostile_chunk_past_end.parquet": "\(chunk): the column chunk (bytes 4 to 1000000004) lies outside the file's 112 bytes",
            "hostile_negative_size.parquet": "\(chunk): the page at byte 4: a page header declares a negative size (compressed -20, uncompressed 20)",
            "hostile_bad_codec.parquet": "\(chunk): unknown compression codec 42",
            "hostile_brotli.parquet": "\(chunk): the BROTLI codec is not supported (Drift reads UNCOMPRESSED, SNAPPY, GZIP, ZSTD and LZ4_RAW)",
            "hostile_corrupt_snappy.parquet": "\(chunk): the page at byte 4: the SNAPPY data of a page is corrupt (it does not uncompress to the 20 bytes the header declares)",
            "hostile_bad_crc.parquet": "\(chunk): the page at byte 4: the page fails its CRC check (its bytes are corrupt)",
            "hostile_huge_uncompressed.parquet": "\(chunk): the page at byte 4: a page declares 2147483647 uncompressed bytes, more than 10 bytes of ZSTD can hold",
            "hostile_too_few_values.parquet": "\(chunk): the page at byte 4: the page holds 8 bytes, too few for 5 values of 4 bytes",
        ]
        for (name, message) in expected.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(error(name), message, name)
        }
    }

    func testValuesDriftCannotHoldAreErrorsNamingTheColumn() {
        XCTAssertEqual(error("int64_beyond_2_53.parquet"),
                       "column 'big': row group 1 of 1: the page at byte 4: it holds 9007199254740993, beyond ±2^53 where Drift's numbers are exact; leave the column out with columns: (it is not rounded silently)")
        XCTAssertEqual(error("binary_not_utf8.parquet"),
                       "column 'blob': row group 1 of 1: the page at byte 110: it is a BINARY column holding bytes that are not UTF-8 text; leave it out with columns:")
        XCTAssertEqual(error("binary_not_utf8.parquet", columns: ["ok"]), "no error")
    }

    func testNestedAndUnknownColumnsAreRefusedByName() {
        XCTAssertEqual(error("nested.parquet", columns: ["x", "tags"]), "column 'tags' is a list; Drift reads flat columns only")
        XCTAssertEqual(error("nested.parquet", columns: ["point"]), "column 'point' is a struct; Drift reads flat columns only")
        XCTAssertEqual(error("nested.parquet", columns: ["attrs"]), "column 'attrs' is a map; Drift reads flat columns only")
        XCTAssertEqual(error("nested.parquet", columns: ["nope"]), "there is no column 'nope'; the columns are x, name, tags, point, attrs")
    }

    func testANonFileIsAnError() {
        XCTAssertThrowsError(try ParquetReader.read(path: path("missing.parquet"))) { error in
            XCTAssertTrue("\(error)".hasSuffix("missing.parquet': no such file"), "\(error)")
        }
    }

    /// Many prefixes of real files, and every single-byte change of the small ones to a few values, read without a trap.
    func testCutsAndCorruptionsNeverTrap() throws {
        for name in ["polars.parquet", "hostile_good.parquet", "byte_array_decimal.parquet", "enc_delta_v2_optional.parquet"] {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path(name))))
            for length in 0..<bytes.count where length % 7 == 0 || length > bytes.count - 64 {
                try bytes[0..<length].withUnsafeBytes { raw in
                    XCTAssertThrowsError(try ParquetReader.read(raw, columns: nil), "\(name) cut to \(length) bytes")
                }
            }
            guard bytes.count < 2048 else { continue }
            var corrupted = bytes
            for index in bytes.indices {
                for value: UInt8 in [0x00, 0xFF, bytes[index] ^ 0x10] {
                    corrupted[index] = value
                    corrupted.withUnsafeBytes { raw in _ = try? ParquetReader.read(raw, columns: nil) }
                }
                corrupted[index] = bytes[index]
            }
        }
    }
}
