// NumberParser: reads a CSV cell's bytes as a Double without creating a String.
// Hand-written because the standard library only parses from a String, and making a String for each of
// millions of cells dominates CSV reading. Decimal inputs of up to 19 significant digits with a small power
// of ten take Clinger's fast path, which is exact (correctly rounded); everything else falls back to the
// standard library's parser (strtod in the C locale, so the process locale cannot change the result).

enum NumberParser {
    /// 10^0 ... 10^22: every one is exactly representable as a Double.
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The number in `cell`, NaN for "nan" (any case), or nil when the cell is not a number.
    /// Accepted: optional sign, digits with an optional decimal point (at least one digit), an optional
    /// exponent (`e`/`E`, optional sign, digits), and `inf`/`infinity`/`nan` in any case with an optional sign.
    /// No surrounding whitespace, hexadecimal or digit separators.
    @inline(__always)
    static func parse(_ cell: UnsafeBufferPointer<UInt8>) -> Double? {
        let count = cell.count
        guard count > 0 else { return nil }
        var i = 0
        let negative = cell[0] == UInt8(ascii: "-")
        if negative || cell[0] == UInt8(ascii: "+") { i = 1 }

        var significand: UInt64 = 0
        var significantDigits = 0
        var exponent = 0
        var sawDigit = false
        var tooManyDigits = false
        // Integer part: digits past the 19th only scale the value.
        while i < count, case let digit = cell[i] &- UInt8(ascii: "0"), digit < 10 {
            sawDigit = true
            if significantDigits < 19 {
                significand = significand &* 10 &+ UInt64(digit)
                if significand != 0 { significantDigits += 1 }
            } else {
                tooManyDigits = true
                exponent += 1
            }
            i += 1
        }
        if i < count && cell[i] == UInt8(ascii: ".") {
            i += 1
            while i < count, case let digit = cell[i] &- UInt8(ascii: "0"), digit < 10 {
                sawDigit = true
                if significantDigits < 19 {
                    significand = significand &* 10 &+ UInt64(digit)
                    if significand != 0 { significantDigits += 1 }
                    exponent -= 1
                } else {
                    tooManyDigits = true
                }
                i += 1
            }
        }
        guard sawDigit else { return parseSpecial(cell, from: i, negative: negative) }
        if i < count && (cell[i] | 0x20) == UInt8(ascii: "e") {
            i += 1
            var exponentNegative = false
            if i < count && (cell[i] == UInt8(ascii: "-") || cell[i] == UInt8(ascii: "+")) {
                exponentNegative = cell[i] == UInt8(ascii: "-")
                i += 1
            }
            var value = 0
            var sawExponentDigit = false
            while i < count, case let digit = cell[i] &- UInt8(ascii: "0"), digit < 10 {
                sawExponentDigit = true
                if value < 100_000 { value = value * 10 + Int(digit) }
                i += 1
            }
            guard sawExponentDigit else { return nil }
            exponent += exponentNegative ? -value : value
        }
        guard i == count else { return nil }

        if significand == 0 && !tooManyDigits { return negative ? -0.0 : 0.0 }
        if !tooManyDigits && significand <= 1 << 53 && exponent >= -22 && exponent <= 22 {
            // Clinger: both operands are exact doubles, so one IEEE operation rounds correctly.
            var value = Double(significand)
            value = exponent < 0 ? value / powersOfTen[-exponent] : value * powersOfTen[exponent]
            return negative ? -value : value
        }
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
