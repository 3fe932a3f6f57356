// RowGroup and ColumnChunk: a horizontal slice of the table, and each column's part of it.

struct ColumnChunk {
    var filePath: String?
    var metadata: ColumnMetaData?
}

struct RowGroup {
    var columns: [ColumnChunk] = []
    var rowCount: Int64 = -1
}

extension ColumnChunk: ThriftDecodable {
    init(thrift reader: inout ThriftCompactReader) throws(ParquetError) {
        var chunk = ColumnChunk()
        try reader.structure { reader, id, type throws(ParquetError) in
            switch (id, type) {
            case (1, .binary): chunk.filePath = try reader.string()
            case (3, .structure): chunk.metadata = try ColumnMetaData(thrift: &reader)
            default: try reader.skip(type)
            }
        }
        self = chunk
    }
}

extension RowGroup: ThriftDecodable {
    init(thrift reader: inout ThriftCompactReader) throws(ParquetError) {
        var group = RowGroup()
        try reader.structure { reader, id, type throws(ParquetError) in
            switch (id, type) {
            case (1, .list): group.columns = try reader.list(of: ColumnChunk.self)
            case (3, .i64): group.rowCount = try reader.i64()
            default: try reader.skip(type)
            }
        }
        guard group.rowCount >= 0 else { throw ParquetError("a row group has no row count, or a negative one") }
        self = group
    }
}
