// HostileCSVTests: every file of the hostile-CSV corpus (Tests/corpus/csv) read from disk. Each gives either
// the frame checked value by value or an error whose text names the file, line and column.
import Foundation
import Testing
@testable import DriftCore

enum HostileCorpus {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("corpus/csv").path

    static func read(_ name: String) throws -> DataFrame {
        try CSVReader.read(path: directory + "/" + name)
    }

    /// The error reading `name` gives, described with the corpus directory left out ("name.csv:2:3: ...").
    static func error(_ name: String) -> String? {
        do {
            _ = try read(name)
            return nil
        } catch {
            return "\(error)".replacingOccurrences(of: directory + "/", with: "")
        }
    }
}

@Suite struct HostileCSVTests {
    @Test func everyCorpusFileIsCovered() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: HostileCorpus.directory)
            .filter { $0.hasSuffix(".csv") }
        #expect(Set(files) == Set(Self.expectedErrors.keys).union(Self.readable))
    }

    static let expectedErrors: [String: String] = [
        "ragged_short_row.csv": "3:4: expected 3 fields (as in the header), found 2",
        "ragged_long_row.csv": "3:5: expected 2 fields (as in the header), found 3",
        "blank_line_inside.csv": "3:1: expected 2 fields (as in the header), found 1",
        "unterminated_quote.csv": "3:3: unterminated quoted field",
        "text_after_closing_quote.csv": "2:11: unexpected character after closing quote",
        "embedded_newline_then_ragged.csv": "4:2: expected 2 fields (as in the header), found 1",
        "byte_order_mark_only.csv": "1:1: empty file: no header row",
        "invalid_utf8_text.csv": "3:3: invalid UTF-8 in field 2",
        "invalid_utf8_header.csv": "1:4: invalid UTF-8 in the name of column 2",
        "invalid_utf8_after_numbers.csv": "4:1: invalid UTF-8 in field 1",
        "truncated_utf8_at_end.csv": "2:3: invalid UTF-8 in field 2",
        "empty.csv": "1:1: empty file: no header row",
        "blank_lines_only.csv": "1:1: empty file: no header row",
    ]

    static let readable: Set<String> = [
        "blank_line_one_column.csv", "embedded_newlines.csv", "byte_order_mark.csv", "crlf.csv", "lone_cr.csv", "mixed_line_endings.csv",
        "header_only.csv", "header_only_no_newline.csv", "duplicate_names.csv", "duplicate_names_collide.csv",
        "empty_names.csv", "pandas_index.csv", "trailing_separator.csv", "special_numbers.csv",
        "extreme_numbers.csv", "quoted_numbers.csv", "nul_byte.csv", "stray_quote_in_field.csv",
    ]

    @Test(arguments: expectedErrors.keys.sorted())
    func errorNamesFileLineAndColumn(_ name: String) {
        #expect(HostileCorpus.error(name) == "\(name):\(Self.expectedErrors[name]!)")
    }

    @Test func embeddedLineBreaksSeparatorsAndQuotesAreData() throws {
        let frame = try HostileCorpus.read("embedded_newlines.csv")
        #expect(frame.column(named: "id")?.numbers == [1, 2, 3])
        #expect(frame.column(named: "note")?.strings == ["line one\nline two", "crlf\r\ninside, with a comma", "say \"hi\""])
    }

    @Test func byteOrderMarkIsNotPartOfTheFirstName() throws {
        let frame = try HostileCorpus.read("byte_order_mark.csv")
        #expect(frame.names == ["id", "name"])
        #expect(frame.column(named: "id")?.numbers == [1, 2])
    }

    @Test(arguments: ["crlf.csv", "lone_cr.csv"])
    func lineEndings(_ name: String) throws {
        let frame = try HostileCorpus.read(name)
        #expect(frame.column(named: "x")?.numbers == [1, 2])
        #expect(frame.column(named: "y")?.strings == ["a", "b"])
    }

    @Test func mixedLineEndingsInOneFile() throws {
        let frame = try HostileCorpus.read("mixed_line_endings.csv")
        #expect(frame.column(named: "x")?.numbers == [1, 2, 3])
        #expect(frame.column(named: "y")?.strings == ["a", "b", "c"])
    }

    @Test(arguments: ["header_only.csv", "header_only_no_newline.csv"])
    func headerOnlyIsAFrameWithNoRows(_ name: String) throws {
        let frame = try HostileCorpus.read(name)
        #expect(frame.names == ["a", "b", "c"] && frame.rowCount == 0)
    }

    @Test func repeatedNamesGetTheirOccurrenceNumber() throws {
        let frame = try HostileCorpus.read("duplicate_names.csv")
        #expect(frame.names == ["a", "b", "a_2", "a_3"])
        #expect(frame.columns.map(\.numbers) == [[1], [2], [3], [4]])
        #expect(try HostileCorpus.read("duplicate_names_collide.csv").names == ["a", "a_3", "a_2"])
    }

    @Test func emptyNamesGetTheirPosition() throws {
        #expect(try HostileCorpus.read("empty_names.csv").names == ["column_1", "x", "column_3"])
        let indexed = try HostileCorpus.read("pandas_index.csv")
        #expect(indexed.names == ["column_1", "score"])
        #expect(indexed.column(named: "column_1")?.numbers == [0, 1])
        let trailing = try HostileCorpus.read("trailing_separator.csv")
        #expect(trailing.names == ["a", "b", "column_3"])
        #expect(trailing.column(named: "column_3") == .numeric(NumericColumn([.nan, .nan])))
    }

    @Test func infinitiesAndNotANumber() throws {
        let frame = try HostileCorpus.read("special_numbers.csv")
        #expect(frame.column(named: "v") == .numeric(NumericColumn([.infinity, -.infinity, .nan, .infinity, -.infinity, .nan, .infinity])))
    }

    /// Huge, subnormal and out-of-range numbers round as strtod does: overflow to ±inf, underflow to ±0.
    @Test func extremeNumbersRoundCorrectly() throws {
        let values = try #require(try HostileCorpus.read("extreme_numbers.csv").column(named: "v")?.numbers)
        #expect(values.count == 11)
        #expect(values[0] == 1e308 && values[1] == -1e308 && values[2] == .greatestFiniteMagnitude)
        #expect(values[3].isSubnormal && values[3] == Double("1e-320"))
        #expect(values[4] == .leastNonzeroMagnitude && values[5] == 0)
        #expect(values[6] == .infinity && values[7] == -.infinity && values[8] == 0)
        #expect(values[9] == 0.1 && values[10] == 123456789012345678901234567890.0)
    }

    /// In a one-column file a blank line is one empty field, a missing value (as write_csv writes it);
    /// with more columns it is a short row, an error.
    @Test func aBlankLineInAOneColumnFileIsAMissingValue() throws {
        let frame = try HostileCorpus.read("blank_line_one_column.csv")
        #expect(frame.rowCount == 3)
        #expect(frame.column(named: "a")?.numbers?.map { $0.isNaN ? -1 : $0 } == [1, -1, 2])
    }

    @Test func quotedNumbersAreNumbers() throws {
        let frame = try HostileCorpus.read("quoted_numbers.csv")
        #expect(frame.column(named: "a")?.numbers == [1.5, -3] && frame.column(named: "b")?.numbers == [2, 4])
    }

    @Test func oddBytesInsideFieldsAreKept() throws {
        #expect(try HostileCorpus.read("nul_byte.csv").column(named: "b")?.strings == ["x\u{0}y"])
        #expect(try HostileCorpus.read("stray_quote_in_field.csv").column(named: "b")?.strings == ["ab\"c"])
    }
}
