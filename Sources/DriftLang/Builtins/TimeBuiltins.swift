// Time builtins: making dates, datetimes and durations, taking them apart, rounding them and writing them
// out. Thin bindings to DriftCore's Time folder; each takes a single value or a vector and gives the same
// shape back, with missing values staying missing.
import DriftCore
import Foundation

let timeBuiltins: [Builtin] = [
    Builtin(
        "datetime(x, format: null)",
        doc: #"An instant (UTC, to the microsecond), or a vector of them: from ISO 8601 text ("2024-03-01", "2024-03-01T08:15:00", "2024-03-01 08:15:00.123", with "Z" or "+01:00": an offset is converted to UTC and a time without one is taken as UTC), from text in a strftime layout given as format: ("%d/%m/%Y %H:%M"), from seconds since 1970-01-01T00:00:00Z (numbers), or from dates (their midnight). Text that is not a time is an error naming it."#,
        example: #"datetime("2024-03-01T09:15:00+01:00")  # 2024-03-01T08:15:00Z"#
    ) { arguments, _ in
        try convert(arguments, to: .datetime)
    },
    Builtin(
        "date(x, format: null)",
        doc: #"A calendar day, or a vector of them: from ISO 8601 text or text in a strftime layout (format:), as datetime reads it, or from datetimes (the UTC day they fall on)."#,
        example: #"date("2024-03-01") + days(30)  # 2024-03-31"#
    ) { arguments, _ in
        try convert(arguments, to: .date)
    },
    Builtin(
        "now()",
        doc: "The current instant (UTC), to the microsecond.",
        example: "now() > datetime(\"2024-01-01\")  # true"
    ) { _, _ in
        .time(TimeValue(micros: Int64((Date().timeIntervalSince1970 * 1e6).rounded()), kind: .datetime))
    },
    durationBuiltin("weeks", Micros.week, example: "date(\"2024-03-01\") + weeks(2)  # 2024-03-15"),
    durationBuiltin("days", Micros.day, example: "days(1.5)  # 1d 12h"),
    durationBuiltin("hours", Micros.hour, example: "datetime(\"2024-03-01T22:00:00Z\") + hours(3)  # 2024-03-02T01:00:00Z"),
    durationBuiltin("minutes", Micros.minute, example: "minutes(90)  # 1h 30m"),
    durationBuiltin("seconds", Micros.second, example: "(datetime(\"2024-03-01T00:01:00Z\") - datetime(\"2024-03-01\")) / seconds(1)  # 60"),
    partBuiltin(.year, doc: "The year (UTC).", example: #"year(date("2024-03-01"))  # 2024"#),
    partBuiltin(.month, doc: "The month, 1 to 12 (UTC).", example: #"month(date("2024-03-01"))  # 3"#),
    partBuiltin(.day, doc: "The day of the month, 1 to 31 (UTC).", example: #"day(date("2024-02-29"))  # 29"#),
    partBuiltin(.weekday, doc: "The day of the week, Monday = 0 to Sunday = 6 (UTC).", example: #"weekday(date("2024-03-03"))  # 6"#),
    partBuiltin(.hour, doc: "The hour, 0 to 23 (UTC).", example: #"hour(datetime("2024-03-01T08:15:00Z"))  # 8"#),
    partBuiltin(.minute, doc: "The minute, 0 to 59.", example: #"minute(datetime("2024-03-01T08:15:00Z"))  # 15"#),
    partBuiltin(.dayOfYear, doc: "The day of the year, 1 for January 1st (UTC).", example: #"day_of_year(date("2024-12-31"))  # 366"#),
    partBuiltin(.week, doc: "The ISO 8601 week, 1 to 53: weeks start on Monday and week 1 holds the year's first Thursday, so early January may be in week 52 or 53 and late December in week 1.", example: #"week(date("2027-01-01"))  # 53"#),
    Builtin(
        "floor_time(t, unit)",
        doc: #"Each time rounded down to the start of its unit: "second", "minute", "hour", "day", "week" (weeks start on Monday), "month", "quarter" or "year" (UTC). A date stays a date."#,
        example: #"floor_time(date("2024-03-14"), "week")  # 2024-03-11"#
    ) { arguments, _ in
        let name = try arguments.string(1, "unit")
        guard let unit = CalendarUnit(rawValue: name) else {
            throw BuiltinError("unit must be one of \(CalendarUnit.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")), got \(Renderer.quote(name))")
        }
        return try TimeArgument(arguments, 0, "t").map { .time(TimeColumn(mapPresent($0.values, unit.floor), kind: $0.kind)) }
    },
    Builtin(
        "format_time(t, format)",
        doc: #"Each time as text in a strftime layout: %Y year, %m month, %d day, %H hour, %M minute, %S second, %f microseconds, %j day of the year, %b/%B month name, %a/%A weekday name, %V ISO week, %G its year, %u ISO weekday (Monday 1), %z offset (+0000), %F for %Y-%m-%d, %T for %H:%M:%S (times are UTC)."#,
        example: #"format_time(datetime("2024-03-01T08:15:00Z"), "%d %b %Y, %H:%M")  # "01 Mar 2024, 08:15""#
    ) { arguments, _ in
        let format = try timeFormat(arguments, "format", required: true)!
        return try TimeArgument(arguments, 0, "t").map { column in
            .text(TextColumn(column.values.map { $0 == TimeValue.missing ? nil : format.text($0) }))
        }
    },
    Builtin(
        "between(t, start, end)",
        doc: "Whether each time lies in the window [start, end): from start (included) up to end (not included), so consecutive windows do not overlap. start and end are times or ISO 8601 text.",
        example: #"between(date("2024-03-31"), "2024-03-01", "2024-04-01")  # true"#
    ) { arguments, _ in
        let times = try TimeArgument(arguments, 0, "t")
        let start = try instant(arguments, 1, "start"), end = try instant(arguments, 2, "end")
        return times.map { column in
            .boolean(BoolColumn(raw: column.values.map { $0 == TimeValue.missing ? -1 : ($0 >= start && $0 < end ? 1 : 0) }))
        }
    },
]

/// `days(n)` and its siblings: n of the unit as a duration (n a number or a numeric vector; fractions allowed).
private func durationBuiltin(_ name: String, _ unit: Int64, example: String) -> Builtin {
    Builtin("\(name)(n)", doc: "A duration of n \(name) (n a number or numeric vector; fractions are kept to the microsecond).", example: example) { arguments, _ in
        let value = try arguments.required(0, "n")
        let numbers = try arguments.numbers(0, "n")
        let micros = try numbers.map { number -> Int64 in
            if number.isNaN { return TimeValue.missing }
            guard let micros = Micros.of(number, unit) else { throw BuiltinError("\(name)(\(NumberFormat.shortest(number))) is out of the range of times") }
            return micros
        }
        if case .number = value { return .time(TimeValue(micros: micros[0], kind: .duration)) }
        if value.isNull { return .null }
        return .vector(.time(TimeColumn(micros, kind: .duration)))
    }
}

/// `year(t)` and its siblings: one calendar field of each time, as numbers.
private func partBuiltin(_ field: TimeField, doc: String, example: String) -> Builtin {
    Builtin("\(field.rawValue)(t)", doc: doc + " t is a date, a datetime, a vector of them, or ISO 8601 text.", example: example) { arguments, _ in
        try TimeArgument(arguments, 0, "t").map { column in
            .numeric(NumericColumn(column.values.map { $0 == TimeValue.missing ? .nan : field.value(of: $0) }))
        }
    }
}

/// A time argument as a column of instants (dates or datetimes; ISO 8601 text is read as one), remembering
/// whether it was a single value, so the result has the same shape.
private struct TimeArgument {
    let column: TimeColumn
    let isSingle: Bool
    let isNull: Bool

    init(_ arguments: Arguments, _ index: Int, _ name: String) throws {
        let value = try arguments.required(index, name)
        isNull = value.isNull
        isSingle = value.isScalar
        switch value {
        case .null: column = TimeColumn([], kind: .datetime)
        case .time(let time) where time.kind != .duration: column = TimeColumn([time.micros], kind: time.kind)
        case .vector(.time(let times)) where times.kind != .duration: column = times
        case .string, .vector(.text):
            column = try parsedTimes(try arguments.column(index, name), format: nil, kind: nil)
        default:
            throw arguments.mismatch(name, expected: "a date or datetime (or a vector of them, or ISO 8601 text)", got: value)
        }
    }

    /// `transform` of the column, as a single value when the argument was one.
    func map(_ transform: (TimeColumn) throws -> Column) rethrows -> Value {
        if isNull { return .null }
        let result = try transform(column)
        return isSingle ? result.element(at: 0) : .vector(result)
    }
}

/// `datetime(x)` and `date(x)`.
private func convert(_ arguments: Arguments, to kind: TimeKind) throws -> Value {
    let value = try arguments.required(0, "x")
    let format = try timeFormat(arguments, "format", required: false)
    let column: TimeColumn
    switch value {
    case .null: return .null
    case .string, .vector(.text):
        column = try parsedTimes(try arguments.column(0, "x"), format: format, kind: kind)
    case .number, .vector(.numeric):
        guard kind == .datetime else { throw arguments.mismatch("x", expected: "text or a datetime", got: value) }
        column = TimeColumn(try arguments.numbers(0, "x").map { seconds in
            if seconds.isNaN { return TimeValue.missing }
            guard let micros = Micros.of(seconds, Micros.second) else { throw BuiltinError("\(NumberFormat.shortest(seconds)) seconds is out of the range of times") }
            return micros
        }, kind: .datetime)
    case .time(let time) where time.kind != .duration: column = TimeColumn([time.micros], kind: time.kind)
    case .vector(.time(let times)) where times.kind != .duration: column = times
    case .list(let items) where items.allSatisfy(\.isNull):
        column = TimeColumn([Int64](repeating: TimeValue.missing, count: items.count), kind: kind)
    default:
        throw arguments.mismatch("x", expected: kind == .date ? "text or a datetime" : "text, a number of seconds or a date", got: value)
    }
    let converted = column.converted(to: kind)
    return value.isScalar ? Column.time(converted).element(at: 0) : .vector(.time(converted))
}

/// Text cells read as times (ISO 8601, or `format`); `kind` nil takes each cell's own kind (a date column
/// unless some cell has a time of day). A cell that is not a time is an error naming it.
private func parsedTimes(_ column: Column, format: TimeFormat?, kind: TimeKind?) throws -> TimeColumn {
    guard case .text(let text) = column else { return TimeColumn([], kind: kind ?? .datetime) }
    var hasTime = format?.hasTimeOfDay ?? false
    let parsedLevels = try text.levels.map { level -> Int64 in
        if let format {
            guard let micros = format.parse(level) else {
                throw BuiltinError("\(Renderer.quote(level)) is not a time in the layout \(Renderer.quote(format.layout))")
            }
            return micros
        }
        guard let parsed = ISOTime.parse(level) else {
            throw BuiltinError("\(Renderer.quote(level)) is not an ISO 8601 date or time (give format: for another layout)")
        }
        hasTime = hasTime || parsed.hasTime
        return parsed.micros
    }
    let micros = text.codes.map { $0 < 0 ? TimeValue.missing : parsedLevels[Int($0)] }
    return TimeColumn(micros, kind: kind ?? (hasTime ? .datetime : .date))
}

/// The strftime layout argument `name`, compiled.
private func timeFormat(_ arguments: Arguments, _ name: String, required: Bool) throws -> TimeFormat? {
    guard let value = arguments.optional(name == "format" ? 1 : nil, name), !value.isNull else {
        if required { throw BuiltinError("missing argument '\(name)'") }
        return nil
    }
    guard case .string(let layout) = value else { throw arguments.mismatch(name, expected: "a strftime layout such as \"%Y-%m-%d\"", got: value) }
    do {
        return try TimeFormat(layout)
    } catch {
        throw BuiltinError(error.message)
    }
}

/// A single instant argument: a date, a datetime or ISO 8601 text, as microseconds.
func instant(_ arguments: Arguments, _ index: Int?, _ name: String) throws -> Int64 {
    let value = try arguments.required(index, name)
    switch value {
    case .time(let time) where time.kind != .duration: return time.micros
    case .string(let text):
        guard let parsed = ISOTime.parse(text) else {
            throw BuiltinError("argument '\(name)' is \(Renderer.quote(text)), which is not an ISO 8601 date or time")
        }
        return parsed.micros
    default: throw arguments.mismatch(name, expected: "a date, a datetime or ISO 8601 text", got: value)
    }
}

/// `transform` of every present value; missing stays missing.
func mapPresent(_ values: [Int64], _ transform: (Int64) -> Int64) -> [Int64] {
    values.map { $0 == TimeValue.missing ? $0 : transform($0) }
}
