// ValueEncoding: the present values of a run of a column's rows in PLAIN encoding (little-endian doubles and
// integers, bit-packed booleans, length-prefixed UTF-8), and their minimum and maximum as the plain bytes
// Parquet's statistics hold (min_value/max_value, in the type's own order: numbers and times signed, strings
// byte by byte).
import DriftCore

extension WrittenColumn {
    /// The present values of `rows`, PLAIN-encoded, appended to `output`.
    func appendPlainValues(_ rows: Range<Int>, to output: inout [UInt8]) {
        switch column {
        case .numeric(let numbers):
            var present: [UInt64] = []
            present.reserveCapacity(rows.count)
            for value in numbers.values[rows] where !value.isNaN { present.append(value.bitPattern.littleEndian) }
            present.withUnsafeBytes { output.append(contentsOf: $0) }
        case .boolean(let flags):
            var count = 0
            for flag in flags.values[rows] where flag >= 0 {
                if count & 7 == 0 { output.append(0) }
                if flag > 0 { output[output.count - 1] |= 1 << UInt8(count & 7) }
                count += 1
            }
        case .time(let times):
            let present = times.values[rows].filter { $0 != TimeValue.missing }
            if times.kind == .date {
                present.map { Int32(truncatingIfNeeded: $0.floorDivided(by: Micros.day)).littleEndian }.withUnsafeBytes { output.append(contentsOf: $0) }
            } else {
                present.map(\.littleEndian).withUnsafeBytes { output.append(contentsOf: $0) }
            }
        case .text(let text):
            for code in text.codes[rows] where code >= 0 { Self.appendByteArray(text.levels[Int(code)], to: &output) }
        }
    }

    /// A PLAIN byte array: its length in 4 bytes, then its UTF-8.
    static func appendByteArray(_ string: String, to output: inout [UInt8]) {
        output.appendLittleEndian(UInt32(string.utf8.count))
        output.append(contentsOf: string.utf8)
    }

    /// The smallest and largest present value of `rows` as PLAIN bytes; nil when every value is missing (or
    /// a string is too long to be worth storing twice in the footer).
    func extremes(_ rows: Range<Int>) -> (minimum: [UInt8], maximum: [UInt8])? {
        switch column {
        case .numeric(let numbers):
            var low = Double.infinity, high = -Double.infinity
            for value in numbers.values[rows] where !value.isNaN {
                low = min(low, value)
                high = max(high, value)
            }
            guard low <= high else { return nil }
            // Parquet's rule for zero: the minimum is written as -0 and the maximum as +0.
            return (Self.littleEndian((low == 0 ? -0.0 : low).bitPattern), Self.littleEndian((high == 0 ? 0.0 : high).bitPattern))
        case .boolean(let flags):
            let present = flags.values[rows].filter { $0 >= 0 }
            guard let low = present.min(), let high = present.max() else { return nil }
            return ([UInt8(low)], [UInt8(high)])
        case .time(let times):
            let present = times.values[rows].filter { $0 != TimeValue.missing }
            guard let low = present.min(), let high = present.max() else { return nil }
            guard times.kind == .date else { return (Self.littleEndian(low), Self.littleEndian(high)) }
            return (Self.littleEndian(Int32(truncatingIfNeeded: low.floorDivided(by: Micros.day))),
                    Self.littleEndian(Int32(truncatingIfNeeded: high.floorDivided(by: Micros.day))))
        case .text(let text):
            var used = [Bool](repeating: false, count: text.levels.count)
            for code in text.codes[rows] where code >= 0 { used[Int(code)] = true }
            return Self.extremes(of: zip(text.levels, used).compactMap { $1 ? $0 : nil })
        }
    }

    /// The byte-wise smallest and largest of `strings`.
    static func extremes(of strings: [String]) -> (minimum: [UInt8], maximum: [UInt8])? {
        var low: String.UTF8View?, high: String.UTF8View?
        for string in strings {
            let bytes = string.utf8
            guard bytes.count <= maximumStatisticsLength else { return nil }
            if low.map({ bytes.lexicographicallyPrecedes($0) }) ?? true { low = bytes }
            if high.map({ $0.lexicographicallyPrecedes(bytes) }) ?? true { high = bytes }
        }
        guard let low, let high else { return nil }
        return (Array(low), Array(high))
    }

    /// The longest string whose bytes a chunk's statistics hold; with a longer one, the chunk has none.
    static let maximumStatisticsLength = 4096

    private static func littleEndian<Integer: FixedWidthInteger>(_ value: Integer) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.appendLittleEndian(value)
        return bytes
    }
}
