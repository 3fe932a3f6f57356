// CSVReaderTests: CSV parsing rules, type inference and every error the reader reports (messages checked exactly).
import Foundation
import Testing
@testable import DriftCore
import DriftTestSupport

@Suite(.temporaryFiles) struct CSVReaderTests {
    @Test func infersColumnTypes() throws {
        let frame = try readCSV("a,b,c,d\n1,x,true,\n2.5,y,FALSE,NA\n")
        #expect(frame.names == ["a", "b", "c", "d"])
        #expect(frame.column(named: "a")?.numbers == [1, 2.5])
        #expect(frame.column(named: "b")?.strings == ["x", "y"])
        #expect(frame.column(named: "c")?.flags == [true, false])
        // A column with no present value is numeric, all missing.
        #expect(frame.column(named: "d") == .numeric(NumericColumn([.nan, .nan])))
    }

    @Test func quotedFields() throws {
        let frame = try readCSV("name,note\n\"Smith, J\",\"said \"\"hi\"\"\nthen left\"\n\"\",plain\n")
        #expect(frame.column(named: "name")?.strings == ["Smith, J", nil])
        #expect(frame.column(named: "note")?.strings == ["said \"hi\"\nthen left", "plain"])
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func lineEndings(_ end: String) throws {
        let frame = try readCSV("a,b" + end + "1,\"x" + end + "y\"" + end + "2,z" + end)
        #expect(frame.column(named: "a")?.numbers == [1, 2])
        #expect(frame.column(named: "b")?.strings == ["x" + end + "y", "z"])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let frame = try readCSV(bytes: [0xEF, 0xBB, 0xBF] + Array("id\n7\n".utf8))
        #expect(frame.names == ["id"] && frame.column(named: "id")?.numbers == [7])
    }

    @Test func specialNumbers() throws {
        let frame = try readCSV("v\ninf\n-INF\nNaN\nnan\n1e3\n+Infinity\n-0\n.5\n5.\n")
        #expect(frame.column(named: "v") == .numeric(NumericColumn([.infinity, -.infinity, .nan, .nan, 1000, .infinity, -0.0, 0.5, 5])))
    }

    @Test func missingTokensInEveryType() throws {
        let frame = try readCSV("s,n,b\nfoo,1,true\nNA,NA,NA\nnull,null,null\n,,\nNaN,NaN,NaN\n")
        #expect(frame.column(named: "s")?.strings == ["foo", nil, nil, nil, nil])
        #expect(frame.column(named: "n") == .numeric(NumericColumn([1, .nan, .nan, .nan, .nan])))
        #expect(frame.column(named: "b")?.flags == [true, nil, nil, nil, nil])
    }

    @Test func mixedColumnsBecomeText() throws {
        #expect(try readCSV("v,w\n1,2\n2,3\nabc,4\n").column(named: "v")?.strings == ["1", "2", "abc"])
        #expect(try readCSV("v\ntrue\n1\n").column(named: "v")?.strings == ["true", "1"])
        #expect(try readCSV("v\nnan\nabc\n").column(named: "v")?.strings == ["nan", "abc"])
        #expect(try readCSV("v\nTrue\nno\n").column(named: "v")?.strings == ["True", "no"])
        let late = try readCSV("v,w\n" + (0..<70_000).map { "\($0),\($0)\n" }.joined() + "x,1\n")
        #expect(late.column(named: "v")?.typeName == "str" && late.column(named: "w")?.typeName == "num")
        #expect(late.column(named: "v")?.strings?.last == "x" && late.rowCount == 70_001)
    }

    @Test func blankLines() throws {
        #expect(try readCSV("a\n1").rowCount == 1)
        #expect(try readCSV("a\n1\n\n\r\n").rowCount == 1)
        // In a one-column file a blank line inside the data is a missing value.
        #expect(try readCSV("a\n1\n\n2\n").column(named: "a") == .numeric(NumericColumn([1, .nan, 2])))
    }

    @Test func headerOnlyGivesTextColumnsWithNoRows() throws {
        let frame = try readCSV("a,b\n")
        #expect(frame.rowCount == 0 && frame.columns.map(\.typeName) == ["str", "str"])
        #expect(try readCSV("a,b").rowCount == 0)
    }

    @Test func otherSeparator() throws {
        let frame = try readCSV("a;b\n1,5;x\n", separator: UInt8(ascii: ";"))
        #expect(frame.column(named: "a")?.strings == ["1,5"] && frame.column(named: "b")?.strings == ["x"])
    }

    @Test func errors() {
        #expect(csvErrorDescription("") == "test.csv:1:1: empty file: no header row")
        #expect(csvErrorDescription("\n\r\n") == "test.csv:1:1: empty file: no header row")
        #expect(csvErrorDescription(bytes: [0xEF, 0xBB, 0xBF]) == "test.csv:1:1: empty file: no header row")
        #expect(csvErrorDescription("a,b\n1,2\n3\n") == "test.csv:3:2: expected 2 fields (as in the header), found 1")
        #expect(csvErrorDescription("a,b\n1,2,3,4\n") == "test.csv:2:5: expected 2 fields (as in the header), found 4")
        #expect(csvErrorDescription("a,b\n1,2\n\n3,4\n") == "test.csv:3:1: expected 2 fields (as in the header), found 1")
        #expect(csvErrorDescription("a,b\n1,\"abc\n2,3\n") == "test.csv:2:3: unterminated quoted field")
        #expect(csvErrorDescription("name,v\n\"é\",\"x\n") == "test.csv:2:5: unterminated quoted field")
        #expect(csvErrorDescription("a\n\"x\"y\n") == "test.csv:2:4: unexpected character after closing quote")
        #expect(csvErrorDescription("a,b\n\"x\ny\",1\n2\n") == "test.csv:4:2: expected 2 fields (as in the header), found 1")
        #expect(csvErrorDescription(bytes: Array("a,b\n1,x\n2,".utf8) + [0xC3, 0x28] + [10])
            == "test.csv:3:3: invalid UTF-8 in field 2")
        #expect(csvErrorDescription(bytes: [0xFF] + Array("\n1\n".utf8)) == "test.csv:1:1: invalid UTF-8 in the name of column 1")
    }

    @Test func invalidSeparatorIsRejected() {
        #expect(throws: CSVError(source: "test.csv", line: 1, column: 1, message: "invalid separator byte 34")) {
            try readCSV("a\n1\n", separator: UInt8(ascii: "\""))
        }
    }

    @Test func missingFileIsAFileAccessError() {
        #expect(throws: FileAccessError("cannot read '/nonexistent/x.csv': no such file")) {
            try CSVReader.read(path: "/nonexistent/x.csv")
        }
    }

    /// The reader gives back pages of a mapped file it is done with; touched again, they read the same bytes.
    @Test func discardedPagesOfAMappedFileReadBackUnchanged() throws {
        let path = try temporaryPath("pages.csv")
        let text = "v\n" + (0..<200_000).map { "\($0)\n" }.joined()
        try FileAccess.writeAtomically(Data(text.utf8), to: path)
        let contents = try FileAccess.contents(path)
        #expect(contents.isMapped)
        contents.data.withUnsafeBytes { FileAccess.discardPages(of: $0.baseAddress!, 0..<$0.count) }
        #expect(contents.data == Data(text.utf8))
        #expect(try CSVReader.read(path: path).column(named: "v")?.numbers?.last == 199_999)
    }

    @Test func fileSourceLoadsThroughTheReader() throws {
        let path = try temporaryPath("source.csv")
        try FileAccess.writeAtomically(Data("a,b\n1,x\n".utf8), to: path)
        let source = CSVFileSource(path: path)
        #expect(source.name == path)
        #expect(try source.load().column(named: "b")?.strings == ["x"])
    }
}

/// Inputs are cut into blocks of rows, parsed on several threads when they hold no quote; the result must not
/// depend on the number of threads or the block size.
@Suite(.temporaryFiles) struct BlockedCSVReaderTests {
    func read(_ text: String, threads: Int, blockSize: Int = 4096) throws -> DataFrame {
        try Array(text.utf8).withUnsafeBytes {
            try CSVReader.read(bytes: $0, source: "big.csv", options: .init(), maximumThreads: threads, blockSize: blockSize)
        }
    }

    /// Rows whose kinds change half-way: `late` is missing in the first half, `mixed` turns to text at the end.
    func rows(_ count: Int, lastMixed: String = "x") -> String {
        var text = "i,late,name,flag,mixed\r\n"
        for i in 0..<count {
            let late = i < count / 2 ? "" : "\(Double(i) / 8)"
            let mixed = i == count - 1 ? lastMixed : "\(i % 7)"
            text += "\(i),\(late),name\(i % 13),\(i % 3 == 0 ? "true" : "false"),\(mixed)\r\n"
        }
        return text
    }

    @Test func blocksOnSeveralThreadsMatchOneThread() throws {
        let text = rows(40_000)
        let parallel = try read(text, threads: 4)
        #expect(parallel == (try read(text, threads: 1, blockSize: 1 << 30)))
        #expect(parallel == (try read(text, threads: 1)))
        #expect(parallel.rowCount == 40_000)
        #expect(parallel.columns.map(\.typeName) == ["num", "num", "str", "bool", "str"])
        #expect(parallel.column(named: "late")?.numbers?.last == 39_999.0 / 8)
        #expect(parallel.column(named: "name")?.uniqued().count == 13)
        #expect(parallel.column(named: "mixed")?.strings?.suffix(2) == ["\(39_998 % 7)", "x"])
    }

    @Test func errorsInLaterBlocksReportTheirLine() {
        #expect(throws: CSVError(
            source: "big.csv", line: 40_002, column: 4, message: "expected 5 fields (as in the header), found 2")
        ) { try read(rows(40_000) + "1,2\r\n", threads: 4) }
    }

    @Test func theFirstErrorInTheFileWins() {
        var lines = rows(40_000).components(separatedBy: "\r\n")
        lines[30_000] = "1,2"
        lines[5_000] = "1,2,3,4,5,6"
        #expect(throws: CSVError(
            source: "big.csv", line: 5_001, column: 11, message: "expected 5 fields (as in the header), found 6")
        ) { try read(lines.joined(separator: "\r\n"), threads: 4) }
    }
}
