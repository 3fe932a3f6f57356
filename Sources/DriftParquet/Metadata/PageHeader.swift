// PageHeader: the Thrift header in front of every page of a column chunk: its kind, sizes, optional CRC, and
// the header of its kind (data page v1, dictionary page, data page v2).

struct DataPageHeader {
    var valueCount: Int32 = -1
    var encoding: Int32 = -1
    var definitionLevelEncoding: Int32 = -1
    var repetitionLevelEncoding: Int32 = -1
}

struct DictionaryPageHeader {
    var valueCount: Int32 = -1
    var encoding: Int32 = -1
}

struct DataPageHeaderV2 {
    var valueCount: Int32 = -1
    var nullCount: Int32 = -1
    var rowCount: Int32 = -1
    var encoding: Int32 = -1
    var definitionLevelsLength: Int32 = -1
    var repetitionLevelsLength: Int32 = -1
    var isCompressed = true
}

struct PageHeader {
    var type: Int32 = -1
    var uncompressedSize: Int32 = -1
    var compressedSize: Int32 = -1
    var crc: Int32?
    var dataPage: DataPageHeader?
    var dictionaryPage: DictionaryPageHeader?
    var dataPageV2: DataPageHeaderV2?
}

extension PageHeader: ThriftDecodable {
    init(thrift reader: inout ThriftCompactReader) throws(ParquetError) {
        var header = PageHeader()
        try reader.structure { reader, id, type throws(ParquetError) in
            switch (id, type) {
            case (1, .i32): header.type = try reader.i32()
            case (2, .i32): header.uncompressedSize = try reader.i32()
            case (3, .i32): header.compressedSize = try reader.i32()
            case (4, .i32): header.crc = try reader.i32()
            case (5, .structure): header.dataPage = try DataPageHeader(thrift: &reader)
            case (7, .structure): header.dictionaryPage = try DictionaryPageHeader(thrift: &reader)
            case (8, .structure): header.dataPageV2 = try DataPageHeaderV2(thrift: &reader)
            default: try reader.skip(type)
            }
        }
        guard header.type >= 0 else { throw ParquetError("a page header has no page type") }
        guard header.compressedSize >= 0, header.uncompressedSize >= 0 else {
            throw ParquetError("a page header declares a negative size (compressed \(header.compressedSize), uncompressed \(header.uncompressedSize))")
        }
        self = header
    }
}

extension DataPageHeader: ThriftDecodable {
    init(thrift reader: inout ThriftCompactReader) throws(ParquetError) {
        var header = DataPageHeader()
        try reader.structure { reader, id, type throws(ParquetError) in
            switch (id, type) {
            case (1, .i32): header.valueCount = try reader.i32()
            case (2, .i32): header.encoding = try reader.i32()
            case (3, .i32): header.definitionLevelEncoding = try reader.i32()
            case (4, .i32): header.repetitionLevelEncoding = try reader.i32()
            default: try reader.skip(type)
            }
        }
        guard header.valueCount >= 0 else { throw ParquetError("a data page declares a negative value count or none") }
        self = header
    }
}

extension DictionaryPageHeader: ThriftDecodable {
    init(thrift reader: inout ThriftCompactReader) throws(ParquetError) {
        var header = DictionaryPageHeader()
        try reader.structure { reader, id, type throws(ParquetError) in
            switch (id, type) {
            case (1, .i32): header.valueCount = try reader.i32()
            case (2, .i32): header.encoding = try reader.i32()
            default: try reader.skip(type)
            }
        }
        guard header.valueCount >= 0 else { throw ParquetError("a dictionary page declares a negative value count or none") }
        self = header
    }
}

extension DataPageHeaderV2: ThriftDecodable {
    init(thrift reader: inout ThriftCompactReader) throws(ParquetError) {
        var header = DataPageHeaderV2()
        try reader.structure { reader, id, type throws(ParquetError) in
            switch (id, type) {
            case (1, .i32): header.valueCount = try reader.i32()
            case (2, .i32): header.nullCount = try reader.i32()
            case (3, .i32): header.rowCount = try reader.i32()
            case (4, .i32): header.encoding = try reader.i32()
            case (5, .i32): header.definitionLevelsLength = try reader.i32()
            case (6, .i32): header.repetitionLevelsLength = try reader.i32()
            case (7, .booleanTrue), (7, .booleanFalse): header.isCompressed = reader.bool(type)
            default: try reader.skip(type)
            }
        }
        guard header.valueCount >= 0, header.nullCount >= 0, header.definitionLevelsLength >= 0,
              header.repetitionLevelsLength >= 0 else {
            throw ParquetError("a v2 data page declares a negative (or no) value count, null count or level length")
        }
        self = header
    }
}
