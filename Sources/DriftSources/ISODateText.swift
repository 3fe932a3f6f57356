// ISODateText: PostgreSQL dates and timestamps as ISO-8601 text, computed from the binary values exactly
// (days, or microseconds, since 2000-01-01) with the proleptic Gregorian calendar.

enum ISODateText {
    /// Days from 1970-01-01 to PostgreSQL's epoch, 2000-01-01.
    static let postgresEpochDay: Int64 = 10_957

    /// `2024-03-01`, or `infinity` / `-infinity`.
    static func date(daysSince2000 days: Int32) -> String {
        if days == .max { return "infinity" }
        if days == .min { return "-infinity" }
        return civil(day: Int64(days) + postgresEpochDay)
    }

    /// `2024-03-01T08:15:00`, with `.ffffff` when there are microseconds and `Z` for a time zone-aware value
    /// (PostgreSQL sends those in UTC); `infinity` / `-infinity` for the special values.
    static func timestamp(microsecondsSince2000 micros: Int64, utc: Bool) -> String {
        if micros == .max { return "infinity" }
        if micros == .min { return "-infinity" }
        let perDay: Int64 = 86_400_000_000
        let day = micros.floorDivided(by: perDay)
        let inDay = micros - day * perDay
        let seconds = inDay / 1_000_000, fraction = inDay % 1_000_000
        var text = civil(day: day + postgresEpochDay) + "T" + padded(seconds / 3600, 2) + ":"
            + padded(seconds / 60 % 60, 2) + ":" + padded(seconds % 60, 2)
        if fraction != 0 { text += "." + padded(fraction, 6) }
        return utc ? text + "Z" : text
    }

    /// The date `day` days after 1970-01-01 (Howard Hinnant's civil_from_days).
    private static func civil(day: Int64) -> String {
        let z = day + 719_468
        let era = z.floorDivided(by: 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let dayOfMonth = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        let yearText = year < 0 ? "-" + padded(-year, 4) : padded(year, 4)
        return yearText + "-" + padded(month, 2) + "-" + padded(dayOfMonth, 2)
    }

    private static func padded(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension Int64 {
    /// Division rounding toward negative infinity (dates before the epoch).
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
