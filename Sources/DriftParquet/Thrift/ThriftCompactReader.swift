// ThriftCompactReader: decodes Thrift's compact protocol (the encoding of Parquet's footer and page headers)
// from a byte buffer. Written for hostile input: every declared length and element count is checked against
// the bytes that remain before anything is allocated (a ByteCursor does the reading), nesting is bounded, and
// unknown fields are skipped.
// Structures decode themselves through `ThriftDecodable`; an encoder can later mirror this reader.

/// A Thrift structure that can be read from the compact protocol.
protocol ThriftDecodable {
    init(thrift reader: inout ThriftCompactReader) throws(ParquetError)
}

struct ThriftCompactReader {
    /// The deepest nesting of structures and containers accepted (Parquet's own structures nest about 6 deep).
    static let maximumDepth = 32

    private var cursor: ByteCursor
    private var depth = 0

    init(_ bytes: UnsafeRawBufferPointer, at position: Int = 0) {
        cursor = ByteCursor(bytes)
        cursor.position = position
    }

    /// The offset of the next byte to read.
    var position: Int { cursor.position }
    var remaining: Int { cursor.remaining }

    mutating func byte() throws(ParquetError) -> UInt8 { try cursor.byte() }

    mutating func varint() throws(ParquetError) -> UInt64 { try cursor.varint() }

    mutating func i64() throws(ParquetError) -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    mutating func i32() throws(ParquetError) -> Int32 {
        let value = try i64()
        guard let narrow = Int32(exactly: value) else { throw ParquetError("a Thrift i32 holds \(value), out of range") }
        return narrow
    }

    mutating func i16() throws(ParquetError) -> Int16 {
        let value = try i64()
        guard let narrow = Int16(exactly: value) else { throw ParquetError("a Thrift i16 holds \(value), out of range") }
        return narrow
    }

    mutating func double() throws(ParquetError) -> Double {
        Double(bitPattern: try cursor.littleEndian(8))
    }

    /// A length-prefixed byte string, as bytes of the buffer (valid while the buffer is).
    mutating func binary() throws(ParquetError) -> UnsafeRawBufferPointer {
        try cursor.take(Int(clamping: try varint()), "a Thrift string")
    }

    mutating func string() throws(ParquetError) -> String {
        let raw = try binary()
        return String(decoding: raw, as: UTF8.self)
    }

    /// A boolean field's value, carried by its type code.
    func bool(_ type: ThriftType) -> Bool { type == .booleanTrue }

    /// Reads a structure's fields up to its stop marker, handing each field's id and type to `field`, which
    /// reads the value or calls `skip`.
    mutating func structure(_ field: (inout ThriftCompactReader, Int16, ThriftType) throws(ParquetError) -> Void) throws(ParquetError) {
        try enter()
        defer { depth -= 1 }
        var lastID: Int16 = 0
        while true {
            let header = try byte()
            guard let type = ThriftType(rawValue: header & 0x0F) else {
                throw ParquetError("unknown Thrift type \(header & 0x0F) (at byte \(position - 1))")
            }
            if type == .stop { return }
            let delta = Int16(header >> 4)
            let id = delta == 0 ? try i16() : lastID &+ delta
            lastID = id
            try field(&self, id, type)
        }
    }

    /// A list's element type and count; the count is checked against the bytes that remain.
    mutating func listHeader() throws(ParquetError) -> (type: ThriftType, count: Int) {
        let header = try byte()
        guard let type = ThriftType(rawValue: header & 0x0F) else {
            throw ParquetError("unknown Thrift list element type \(header & 0x0F)")
        }
        var count = UInt64(header >> 4)
        if count == 15 { count = try varint() }
        let least = max(type.minimumSize, 1)
        guard count <= UInt64(remaining / least) else {
            throw ParquetError("a Thrift list declares \(count) elements but only \(remaining) bytes remain")
        }
        return (type, Int(count))
    }

    /// A list of structures.
    mutating func list<Element: ThriftDecodable>(of _: Element.Type) throws(ParquetError) -> [Element] {
        try enter()
        defer { depth -= 1 }
        return try list(of: .structure) { reader throws(ParquetError) in try Element(thrift: &reader) }
    }

    /// A list of i32 (Parquet's enums).
    mutating func i32List() throws(ParquetError) -> [Int32] {
        try list(of: .i32) { reader throws(ParquetError) in try reader.i32() }
    }

    /// A list of strings.
    mutating func stringList() throws(ParquetError) -> [String] {
        try list(of: .binary) { reader throws(ParquetError) in try reader.string() }
    }

    /// A list whose elements are of `type`, each read by `element`.
    private mutating func list<Element>(of type: ThriftType, _ element: (inout ThriftCompactReader) throws(ParquetError) -> Element) throws(ParquetError) -> [Element] {
        let (found, count) = try listHeader()
        guard found == type else { throw ParquetError("expected a list of \(type), found a list of \(found)") }
        var elements: [Element] = []
        elements.reserveCapacity(count)
        for _ in 0..<count { elements.append(try element(&self)) }
        return elements
    }

    /// Skips a value of `type` (a field this reader does not know, or does not need).
    mutating func skip(_ type: ThriftType) throws(ParquetError) {
        switch type {
        case .stop, .booleanTrue, .booleanFalse: return
        case .byte: _ = try byte()
        case .i16, .i32, .i64: _ = try varint()
        case .double: _ = try double()
        case .binary: _ = try binary()
        case .uuid: _ = try cursor.take(16, "a Thrift uuid")
        case .structure: try structure { reader, _, type throws(ParquetError) in try reader.skip(type) }
        case .list, .set:
            let (element, count) = try listHeader()
            try enter()
            defer { depth -= 1 }
            for _ in 0..<count { try skipElement(element) }
        case .map:
            let count = try varint()
            guard count > 0 else { return }
            let types = try byte()
            guard let key = ThriftType(rawValue: types >> 4), let value = ThriftType(rawValue: types & 0x0F),
                  count <= UInt64(remaining / 2) else {
                throw ParquetError("a Thrift map is malformed (\(count) entries, \(remaining) bytes remain)")
            }
            try enter()
            defer { depth -= 1 }
            for _ in 0..<count {
                try skipElement(key)
                try skipElement(value)
            }
        }
    }

    /// Skips one element of a container, where a boolean takes a byte.
    private mutating func skipElement(_ type: ThriftType) throws(ParquetError) {
        if type == .booleanTrue || type == .booleanFalse { _ = try byte() } else { try skip(type) }
    }

    private mutating func enter() throws(ParquetError) {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw ParquetError("the Thrift data nests deeper than \(Self.maximumDepth) levels")
        }
    }
}
