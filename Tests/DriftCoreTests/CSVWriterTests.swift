// CSVWriterTests: the CSV the writer produces and that it reads back to the same frame.
import Foundation
import Testing
@testable import DriftCore
import DriftTestSupport

@Suite(.temporaryFiles) struct CSVWriterTests {
    let frame = try! DataFrame([
        ("x", .numeric(NumericColumn([1, 0.1, .nan, -2.5e-7, 1e300, -.infinity, 123456789012]))),
        ("text", .text(TextColumn(["plain", "a,b", "say \"hi\"", "two\nlines", nil, "cr\rhere", "é"]))),
        ("flag", .boolean(BoolColumn([true, false, nil, true, true, false, nil]))),
    ])

    @Test func formatsValuesAndQuotesWhereNeeded() {
        let lines = [
            "x,text,flag",
            "1,plain,true",
            "0.1,\"a,b\",false",
            ",\"say \"\"hi\"\"\",",
            "-2.5e-07,\"two\nlines\",true",
            "1e+300,,true",
            "-inf,\"cr\rhere\",false",
            "123456789012,é,",
        ]
        #expect(CSVWriter.string(frame) == lines.map { $0 + "\n" }.joined())
    }

    @Test func numbersAreShortestRoundTrip() {
        #expect(CSVWriter.formatted(3) == "3" && CSVWriter.formatted(-0.0) == "-0")
        #expect(CSVWriter.formatted(1.0 / 3) == "0.3333333333333333")
        #expect(CSVWriter.formatted(9_007_199_254_740_992) == "9007199254740992" && CSVWriter.formatted(1e16) == "1e+16")
        var generator = SeededGenerator(seed: 5)
        for _ in 0..<10_000 {
            let value = Double(bitPattern: generator.next())
            guard value.isFinite else { continue }
            let text = CSVWriter.formatted(value)
            #expect(Array(text.utf8).withUnsafeBufferPointer { NumberParser.parse($0) } == value)
        }
    }

    @Test func roundTripsThroughTheReader() throws {
        #expect(try readCSV(CSVWriter.string(frame)) == frame)
        let semicolons = CSVOptions(separator: UInt8(ascii: ";"))
        #expect(try readCSV(CSVWriter.string(frame, options: semicolons), separator: UInt8(ascii: ";")) == frame)
    }

    @Test func writesFiles() throws {
        let path = try temporaryPath("written.csv")
        try CSVWriter.write(frame, to: path)
        #expect(try CSVReader.read(path: path) == frame)
    }
}
