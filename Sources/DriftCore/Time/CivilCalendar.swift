// CivilCalendar: the proleptic Gregorian calendar as arithmetic on day numbers (days since 1970-01-01), after
// Howard Hinnant's public-domain `days_from_civil` / `civil_from_days`. Hand-written rather than Foundation's
// Calendar: every time column converts millions of values, these are a few integer operations each, exact for
// any day, and they carry no time zone (Drift's instants are UTC).

/// A calendar day: year, month 1–12, day 1–31.
public struct CivilDate: Equatable, Sendable {
    public var year: Int64
    public var month: Int
    public var day: Int

    public init(year: Int64, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }
}

public enum CivilCalendar {
    /// The date `day` days after 1970-01-01.
    public static func date(ofDay day: Int64) -> CivilDate {
        let z = day + 719_468
        let era = z.floorDivided(by: 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let dayOfMonth = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return CivilDate(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: Int(month), day: Int(dayOfMonth))
    }

    /// Days from 1970-01-01 to the given date (which is assumed valid).
    public static func day(year: Int64, month: Int, day: Int) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = y.floorDivided(by: 400)
        let yearOfEra = y - era * 400
        let shiftedMonth = Int64(month > 2 ? month - 3 : month + 9)
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public static func isLeapYear(_ year: Int64) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    public static func daysInMonth(year: Int64, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Whether year-month-day names a real day.
    public static func isValid(year: Int64, month: Int, day: Int) -> Bool {
        (1...12).contains(month) && day >= 1 && day <= daysInMonth(year: year, month: month)
    }

    /// Monday = 0 … Sunday = 6 (1970-01-01 was a Thursday).
    public static func weekday(ofDay day: Int64) -> Int {
        Int((day + 3).floorModulo(7))
    }

    /// 1 for January 1st.
    public static func dayOfYear(ofDay day: Int64) -> Int {
        let date = date(ofDay: day)
        return Int(day - Self.day(year: date.year, month: 1, day: 1)) + 1
    }

    /// The ISO 8601 week: weeks start on Monday, and week 1 is the one holding the year's first Thursday, so
    /// the first days of January may be in week 52 or 53 of the year before (the year returned with it).
    public static func isoWeek(ofDay day: Int64) -> (year: Int64, week: Int) {
        let thursday = day - Int64(weekday(ofDay: day)) + 3
        let year = date(ofDay: thursday).year
        let firstDay = Self.day(year: year, month: 1, day: 1)
        return (year, Int((thursday - firstDay) / 7) + 1)
    }
}

extension Int64 {
    /// Division rounding toward negative infinity (days before 1970 and instants before the epoch).
    @inline(__always)
    public func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    /// The remainder that goes with `floorDivided(by:)`: between 0 and the divisor.
    @inline(__always)
    public func floorModulo(_ divisor: Int64) -> Int64 {
        self - floorDivided(by: divisor) * divisor
    }
}
