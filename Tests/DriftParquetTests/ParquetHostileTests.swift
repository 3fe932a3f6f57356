// ParquetHostileTests: broken and hostile files (Fixtures/hostile_*.parquet, hand-built by
// tools/reference/make_parquet_fixtures.py's minimal writer) give an error naming the file, the column, the row
// group and what is wrong; many cuts and byte changes of real files end in an error or a table, never a trap.
import DriftCore
@testable import DriftParquet
import Foundation
import Testing

@Suite struct ParquetHostileTests {
    /// The error reading `name` gives, after the file's name.
    private func error(_ name: String, columns: [String]? = nil) -> String {
        let path = ParquetFixtures.path(name)
        do {
            _ = try ParquetReader.read(path: path, columns: columns)
            return "no error"
        } catch {
            let text = "\(error)", prefix = "'\(path)': "
            return text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
        }
    }

    @Test func theMinimalWritersGoodFileReads() throws {
        let table = try ParquetReader.read(path: ParquetFixtures.path("hostile_good.parquet"))
        #expect(table.frame.column(named: "x") == .numeric(NumericColumn([1, 2, 3, 4, 5])))
    }

    static let chunk = "column 'x': row group 1 of 1"
    static let brokenFiles = [
        ("hostile_bad_magic.parquet", "not a Parquet file (it does not start with PAR1)"),
        ("hostile_cut_end.parquet", "the file does not end with PAR1 (cut short, or not Parquet)"),
        ("hostile_footer_length.parquet", "the footer declares 1000000 bytes but the file holds only 96 before it"),
        ("hostile_footer_cut.parquet", "the footer: the data ends early (at byte 53)"),
        ("hostile_page_past_end.parquet", "\(chunk): the page at byte 4: the page declares 1000000 bytes but only 20 remain in the column chunk"),
        ("hostile_chunk_past_end.parquet", "\(chunk): the column chunk (bytes 4 to 1000000004) lies outside the file's 112 bytes"),
        ("hostile_negative_size.parquet", "\(chunk): the page at byte 4: a page header declares a negative size (compressed -20, uncompressed 20)"),
        ("hostile_bad_codec.parquet", "\(chunk): unknown compression codec 42"),
        ("hostile_brotli.parquet", "\(chunk): the BROTLI codec is not supported (Drift reads UNCOMPRESSED, SNAPPY, GZIP, ZSTD and LZ4_RAW)"),
        ("hostile_corrupt_snappy.parquet", "\(chunk): the page at byte 4: the SNAPPY data of a page is corrupt (it does not uncompress to the 20 bytes the header declares)"),
        ("hostile_bad_crc.parquet", "\(chunk): the page at byte 4: the page fails its CRC check (its bytes are corrupt)"),
        ("hostile_huge_uncompressed.parquet", "\(chunk): the page at byte 4: a page declares 2147483647 uncompressed bytes, more than 10 bytes of ZSTD can hold"),
        ("hostile_too_few_values.parquet", "\(chunk): the page at byte 4: the page holds 8 bytes, too few for 5 values of 4 bytes"),
    ]

    @Test(arguments: brokenFiles)
    func aBrokenFileNamesWhatIsWrong(_ file: String, _ message: String) {
        #expect(error(file) == message)
    }

    @Test func valuesDriftCannotHoldAreErrorsNamingTheColumn() {
        #expect(error("int64_beyond_2_53.parquet")
            == "column 'big': row group 1 of 1: the page at byte 4: it holds 9007199254740993, beyond ±2^53 where Drift's numbers are exact; leave the column out with columns: (it is not rounded silently)")
        #expect(error("binary_not_utf8.parquet")
            == "column 'blob': row group 1 of 1: the page at byte 110: it is a BINARY column holding bytes that are not UTF-8 text; leave it out with columns:")
        #expect(error("binary_not_utf8.parquet", columns: ["ok"]) == "no error")
    }

    @Test func nestedAndUnknownColumnsAreRefusedByName() {
        #expect(error("nested.parquet", columns: ["x", "tags"]) == "column 'tags' is a list; Drift reads flat columns only")
        #expect(error("nested.parquet", columns: ["point"]) == "column 'point' is a struct; Drift reads flat columns only")
        #expect(error("nested.parquet", columns: ["attrs"]) == "column 'attrs' is a map; Drift reads flat columns only")
        #expect(error("nested.parquet", columns: ["nope"]) == "there is no column 'nope'; the columns are x, name, tags, point, attrs")
    }

    @Test func aMissingFileIsAnError() {
        #expect(error("missing.parquet").hasSuffix("missing.parquet': no such file"))
    }

    /// Many prefixes of real files, and every single-byte change of the small ones to a few values, read
    /// without a trap.
    @Test(arguments: ["polars.parquet", "hostile_good.parquet", "byte_array_decimal.parquet", "enc_delta_v2_optional.parquet"])
    func cutsAndCorruptionsNeverTrap(_ name: String) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: ParquetFixtures.path(name))))
        for length in 0..<bytes.count where length % 7 == 0 || length > bytes.count - 64 {
            bytes[0..<length].withUnsafeBytes { raw in
                #expect(throws: (any Error).self, "cut to \(length) bytes") { try ParquetReader.read(raw, columns: nil) }
            }
        }
        guard bytes.count < 2048 else { return }
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
