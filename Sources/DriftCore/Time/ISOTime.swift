// ISOTime: reads and writes ISO 8601 dates and timestamps on raw bytes, with no allocation per value, for CSV
// columns of millions of cells. Hand-written because Foundation's ISO8601DateFormatter is slow, allocates and
// accepts only a few fixed layouts.

public enum ISOTime {
    /// A parsed cell: the instant in microseconds, and whether the text had a time of day.
    public struct Parsed: Equatable, Sendable {
        public var micros: Int64
        public var hasTime: Bool
    }

    /// `2024-03-01`, `2024-03-01T08:15`, `2024-03-01 08:15:00`, `2024-03-01T08:15:00.123456` (up to nine
    /// fraction digits, beyond the microsecond cut off), each with an optional `Z` or `±hh:mm` / `±hhmm` / `±hh`
    /// offset, which is subtracted to give UTC. A timestamp without an offset is taken as UTC. Blanks around
    /// the text are allowed. nil for anything else, including days that do not exist (`2023-02-29`).
    @inline(__always)
    public static func parse(_ text: UnsafeBufferPointer<UInt8>) -> Parsed? {
        var scanner = Scanner(bytes: text)
        return scanner.time()
    }

    public static func parse(_ text: String) -> Parsed? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// The ISO text of a time value: `2024-03-01` for a date, `2024-03-01T08:15:00Z` for an instant (with
    /// `.123` or `.123456` when it has a fraction of a second), and a duration as `Duration.text`.
    public static func text(_ value: TimeValue) -> String {
        switch value.kind {
        case .date: return dateText(day: value.micros.floorDivided(by: Micros.day))
        case .datetime: return timestampText(value.micros)
        case .duration: return DurationText.text(value.micros)
        }
    }

    static func dateText(day: Int64) -> String {
        let date = CivilCalendar.date(ofDay: day)
        return yearText(date.year) + "-" + padded(Int64(date.month), 2) + "-" + padded(Int64(date.day), 2)
    }

    /// Four digits for years 0 to 9999, else a sign and at least four digits (ISO 8601's expanded years).
    static func yearText(_ year: Int64) -> String {
        (0...9999).contains(year) ? padded(year, 4) : (year < 0 ? "-" : "+") + padded(abs(year), 4)
    }

    static func timestampText(_ micros: Int64) -> String {
        let day = micros.floorDivided(by: Micros.day)
        let inDay = micros - day * Micros.day
        let seconds = inDay / Micros.second, fraction = inDay % Micros.second
        var text = dateText(day: day) + "T" + padded(seconds / 3600, 2) + ":" + padded(seconds / 60 % 60, 2) + ":"
            + padded(seconds % 60, 2)
        if fraction != 0 {
            text += fraction % 1000 == 0 ? "." + padded(fraction / 1000, 3) : "." + padded(fraction, 6)
        }
        return text + "Z"
    }

    static func padded(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// A cursor over the bytes of one cell.
    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func time() -> Parsed? {
            skipBlanks()
            guard let year = digits(exactly: 4), take("-"), let month = digits(exactly: 2), take("-"),
                  let day = digits(exactly: 2),
                  CivilCalendar.isValid(year: year, month: Int(month), day: Int(day))
            else { return nil }
            var micros = CivilCalendar.day(year: year, month: Int(month), day: Int(day)) * Micros.day
            skipBlanks()
            if position == bytes.count { return Parsed(micros: micros, hasTime: false) }
            guard position > 0, bytes[position - 1] == UInt8(ascii: " ") || take("T") || take("t"),
                  let timeOfDay = timeOfDay()
            else { return nil }
            micros += timeOfDay
            if let offset = offset() { micros -= offset } else { return nil }
            skipBlanks()
            return position == bytes.count ? Parsed(micros: micros, hasTime: true) : nil
        }

        /// `HH:MM[:SS[.fraction]]` in microseconds.
        private mutating func timeOfDay() -> Int64? {
            guard let hour = digits(exactly: 2), hour < 24, take(":"), let minute = digits(exactly: 2), minute < 60
            else { return nil }
            var micros = hour * Micros.hour + minute * Micros.minute
            guard take(":") else { return micros }
            guard let second = digits(exactly: 2), second < 60 else { return nil }
            micros += second * Micros.second
            guard take(".") || take(",") else { return micros }
            var scale = Micros.second / 10, fractionDigits = 0
            while position < bytes.count, let digit = digit(bytes[position]) {
                micros += digit * scale
                scale /= 10
                fractionDigits += 1
                position += 1
            }
            return (1...9).contains(fractionDigits) ? micros : nil
        }

        /// The offset from UTC in microseconds: 0 for none or `Z`; nil if malformed.
        private mutating func offset() -> Int64? {
            if position == bytes.count || bytes[position] == UInt8(ascii: " ") { return 0 }
            if take("Z") || take("z") { return 0 }
            let sign: Int64
            if take("+") { sign = 1 } else if take("-") { sign = -1 } else { return nil }
            guard let hours = digits(exactly: 2), hours <= 23 else { return nil }
            var minutes: Int64 = 0
            if position < bytes.count, bytes[position] != UInt8(ascii: " ") {
                _ = take(":")
                guard let value = digits(exactly: 2), value < 60 else { return nil }
                minutes = value
            }
            return sign * (hours * Micros.hour + minutes * Micros.minute)
        }

        private mutating func digits(exactly count: Int) -> Int64? {
            guard position + count <= bytes.count else { return nil }
            var value: Int64 = 0
            for k in position..<(position + count) {
                guard let digit = digit(bytes[k]) else { return nil }
                value = value * 10 + digit
            }
            position += count
            return value
        }

        @inline(__always)
        private func digit(_ byte: UInt8) -> Int64? {
            byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int64(byte - UInt8(ascii: "0")) : nil
        }

        @inline(__always)
        private mutating func take(_ character: Unicode.Scalar) -> Bool {
            guard position < bytes.count, bytes[position] == UInt8(ascii: character) else { return false }
            position += 1
            return true
        }

        private mutating func skipBlanks() {
            while position < bytes.count, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") {
                position += 1
            }
        }
    }
}
