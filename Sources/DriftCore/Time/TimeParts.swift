// TimeParts: the calendar fields of an instant (year … ISO week) and rounding an instant down to the start of
// its hour, day, week, month, quarter or year — all in UTC.

public enum TimeField: String, CaseIterable, Sendable {
    case year, month, day, weekday, hour, minute
    case dayOfYear = "day_of_year"
    case week

    /// The field of the instant `micros`: `weekday` counts Monday as 0, `week` is the ISO week (1–53).
    public func value(of micros: Int64) -> Double {
        let day = micros.floorDivided(by: Micros.day)
        let inDay = micros - day * Micros.day
        switch self {
        case .year: return Double(CivilCalendar.date(ofDay: day).year)
        case .month: return Double(CivilCalendar.date(ofDay: day).month)
        case .day: return Double(CivilCalendar.date(ofDay: day).day)
        case .weekday: return Double(CivilCalendar.weekday(ofDay: day))
        case .hour: return Double(inDay / Micros.hour)
        case .minute: return Double(inDay / Micros.minute % 60)
        case .dayOfYear: return Double(CivilCalendar.dayOfYear(ofDay: day))
        case .week: return Double(CivilCalendar.isoWeek(ofDay: day).week)
        }
    }
}

/// What `floor_time` rounds down to.
public enum CalendarUnit: String, CaseIterable, Sendable {
    case second, minute, hour, day, week, month, quarter, year

    /// The start of the unit holding `micros` (weeks start on Monday).
    public func floor(_ micros: Int64) -> Int64 {
        switch self {
        case .second: return micros - micros.floorModulo(Micros.second)
        case .minute: return micros - micros.floorModulo(Micros.minute)
        case .hour: return micros - micros.floorModulo(Micros.hour)
        case .day: return micros - micros.floorModulo(Micros.day)
        case .week: return Period.fixed(Micros.week).start(of: micros, origin: 4 * Micros.day)
        case .month, .quarter, .year:
            let date = CivilCalendar.date(ofDay: micros.floorDivided(by: Micros.day))
            let month = self == .month ? date.month : self == .quarter ? (date.month - 1) / 3 * 3 + 1 : 1
            return CivilCalendar.day(year: date.year, month: month, day: 1) * Micros.day
        }
    }
}
