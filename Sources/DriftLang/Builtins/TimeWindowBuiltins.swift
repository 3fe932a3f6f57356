// Time window builtins: `window` (which calendar window each row falls in), `resample` (aggregate per
// window, empty windows included) and `join_asof` (the latest right row at or before each left row). Thin
// bindings to DriftCore's Period, TimeColumn and JoinAsOf.
import DriftCore

let timeWindowBuiltins: [Builtin] = [
    Builtin(
        "window(df, by, every, start: null)",
        doc: #"The dataframe with a column `window`: the start of the time window each row's `by` time falls in, so group_by(df, "window") works. every: is a period ("30m", "1h", "1d", "1w", "1mo", "1q", "1y"; a number and s, m or min, h, d, w, mo, q, y) or a duration. Windows of days start at midnight UTC, weeks on Monday, months on the 1st; start: (a time or ISO 8601 text) lays them from another origin. A date column's windows are dates when they start at midnights. An existing `window` column is replaced."#,
        example: #"window(dataframe({ts: datetime(["2024-03-01T08:00:00Z", "2024-03-04T12:00:00Z"])}), "ts", "1w")"#
    ) { arguments, _ in
        let (frame, times, period, origin) = try windowArguments(arguments)
        return .frame(try frame.withColumn("window", .time(times.windowStarts(every: period, origin: origin))))
    },
    Builtin(
        "resample(df, by, every, agg, start: null)",
        doc: #"One row per time window from the first row's window to the last one's, empty windows included: the column `window` (as window makes it) and one column per aggregation in the record agg: ({n: count(), mean_sales: mean("sales")}), as aggregate takes them. As in pandas, an empty window's count, sum and n_unique are 0 and its other aggregations missing."#,
        example: #"resample(dataframe({ts: date(["2024-03-01", "2024-03-03"]), sales: [5, 7]}), "ts", "1d", {n: count(), total: sum("sales")})"#
    ) { arguments, interpreter in
        let (frame, times, period, origin) = try windowArguments(arguments)
        guard case .record(let aggregations) = try arguments.required(3, "agg"), aggregations.count > 0 else {
            throw BuiltinError(#"agg: must be a record of named aggregations, as {n: count(), mean_sales: mean("sales")}"#)
        }
        let starts = times.windowStarts(every: period, origin: origin)
        let grouped = try GroupedFrameObject(try frame.withColumn("window", .time(starts)).droppingMissing(in: ["window"]), by: ["window"])
        let perWindow = try aggregated(grouped, aggregations.fields.map { (label: $0, value: $1) }, arguments, interpreter)
        let every = DataFrame(validNames: ["window"], columns: [.time(TimeColumn(try times.allWindowStarts(every: period, origin: origin), kind: starts.kind))])
        var result = try every.joined(with: perWindow, leftKeys: ["window"], rightKeys: ["window"], kind: .left)
        for (name, value) in aggregations.fields {
            if case .object(let aggregation as AggregationObject) = value,
               [.count, .sum, .distinctCount].contains(aggregation.aggregation), let column = result.column(named: name) {
                result = try result.withColumn(name, try column.fillingMissing(from: .numeric(NumericColumn([0]))))
            }
        }
        return .frame(result)
    },
    Builtin(
        "join_asof(left, right, on, by: null, direction: \"backward\", tolerance: null, suffix: \"_right\")",
        doc: #"Every left row with the columns of one right row: the last one whose on: value (a time or a number) is at or before the left row's (direction: "backward"), the first at or after it ("forward"), or the closer of the two ("nearest"), among the right rows whose by: columns (a name or list of names) are equal. No match, or one further than tolerance: (a duration for times, a number otherwise), leaves the right columns missing. As pandas' merge_asof, but neither side needs sorting; left rows keep their order."#,
        example: #"join_asof(dataframe({id: [1], ts: date(["2024-03-05"])}), dataframe({id: [1, 1], ts: date(["2024-03-01", "2024-03-09"]), label: [0, 1]}), "ts", by: "id")"#
    ) { arguments, _ in
        let left = try arguments.frame(0, "left"), right = try arguments.frame(1, "right")
        let on = try arguments.string(2, "on")
        let by = arguments.optional(nil, "by").map(\.isNull) == false ? try arguments.strings(nil, "by") : []
        let name = try arguments.string(nil, "direction", default: "backward")
        guard let direction = AsOfDirection(rawValue: name) else {
            throw BuiltinError("direction must be one of \(AsOfDirection.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")), got \(Renderer.quote(name))")
        }
        // A tolerance in the key's units: a duration for times, a number for numbers; never negative.
        let timeKeys = left.column(named: on)?.type.timeKind != nil
        var tolerance: Double?
        switch arguments.optional(nil, "tolerance") {
        case nil, .null?: tolerance = nil
        case .number(let number)? where !timeKeys && number >= 0: tolerance = number
        case .time(let time)? where timeKeys && time.kind == .duration && time.micros >= 0: tolerance = Double(time.micros)
        case let other?:
            throw arguments.mismatch("tolerance", expected: timeKeys ? "a duration of 0 or more (the keys are times)" : "a number of 0 or more (the keys are numbers)", got: other)
        }
        return .frame(try left.joinedAsOf(right, on: on, by: by, direction: direction, tolerance: tolerance, suffix: try arguments.string(nil, "suffix", default: "_right")))
    },
]

/// window's and resample's frame, time column, period and origin.
private func windowArguments(_ arguments: Arguments) throws -> (DataFrame, TimeColumn, Period, Int64) {
    let frame = try arguments.frame(0, "df")
    let name = try arguments.string(1, "by")
    guard let column = frame.column(named: name) else {
        throw BuiltinError("no column named '\(name)'; available: \(frame.names.joined(separator: ", "))")
    }
    guard case .time(let times) = column, times.kind != .duration else {
        throw BuiltinError("column '\(name)' holds \(column.typeName) values; windows need dates or datetimes (read_csv(..., dates: [\"\(name)\"]) or datetime(df.\(name)) makes them)")
    }
    let period = try periodArgument(arguments, 2, "every")
    let origin = arguments.optional(nil, "start").map(\.isNull) == false ? try instant(arguments, nil, "start") : period.defaultOrigin
    return (frame, times, period, origin)
}

/// A period argument: text such as "1w" or a positive duration of at most 10,000 years.
func periodArgument(_ arguments: Arguments, _ index: Int?, _ name: String) throws -> Period {
    switch try arguments.required(index, name) {
    case .string(let text):
        guard let parsed = Period(text) else { throw BuiltinError("\(name) is \(Renderer.quote(text)); \(Period.syntaxHelp)") }
        return parsed
    case .time(let time) where time.kind == .duration && Period.fixed(time.micros).isWithinLongest:
        return .fixed(time.micros)
    case let other:
        throw arguments.mismatch(name, expected: "a period such as \"1d\" or a positive duration of at most 10,000 years", got: other)
    }
}
