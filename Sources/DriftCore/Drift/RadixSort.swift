// RadixSort: ascending sort of NaN-free Doubles by least-significant-digit radix sort on their bit patterns.
// Hand-written because the standard library's comparison sort is several times slower on a million values, and
// every sort-based drift test starts by sorting both samples. Doubles map to order-preserving UInt64 keys
// (flip all bits of negatives, the sign bit of non-negatives; Herf 2001); 16-bit digits, 4 counting passes,
// passes whose digit is constant are skipped. -0.0 sorts before +0.0, which compare equal anyway.

extension Array where Element == Double {
    /// Sorts NaN-free values ascending; small arrays use the standard sort.
    mutating func sortAscending() throws(InterruptedError) {
        if count < 4096 {
            sort()
            return
        }
        let n = count
        var keys = [UInt64](repeating: 0, count: n)
        var scratch = [UInt64](repeating: 0, count: n)
        var histograms = [Int](repeating: 0, count: 4 * 65536)
        withUnsafeBufferPointer { values in
            keys.withUnsafeMutableBufferPointer { keys in
                histograms.withUnsafeMutableBufferPointer { counts in
                    for i in 0..<n {
                        let bits = values[i].bitPattern
                        let key = bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
                        keys[i] = key
                        counts[Int(key & 0xFFFF)] += 1
                        counts[65536 + Int((key >> 16) & 0xFFFF)] += 1
                        counts[131072 + Int((key >> 32) & 0xFFFF)] += 1
                        counts[196608 + Int(key >> 48)] += 1
                    }
                }
            }
        }
        try Cancellation.check()
        for pass in 0..<4 {
            let shift = UInt64(16 * pass)
            let base = pass * 65536
            // Skip a pass where every key has the same digit.
            let firstDigit = Int((keys[0] >> shift) & 0xFFFF)
            if histograms[base + firstDigit] == n { continue }
            histograms.withUnsafeMutableBufferPointer { counts in
                var total = 0
                for d in 0..<65536 {
                    let c = counts[base + d]
                    counts[base + d] = total
                    total += c
                }
                keys.withUnsafeBufferPointer { source in
                    scratch.withUnsafeMutableBufferPointer { target in
                        for i in 0..<n {
                            let key = source[i]
                            let digit = base + Int((key >> shift) & 0xFFFF)
                            target[counts[digit]] = key
                            counts[digit] += 1
                        }
                    }
                }
            }
            swap(&keys, &scratch)
            try Cancellation.check()
        }
        keys.withUnsafeBufferPointer { keys in
            withUnsafeMutableBufferPointer { values in
                for i in 0..<n {
                    let key = keys[i]
                    let bits = key & (1 << 63) != 0 ? key & ~(1 << 63) : ~key
                    values[i] = Double(bitPattern: bits)
                }
            }
        }
    }
}
