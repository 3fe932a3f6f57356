// Dataframe builtins: building, shaping and summarising frames. Thin bindings to DriftCore.DataFrame.
import DriftCore

let frameBuiltins: [Builtin] = [
    Builtin(
        "dataframe(columns)",
        doc: "A dataframe from a record of equally long vectors, one column per field, in field order; a single value (a number, string, boolean or null) is repeated down its column. Or from a list of records with the same fields (as rows(df) and parse_json give), one row each.",
        example: #"dataframe({x: [1, 2, 3], g: ["a", "b", "a"], batch: 1})"#
    ) { arguments, _ in
        let value = try arguments.required(0, "columns")
        if case .list(let rows) = value, case .record? = rows.first { return .frame(try DataFrame.ofRecords(rows.array)) }
        guard case .record(let record) = value else { throw arguments.mismatch("columns", expected: "a record of vectors or a list of records", got: value) }
        let rows = record.values.compactMap { field -> Int? in field.isScalar ? nil : field.asColumn?.count }.max() ?? 1
        let columns = try record.fields.map { name, field in
            guard let column = field.column(rows: rows) else {
                throw BuiltinError("column '\(name)' must be a vector or a single value, got \(field.kindName)")
            }
            return (name: name, column: column)
        }
        return .frame(try DataFrame(columns))
    },
    Builtin("nrow(df)", doc: "The number of rows of a dataframe, or of a lazy source (scan_csv or table; read once if not yet read).", example: "nrow(df)") { arguments, _ in
        if let lazy = arguments.lazySource(0, "df") { return .number(Double(try lazy.rowCount())) }
        return .number(Double(try arguments.frame(0, "df").rowCount))
    },
    Builtin("ncol(df)", doc: "The number of columns of a dataframe.", example: "ncol(df)") { arguments, _ in
        return .number(Double(try arguments.frame(0, "df").columnCount))
    },
    Builtin("columns(df)", doc: "The column names of a dataframe, as a string vector.", example: "columns(df)") { arguments, _ in
        return .vector(.text(TextColumn(try arguments.frame(0, "df").names)))
    },
    Builtin("head(df, n = 5)", doc: "The first n rows of a dataframe (or the first n elements of a vector).", example: "head(df, 3)") { arguments, _ in
        return try ends(arguments, fromStart: true)
    },
    Builtin("tail(df, n = 5)", doc: "The last n rows of a dataframe (or the last n elements of a vector).", example: "tail(df, 3)") { arguments, _ in
        return try ends(arguments, fromStart: false)
    },
    Builtin(
        "select(df, names)",
        doc: "A dataframe with only the named columns, in the order given.",
        example: #"select(df, ["age", "income"])"#
    ) { arguments, _ in
        return .frame(try arguments.frame(0, "df").selecting(try arguments.strings(1, "names")))
    },
    Builtin(
        "filter(df, mask)",
        doc: "The rows of a dataframe where a boolean vector is true (missing counts as false). Same as df[mask].",
        example: "filter(df, df.age > 30)"
    ) { arguments, _ in
        let frame = try arguments.frame(0, "df")
        let value = try arguments.required(1, "mask")
        guard case .vector(.boolean(let mask)) = value else { throw arguments.mismatch("mask", expected: "a boolean vector", got: value) }
        return .frame(try frame.filtered(by: mask))
    },
    Builtin(
        "with_column(df, name, values)",
        doc: "A dataframe with a column added, or replaced if the name exists. A single value is repeated down the column.",
        example: #"with_column(df, "debt", df.debt_ratio * df.income)"#
    ) { arguments, _ in
        let frame = try arguments.frame(0, "df")
        let name = try arguments.string(1, "name")
        let values = try arguments.required(2, "values")
        guard let column = values.column(rows: frame.rowCount) else { throw arguments.mismatch("values", expected: "a vector or a single value", got: values) }
        return .frame(try frame.withColumn(name, column))
    },
    Builtin(
        "sort_by(df, columns, desc: false)",
        doc: "The rows of a dataframe sorted by one column or several (a name or a list of names: the first decides, ties go to the next), ascending unless desc: true — or a list of flags, one per column. The sort is stable, and missing values go last in each column whichever the direction.",
        example: #"sort_by(df, ["region", "income"], desc: [false, true])"#
    ) { arguments, _ in
        let frame = try arguments.frame(0, "df")
        let names = try arguments.strings(1, "columns")
        let descending: [Bool]
        switch arguments.optional(nil, "desc") {
        case nil: descending = names.map { _ in false }
        case .bool(let flag)?: descending = names.map { _ in flag }
        case .vector(.boolean(let flags))? where flags.count == names.count && flags.missingCount == 0:
            descending = flags.values.map { $0 == 1 }
        case let other?:
            throw arguments.mismatch("desc", expected: "true, false or a list of \(names.count) of them (one per column)", got: other)
        }
        return .frame(try frame.sorted(by: names, descending: descending))
    },
    Builtin(
        "describe(df)",
        doc: "Summary statistics per column: type, count, missing, mean, sd, min, quartiles, max and number of distinct values.",
        example: "describe(df)"
    ) { arguments, _ in
        return .frame(try arguments.frame(0, "df").describe())
    },
    Builtin(
        "concat(values...)",
        doc: "Joins any number of values in order. Dataframes: the rows of each after the rows of the one before; all need the same columns, in the same order, of the same kinds. Vectors (and single values) of one kind: one vector. Lists, or vectors of different kinds: a list of all their elements (a vector again when the elements are all of one kind). A dataframe cannot be joined with anything else.",
        example: #"concat([1, 2], [3], ["x"])  # [1, 2, 3, "x"]"#
    ) { arguments, _ in
        return try concatenated(arguments.positional)
    },
    Builtin(
        "sample(df, n, seed: 1)",
        doc: "n rows drawn at random without replacement; the same seed gives the same rows.",
        example: "sample(df, 100, seed: 42)"
    ) { arguments, _ in
        let frame = try arguments.frame(0, "df")
        let count = try arguments.integer(1, "n")
        let seed = try arguments.integer(nil, "seed", default: 1, in: 0...Int(Int32.max))
        return .frame(try frame.sample(count, seed: UInt64(seed)))
    },
]

/// `head` and `tail` on frames and vectors.
private func ends(_ arguments: Arguments, fromStart: Bool) throws -> Value {
    let count = try arguments.integer(1, "n", default: 5)
    let value = try arguments.required(0, "df")
    switch value {
    case .frame(let frame): return .frame(fromStart ? frame.head(count) : frame.tail(count))
    case .vector(let column):
        let kept = min(count, column.count)
        return .vector(column.slice(fromStart ? 0..<kept : column.count - kept..<column.count))
    default: throw arguments.mismatch("df", expected: "a dataframe or vector", got: value)
    }
}
