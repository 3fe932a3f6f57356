// SchemaElement: one node of a Parquet schema, which the footer lists depth first (a group gives its number
// of children; a leaf gives its physical type).

struct SchemaElement {
    var type: Int32?
    var typeLength: Int32?
    var repetition: Int32?
    var name = ""
    var childCount: Int32?
    var convertedType: Int32?
    var scale: Int32?
    var precision: Int32?
    var logicalType: LogicalType?
}

extension SchemaElement: ThriftDecodable {
    init(thrift reader: inout ThriftCompactReader) throws(ParquetError) {
        var element = SchemaElement()
        var named = false
        try reader.structure { reader, id, type throws(ParquetError) in
            switch (id, type) {
            case (1, .i32): element.type = try reader.i32()
            case (2, .i32): element.typeLength = try reader.i32()
            case (3, .i32): element.repetition = try reader.i32()
            case (4, .binary): element.name = try reader.string(); named = true
            case (5, .i32): element.childCount = try reader.i32()
            case (6, .i32): element.convertedType = try reader.i32()
            case (7, .i32): element.scale = try reader.i32()
            case (8, .i32): element.precision = try reader.i32()
            case (10, .structure): element.logicalType = try LogicalType(thrift: &reader)
            default: try reader.skip(type)
            }
        }
        guard named else { throw ParquetError("a schema element has no name") }
        self = element
    }
}
