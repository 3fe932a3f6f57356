// RadixOrder: the stable permutation that sorts unsigned 64-bit keys, by least-significant-digit radix sort
// carrying each key's position (behind `order`, `rank` and `sort` on text and booleans). O(n): 16-bit digits,
// at most 4 counting passes, a pass skipped when every key has the same digit there (so small keys such as
// level ranks and booleans take one pass). Each pass keeps the order of equal digits, so the whole is stable.

extension Array where Element == UInt64 {
    /// The positions of the keys in ascending key order, equal keys in their original order.
    func stableOrder() throws(InterruptedError) -> [Int] {
        let n = count
        var keys = self
        var rows = Array<Int>(0..<n)
        guard n > 1 else { return rows }
        var histograms = [Int](repeating: 0, count: 4 * 65536)
        histograms.withUnsafeMutableBufferPointer { counts in
            for key in self {
                for pass in 0..<4 { counts[pass * 65536 + Int((key >> UInt64(16 * pass)) & 0xFFFF)] += 1 }
            }
        }
        var scratchKeys = [UInt64](repeating: 0, count: n)
        var scratchRows = [Int](repeating: 0, count: n)
        for pass in 0..<4 {
            try Cancellation.check()
            let shift = UInt64(16 * pass), base = pass * 65536
            if histograms[base + Int((keys[0] >> shift) & 0xFFFF)] == n { continue }
            histograms.withUnsafeMutableBufferPointer { counts in
                var total = 0
                for digit in base..<(base + 65536) {
                    let count = counts[digit]
                    counts[digit] = total
                    total += count
                }
                keys.withUnsafeBufferPointer { sourceKeys in
                    rows.withUnsafeBufferPointer { sourceRows in
                        scratchKeys.withUnsafeMutableBufferPointer { targetKeys in
                            scratchRows.withUnsafeMutableBufferPointer { targetRows in
                                for i in 0..<n {
                                    let digit = base + Int((sourceKeys[i] >> shift) & 0xFFFF)
                                    targetKeys[counts[digit]] = sourceKeys[i]
                                    targetRows[counts[digit]] = sourceRows[i]
                                    counts[digit] += 1
                                }
                            }
                        }
                    }
                }
            }
            swap(&keys, &scratchKeys)
            swap(&rows, &scratchRows)
        }
        return rows
    }
}

extension Double {
    /// A key whose unsigned order is the number's order (negatives' bits flipped, the sign bit of the others
    /// set; Herf 2001), with -0 and +0 the same key so that they stay tied.
    var orderKey: UInt64 {
        let bits = (self == 0 ? 0.0 : self).bitPattern
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }
}
