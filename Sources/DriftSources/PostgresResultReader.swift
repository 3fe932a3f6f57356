// PostgresResultReader: turns PostgreSQL result rows into typed columns. Each column's type decides once how
// its cells are decoded: integers, floats and numeric become numbers; text-like types (text, varchar, char,
// name, uuid, json, jsonb) dictionary-encoded text; boolean booleans; date a date column, timestamp and timestamptz
// datetime columns (a timestamp without time zone is taken as UTC, as a naive CSV timestamp is), interval a
// duration column. ±infinity dates and timestamps are missing. Any other type is refused up front, naming the
// column and suggesting a cast.
import DriftCore
import Foundation
import NIOCore
import PostgresNIO

struct PostgresResultReader {
    private enum Decoding {
        case boolean, integer, float4, float8, numeric, text, date, timestamp, interval

        init?(_ type: PostgresDataType) {
            switch type {
            case .bool: self = .boolean
            case .int2, .int4, .int8, .oid: self = .integer
            case .float4: self = .float4
            case .float8: self = .float8
            case .numeric: self = .numeric
            case .text, .varchar, .bpchar, .name, .uuid, .json, .jsonb: self = .text
            case .date: self = .date
            case .timestamp, .timestamptz: self = .timestamp
            case .interval: self = .interval
            default: return nil
            }
        }

        var kind: ColumnCollector.Kind {
            switch self {
            case .boolean: .boolean
            case .integer, .float4, .float8, .numeric: .numeric
            case .text: .text
            case .date: .time(.date)
            case .timestamp: .time(.datetime)
            case .interval: .time(.duration)
            }
        }
    }

    private let names: [String]
    private let decodings: [Decoding]
    private var collectors: [ColumnCollector]

    init(columns: PostgresColumns, sql: String) throws {
        names = columns.map(\.name)
        decodings = try columns.map { column in
            guard let decoding = Decoding(column.dataType) else {
                let type = column.dataType.knownSQLName ?? "type \(column.dataType.rawValue)"
                throw SQLError.query(
                    "column '\(column.name)' has PostgreSQL type \(type), which Drift cannot read; cast it in the query, e.g. \(column.name)::text",
                    sql: sql)
            }
            return decoding
        }
        collectors = decodings.map { ColumnCollector(kind: $0.kind) }
    }

    mutating func append(_ row: PostgresRow) throws {
        let cells = row.makeRandomAccess()
        for index in decodings.indices {
            let cell = cells[index]
            guard var bytes = cell.bytes else {
                collectors[index].appendMissing()
                continue
            }
            switch decodings[index] {
            case .boolean: collectors[index].append(try cell.decode(Bool.self))
            case .integer: collectors[index].append(Double(try cell.decode(Int64.self)))
            case .float4: collectors[index].append(Double(try cell.decode(Float.self)))
            case .float8: collectors[index].append(try cell.decode(Double.self))
            case .numeric:
                // The binary header's sign word marks NaN (missing) and ±Infinity, which the Decimal decoding
                // would turn into 0; other values go through the exact decimal text, so the double is the
                // correctly rounded one.
                switch bytes.getInteger(at: bytes.readerIndex + 4, as: UInt16.self) {
                case 0xC000?: collectors[index].append(Double.nan)
                case 0xD000?: collectors[index].append(Double.infinity)
                case 0xF000?: collectors[index].append(-Double.infinity)
                default: collectors[index].append(Double(try cell.decode(Decimal.self).description) ?? .nan)
                }
            case .text: collectors[index].append(try cell.decode(String.self))
            case .date:
                guard let days = bytes.readInteger(as: Int32.self) else { throw Self.malformed(cell) }
                if days == .max || days == .min {
                    collectors[index].appendMissing()
                } else {
                    guard let micros = Micros.exactly(Int64(days) + Self.epochDay, Micros.day) else { throw outOfRange(index) }
                    collectors[index].append(TimeValue(micros: micros, kind: .date))
                }
            case .timestamp:
                guard let micros = bytes.readInteger(as: Int64.self) else { throw Self.malformed(cell) }
                if micros == .max || micros == .min {
                    collectors[index].appendMissing()
                } else {
                    guard let instant = Micros.exactly(Self.epochDay, Micros.day, plus: micros) else { throw outOfRange(index) }
                    collectors[index].append(TimeValue(micros: instant, kind: .datetime))
                }
            case .interval:
                // Microseconds, days, months; a month has no fixed length.
                guard let micros = bytes.readInteger(as: Int64.self), let days = bytes.readInteger(as: Int32.self),
                      let months = bytes.readInteger(as: Int32.self)
                else { throw Self.malformed(cell) }
                guard months == 0 else {
                    throw SQLError("column '\(names[index])' holds an interval of \(months) months, which has no fixed length; convert it in the query, e.g. extract(epoch from \(names[index]))")
                }
                guard let length = Micros.exactly(Int64(days), Micros.day, plus: micros) else { throw outOfRange(index) }
                collectors[index].append(TimeValue(micros: length, kind: .duration))
            }
        }
    }

    /// Days from 1970-01-01 to PostgreSQL's epoch, 2000-01-01.
    private static let epochDay: Int64 = 10_957

    /// A date, timestamp or interval beyond the range of Drift's times.
    private func outOfRange(_ column: Int) -> SQLError {
        SQLError("column '\(names[column])' holds a time beyond the range Drift's times hold (about 73,000 years either side of 1970)")
    }

    func frame() throws -> DataFrame {
        try DataFrame(zip(names, collectors).map { ($0, $1.column()) })
    }

    private static func malformed(_ cell: PostgresCell) -> SQLError {
        SQLError("column '\(cell.columnName)': malformed \(cell.dataType) value from the server")
    }
}
