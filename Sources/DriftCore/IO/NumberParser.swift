// NumberParser: the one number grammar of data: a CSV cell's bytes, or a string given to `num`, as a Double
// (without creating a String for a cell).
// Hand-written because the standard library only parses from a String, and making a String for each of
// millions of cells dominates CSV reading. Decimal inputs of up to 19 digits with a small power of ten take
// Clinger's fast path, which is exact (correctly rounded); everything else falls back to the standard
// library's parser (strtod in the C locale, so the process locale cannot change the result).

public enum NumberParser {
    /// 10^0 ... 10^22: every one is exactly representable as a Double.
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The number in `cell`, NaN for "nan" (any case), or nil when the cell is not a number.
    /// Accepted: optional sign, digits with an optional decimal point (at least one digit), an optional
    /// exponent (`e`/`E`, optional sign, digits), and `inf`/`infinity`/`nan` in any case with an optional sign.
    /// Spaces and tabs around the number are allowed (` 42 ` is 42, as in pandas and R); hexadecimal and
    /// digit separators are not.
    @inline(__always)
    static func parse(_ cell: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let base = cell.baseAddress else { return nil }
        if let (value, end) = parsePrefix(base, from: 0, to: cell.count), end == cell.count { return value }
        return parseSlowly(trimmingBlanks(cell))
    }

    /// `text` read with the same grammar as a CSV cell.
    public static func parse(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// The cell without the spaces and tabs at its ends.
    private static func trimmingBlanks(_ cell: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        var start = 0, end = cell.count
        while start < end, isBlank(cell[start]) { start += 1 }
        while end > start, isBlank(cell[end - 1]) { end -= 1 }
        return UnsafeBufferPointer(rebasing: cell[start..<end])
    }

    /// The common case, fast: a decimal number at `start` (sign, at most 19 digits around an optional point,
    /// an optional exponent) whose value Clinger's method gives exactly. Returns it and where it ends, or nil
    /// when there is no such number there (the caller then uses `parse` on the whole cell, which also handles
    /// the rare forms). Reads no byte at or after `end`.
    @inline(__always)
    static func parsePrefix(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> (Double, Int)? {
        var i = start
        var negative = false
        if i < end {
            if base[i] == UInt8(ascii: "-") {
                negative = true
                i += 1
            } else if base[i] == UInt8(ascii: "+") {
                i += 1
            }
        }
        // The integer part is usually short: a plain loop beats the eight-byte step there.
        var significand: UInt64 = 0
        let integerStart = i
        while i < end, case let digit = base[i] &- UInt8(ascii: "0"), digit < 10 {
            significand = significand &* 10 &+ UInt64(digit)
            i += 1
        }
        var digits = i - integerStart
        var exponent = 0
        if i < end && base[i] == UInt8(ascii: ".") {
            i += 1
            let fraction = digitRun(base, from: i, to: end, onto: significand)
            significand = fraction.value
            i += fraction.count
            digits += fraction.count
            exponent = -fraction.count
        }
        // More than 19 digits could overflow the significand: the slow path counts significant digits.
        guard digits > 0 && digits <= 19 else { return nil }
        if i < end && base[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            var exponentNegative = false
            if i < end && (base[i] == UInt8(ascii: "-") || base[i] == UInt8(ascii: "+")) {
                exponentNegative = base[i] == UInt8(ascii: "-")
                i += 1
            }
            let exponentStart = i
            var value = 0
            while i < end, case let digit = base[i] &- UInt8(ascii: "0"), digit < 10, i - exponentStart < 6 {
                value = value * 10 + Int(digit)
                i += 1
            }
            guard i > exponentStart, i - exponentStart < 6 else { return nil }
            exponent += exponentNegative ? -value : value
        }
        if significand == 0 { return (negative ? -0.0 : 0.0, i) }
        // Clinger: both operands are exact doubles, so one IEEE operation rounds correctly.
        guard significand <= 1 << 53 && exponent >= -22 && exponent <= 22 else { return nil }
        var value = Double(significand)
        value = exponent < 0 ? value / powersOfTen[-exponent] : value * powersOfTen[exponent]
        return (negative ? -value : value, i)
    }

    /// The run of decimal digits at `start` appended to `value` (wrapping past 2^64, which callers rule out by
    /// counting digits), and its length. Eight bytes at a time where the input allows: the digit bytes are found
    /// and converted with a few multiplications on one 64-bit word (as in simdjson and fast_float).
    @inline(__always)
    private static func digitRun(
        _ base: UnsafePointer<UInt8>, from start: Int, to end: Int, onto value: UInt64
    ) -> (value: UInt64, count: Int) {
        var value = value
        var i = start
        while end - i >= 8 {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self).littleEndian
            let digits = word &- 0x3030_3030_3030_3030
            // A byte's high bit ends up set unless it was '0'...'9'; bytes after the first non-digit do not matter.
            let nonDigits = (digits | (digits &+ 0x7676_7676_7676_7676)) & 0x8080_8080_8080_8080
            let count = nonDigits == 0 ? 8 : nonDigits.trailingZeroBitCount / 8
            guard count > 0 else { return (value, i - start) }
            // Left-align the digits (the first is the lowest byte) so the zeros shifted in are leading zeros.
            var packed = digits << (8 * (8 - count))
            packed = packed &* 10 &+ (packed >> 8)
            packed = ((packed & 0x0000_00FF_0000_00FF) &* 0x000F_4240_0000_0064
                &+ ((packed >> 16) & 0x0000_00FF_0000_00FF) &* 0x0000_2710_0000_0001) >> 32
            value = value &* powersOfTenIntegers[count] &+ packed
            i += count
            if count < 8 { return (value, i - start) }
        }
        while i < end, case let digit = base[i] &- UInt8(ascii: "0"), digit < 10 {
            value = value &* 10 &+ UInt64(digit)
            i += 1
        }
        return (value, i - start)
    }

    /// 10^0 ... 10^8 as integers, for `digitRun`.
    private static let powersOfTenIntegers: [UInt64] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000]

    /// Everything `parsePrefix` leaves: checks the syntax, then asks strtod (correctly rounded for any
    /// length and exponent), or reads `inf`/`infinity`/`nan`.
    private static func parseSlowly(_ cell: UnsafeBufferPointer<UInt8>) -> Double? {
        let count = cell.count
        var i = 0
        let negative = count > 0 && cell[0] == UInt8(ascii: "-")
        if count > 0 && (negative || cell[0] == UInt8(ascii: "+")) { i = 1 }
        let mantissaStart = i
        var sawDigit = false
        var sawPoint = false
        while i < count {
            if cell[i] &- UInt8(ascii: "0") < 10 {
                sawDigit = true
            } else if cell[i] == UInt8(ascii: ".") && !sawPoint {
                sawPoint = true
            } else {
                break
            }
            i += 1
        }
        guard sawDigit else { return i == mantissaStart ? parseSpecial(cell, from: i, negative: negative) : nil }
        if i < count && cell[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < count && (cell[i] == UInt8(ascii: "-") || cell[i] == UInt8(ascii: "+")) { i += 1 }
            let exponentStart = i
            while i < count && cell[i] &- UInt8(ascii: "0") < 10 { i += 1 }
            guard i > exponentStart else { return nil }
        }
        guard i == count else { return nil }
        return Double(String(decoding: cell, as: UTF8.self))
    }

    /// `inf`, `infinity` or `nan` (any case) after an optional sign; anything else is not a number.
    private static func parseSpecial(_ cell: UnsafeBufferPointer<UInt8>, from start: Int, negative: Bool) -> Double? {
        func matches(_ word: StaticString) -> Bool {
            guard cell.count - start == word.utf8CodeUnitCount else { return false }
            for k in 0..<word.utf8CodeUnitCount where cell[start + k] | 0x20 != word.utf8Start[k] { return false }
            return true
        }
        if matches("inf") || matches("infinity") { return negative ? -.infinity : .infinity }
        if matches("nan") { return .nan }
        return nil
    }
}
