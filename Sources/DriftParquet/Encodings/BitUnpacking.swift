// Bit unpacking: reads little-endian bit-packed integers (LSB first), as the RLE/bit-packed hybrid and
// DELTA_BINARY_PACKED store them. Reads whole 8-byte words where they fit, byte by byte at a buffer's end.

extension UnsafeRawBufferPointer {
    /// The `width`-bit value (0...64) starting at bit `bit`. Bits past the buffer's end read as zero; callers
    /// check that the bits they need are inside.
    @inline(__always)
    func bits(at bit: Int, width: Int) -> UInt64 {
        let byte = bit >> 3, shift = bit & 7
        var value = word(at: byte) >> UInt64(shift)
        if shift + width > 64, byte + 8 < count {
            value |= UInt64(self[byte + 8]) << UInt64(64 - shift)
        }
        return width >= 64 ? value : value & ((1 << UInt64(width)) &- 1)
    }

    /// The little-endian word at `offset`, zero-filled past the end.
    @inline(__always)
    func word(at offset: Int) -> UInt64 {
        if offset + 8 <= count { return UInt64(littleEndian: loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        var value: UInt64 = 0
        var index = count - 1
        while index >= offset {
            value = value << 8 | UInt64(self[index])
            index -= 1
        }
        return value
    }
}

/// The bytes `count` values of `width` bits take, rounded up.
@inline(__always)
func packedByteCount(_ count: Int, width: Int) -> Int { (count * width + 7) / 8 }
