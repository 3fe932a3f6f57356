// LogicalType: the annotation that says what a column's physical values mean (a string, a decimal, a timestamp
// in some unit ...), decoded from parquet.thrift's LogicalType union. Kinds the reader does not know decode as
// `.other` with their field id, so a file using a newer annotation still opens.

enum TimeUnit: Equatable {
    case millis, micros, nanos
}

enum LogicalType: Equatable {
    case string, map, list, enumeration, date, json, bson, uuid, float16, unknown
    case decimal(scale: Int32, precision: Int32)
    case time(utc: Bool, unit: TimeUnit)
    case timestamp(utc: Bool, unit: TimeUnit)
    case integer(bitWidth: Int8, signed: Bool)
    case other(Int16)
}

extension LogicalType: ThriftDecodable {
    init(thrift reader: inout ThriftCompactReader) throws(ParquetError) {
        var kind: LogicalType?
        try reader.structure { reader, id, type throws(ParquetError) in
            guard type == .structure else { return try reader.skip(type) }
            switch id {
            case 1: kind = .string
            case 2: kind = .map
            case 3: kind = .list
            case 4: kind = .enumeration
            case 5: kind = try Self.decimal(&reader); return
            case 6: kind = .date
            case 7, 8:
                let (utc, unit) = try Self.timeFields(&reader)
                kind = id == 7 ? .time(utc: utc, unit: unit) : .timestamp(utc: utc, unit: unit)
                return
            case 10: kind = try Self.integer(&reader); return
            case 11: kind = .unknown
            case 12: kind = .json
            case 13: kind = .bson
            case 14: kind = .uuid
            case 15: kind = .float16
            default: kind = .other(id)
            }
            try reader.skip(type)
        }
        guard let kind else { throw ParquetError("a LogicalType names no kind") }
        self = kind
    }

    private static func decimal(_ reader: inout ThriftCompactReader) throws(ParquetError) -> LogicalType {
        var scale: Int32 = 0, precision: Int32 = 0
        try reader.structure { reader, id, type throws(ParquetError) in
            switch (id, type) {
            case (1, .i32): scale = try reader.i32()
            case (2, .i32): precision = try reader.i32()
            default: try reader.skip(type)
            }
        }
        return .decimal(scale: scale, precision: precision)
    }

    private static func timeFields(_ reader: inout ThriftCompactReader) throws(ParquetError) -> (Bool, TimeUnit) {
        var utc = false
        var unit: TimeUnit?
        try reader.structure { reader, id, type throws(ParquetError) in
            switch (id, type) {
            case (1, .booleanTrue), (1, .booleanFalse): utc = reader.bool(type)
            case (2, .structure): unit = try timeUnit(&reader)
            default: try reader.skip(type)
            }
        }
        guard let unit else { throw ParquetError("a time or timestamp type names no unit") }
        return (utc, unit)
    }

    private static func timeUnit(_ reader: inout ThriftCompactReader) throws(ParquetError) -> TimeUnit? {
        var unit: TimeUnit?
        try reader.structure { reader, id, type throws(ParquetError) in
            switch id {
            case 1: unit = .millis
            case 2: unit = .micros
            case 3: unit = .nanos
            default: break
            }
            try reader.skip(type)
        }
        return unit
    }

    private static func integer(_ reader: inout ThriftCompactReader) throws(ParquetError) -> LogicalType {
        var width: Int8 = 64
        var signed = true
        try reader.structure { reader, id, type throws(ParquetError) in
            switch (id, type) {
            case (1, .byte): width = Int8(bitPattern: try reader.byte())
            case (2, .booleanTrue), (2, .booleanFalse): signed = reader.bool(type)
            default: try reader.skip(type)
            }
        }
        return .integer(bitWidth: width, signed: signed)
    }
}
