// ChunkOrder: every chunk's present numbers in ascending order, with each value's place in the sorted reference,
// from one sort of the whole column.
//
// Sorting each chunk on its own ran a 65,536-bucket radix sort per chunk (for a 10,000-value chunk its histograms
// cost more than its values), and KS then searched the reference for every value (a gallop and a binary search,
// their branches mispredicted about half the time): together most of `monitor`'s time. Here one radix sort of the
// column's values with their chunk numbers, one pass that deals them out to their chunks in ascending order (so
// each chunk's come out sorted), and one merge with the reference replace both.

/// A chunk's present numbers, ascending, and for each how many reference values lie below it and at or below it
/// (the reference's ECDF at the value and just before it, as counts). The counts are empty when not asked for.
struct SortedChunk {
    var values: [Double] = []
    var referenceBelow: [Int] = []
    var referenceAtOrBelow: [Int] = []
}

enum ChunkOrder {
    /// The chunks' sorted numbers from `column`, in the order of `chunks`;
    /// with the counts in `sortedReference` (present numbers, ascending) when it is given.
    static func sortedChunks(_ column: [Double], chunks: [Chunk], rankingIn sortedReference: [Double]?) throws -> [SortedChunk] {
        // Each present value's key and chunk, sorted together: the chunk rides along, so dealing the values out
        // reads no table by row (a lookup by row, in sorted order, was a cache miss per value).
        var keys: [UInt64] = [], chunkOfKey: [UInt32] = []
        let rowCount = chunks.reduce(0) { $0 + $1.rowCount }
        keys.reserveCapacity(rowCount)
        chunkOfKey.reserveCapacity(rowCount)
        var sizes = [Int](repeating: 0, count: chunks.count)
        column.withUnsafeBufferPointer { column in
            for (position, chunk) in chunks.enumerated() {
                for row in chunk.rows.clamped(to: 0..<column.count) where !column[row].isNaN {
                    keys.append(RadixSort.key(column[row]))
                    chunkOfKey.append(UInt32(position))
                    sizes[position] += 1
                }
            }
        }
        try RadixSort.sort(&keys, carrying: &chunkOfKey)
        // Dealt into one buffer per field, each chunk's stretch filled from its own start, then cut per chunk.
        let counted = sortedReference != nil
        var starts = [Int](repeating: 0, count: chunks.count + 1)
        for (position, size) in sizes.enumerated() { starts[position + 1] = starts[position] + size }
        var next = Array(starts.dropLast())
        var values = [Double](repeating: 0, count: keys.count)
        var below = [Int](repeating: 0, count: counted ? keys.count : 0)
        var atOrBelow = below
        let reference = sortedReference ?? []
        values.withUnsafeMutableBufferPointer { values in
            below.withUnsafeMutableBufferPointer { belowOut in
                atOrBelow.withUnsafeMutableBufferPointer { atOrBelowOut in
                    reference.withUnsafeBufferPointer { reference in
                        // The reference's counts below and at or below the current value: the values only grow,
                        // so both only move on.
                        var referenceBelow = 0, referenceAtOrBelow = 0
                        for index in keys.indices {
                            let chunk = Int(chunkOfKey[index])
                            let place = next[chunk]
                            next[chunk] = place + 1
                            let value = RadixSort.value(keys[index])
                            values[place] = value
                            guard counted else { continue }
                            while referenceBelow < reference.count, reference[referenceBelow] < value { referenceBelow += 1 }
                            referenceAtOrBelow = Swift.max(referenceAtOrBelow, referenceBelow)
                            while referenceAtOrBelow < reference.count, reference[referenceAtOrBelow] <= value { referenceAtOrBelow += 1 }
                            belowOut[place] = referenceBelow
                            atOrBelowOut[place] = referenceAtOrBelow
                        }
                    }
                }
            }
        }
        return chunks.indices.map { position in
            let stretch = starts[position]..<starts[position + 1]
            return counted
                ? SortedChunk(values: Array(values[stretch]), referenceBelow: Array(below[stretch]), referenceAtOrBelow: Array(atOrBelow[stretch]))
                : SortedChunk(values: Array(values[stretch]))
        }
    }
}
