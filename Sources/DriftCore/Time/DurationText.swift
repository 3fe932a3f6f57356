// DurationText: how a length of time prints — the largest units first, zero units left out, as a person writes
// it (`7d`, `1d 12h`, `2h 30m`, `1m 30.5s`, `-3h`, `0s`), and the period strings that name a window's length
// (`"1d"`, `"2w"`, `"15m"`, `"1mo"`, `"1q"`, `"1y"`).

public enum DurationText {
    public static func text(_ micros: Int64) -> String {
        if micros == 0 { return "0s" }
        let sign = micros < 0 ? "-" : ""
        var rest = micros.magnitude
        var parts: [String] = []
        for (unit, suffix) in [(Micros.day, "d"), (Micros.hour, "h"), (Micros.minute, "m")] {
            let count = rest / UInt64(unit)
            if count > 0 { parts.append("\(count)\(suffix)") }
            rest %= UInt64(unit)
        }
        if rest > 0 {
            let seconds = rest / UInt64(Micros.second), fraction = rest % UInt64(Micros.second)
            var text = String(seconds)
            if fraction > 0 {
                var digits = ISOTime.padded(Int64(fraction), 6)
                while digits.hasSuffix("0") { digits.removeLast() }
                text += "." + digits
            }
            parts.append(text + "s")
        }
        return sign + parts.joined(separator: " ")
    }
}

/// A window length: a fixed number of microseconds, or a number of calendar months (whose length varies).
public enum Period: Equatable, Sendable {
    case fixed(Int64)
    case months(Int)

    /// `"30s"`, `"15m"`/`"15min"`, `"2h"`, `"1d"`, `"1w"`, `"1mo"`, `"1q"` (3 months), `"1y"` (12 months); the
    /// number must be a positive whole number. nil for anything else.
    public init?(_ text: String) {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard let count = Int(digits), count > 0, count <= 1_000_000 else { return nil }
        switch text.dropFirst(digits.count) {
        case "s": self = .fixed(Int64(count) * Micros.second)
        case "m", "min": self = .fixed(Int64(count) * Micros.minute)
        case "h": self = .fixed(Int64(count) * Micros.hour)
        case "d": self = .fixed(Int64(count) * Micros.day)
        case "w": self = .fixed(Int64(count) * Micros.week)
        case "mo": self = .months(count)
        case "q": self = .months(3 * count)
        case "y": self = .months(12 * count)
        default: return nil
        }
    }

    public static let syntaxHelp = "a period is a whole number and a unit: s, m (or min), h, d, w, mo, q or y, as in \"1d\" or \"2w\""

    /// The start of the window holding `micros`: windows of a fixed length are laid end to end from `origin`
    /// (both ways), windows of months start on the first of a month, counted from the month of `origin`.
    public func start(of micros: Int64, origin: Int64) -> Int64 {
        switch self {
        case .fixed(let length):
            return origin + (micros - origin).floorDivided(by: length) * length
        case .months(let count):
            let month = CalendarMonth(micros), first = CalendarMonth(origin)
            let index = (month.index - first.index).floorDivided(by: Int64(count)) * Int64(count) + first.index
            return CalendarMonth(index: index).startMicros
        }
    }

    /// The instant one window after `start` (a window start).
    public func end(after start: Int64) -> Int64 {
        switch self {
        case .fixed(let length): start + length
        case .months(let count): CalendarMonth(index: CalendarMonth(start).index + Int64(count)).startMicros
        }
    }

    /// `micros` moved on by `steps` periods: a fixed length times `steps`, or that many months on the
    /// calendar, keeping the day of the month and the time of day (the day is cut to the month's last, so
    /// 31 January plus one month is 28 or 29 February), as pandas' `DateOffset(months=n)`.
    public func advanced(_ micros: Int64, by steps: Int) -> Int64 {
        switch self {
        case .fixed(let length):
            return micros + length * Int64(steps)
        case .months(let count):
            let day = micros.floorDivided(by: Micros.day)
            let date = CivilCalendar.date(ofDay: day)
            let month = CalendarMonth(index: date.year * 12 + Int64(date.month - 1) + Int64(count * steps))
            let target = CivilCalendar.date(ofDay: month.startMicros / Micros.day)
            let dayOfMonth = min(date.day, CivilCalendar.daysInMonth(year: target.year, month: target.month))
            return month.startMicros + Int64(dayOfMonth - 1) * Micros.day + (micros - day * Micros.day)
        }
    }

    /// The origin windows count from when the caller gives none: the epoch, but a Monday for whole weeks (as
    /// `floor_time(t, "week")`), and January 1970 for months.
    public var defaultOrigin: Int64 {
        if case .fixed(let length) = self, length % Micros.week == 0 { return 4 * Micros.day }  // 1970-01-05, a Monday
        return 0
    }
}

/// A month as a running index (year × 12 + month − 1), for stepping whole months.
struct CalendarMonth {
    let index: Int64

    init(index: Int64) {
        self.index = index
    }

    init(_ micros: Int64) {
        let date = CivilCalendar.date(ofDay: micros.floorDivided(by: Micros.day))
        index = date.year * 12 + Int64(date.month - 1)
    }

    var startMicros: Int64 {
        CivilCalendar.day(year: index.floorDivided(by: 12), month: Int(index.floorModulo(12)) + 1, day: 1) * Micros.day
    }
}
