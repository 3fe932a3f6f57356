// RLEHybridDecoder: Parquet's RLE/bit-packed hybrid, used for definition levels, dictionary indices and RLE
// booleans: runs of one repeated value and groups of 8 bit-packed values, each behind a varint header.

struct RLEHybridDecoder {
    private var cursor: ByteCursor
    private let width: Int

    /// Decodes `bytes` holding values of `width` bits (0...32).
    init(_ bytes: UnsafeRawBufferPointer, width: Int) throws(ParquetError) {
        guard (0...32).contains(width) else { throw ParquetError("a bit width of \(width) is out of range (0 to 32)") }
        cursor = ByteCursor(bytes)
        self.width = width
    }

    /// Fills `output` with the next `output.count` values; an error if the data ends first.
    mutating func decode(into output: UnsafeMutableBufferPointer<UInt32>) throws(ParquetError) {
        var filled = 0
        while filled < output.count {
            let header = try cursor.varint()
            let wanted = output.count - filled
            if header & 1 == 0 {
                let run = header >> 1
                let value = UInt32(truncatingIfNeeded: try cursor.littleEndian((width + 7) / 8))
                let length = Int(min(run, UInt64(wanted)))
                (output.baseAddress! + filled).update(repeating: value, count: length)
                filled += length
            } else {
                let groups = header >> 1
                guard groups <= UInt64(cursor.remaining + 1) else {
                    throw ParquetError("a bit-packed run declares \(groups) groups but only \(cursor.remaining) bytes remain")
                }
                let length = min(Int(groups) * 8, wanted)
                let run = cursor.rest
                guard packedByteCount(length, width: width) <= run.count else {
                    throw ParquetError("a bit-packed run ends early (\(length) values of \(width) bits, \(run.count) bytes)")
                }
                for index in 0..<length {
                    output[filled + index] = UInt32(truncatingIfNeeded: run.bits(at: index * width, width: width))
                }
                filled += length
                cursor.position += min(Int(groups) * width, run.count)
            }
        }
    }

    /// The next `count` values as a new array.
    mutating func decode(count: Int) throws(ParquetError) -> [UInt32] {
        var values = [UInt32](repeating: 0, count: count)
        var failure: ParquetError?
        values.withUnsafeMutableBufferPointer { buffer in
            do throws(ParquetError) { try decode(into: buffer) } catch { failure = error }
        }
        if let failure { throw failure }
        return values
    }

    /// The next `count` values, or nil when they are all `value`, as one run that covers them says (a column
    /// whose definition levels say every value is present): then nothing is decoded or allocated.
    func decode(count: Int, unlessAll value: UInt32) throws(ParquetError) -> [UInt32]? {
        var peek = cursor
        if let header = try? peek.varint(), header & 1 == 0, header >> 1 >= UInt64(count),
           let first = try? peek.littleEndian((width + 7) / 8), first == UInt64(value) {
            return nil
        }
        var decoder = self
        return try decoder.decode(count: count)
    }
}

/// The bits needed for values up to `maximum`.
func bitWidth(_ maximum: Int) -> Int { maximum == 0 ? 0 : Int.bitWidth - maximum.leadingZeroBitCount }
