// ByteArrays: variable-length byte strings stored back to back with their offsets, as BYTE_ARRAY values
// decode (PLAIN, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY), so a page's strings cost two allocations.

struct ByteArrays {
    var bytes: [UInt8] = []
    /// Value k is `bytes[offsets[k]..<offsets[k + 1]]`.
    var offsets: [Int] = [0]

    var count: Int { offsets.count - 1 }

    /// PLAIN: each value a 4-byte little-endian length and its bytes.
    static func plain(_ cursor: inout ByteCursor, count: Int) throws(ParquetError) -> ByteArrays {
        let start = cursor.position
        var offsets = [Int]()
        offsets.reserveCapacity(min(count, cursor.remaining / 4) + 1)
        offsets.append(0)
        var total = 0
        for _ in 0..<count {
            let length = Int(try cursor.littleEndian(4))
            _ = try cursor.take(length, "a byte array")
            total += length
            offsets.append(total)
        }
        var bytes = [UInt8](repeating: 0, count: total)
        bytes.withUnsafeMutableBytes { output in
            var position = start + 4
            for index in 0..<count {
                let length = offsets[index + 1] - offsets[index]
                output.baseAddress!.advanced(by: offsets[index]).copyMemory(from: cursor.bytes.baseAddress! + position, byteCount: length)
                position += length + 4
            }
        }
        return ByteArrays(bytes: bytes, offsets: offsets)
    }

    /// DELTA_LENGTH_BYTE_ARRAY: the lengths, delta-encoded, then all the bytes.
    static func deltaLength(_ cursor: inout ByteCursor, count: Int) throws(ParquetError) -> ByteArrays {
        let lengths = try DeltaBinaryPackedDecoder.decode(&cursor, limit: count)
        return try concatenated(&cursor, lengths: lengths)
    }

    /// DELTA_BYTE_ARRAY: prefix lengths shared with the previous value, then the suffixes as
    /// DELTA_LENGTH_BYTE_ARRAY. The whole size is known (and checked against memory) before it is built.
    static func deltaStrings(_ cursor: inout ByteCursor, count: Int) throws(ParquetError) -> ByteArrays {
        let prefixes = try DeltaBinaryPackedDecoder.decode(&cursor, limit: count)
        let suffixes = try deltaLength(&cursor, count: count)
        guard prefixes.count == suffixes.count else {
            throw ParquetError("DELTA_BYTE_ARRAY has \(prefixes.count) prefixes but \(suffixes.count) suffixes")
        }
        var total = 0, previous = 0
        for (index, prefix) in prefixes.enumerated() {
            guard prefix >= 0, prefix <= previous else {
                throw ParquetError("DELTA_BYTE_ARRAY value \(index) shares \(prefix) bytes with a value of \(previous)")
            }
            previous = Int(prefix) + suffixes.offsets[index + 1] - suffixes.offsets[index]
            total += previous
            if total > Int(Int32.max) { throw ParquetError("DELTA_BYTE_ARRAY values add up to more than 2 GB in one page") }
        }
        var offsets = [Int]()
        offsets.reserveCapacity(prefixes.count + 1)
        offsets.append(0)
        var bytes = [UInt8](repeating: 0, count: total)
        bytes.withUnsafeMutableBufferPointer { output in
            suffixes.bytes.withUnsafeBufferPointer { suffix in
                var previousStart = 0
                for (index, prefix) in prefixes.enumerated() {
                    let start = offsets[index], shared = Int(prefix)
                    let tail = suffixes.offsets[index]..<suffixes.offsets[index + 1]
                    for k in 0..<shared { output[start + k] = output[previousStart + k] }
                    for k in 0..<tail.count { output[start + shared + k] = suffix[tail.lowerBound + k] }
                    offsets.append(start + shared + tail.count)
                    previousStart = start
                }
            }
        }
        return ByteArrays(bytes: bytes, offsets: offsets)
    }

    /// Values of the given lengths, their bytes following in `cursor`.
    private static func concatenated(_ cursor: inout ByteCursor, lengths: [Int64]) throws(ParquetError) -> ByteArrays {
        var offsets = [Int]()
        offsets.reserveCapacity(lengths.count + 1)
        offsets.append(0)
        var total = 0
        for length in lengths {
            guard length >= 0, length <= Int64(cursor.remaining - total) else {
                throw ParquetError("a byte array length of \(length) goes past the end of the page")
            }
            total += Int(length)
            offsets.append(total)
        }
        return ByteArrays(bytes: Array(try cursor.take(total, "the byte arrays")), offsets: offsets)
    }
}
