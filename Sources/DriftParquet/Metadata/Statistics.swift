// Statistics: the minimum, maximum and null count a writer may record for a column chunk or a page, as the
// plain-encoded bytes of the physical type. Only `minValue`/`maxValue` (the new fields) follow a defined sort
// order; the deprecated `min`/`max` are kept apart so a summary can decide which it may trust.

struct Statistics {
    var max: [UInt8]?
    var min: [UInt8]?
    var nullCount: Int64?
    var distinctCount: Int64?
    var maxValue: [UInt8]?
    var minValue: [UInt8]?
    var isMaxValueExact: Bool?
    var isMinValueExact: Bool?
}

extension Statistics: ThriftDecodable {
    init(thrift reader: inout ThriftCompactReader) throws(ParquetError) {
        var statistics = Statistics()
        try reader.structure { reader, id, type throws(ParquetError) in
            switch (id, type) {
            case (1, .binary): statistics.max = Array(try reader.binary())
            case (2, .binary): statistics.min = Array(try reader.binary())
            case (3, .i64): statistics.nullCount = try reader.i64()
            case (4, .i64): statistics.distinctCount = try reader.i64()
            case (5, .binary): statistics.maxValue = Array(try reader.binary())
            case (6, .binary): statistics.minValue = Array(try reader.binary())
            case (7, .booleanTrue), (7, .booleanFalse): statistics.isMaxValueExact = reader.bool(type)
            case (8, .booleanTrue), (8, .booleanFalse): statistics.isMinValueExact = reader.bool(type)
            default: try reader.skip(type)
            }
        }
        self = statistics
    }
}
