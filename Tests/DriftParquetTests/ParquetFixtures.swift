// ParquetFixtures: the files tools/reference/make_parquet_fixtures.py wrote (Fixtures/) and the values pyarrow
// reads from them (Fixtures/expected.json), shared by the fixture and hostile-file tests.
import Foundation

enum ParquetFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    struct Column: Decodable {
        var type: String
        var values: [Value]
    }

    /// A JSON value of a column: a number, a string, a boolean or null.
    enum Value: Decodable, CustomStringConvertible {
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
