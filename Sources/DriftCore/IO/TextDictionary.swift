// TextDictionary: dictionary-encodes strings straight from bytes while a file is parsed (CSV cells, Parquet byte
// arrays).
// Hand-written (an open-addressing table over a byte arena) so that a repeated value costs one hash and one
// byte comparison, with no String allocated; a String is made (and its UTF-8 checked) only for new values.

public struct TextDictionary: Sendable {
    public private(set) var levels: [String] = []
    /// Level index per slot, -1 for empty; the capacity is a power of two kept at most half full. Allocated
    /// on first use, so the many columns of a wide file that hold no text cost nothing.
    private var slots: [Int32] = []
    private var hashes: [UInt64] = []
    /// The bytes of every level back to back; level k is `arena[offsets[k]..<offsets[k + 1]]`.
    private var arena: [UInt8] = []
    private var offsets: [Int] = []

    public init() {}

    /// The code of `bytes`, adding it as a new level if unseen; nil if new bytes are not valid UTF-8.
    @inline(__always)
    public mutating func code(for bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        if slots.isEmpty {
            slots = [Int32](repeating: -1, count: 16)
            offsets = [0]
        }
        let hash = Self.hash(bytes)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let level = slots[slot]
            if level < 0 { break }
            if hashes[Int(level)] == hash && equals(Int(level), bytes) { return level }
            slot = (slot + 1) & mask
        }
        guard let string = Self.string(bytes) else { return nil }
        let level = Int32(levels.count)
        levels.append(string)
        hashes.append(hash)
        arena.append(contentsOf: bytes)
        offsets.append(arena.count)
        slots[slot] = level
        if levels.count * 2 > slots.count { grow() }
        return level
    }

    private func equals(_ level: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = offsets[level], end = offsets[level + 1]
        guard end - start == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { stored in
            bytes.isEmpty || memcmpEqual(stored.baseAddress.map { $0 + start }, bytes.baseAddress, bytes.count)
        }
    }

    /// The bytes as a String, or nil if they are not valid UTF-8. ASCII, the common case, needs no decoding
    /// check beyond one pass for the high bit.
    public static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var high: UInt8 = 0
        for byte in bytes { high |= byte }
        return high < 0x80 ? String(decoding: bytes, as: UTF8.self) : String(validating: bytes, as: UTF8.self)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (level, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(level)
        }
    }

    /// A fast non-cryptographic hash: 8-byte words folded with a multiply-xorshift mix.
    /// The last bytes are read as one word whose loads may overlap (never outside `bytes`), so short strings,
    /// the usual category, take no byte loop.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = bytes.count
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
        guard count > 0, let base = bytes.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var tail: UInt64
        if count >= 8 {
            var i = 0
            while i + 8 < count {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
                h ^= h >> 32
                i += 8
            }
            tail = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        } else if count >= 4 {
            tail = UInt64(raw.loadUnaligned(as: UInt32.self)) << 32
                | UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
        } else {
            tail = UInt64(base[0]) << 16 | UInt64(base[count / 2]) << 8 | UInt64(base[count - 1])
        }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 29)
    }
}

/// Byte-wise equality of two non-empty ranges.
@inline(__always)
private func memcmpEqual(_ a: UnsafePointer<UInt8>?, _ b: UnsafePointer<UInt8>?, _ count: Int) -> Bool {
    guard let a, let b else { return false }
    for i in 0..<count where a[i] != b[i] { return false }
    return true
}
