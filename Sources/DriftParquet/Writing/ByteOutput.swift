// ByteOutput: appending the writer's primitive encodings to a byte buffer: ULEB128 varints (Thrift's compact
// protocol, the RLE hybrid's run headers) and little-endian integers (PLAIN values, length prefixes).

extension Array where Element == UInt8 {
    mutating func appendVarint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        append(UInt8(rest))
    }

    /// The low `byteCount` bytes of `value` (all of them by default), least significant first.
    mutating func appendLittleEndian<Integer: FixedWidthInteger>(_ value: Integer, byteCount: Int = MemoryLayout<Integer>.size) {
        for index in 0..<byteCount { append(UInt8(truncatingIfNeeded: value >> (8 * index))) }
    }
}
