// ThriftCompactWriter: encodes Thrift's compact protocol (Parquet's footer and page headers), the mirror of
// ThriftCompactReader. Structures write themselves through `ThriftEncodable`, field by field: the writer keeps
// the last field id of each open structure so field headers carry the short id delta where they can.

/// A Thrift structure that can be written in the compact protocol.
protocol ThriftEncodable {
    func write(thrift writer: inout ThriftCompactWriter)
}

struct ThriftCompactWriter {
    private(set) var bytes: [UInt8] = []
    /// The last field id written in each structure being written, innermost last.
    private var lastIDs: [Int16] = [0]

    init() {}

    // MARK: Fields

    mutating func field(_ id: Int16, _ value: Int32) {
        header(id, .i32)
        bytes.appendVarint(zigzag(Int64(value)))
    }

    mutating func field(_ id: Int16, _ value: Int64) {
        header(id, .i64)
        bytes.appendVarint(zigzag(value))
    }

    mutating func field(_ id: Int16, _ value: Int8) {
        header(id, .byte)
        bytes.append(UInt8(bitPattern: value))
    }

    mutating func field(_ id: Int16, _ value: Bool) {
        header(id, value ? .booleanTrue : .booleanFalse)
    }

    mutating func field(_ id: Int16, _ value: String) {
        field(id, binary: Array(value.utf8))
    }

    mutating func field(_ id: Int16, binary value: [UInt8]) {
        header(id, .binary)
        bytes.appendVarint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    mutating func field(_ id: Int16, _ value: some ThriftEncodable) {
        header(id, .structure)
        structure(value)
    }

    /// An empty structure (the members of Parquet's unions that carry no data, such as `StringType`).
    mutating func emptyStructure(_ id: Int16) {
        header(id, .structure)
        bytes.append(ThriftType.stop.rawValue)
    }

    mutating func field(_ id: Int16, _ values: [some ThriftEncodable]) {
        header(id, .list)
        listHeader(.structure, values.count)
        for value in values { structure(value) }
    }

    mutating func field(_ id: Int16, _ values: [Int32]) {
        header(id, .list)
        listHeader(.i32, values.count)
        for value in values { bytes.appendVarint(zigzag(Int64(value))) }
    }

    mutating func field(_ id: Int16, _ values: [String]) {
        header(id, .list)
        listHeader(.binary, values.count)
        for value in values {
            bytes.appendVarint(UInt64(value.utf8.count))
            bytes.append(contentsOf: value.utf8)
        }
    }

    /// Writes `value`'s fields followed by the stop marker.
    mutating func structure(_ value: some ThriftEncodable) {
        lastIDs.append(0)
        value.write(thrift: &self)
        bytes.append(ThriftType.stop.rawValue)
        lastIDs.removeLast()
    }

    // MARK: Encoding

    private mutating func header(_ id: Int16, _ type: ThriftType) {
        let delta = id - lastIDs[lastIDs.count - 1]
        if delta > 0, delta <= 15 {
            bytes.append(UInt8(delta) << 4 | type.rawValue)
        } else {
            bytes.append(type.rawValue)
            bytes.appendVarint(zigzag(Int64(id)))
        }
        lastIDs[lastIDs.count - 1] = id
    }

    private mutating func listHeader(_ type: ThriftType, _ count: Int) {
        if count < 15 {
            bytes.append(UInt8(count) << 4 | type.rawValue)
        } else {
            bytes.append(0xF0 | type.rawValue)
            bytes.appendVarint(UInt64(count))
        }
    }

    private func zigzag(_ value: Int64) -> UInt64 { UInt64(bitPattern: (value << 1) ^ (value >> 63)) }
}

extension ThriftCompactWriter {
    /// The compact encoding of one structure.
    static func encode(_ value: some ThriftEncodable) -> [UInt8] {
        var writer = ThriftCompactWriter()
        writer.structure(value)
        return writer.bytes
    }
}
