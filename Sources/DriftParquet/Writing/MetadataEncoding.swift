// MetadataEncoding: the footer and page-header structures written in Thrift's compact protocol, field for field
// as parquet.thrift numbers them (the same numbers the Metadata/ decoders read). Only what the writer fills is
// written: optional fields left nil are left out.

extension FileMetaData: ThriftEncodable {
    func write(thrift writer: inout ThriftCompactWriter) {
        writer.field(1, version)
        writer.field(2, schema)
        writer.field(3, rowCount)
        writer.field(4, rowGroups)
        if let createdBy { writer.field(6, createdBy) }
        // Every leaf's statistics follow its type's defined order, so readers may trust min_value and max_value.
        writer.field(7, [TypeDefinedOrder](repeating: TypeDefinedOrder(), count: schema.count - 1))
    }
}

/// ColumnOrder's TYPE_ORDER member: statistics are ordered as the column's logical type sorts.
private struct TypeDefinedOrder: ThriftEncodable {
    func write(thrift writer: inout ThriftCompactWriter) {
        writer.emptyStructure(1)
    }
}

extension SchemaElement: ThriftEncodable {
    func write(thrift writer: inout ThriftCompactWriter) {
        if let type { writer.field(1, type) }
        if let typeLength { writer.field(2, typeLength) }
        if let repetition { writer.field(3, repetition) }
        writer.field(4, name)
        if let childCount { writer.field(5, childCount) }
        if let convertedType { writer.field(6, convertedType) }
        if let scale { writer.field(7, scale) }
        if let precision { writer.field(8, precision) }
        if let logicalType { writer.field(10, logicalType) }
    }
}

extension LogicalType: ThriftEncodable {
    func write(thrift writer: inout ThriftCompactWriter) {
        switch self {
        case .string: writer.emptyStructure(1)
        case .date: writer.emptyStructure(6)
        case .time(let utc, let unit): writer.field(7, TimeFields(utc: utc, unit: unit))
        case .timestamp(let utc, let unit): writer.field(8, TimeFields(utc: utc, unit: unit))
        default: break  // the writer annotates its columns with the kinds above only (WrittenColumn)
        }
    }
}

/// TimeType and TimestampType: whether the values are UTC-adjusted, and their unit.
private struct TimeFields: ThriftEncodable {
    var utc: Bool
    var unit: TimeUnit

    func write(thrift writer: inout ThriftCompactWriter) {
        writer.field(1, utc)
        writer.field(2, UnitMember(unit: unit))
    }

    /// The TimeUnit union: one empty structure whose field id names the unit.
    struct UnitMember: ThriftEncodable {
        var unit: TimeUnit

        func write(thrift writer: inout ThriftCompactWriter) {
            switch unit {
            case .millis: writer.emptyStructure(1)
            case .micros: writer.emptyStructure(2)
            case .nanos: writer.emptyStructure(3)
            }
        }
    }
}

extension RowGroup: ThriftEncodable {
    func write(thrift writer: inout ThriftCompactWriter) {
        writer.field(1, columns)
        writer.field(2, columns.reduce(Int64(0)) { $0 + ($1.metadata?.totalUncompressedSize ?? 0) })
        writer.field(3, rowCount)
    }
}

extension ColumnChunk: ThriftEncodable {
    func write(thrift writer: inout ThriftCompactWriter) {
        let start = metadata.map { $0.dictionaryPageOffset ?? $0.dataPageOffset } ?? 0
        writer.field(2, start)
        if let metadata { writer.field(3, metadata) }
    }
}

extension ColumnMetaData: ThriftEncodable {
    func write(thrift writer: inout ThriftCompactWriter) {
        writer.field(1, type)
        writer.field(2, encodings)
        writer.field(3, path)
        writer.field(4, codec)
        writer.field(5, valueCount)
        writer.field(6, totalUncompressedSize)
        writer.field(7, totalCompressedSize)
        writer.field(9, dataPageOffset)
        if let dictionaryPageOffset { writer.field(11, dictionaryPageOffset) }
        if let statistics { writer.field(12, statistics) }
    }
}

extension Statistics: ThriftEncodable {
    func write(thrift writer: inout ThriftCompactWriter) {
        if let nullCount { writer.field(3, nullCount) }
        if let maxValue { writer.field(5, binary: maxValue) }
        if let minValue { writer.field(6, binary: minValue) }
    }
}

extension PageHeader: ThriftEncodable {
    func write(thrift writer: inout ThriftCompactWriter) {
        writer.field(1, type)
        writer.field(2, uncompressedSize)
        writer.field(3, compressedSize)
        if let crc { writer.field(4, crc) }
        if let dataPage { writer.field(5, dataPage) }
        if let dictionaryPage { writer.field(7, dictionaryPage) }
    }
}

extension DataPageHeader: ThriftEncodable {
    func write(thrift writer: inout ThriftCompactWriter) {
        writer.field(1, valueCount)
        writer.field(2, encoding)
        writer.field(3, definitionLevelEncoding)
        writer.field(4, repetitionLevelEncoding)
    }
}

extension DictionaryPageHeader: ThriftEncodable {
    func write(thrift writer: inout ThriftCompactWriter) {
        writer.field(1, valueCount)
        writer.field(2, encoding)
    }
}
