// ColumnMetaData: where one column chunk's pages are in the file, how they are compressed, how many values they
// hold, and the chunk's statistics.

struct ColumnMetaData {
    var type: Int32 = -1
    var encodings: [Int32] = []
    var path: [String] = []
    var codec: Int32 = -1
    var valueCount: Int64 = -1
    var totalUncompressedSize: Int64 = -1
    var totalCompressedSize: Int64 = -1
    var dataPageOffset: Int64 = -1
    var indexPageOffset: Int64?
    var dictionaryPageOffset: Int64?
    var statistics: Statistics?
}

extension ColumnMetaData: ThriftDecodable {
    init(thrift reader: inout ThriftCompactReader) throws(ParquetError) {
        var metadata = ColumnMetaData()
        try reader.structure { reader, id, type throws(ParquetError) in
            switch (id, type) {
            case (1, .i32): metadata.type = try reader.i32()
            case (2, .list): metadata.encodings = try reader.i32List()
            case (3, .list): metadata.path = try reader.stringList()
            case (4, .i32): metadata.codec = try reader.i32()
            case (5, .i64): metadata.valueCount = try reader.i64()
            case (6, .i64): metadata.totalUncompressedSize = try reader.i64()
            case (7, .i64): metadata.totalCompressedSize = try reader.i64()
            case (9, .i64): metadata.dataPageOffset = try reader.i64()
            case (10, .i64): metadata.indexPageOffset = try reader.i64()
            case (11, .i64): metadata.dictionaryPageOffset = try reader.i64()
            case (12, .structure): metadata.statistics = try Statistics(thrift: &reader)
            default: try reader.skip(type)
            }
        }
        guard metadata.type >= 0, metadata.codec >= 0, metadata.valueCount >= 0, metadata.totalCompressedSize >= 0,
              metadata.dataPageOffset >= 0 else {
            throw ParquetError("a column chunk's metadata lacks its type, codec, value count, size or page offset, or one is negative")
        }
        self = metadata
    }
}
