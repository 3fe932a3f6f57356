// RadixSort: ascending sort of NaN-free Doubles by least-significant-digit radix sort on their bit patterns.
// Hand-written because the standard library's comparison sort is several times slower on a million values, and
// every sort-based drift test starts by sorting both samples. Doubles map to order-preserving UInt64 keys
// (flip all bits of negatives, the sign bit of non-negatives; Herf 2001); 11-bit digits, 6 counting passes,
// passes whose digit is constant are skipped. -0.0 sorts before +0.0, which compare equal anyway.
// `RadixSort.sort(_:carrying:)` also moves a payload with the keys (monitor's ChunkOrder: each value's chunk).

enum RadixSort {
    /// The order-preserving key of a number that is not NaN.
    @inline(__always)
    static func key(_ value: Double) -> UInt64 {
        let bits = value.bitPattern
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    /// The number a key stands for.
    @inline(__always)
    static func value(_ key: UInt64) -> Double {
        Double(bitPattern: key & (1 << 63) != 0 ? key & ~(1 << 63) : ~key)
    }

    /// Bits per digit: 2,048 buckets keep every bucket's write position (and the lines it writes) in the cache,
    /// where 65,536 buckets (four 16-bit passes) missed it on nearly every write.
    private static let digitBits: UInt64 = 11
    private static let buckets = 1 << digitBits
    private static let passes = 6

    /// Sorts `keys` ascending; `payload` (empty, or one entry per key) moves with them.
    static func sort(_ keys: inout [UInt64], carrying payload: inout [UInt32]) throws(InterruptedError) {
        let n = keys.count
        guard n > 1 else { return }
        let carries = !payload.isEmpty
        let mask = UInt64(buckets - 1)
        var histograms = [Int](repeating: 0, count: passes * buckets)
        keys.withUnsafeBufferPointer { keys in
            histograms.withUnsafeMutableBufferPointer { counts in
                for key in keys {
                    for pass in 0..<passes { counts[pass * buckets + Int((key >> (digitBits * UInt64(pass))) & mask)] += 1 }
                }
            }
        }
        try Cancellation.check()
        var scratch = [UInt64](repeating: 0, count: n)
        var payloadScratch = [UInt32](repeating: 0, count: carries ? n : 0)
        for pass in 0..<passes {
            let shift = digitBits * UInt64(pass)
            let base = pass * buckets
            // Skip a pass where every key has the same digit.
            if histograms[base + Int((keys[0] >> shift) & mask)] == n { continue }
            histograms.withUnsafeMutableBufferPointer { counts in
                var total = 0
                for d in 0..<buckets {
                    let c = counts[base + d]
                    counts[base + d] = total
                    total += c
                }
                keys.withUnsafeBufferPointer { source in
                    scratch.withUnsafeMutableBufferPointer { target in
                        payload.withUnsafeBufferPointer { carried in
                            payloadScratch.withUnsafeMutableBufferPointer { carriedTarget in
                                for i in 0..<n {
                                    let key = source[i]
                                    let digit = base + Int((key >> shift) & mask)
                                    let place = counts[digit]
                                    target[place] = key
                                    if carries { carriedTarget[place] = carried[i] }
                                    counts[digit] = place + 1
                                }
                            }
                        }
                    }
                }
            }
            swap(&keys, &scratch)
            if carries { swap(&payload, &payloadScratch) }
            try Cancellation.check()
        }
    }
}

extension Array where Element == Double {
    /// Sorts NaN-free values ascending; small arrays use the standard sort.
    mutating func sortAscending() throws(InterruptedError) {
        if count < 4096 {
            sort()
            return
        }
        var keys = map(RadixSort.key)
        var nothingCarried: [UInt32] = []
        try RadixSort.sort(&keys, carrying: &nothingCarried)
        keys.withUnsafeBufferPointer { keys in
            withUnsafeMutableBufferPointer { values in
                for i in keys.indices { values[i] = RadixSort.value(keys[i]) }
            }
        }
    }

}
