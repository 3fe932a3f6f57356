// ByteCursor: a read position in a buffer with the few primitives the encodings and the Thrift decoder need
// (bytes, varints, fixed little-endian integers, slices), each checked against the bytes that remain.

struct ByteCursor {
    let bytes: UnsafeRawBufferPointer
    var position = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var remaining: Int { bytes.count - position }

    mutating func byte() throws(ParquetError) -> UInt8 {
        guard position < bytes.count else { throw ParquetError("the data ends early (at byte \(position))") }
        defer { position += 1 }
        return bytes[position]
    }

    /// An unsigned LEB128 varint of at most 10 bytes.
    mutating func varint() throws(ParquetError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            result |= UInt64(next & 0x7F) << shift
            if next & 0x80 == 0 { return result }
            shift += 7
            if shift > 63 { throw ParquetError("a varint is longer than 10 bytes (at byte \(position))") }
        }
    }

    mutating func zigzag() throws(ParquetError) -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    /// A varint that must be a count or size no larger than `limit`; `what` names it in the error.
    mutating func count(_ what: String, limit: Int) throws(ParquetError) -> Int {
        let value = try varint()
        guard value <= UInt64(limit) else { throw ParquetError("\(what) is \(value), more than \(limit)") }
        return Int(value)
    }

    /// `count` bytes (0...8) as a little-endian unsigned integer.
    mutating func littleEndian(_ count: Int) throws(ParquetError) -> UInt64 {
        guard count <= remaining else { throw ParquetError("the data ends inside a \(count)-byte value (at byte \(position))") }
        var value: UInt64 = 0
        for index in stride(from: count - 1, through: 0, by: -1) { value = value << 8 | UInt64(bytes[position + index]) }
        position += count
        return value
    }

    /// The next `count` bytes.
    mutating func take(_ count: Int, _ what: String) throws(ParquetError) -> UnsafeRawBufferPointer {
        guard count >= 0, count <= remaining else {
            throw ParquetError("\(what) declares \(count) bytes but only \(remaining) remain")
        }
        defer { position += count }
        return UnsafeRawBufferPointer(rebasing: bytes[position..<position + count])
    }

    /// The bytes after the current position.
    var rest: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[position...]) }
}
