// RLEHybridEncoder: Parquet's RLE/bit-packed hybrid, the mirror of RLEHybridDecoder: a run of 8 or more equal
// values becomes one RLE run; anything else is bit-packed in groups of 8 (the last group padded with zeros,
// which the reader ignores because it knows the count). Used for definition levels and dictionary indices.

enum RLEHybridEncoder {
    /// `values`, each below 2^`width`, encoded with `width` bits (0...32), appended to `output`.
    static func encode(_ values: [UInt32], width: Int, into output: inout [UInt8]) {
        var start = 0
        while start < values.count {
            let run = runLength(values, at: start)
            if run >= 8 {
                output.appendVarint(UInt64(run) << 1)
                output.appendLittleEndian(values[start], byteCount: (width + 7) / 8)
                start += run
                continue
            }
            // Bit-packed groups of 8 until a run of 8 or more begins at a group's boundary.
            var end = start
            repeat {
                end = min(end + 8, values.count)
            } while end < values.count && runLength(values, at: end) < 8
            let groups = (end - start + 7) / 8
            output.appendVarint(UInt64(groups) << 1 | 1)
            pack(values[start..<end], groups: groups, width: width, into: &output)
            start = end
        }
    }

    /// How many values from `start` on equal the one at `start`.
    private static func runLength(_ values: [UInt32], at start: Int) -> Int {
        var end = start + 1
        while end < values.count, values[end] == values[start] { end += 1 }
        return end - start
    }

    /// `groups` × 8 values of `width` bits, least significant bit first (missing values at the end are 0).
    private static func pack(_ values: ArraySlice<UInt32>, groups: Int, width: Int, into output: inout [UInt8]) {
        let first = output.count
        output.append(contentsOf: repeatElement(0, count: groups * width))
        var bit = 0
        for value in values {
            var remaining = width, rest = value
            while remaining > 0 {
                let byte = first + bit >> 3, offset = bit & 7
                let taken = min(8 - offset, remaining)
                output[byte] |= UInt8(truncatingIfNeeded: rest & ((1 << taken) - 1)) << offset
                rest >>= taken
                remaining -= taken
                bit += taken
            }
        }
    }
}
