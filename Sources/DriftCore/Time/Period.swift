// Period: a window's length as the period strings name it (`"1d"`, `"2w"`, `"15m"`, `"1mo"`, `"1q"`, `"1y"`):
// a fixed number of microseconds, or calendar months, whose length varies. Windows of a period are laid end
// to end from an origin; months step on the calendar.

/// A window length: a fixed number of microseconds, or a number of calendar months (whose length varies).
public enum Period: Equatable, Sendable {
    case fixed(Int64)
    case months(Int)

    /// `"30s"`, `"15m"`/`"15min"`, `"2h"`, `"1d"`, `"1w"`, `"1mo"`, `"1q"` (3 months), `"1y"` (12 months); the
    /// number must be a positive whole number, and the period at most `longest`. nil for anything else.
    public init?(_ text: String) {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard let count = Int(digits.prefix(12)), count > 0, digits.count <= 12 else { return nil }
        let period: Period
        switch text.dropFirst(digits.count) {
        case "s": period = .fixed(Int64(count) * Micros.second)
        case "m", "min": period = .fixed(Int64(count) * Micros.minute)
        case "h": period = .fixed(Int64(count) * Micros.hour)
        case "d": period = .fixed(Int64(count) * Micros.day)
        case "w": period = .fixed(Int64(count) * Micros.week)
        case "mo": period = .months(count)
        case "q": period = .months(3 * count)
        case "y": period = .months(12 * count)
        default: return nil
        }
        guard period.isWithinLongest else { return nil }
        self = period
    }

    /// The longest period: 10,000 years, so that stepping by one from any time value stays in range.
    public static let longestYears = 10_000

    /// Whether the period is positive and at most `longestYears` long.
    public var isWithinLongest: Bool {
        switch self {
        case .fixed(let length): length > 0 && length <= Int64(Period.longestYears) * 366 * Micros.day
        case .months(let count): count > 0 && count <= Period.longestYears * 12
        }
    }

    public static let syntaxHelp = "a period is a whole number and a unit: s, m (or min), h, d, w, mo, q or y, as in \"1d\" or \"2w\", at most 10,000 years"

    /// The start of the window holding `micros`: windows of a fixed length are laid end to end from `origin`
    /// (both ways), windows of months start on the first of a month, counted from the month of `origin`.
    public func start(of micros: Int64, origin: Int64) -> Int64 {
        start(ofWindow: window(of: micros, origin: origin), origin: origin)
    }

    /// The number of the window holding `micros`: 0 for the window starting at `origin` (or its month), counting
    /// both ways.
    public func window(of micros: Int64, origin: Int64) -> Int64 {
        switch self {
        case .fixed(let length): (micros - origin).floorDivided(by: length)
        case .months(let count): (CalendarMonth(micros).index - CalendarMonth(origin).index).floorDivided(by: Int64(count))
        }
    }

    /// The start of the window numbered `window` (see `window(of:origin:)`).
    public func start(ofWindow window: Int64, origin: Int64) -> Int64 {
        switch self {
        case .fixed(let length): origin + window * length
        case .months(let count): CalendarMonth(index: window * Int64(count) + CalendarMonth(origin).index).startMicros
        }
    }

    /// How `window(of:origin:)` numbers windows, as arithmetic on whole numbers a database can do:
    /// floor((t − offset) / length), t being the instant in whole seconds since the epoch (`.seconds`) or its UTC
    /// month as year × 12 + month − 1 (`.months`). nil when the origin or the length is not whole seconds.
    public func windowArithmetic(origin: Int64) -> WindowArithmetic? {
        switch self {
        case .fixed(let length):
            guard length % Micros.second == 0, origin % Micros.second == 0 else { return nil }
            return .seconds(offset: origin / Micros.second, length: length / Micros.second)
        case .months(let count):
            return .months(offset: CalendarMonth(origin).index, length: Int64(count))
        }
    }

    /// The arithmetic of `windowArithmetic(origin:)`.
    public enum WindowArithmetic: Equatable, Sendable {
        case seconds(offset: Int64, length: Int64)
        case months(offset: Int64, length: Int64)
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
