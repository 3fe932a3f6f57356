// Vector builtins: making vectors and asking about their elements.
import DriftCore

let vectorBuiltins: [Builtin] = [
    Builtin(
        "range(from, to = null, step = 1)",
        doc: "range(n) gives the numbers 0, 1, …, n−1 as a vector; range(from, to) counts from `from` up to (not including) `to`, and range(from, to, step) by step.",
        example: "range(5)  # [0, 1, 2, 3, 4]"
    ) { arguments, _ in
        let first = try arguments.number(0, "from")
        let (start, end) = arguments.optional(1, "to") != nil ? (first, try arguments.number(1, "to")) : (0, first)
        let step = try arguments.number(2, "step", default: 1)
        guard step != 0, step.isFinite, start.isFinite, end.isFinite else { throw BuiltinError("step must be a finite number other than 0") }
        // By count, not by accumulating the step: the quotient may round up past the end
        // ((1.3 − 1) / 0.1 is 3.0000000000000004), so a last value that reaches the end is dropped.
        var size = max(0, ((end - start) / step).rounded(.up))
        try MemoryLimit.reserve(size * 8, for: "a range of \(Renderer.plainText(.number(size))) numbers")
        while size > 0, step > 0 ? start + (size - 1) * step >= end : start + (size - 1) * step <= end { size -= 1 }
        return .vector(.numeric(NumericColumn((0..<Int(size)).map { start + Double($0) * step })))
    },
    Builtin(
        "missing(v)",
        doc: "How many values of a vector (or column) are missing: null in a literal, empty/NA/null/NaN in a CSV.",
        example: "missing([1, null, 3])  # 1"
    ) { arguments, _ in
        if let lazy = arguments.lazyColumn(0, "v") { return .number(Double(try lazy.summary().missing)) }
        return .number(Double(try arguments.column(0, "v").missingCount))
    },
    Builtin(
        "count(v)",
        doc: "How many values of a vector (or column) are present, not missing. On a lazy column (scan_csv, table) it is counted where the data is.",
        example: "count([1, null, 3])  # 2"
    ) { arguments, _ in
        if let lazy = arguments.lazyColumn(0, "v") { return .number(Double(try lazy.summary().count)) }
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
