// LargeHostileCSVTests: the hostile CSV cases too big to commit, generated into a temporary directory at run
// time: a column that turns from numbers to text at row 900,000, 50 MB single lines and a very wide header.
import Foundation
import Testing
@testable import DriftCore
import DriftTestSupport

@Suite(.serialized, .temporaryFiles) struct LargeHostileCSVTests {
    /// Writes `bytes` to a fresh temporary file, reads it through `CSVReader.read(path:)` and removes it.
    private func readGenerated(_ bytes: [UInt8]) throws -> DataFrame {
        let path = try temporaryPath("generated.csv")
        try FileAccess.writeAtomically(Data(bytes), to: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try CSVReader.read(path: path)
    }

    @Test func numbersTurningToTextAtRow900000KeepEveryRow() throws {
        var bytes = Array("i,v\n".utf8)
        bytes.reserveCapacity(16 << 20)
        for i in 0..<900_000 { bytes += "\(i),\(i / 2)\n".utf8 }
        bytes += "900000,unknown\n".utf8
        let frame = try readGenerated(bytes)
        #expect(frame.rowCount == 900_001)
        #expect(frame.column(named: "i")?.typeName == "num")
        guard case .text(let v) = frame.column(named: "v") else {
            Issue.record("v should be text")
            return
        }
        #expect(v[0] == "0" && v[899_999] == "449999" && v[900_000] == "unknown")
    }

    @Test func aFiftyMegabyteQuotedField() throws {
        let blob = [UInt8](repeating: UInt8(ascii: "x"), count: 50 << 20)
        let frame = try readGenerated(Array("id,blob\n1,\"".utf8) + blob + Array("\"\n2,short\n".utf8))
        #expect(frame.column(named: "id")?.numbers == [1, 2])
        guard case .text(let column) = frame.column(named: "blob") else {
            Issue.record("blob should be text")
            return
        }
        #expect(column[0]?.utf8.count == 50 << 20 && column[1] == "short")
    }

    /// Numbers of millions of digits go to strtod whole (8 MB here: 50 MB takes about a second in a release
    /// build, too slow for a debug test run).
    @Test func anEightMegabyteNumber() throws {
        let digits = [UInt8](repeating: UInt8(ascii: "7"), count: 8 << 20)
        let frame = try readGenerated(Array("v\n0.".utf8) + digits + Array("\n".utf8) + digits + Array("\n".utf8))
        #expect(frame.column(named: "v")?.numbers == [0.7777777777777778, .infinity])
    }

    /// A file without a line break is a header and no rows: a 4 MB one has about half a million names (a 50 MB
    /// one, about six million, reads the same way in seconds in a release build; too slow for a debug test run).
    @Test func aHeaderLineOfHalfAMillionNames() throws {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4 << 20)
        var count = 0
        while bytes.count < 4 << 20 {
            if count > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes += "c\(count)".utf8
            count += 1
        }
        let frame = try readGenerated(bytes)
        #expect(frame.columnCount == count && frame.rowCount == 0)
        #expect(frame.names.last == "c\(count - 1)")
    }
}
