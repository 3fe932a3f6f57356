// ArrowStreamDecoderTests: the Arrow IPC stream decoder on streams pyarrow wrote (tools/reference/
// make_arrow_fixtures.py): every value of every supported type equals pyarrow's reading of it (exactly: numbers
// as their repr, times to the microsecond), missing values stay missing, unsupported types and malformed bytes
// (every truncation and every flipped byte of a valid stream) give errors, never a trap.
@testable import DriftSpark
import DriftCore
import Foundation
import Testing

@Suite struct ArrowStreamDecoderTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func bytes(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: folder.appendingPathComponent(name))) }

    static func decode(_ names: String...) throws -> DataFrame {
        var decoder = ArrowStreamDecoder()
        for name in names { try decoder.decode(try bytes(name)) }
        return try decoder.frame()
    }

    static func error(_ name: String) -> String {
        do {
            _ = try decode(name)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    struct Expected: Decodable {
        let rows: Int
        let columns: [String]
        let values: [String: [String?]]
    }

    /// Row `row` of a decoded column as the fixture writes it (numbers as their shortest repr, times as microseconds).
    static func value(_ column: Column, _ row: Int) -> String? {
        guard !column.isMissing(at: row) else { return nil }
        switch column {
        case .numeric(let numbers): return "\(numbers.values[row])"
        case .text(let text): return text.levels[Int(text.codes[row])]
        case .boolean(let flags): return flags.values[row] == 1 ? "true" : "false"
        case .time(let times): return "\(times.values[row])"
        }
    }

    @Test func everySupportedTypeReadsAsPyarrowReadsIt() throws {
        let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: Self.folder.appendingPathComponent("types.json")))
        let frame = try Self.decode("types.arrows")
        #expect(frame.names == expected.columns)
        #expect(frame.rowCount == expected.rows)
        for name in expected.columns {
            let column = try #require(frame.column(named: name))
            let values = (0..<frame.rowCount).map { Self.value(column, $0) }
            // pyarrow's repr of a float and Swift's description of a Double are both the shortest round-trip form.
            let wanted = expected.values[name]!.map { text in column.type == .numeric ? text.flatMap(Double.init).map { "\($0)" } : text }
            #expect(values == wanted, "column \(name)")
        }
        #expect(frame.column(named: "d32")?.type == .date)
        #expect(frame.column(named: "ts_ms")?.type == .datetime)
        #expect(frame.column(named: "nothing")?.type == .numeric)
    }

    @Test func aSchemaWithoutBatchesIsAnEmptyFrameWithTypedColumns() throws {
        let frame = try Self.decode("empty.arrows")
        #expect(frame.names == ["x", "y"])
        #expect(frame.rowCount == 0)
        #expect(frame.columns.map(\.type) == [.numeric, .text])
    }

    @Test func streamsWithTheSameSchemaAppend() throws {
        let frame = try Self.decode("types.arrows", "legacy.arrows")
        #expect(frame.rowCount == 9)
        let first = try Self.decode("types.arrows")
        for name in first.names {
            let a = try #require(first.column(named: name)), b = try #require(frame.column(named: name))
            #expect((0..<3).map { Self.value(a, $0) } == (6..<9).map { Self.value(b, $0) }, "column \(name)")
        }
        #expect(throws: ArrowError("the Arrow streams of one result have different schemas")) { try Self.decode("types.arrows", "empty.arrows") }
    }

    @Test func unsupportedTypesAreNamed() {
        #expect(Self.error("decimal.arrows") == "column 'amount' has Arrow type Decimal, which Drift cannot read; cast it in the query (to double, string or timestamp)")
        #expect(Self.error("list.arrows") == "column 'tags' has Arrow type List, which Drift cannot read; cast it in the query (to double, string or timestamp)")
        #expect(Self.error("dictionary.arrows") == "column 'kind' is dictionary-encoded, which Drift cannot read")
    }

    @Test func everyTruncationAndFlippedByteIsAnErrorOrAValidPrefix() throws {
        let stream = try Self.bytes("types.arrows")
        var failures = 0
        for length in 0..<stream.count {
            var decoder = ArrowStreamDecoder()
            do { try decoder.decode(Array(stream[..<length])) } catch { failures += 1 }
        }
        #expect(failures > stream.count / 2)
        failures = 0
        for position in stream.indices {
            var damaged = stream
            damaged[position] ^= 0xFF
            var decoder = ArrowStreamDecoder()
            do {
                try decoder.decode(damaged)
                _ = try decoder.frame()
            } catch {
                failures += 1
            }
        }
        #expect(failures > 0)
    }
}
