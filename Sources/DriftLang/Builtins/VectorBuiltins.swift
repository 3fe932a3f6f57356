// Vector builtins: making vectors and asking about their elements.
import DriftCore

let vectorBuiltins: [Builtin] = [
    Builtin(
        "range(from, to = null, step = 1)",
        doc: #"range(n) gives the numbers 0, 1, …, n−1 as a vector; range(from, to) counts from `from` up to (not including) `to`, and range(from, to, step) by step. From one date or datetime to another, step is a duration (one day by default) or a period ("1w", "1mo"; months keep the day of the month, cut to the month's last day), and the result a vector of times."#,
        example: "range(5)  # [0, 1, 2, 3, 4]"
    ) { arguments, _ in
        if case .time = arguments.optional(0, "from") { return try timeRange(arguments) }
        let first = try arguments.number(0, "from")
        let (start, end) = arguments.optional(1, "to") != nil ? (first, try arguments.number(1, "to")) : (0, first)
        let step = try arguments.number(2, "step", default: 1)
        guard step != 0, step.isFinite, start.isFinite, end.isFinite else { throw BuiltinError("step must be a finite number other than 0") }
        // By count, not by accumulating the step: the quotient may round up past the end
        // ((1.3 − 1) / 0.1 is 3.0000000000000004), so a last value that reaches the end is dropped.
        var size = max(0, ((end - start) / step).rounded(.up))
        try MemoryLimit.reserve(size * 8, for: "a range of \(Renderer.plainText(.number(size))) numbers")
        while size > 0, step > 0 ? start + (size - 1) * step >= end : start + (size - 1) * step <= end { size -= 1 }
        return .vector(.numeric(NumericColumn(try Statistics.evenlySpaced(from: start, by: step, count: Int(size)))))
    },
    Builtin(
        "missing(v)",
        doc: "How many values of a vector (or column) are missing: null in a literal, empty/NA/null/NaN in a CSV.",
        example: "missing([1, null, 3])  # 1"
    ) { arguments, _ in
        if let lazy = arguments.lazyColumn(0, "v") { return .number(Double(try lazy.source.cache.missingCount(lazy.column))) }
        return .number(Double(try arguments.column(0, "v").missingCount))
    },
    Builtin(
        "count(v = null)",
        doc: "How many values of a vector (or column) are present, not missing. On a lazy column (scan_csv, table) it is counted where the data is. For aggregate, count() counts each group's rows and count(\"col\") its present values of a column.",
        example: "count([1, null, 3])  # 2"
    ) { arguments, _ in
        if arguments.optional(0, "v") == nil { return .object(AggregationObject(.count, of: nil)) }
        if let aggregation = aggregationOfColumn(arguments, .count) { return aggregation }
        if let lazy = arguments.lazyColumn(0, "v") {
            let cache = lazy.source.cache
            return .number(Double(try cache.rowCount() - cache.missingCount(lazy.column)))
        }
        let column = try arguments.column(0, "v")
        return .number(Double(column.count - column.missingCount))
    },
    Builtin(
        "unique(v)",
        doc: "The distinct non-missing values of a vector, in order of first appearance.",
        example: #"unique(["a", "b", "a"])  # ["a", "b"]"#
    ) { arguments, _ in
        return .vector(try arguments.column(0, "v").uniqued())
    },
    Builtin(
        "value_counts(v)",
        doc: "A dataframe of the distinct non-missing values of a vector (column `value`) and how often each occurs (column `count`), most frequent first; ties in value order.",
        example: #"value_counts(df.region)"#
    ) { arguments, _ in
        if let lazy = arguments.lazyColumn(0, "v") { return try LazyColumns.valueCounts(lazy) }
        let counts = try arguments.column(0, "v").valueCounts()
        return .frame(try DataFrame([
            (name: "value", column: counts.values),
            (name: "count", column: .numeric(NumericColumn(counts.counts.map(Double.init)))),
        ]))
    },
    Builtin(
        "any(mask)",
        doc: "True when at least one element of a boolean vector is true (missing elements are skipped).",
        example: "any([1, 5, 2] > 4)  # true"
    ) { arguments, _ in
        return .bool(try booleans(arguments, "mask").contains(1))
    },
    Builtin(
        "all(mask)",
        doc: "True when every non-missing element of a boolean vector is true.",
        example: "all([1, 5, 2] > 0)  # true"
    ) { arguments, _ in
        return .bool(!(try booleans(arguments, "mask").contains(0)))
    },
]

private func booleans(_ arguments: Arguments, _ name: String) throws -> [Int8] {
    let value = try arguments.required(0, name)
    switch value {
    case .vector(.boolean(let column)): return column.values
    case .bool(let flag): return [flag ? 1 : 0]
    case .list(let items) where items.isEmpty: return []
    default: throw arguments.mismatch(name, expected: "a boolean vector", got: value)
    }
}

/// `range(from, to, step)` over times: `from`, `from + step`, … while before `to`.
private func timeRange(_ arguments: Arguments) throws -> Value {
    guard case .time(let from) = try arguments.required(0, "from"), from.kind != .duration,
          case .time(let to)? = arguments.optional(1, "to"), to.kind != .duration
    else { throw BuiltinError("a range of times goes from a date or datetime to another: range(from, to, step)") }
    let period = arguments.optional(2, "step") == nil ? .fixed(Micros.day) : try periodArgument(arguments, 2, "step")
    // At most this many values (a month is at least 28 days), checked against the memory limit once.
    let shortest: Int64
    switch period {
    case .fixed(let length): shortest = length
    case .months(let count): shortest = Int64(count) * 28 * Micros.day
    }
    try MemoryLimit.reserve(Double(max(0, to.micros - from.micros) / shortest + 1) * 8, for: "a range of times")
    var values: [Int64] = []
    var next = from.micros
    while next < to.micros {
        values.append(next)
        next = period.advanced(from.micros, by: values.count)
    }
    let startsAtMidnight = values.allSatisfy { $0 % Micros.day == 0 }
    return .vector(.time(TimeColumn(values, kind: from.kind == .date && startsAtMidnight ? .date : .datetime)))
}
