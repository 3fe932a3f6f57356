// ScanChunkingTests: chunk boundaries never change what is read — quoted line breaks, \r\n endings, records
// longer than a chunk, a column whose type changes late, and parse errors reported at their line in the file.
import Foundation
import Testing
@testable import DriftCore
import DriftTestSupport

@Suite(.temporaryFiles) struct ScanChunkingTests {
    static func write(_ text: String) throws -> String {
        let path = try temporaryPath("scan.csv")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Every column scanned with each chunk size agrees with the whole-file reader.
    static func expectSameAsReader(_ text: String, chunks: [Int] = [1, 2, 3, 7, 16, 64, 1 << 20]) throws {
        let path = try write(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let frame = try CSVReader.read(path: path)
        for chunkBytes in chunks {
            let source = try CSVScanSource(path: path, chunkBytes: chunkBytes)
            #expect(source.columnNames == frame.names)
            let summaries = try source.summarize(frame.names, SummaryRequest()).summaries
            for (name, column) in zip(frame.names, frame.columns) {
                let summary = try #require(summaries[name])
                #expect(summary.typeName == column.typeName, "\(name) at \(chunkBytes) bytes")
                #expect(summary.rowCount == column.count && summary.missing == column.missingCount, "\(name) at \(chunkBytes)")
                let counts = try #require(summary.categories).valueCounts()
                #expect(counts.values == column.valueCounts().values && counts.counts == column.valueCounts().counts, "\(name) at \(chunkBytes)")
            }
        }
    }

    @Test func quotedLineBreaksAndLineEndings() throws {
        try Self.expectSameAsReader("a,b\n1,\"x\ny\"\n2,\"he said \"\"hi\"\"\r\n\"\n3,z\n")
        try Self.expectSameAsReader("a,b\r\n1,x\r\n2,y\r\n3,\r\n")
        try Self.expectSameAsReader("\u{FEFF}\"a\nb\",c\n1,2\n3,4")
        try Self.expectSameAsReader("a,b\r1,x\r2,y\r")
    }

    @Test func typesAgreeWithTheWholeFile() throws {
        // Numbers, then text: text. Booleans, then numbers: text. Missing only: numeric. Header only: text.
        try Self.expectSameAsReader("n,b,m\n1,true,\n2,false,\n3.5,TRUE,NA\nx1,1,\n")
        try Self.expectSameAsReader("n,b\n")
        try Self.expectSameAsReader("n\n1.0\n2\n1e3\n")
    }

    @Test func errorsNameTheirLineInTheFile() throws {
        let path = try Self.write("a,b\n1,2\n3,4\n\"q\nq\",5\n6,7,8\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let whole: String
        do { _ = try CSVReader.read(path: path); whole = "" } catch { whole = "\(error)" }
        #expect(whole.contains(":6:"))
        for chunkBytes in [1, 4, 9, 100] {
            let source = try CSVScanSource(path: path, chunkBytes: chunkBytes)
            #expect(throws: CSVError.self) { try source.summarize(["a"], SummaryRequest()) }
            do { _ = try source.summarize(["a"], SummaryRequest()) } catch { #expect("\(error)" == whole, "at \(chunkBytes)") }
        }
    }

    @Test func aMissingFileIsAFileError() {
        #expect(throws: FileAccessError.self) { try CSVScanSource(path: "/nonexistent/x.csv") }
    }
}
