// FileMetaData: the footer of a Parquet file: the schema, the row count and the row groups.

struct FileMetaData {
    var version: Int32 = 0
    var schema: [SchemaElement] = []
    var rowCount: Int64 = -1
    var rowGroups: [RowGroup] = []
    var createdBy: String?
}

extension FileMetaData: ThriftDecodable {
    init(thrift reader: inout ThriftCompactReader) throws(ParquetError) {
        var metadata = FileMetaData()
        try reader.structure { reader, id, type throws(ParquetError) in
            switch (id, type) {
            case (1, .i32): metadata.version = try reader.i32()
            case (2, .list): metadata.schema = try reader.list(of: SchemaElement.self)
            case (3, .i64): metadata.rowCount = try reader.i64()
            case (4, .list): metadata.rowGroups = try reader.list(of: RowGroup.self)
            case (6, .binary): metadata.createdBy = try reader.string()
            default: try reader.skip(type)
            }
        }
        guard !metadata.schema.isEmpty else { throw ParquetError("the footer has no schema") }
        guard metadata.rowCount >= 0 else { throw ParquetError("the footer has no row count, or a negative one") }
        self = metadata
    }
}
