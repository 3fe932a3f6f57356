// PythonRandom: CPython's `random.Random` for integer seeds — the MT19937 Mersenne Twister (Matsumoto &
// Nishimura 1998) seeded with `init_by_array`, `getrandbits`, `_randbelow` and `sample` exactly as
// CPython 3.11 implements them. Hand-written so KSWIN draws the same reference samples as River's
// (which uses `random.Random(seed).sample`), making its detections reproducible against River.

import Foundation
struct PythonRandom: Sendable {
    private var state = [UInt32](repeating: 0, count: 624)
    private var index = 625

    /// `random.Random(seed)` for a non-negative integer seed: the seed's 32-bit words, least significant first.
    init(seed: UInt64) {
        var key: [UInt32] = []
        var rest = seed
        repeat {
            key.append(UInt32(truncatingIfNeeded: rest))
            rest >>= 32
        } while rest != 0
        seedByArray(key)
    }

    private mutating func seedWithInteger(_ s: UInt32) {
        state[0] = s
        for i in 1..<624 {
            state[i] = 1_812_433_253 &* (state[i - 1] ^ (state[i - 1] >> 30)) &+ UInt32(i)
        }
        index = 624
    }

    private mutating func seedByArray(_ key: [UInt32]) {
        seedWithInteger(19_650_218)
        var i = 1, j = 0
        for _ in 0..<max(624, key.count) {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_664_525)) &+ key[j] &+ UInt32(j)
            i += 1
            j += 1
            if i >= 624 { state[0] = state[623]; i = 1 }
            if j >= key.count { j = 0 }
        }
        for _ in 0..<623 {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_566_083_941)) &- UInt32(i)
            i += 1
            if i >= 624 { state[0] = state[623]; i = 1 }
        }
        state[0] = 0x8000_0000
    }

    private mutating func twist() {
        for k in 0..<624 {
            let y = (state[k] & 0x8000_0000) | (state[(k + 1) % 624] & 0x7FFF_FFFF)
            var next = state[(k + 397) % 624] ^ (y >> 1)
            if y & 1 != 0 { next ^= 0x9908_B0DF }
            state[k] = next
        }
        index = 0
    }

    mutating func nextUInt32() -> UInt32 {
        if index >= 624 { twist() }
        var y = state[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    /// `_randbelow(n)` for 0 < n < 2^32: rejection sampling on `getrandbits(n.bit_length())`.
    mutating func below(_ n: Int) -> Int {
        let bits = UInt32(Int.bitWidth - n.leadingZeroBitCount)
        var r = Int(nextUInt32() >> (32 - bits))
        while r >= n { r = Int(nextUInt32() >> (32 - bits)) }
        return r
    }

    /// `sample(range(n), k)`: k distinct integers of 0..<n in CPython's order.
    mutating func sample(rangeCount n: Int, k: Int) -> [Int] {
        var setSize = 21
        if k > 5 {
            // 4 ** ceil(log(3k, 4)), computed as CPython does in floating point.
            setSize += Int(pow4(Int((logBase4(Double(k * 3))).rounded(.up))))
        }
        var result: [Int] = []
        result.reserveCapacity(k)
        if n <= setSize {
            var pool = Array(0..<n)
            for i in 0..<k {
                let j = below(n - i)
                result.append(pool[j])
                pool[j] = pool[n - i - 1]
            }
        } else {
            var selected = Set<Int>()
            for _ in 0..<k {
                var j = below(n)
                while selected.contains(j) { j = below(n) }
                selected.insert(j)
                result.append(j)
            }
        }
        return result
    }

    private func logBase4(_ x: Double) -> Double { log(x) / log(4.0) }
    private func pow4(_ e: Int) -> Double { var r = 1.0; for _ in 0..<max(e, 0) { r *= 4 }; return r }
}
