// Grouping builtins: `group_by`, `aggregate`, `map_groups`, `count_by` and `join`, thin bindings to
// DriftCore's Grouping and joins. Every verb takes and returns dataframes (or a grouped one), so
// they compose with `|>`.
import DriftCore

let groupingBuiltins: [Builtin] = [
    Builtin(
        "group_by(df, keys)",
        doc: "The rows of a dataframe split by the values of one key column or several (a name or a list of names), for aggregate and map_groups. Groups come in ascending key order; rows whose key is missing form their own group, last.",
        example: #"group_by(df, "region")"#
    ) { arguments, _ in
        let frame = try arguments.frame(0, "df")
        return .object(try GroupedFrameObject(frame, by: try arguments.strings(1, "keys")))
    },
    Builtin(
        "aggregate(grouped, ...)",
        doc: "One row per group: the key columns, then one column per named aggregation, in the order given. An aggregation is a reduction called with a column's name — count() (rows), count(\"col\") (present values), sum, mean, median, min, max, sd, var, quantile(\"col\", q), n_unique, first, last (the first or last present value) — computed natively in one pass per column, or any function of the group's rows (a dataframe) that returns a single value, run once per group.",
        example: #"group_by(df, "region") |> aggregate(n: count(), mean_income: mean("income"), p90: quantile("income", 0.9))"#
    ) { arguments, interpreter in
        let grouped = try groupedFrame(arguments)
        guard !arguments.named.isEmpty else { throw BuiltinError("name at least one aggregation, as in aggregate(grouped, n: count())") }
        return .frame(try aggregated(grouped, arguments.named, arguments, interpreter))
    },
    Builtin(
        "map_groups(grouped, f)",
        doc: "Calls f on each group's rows (a dataframe, groups in key order) and stacks the dataframes it returns into one.",
        example: #"group_by(df, "region") |> map_groups(rows => head(sort_by(rows, "income", desc: true), 1))"#
    ) { arguments, interpreter in
        let grouped = try groupedFrame(arguments)
        let function = try arguments.function(1, "f")
        var parts: [DataFrame] = []
        for group in 0..<grouped.grouping.groupCount {
            try Cancellation.check()
            let value = try function.call(Arguments(positional: [.frame(grouped.rows(of: group))], at: arguments.location), interpreter, at: arguments.location)
            guard case .frame(let part) = value else { throw BuiltinError("f must return a dataframe for every group, got \(value.kindName)") }
            parts.append(part)
        }
        // Stacked once at the end: concatenating as they come would copy the result so far every time.
        return .frame(parts.isEmpty ? grouped.frame.rows(0..<0) : try DataFrame.concatenating(parts))
    },
    Builtin(
        "count_by(df, keys)",
        doc: "How many rows have each value of one key column or several: the keys in ascending order (missing last) and a column `count`.",
        example: #"count_by(df, "approved")"#
    ) { arguments, _ in
        let grouped = try GroupedFrameObject(try arguments.frame(0, "df"), by: try arguments.strings(1, "keys"))
        guard !grouped.grouping.keys.names.contains("count") else {
            throw BuiltinError("a key column is named 'count'; use aggregate(group_by(...), n: count())")
        }
        return .frame(grouped.sizes(named: "count"))
    },
    Builtin(
        "join(left, right, on: null, left_on: null, right_on: null, how: \"inner\", suffix: \"_right\")",
        doc: "The rows of two dataframes matched on key columns: on: a name or list of names both have, or left_on: and right_on: for differently named keys. how: \"inner\" (matching pairs), \"left\" (every left row), \"right\", \"outer\" (the left join, then the right rows nothing matched), \"semi\" (left rows with a match, left columns only) or \"anti\" (left rows without one). Rows keep the left order (a right join the right order); keys may be numbers, strings or booleans of the same type on both sides; missing keys never match. The result has the left columns then the right ones (a key shared by name once); a right column named like a left one gets the suffix.",
        example: #"join(df, dataframe({approved: [true, false], label: ["yes", "no"]}), on: "approved", how: "left")"#
    ) { arguments, _ in
        let left = try arguments.frame(0, "left"), right = try arguments.frame(1, "right")
        let on = try arguments.optional(nil, "on").map { _ in try arguments.strings(nil, "on") }
        let leftOn = try arguments.optional(nil, "left_on").map { _ in try arguments.strings(nil, "left_on") }
        let rightOn = try arguments.optional(nil, "right_on").map { _ in try arguments.strings(nil, "right_on") }
        let keys: (left: [String], right: [String])
        switch (on, leftOn, rightOn) {
        case (let on?, nil, nil): keys = (on, on)
        case (nil, let leftOn?, let rightOn?): keys = (leftOn, rightOn)
        default: throw BuiltinError("name the keys with on:, or with both left_on: and right_on:")
        }
        let how = try arguments.string(nil, "how", default: "inner")
        guard let kind = JoinKind(rawValue: how) else {
            throw BuiltinError("how must be one of \(JoinKind.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")), got \(Renderer.quote(how))")
        }
        return .frame(try left.joined(with: right, leftKeys: keys.left, rightKeys: keys.right, kind: kind, suffix: try arguments.string(nil, "suffix", default: "_right")))
    },
]

/// One row per group: the keys, then each named aggregation (a reduction of a column or a function of the rows).
func aggregated(_ grouped: GroupedFrameObject, _ aggregations: [(label: String, value: Value)], _ arguments: Arguments, _ interpreter: Interpreter) throws -> DataFrame {
    var names = grouped.grouping.keys.names
    var columns = grouped.grouping.keys.columns
    for (name, value) in aggregations {
        if names.contains(name) { throw BuiltinError("'\(name)' names a key column and an aggregation") }
        names.append(name)
        switch value {
        case .object(let aggregation as AggregationObject):
            columns.append(try aggregation.apply(to: grouped))
        case .function(let function as BuiltinFunction):
            throw BuiltinError("aggregation '\(name)' is the builtin \(function.name) itself; name a column, as \(function.name)(\"col\"), or pass a function of the group's rows")
        case .function(let function):
            columns.append(try perGroup(grouped, name: name, function, arguments, interpreter))
        default:
            throw BuiltinError("aggregation '\(name)' must be a reduction of a column, as mean(\"income\"), or a function of the group's rows, got \(value.kindName)")
        }
    }
    return try DataFrame(zip(names, columns).map { (name: $0, column: $1) })
}

private func groupedFrame(_ arguments: Arguments) throws -> GroupedFrameObject {
    let value = try arguments.required(0, "grouped")
    guard case .object(let grouped as GroupedFrameObject) = value else {
        throw arguments.mismatch("grouped", expected: "a grouped dataframe (from group_by)", got: value)
    }
    return grouped
}

/// A function of each group's rows, which must give one number, string, boolean or null per group.
private func perGroup(_ grouped: GroupedFrameObject, name: String, _ function: Function, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Column {
    var results: [Value] = []
    for group in 0..<grouped.grouping.groupCount {
        try Cancellation.check()
        let value = try function.call(Arguments(positional: [.frame(grouped.rows(of: group))], at: arguments.location), interpreter, at: arguments.location)
        guard value.isScalar else { throw BuiltinError("aggregation '\(name)' must give one value per group, got \(value.kindName)") }
        results.append(value)
    }
    if results.allSatisfy(\.isNull) { return .missing(.numeric, count: results.count) }
    guard case .vector(let column) = Value.collection(results) else {
        throw BuiltinError("aggregation '\(name)' gave values of different kinds for different groups")
    }
    return column
}
