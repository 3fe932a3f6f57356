// ColumnMeaning: what a leaf column's physical values become in Drift, decided once from its physical type and
// its annotations (the LogicalType, else the legacy ConvertedType): numbers, times, strings or booleans.
import DriftCore

enum ColumnMeaning {
    case boolean
    case number(NumberSource)
    case time(TimeKind, TimeSource)
    case text(TextSource)
}

/// How numbers are stored.
enum NumberSource {
    case int32(signed: Bool)
    case int64(signed: Bool)
    case float, double, float16
    /// An unscaled integer over 10^scale: INT32 or INT64, or big-endian two's complement bytes (fixed or not).
    case decimal(scale: Int, bigEndian: Bool)
}

/// How times are stored: an integer count of `unit` since the epoch (or midnight), or legacy INT96.
enum TimeSource {
    case days
    case count(TimeUnit)
    case int96
}

/// How strings are stored: UTF-8 text (annotated as such, or BINARY that must turn out to be UTF-8), or a UUID.
enum TextSource {
    case utf8
    case binary
    case uuid
}

extension ColumnMeaning {
    /// The meaning of `element`, or an error saying which type is not supported.
    init(_ element: SchemaElement) throws(ParquetError) {
        guard let raw = element.type, let physical = PhysicalType(rawValue: raw) else {
            throw ParquetError("unknown physical type \(element.type ?? -1)")
        }
        let converted = element.convertedType.flatMap(ConvertedType.init(rawValue:))
        if converted == .interval { throw ParquetError("its type (INTERVAL) is not supported") }
        let logical = element.logicalType ?? converted.flatMap { LogicalType(converted: $0, element) }
        switch (physical, logical) {
        case (.boolean, _): self = .boolean
        case (.int32, .decimal(let scale, _)?), (.int64, .decimal(let scale, _)?), (.fixedLengthByteArray, .decimal(let scale, _)?),
             (.byteArray, .decimal(let scale, _)?):
            guard (0...76).contains(scale) else {
                throw ParquetError("a decimal scale of \(scale) is out of range")
            }
            self = .number(.decimal(scale: Int(scale), bigEndian: physical == .fixedLengthByteArray || physical == .byteArray))
        case (.int32, .date?): self = .time(.date, .days)
        case (.int32, .time(_, let unit)?) where unit == .millis, (.int64, .time(_, let unit)?) where unit != .millis:
            self = .time(.duration, .count(unit))
        case (.int64, .timestamp(_, let unit)?): self = .time(.datetime, .count(unit))
        case (.int96, _): self = .time(.datetime, .int96)
        case (.int32, .integer(let width, let signed)?) where width <= 32: self = .number(.int32(signed: signed))
        case (.int64, .integer(_, let signed)?): self = .number(.int64(signed: signed))
        case (.int32, nil), (.int32, .unknown?): self = .number(.int32(signed: true))
        case (.int64, nil), (.int64, .unknown?): self = .number(.int64(signed: true))
        case (.float, _): self = .number(.float)
        case (.double, _): self = .number(.double)
        case (.fixedLengthByteArray, .float16?) where element.typeLength == 2: self = .number(.float16)
        case (.fixedLengthByteArray, .uuid?) where element.typeLength == 16: self = .text(.uuid)
        case (.byteArray, .string?), (.byteArray, .enumeration?), (.byteArray, .json?): self = .text(.utf8)
        case (.byteArray, nil), (.fixedLengthByteArray, nil): self = .text(.binary)
        default: throw ParquetError("its type (\(physical) annotated as \(logical.map { "\($0)" } ?? "nothing")) is not supported")
        }
    }
}

private extension LogicalType {
    /// The LogicalType equivalent of a legacy ConvertedType.
    init?(converted: ConvertedType, _ element: SchemaElement) {
        switch converted {
        case .utf8: self = .string
        case .enumeration: self = .enumeration
        case .json: self = .json
        case .bson: self = .bson
        case .decimal: self = .decimal(scale: element.scale ?? 0, precision: element.precision ?? 0)
        case .date: self = .date
        case .timeMillis: self = .time(utc: true, unit: .millis)
        case .timeMicros: self = .time(utc: true, unit: .micros)
        case .timestampMillis: self = .timestamp(utc: true, unit: .millis)
        case .timestampMicros: self = .timestamp(utc: true, unit: .micros)
        case .uint8: self = .integer(bitWidth: 8, signed: false)
        case .uint16: self = .integer(bitWidth: 16, signed: false)
        case .uint32: self = .integer(bitWidth: 32, signed: false)
        case .uint64: self = .integer(bitWidth: 64, signed: false)
        case .int8: self = .integer(bitWidth: 8, signed: true)
        case .int16: self = .integer(bitWidth: 16, signed: true)
        case .int32: self = .integer(bitWidth: 32, signed: true)
        case .int64: self = .integer(bitWidth: 64, signed: true)
        case .map, .mapKeyValue, .list, .interval: return nil
        }
    }
}
