// ParquetFixtures: the files tools/reference/make_parquet_fixtures.py wrote (Fixtures/) and the values pyarrow
// reads from them (Fixtures/expected.json), shared by the fixture, hostile-file and writer tests, and the
// comparison of a column with pyarrow's values: numbers to 1e-12 relative, strings, booleans and times exactly.
import DriftCore
import Foundation
import Testing

enum ParquetFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    struct Column: Decodable, Sendable {
        var type: String
        var values: [Value]
    }

    /// A JSON value of a column: a number, a string, a boolean or null.
    enum Value: Decodable, Sendable, CustomStringConvertible {
        case number(Double), string(String), bool(Bool), null

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let flag = try? container.decode(Bool.self) { self = .bool(flag) }
            else if let number = try? container.decode(Double.self) { self = .number(number) }
            else { self = .string(try container.decode(String.self)) }
        }

        var description: String {
            switch self {
            case .number(let number): "\(number)"
            case .string(let string): string
            case .bool(let flag): "\(flag)"
            case .null: "missing"
            }
        }
    }

    /// A good file: the table it holds and the columns the reader skips with a note.
    struct File: Decodable, Sendable, CustomStringConvertible {
        var file: String
        var table: String
        var skipped: [String]

        var description: String { file }
    }

    private struct Expected: Decodable {
        var tables: [String: [String: Column]]
        var files: [File]
    }

    private static let expected: Expected = {
        let data = try! Data(contentsOf: folder.appendingPathComponent("expected.json"))
        return try! JSONDecoder().decode(Expected.self, from: data)
    }()

    static var files: [File] { expected.files }

    static func table(_ key: String) -> [String: Column]? { expected.tables[key] }
}

extension ParquetFixtures {
    /// Records an issue at the first row where `column` differs from the values pyarrow read.
    static func compare(_ column: DriftCore.Column, _ expected: ParquetFixtures.Column, _ place: String) {
        #expect(column.typeName == expected.type, "\(place)")
        #expect(column.count == expected.values.count, "\(place)")
        guard column.count == expected.values.count else { return }
        for (row, value) in expected.values.enumerated() where !matches(column, row, value) {
            Issue.record("\(place) row \(row): read \(describe(column, row)), expected \(value)")
            return
        }
    }

    private static func matches(_ column: DriftCore.Column, _ row: Int, _ value: ParquetFixtures.Value) -> Bool {
        switch (column, value) {
        case (.numeric(let numbers), .number(let number)): isClose(numbers.values[row], number)
        case (.numeric(let numbers), .null): numbers.values[row].isNaN
        case (.text(let text), .string(let string)): text[row] == string
        case (.text(let text), .null): text[row] == nil
        case (.boolean(let flags), .bool(let flag)): flags[row] == flag
        case (.boolean(let flags), .null): flags[row] == nil
        case (.time(let times), .number(let micros)): times.values[row] == Int64(exactly: micros)
        case (.time(let times), .null): times.values[row] == TimeValue.missing
        default: false
        }
    }

    private static func describe(_ column: DriftCore.Column, _ row: Int) -> String {
        switch column {
        case .numeric(let column): "\(column.values[row])"
        case .text(let column): column[row] ?? "missing"
        case .boolean(let column): column[row].map { "\($0)" } ?? "missing"
        case .time(let column): "\(column.values[row])"
        }
    }

    /// True when a and b agree to 1e-12 relative or absolute.
    private static func isClose(_ a: Double, _ b: Double) -> Bool {
        let difference = abs(a - b)
        return a == b || difference <= 1e-12 || difference <= 1e-12 * max(abs(a), abs(b))
    }
}
