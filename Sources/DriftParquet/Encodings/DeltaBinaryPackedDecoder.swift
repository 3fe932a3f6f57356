// DeltaBinaryPackedDecoder: DELTA_BINARY_PACKED, the integer encoding of blocks of bit-packed deltas from a
// first value; also the lengths inside DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY. Arithmetic wraps, as the
// format specifies, so INT32 columns read correctly after truncation.

enum DeltaBinaryPackedDecoder {
    /// The values in `cursor`'s bytes, at most `limit` of them; the cursor ends after the last miniblock read.
    static func decode(_ cursor: inout ByteCursor, limit: Int) throws(ParquetError) -> [Int64] {
        let blockSize = try cursor.count("a delta block size", limit: 1 << 20)
        let miniblockCount = try cursor.count("a delta block's miniblock count", limit: blockSize)
        guard blockSize > 0, blockSize % 128 == 0, miniblockCount > 0, blockSize % miniblockCount == 0,
              (blockSize / miniblockCount) % 32 == 0 else {
            throw ParquetError("a delta encoding has a bad block layout (block size \(blockSize), \(miniblockCount) miniblocks)")
        }
        let total = try cursor.count("a delta encoding's value count", limit: limit)
        var last = try cursor.zigzag()
        var values: [Int64] = []
        values.reserveCapacity(min(total, cursor.remaining * 64 + 1))
        if total > 0 { values.append(last) }
        let perMiniblock = blockSize / miniblockCount
        while values.count < total {
            let minimum = try cursor.zigzag()
            let widths = try cursor.take(miniblockCount, "a delta block's bit widths")
            for miniblock in 0..<miniblockCount where values.count < total {
                let width = Int(widths[miniblock])
                guard width <= 64 else { throw ParquetError("a delta miniblock has a bit width of \(width)") }
                let length = min(perMiniblock, total - values.count)
                let data = cursor.rest
                guard packedByteCount(length, width: width) <= data.count else {
                    throw ParquetError("a delta miniblock ends early (\(length) values of \(width) bits)")
                }
                for index in 0..<length {
                    last = last &+ minimum &+ Int64(bitPattern: data.bits(at: index * width, width: width))
                    values.append(last)
                }
                cursor.position += min(packedByteCount(perMiniblock, width: width), data.count)
            }
        }
        return values
    }
}
