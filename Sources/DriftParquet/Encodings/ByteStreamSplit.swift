// BYTE_STREAM_SPLIT: byte k of every value stored together (stream k), which compresses floating-point data
// better; rejoined here into plain little-endian values.

enum ByteStreamSplit {
    /// `count` values of `width` bytes from their split streams, as plain bytes.
    static func join(_ bytes: UnsafeRawBufferPointer, count: Int, width: Int) throws(ParquetError) -> [UInt8] {
        guard count * width <= bytes.count else {
            throw ParquetError("BYTE_STREAM_SPLIT needs \(count * width) bytes for \(count) values but the page holds \(bytes.count)")
        }
        var plain = [UInt8](repeating: 0, count: count * width)
        plain.withUnsafeMutableBufferPointer { output in
            for stream in 0..<width {
                let base = stream * count
                for index in 0..<count { output[index * width + stream] = bytes[base + index] }
            }
        }
        return plain
    }
}
