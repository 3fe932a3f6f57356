// Reshaping builtins: renaming, dropping and computing columns, distinct rows, rows as records, and the
// pivots between long and wide forms. Thin bindings to DriftCore's DataFrame+Reshaping.
import DriftCore

let reshapeBuiltins: [Builtin] = [
    Builtin(
        "rename(df, names)",
        doc: "The dataframe with columns renamed: names is a record from old names to new ones.",
        example: #"rename(df, {income: "yearly_income", approved: "label"})"#
    ) { arguments, _ in
        let frame = try arguments.frame(0, "df")
        let value = try arguments.required(1, "names")
        guard case .record(let record) = value else { throw arguments.mismatch("names", expected: "a record such as {old: \"new\"}", got: value) }
        let renames = try record.fields.map { old, new -> (old: String, new: String) in
            guard case .string(let name) = new else { throw BuiltinError("the new name for '\(old)' must be a string, got \(new.kindName)") }
            return (old, name)
        }
        return .frame(try frame.renaming(renames))
    },
    Builtin(
        "drop(df, columns)",
        doc: "The dataframe without the named columns (a name or a list of names; each must exist).",
        example: #"drop(df, ["id", "region"])"#
    ) { arguments, _ in
        .frame(try arguments.frame(0, "df").dropping(try arguments.strings(1, "columns")))
    },
    Builtin(
        "distinct(df, columns: null)",
        doc: "The first row of each distinct combination of the columns named (all columns by default), in row order; missing values count as equal here, as in pandas' drop_duplicates.",
        example: #"distinct(df, columns: ["region", "approved"])"#
    ) { arguments, _ in
        let frame = try arguments.frame(0, "df")
        let keys = arguments.optional(nil, "columns") == nil ? [] : try arguments.strings(nil, "columns")
        return .frame(try frame.distinctRows(by: keys))
    },
    Builtin(
        "mutate(df, ...)",
        doc: "The dataframe with columns added or replaced, one per named argument, in order: a vector as long as the frame, a single value (repeated), or a function of the frame so far (so a pipe can use the columns it has just made).",
        example: #"df |> mutate(debt: df.debt_ratio * df.income, monthly: d => d.debt / 12)"#
    ) { arguments, interpreter in
        var frame = try arguments.frame(0, "df")
        guard !arguments.named.isEmpty else { throw BuiltinError("name at least one column, as in mutate(df, ratio: df.a / df.b)") }
        for (name, given) in arguments.named {
            var value = given
            if case .function(let function) = given {
                value = try function.call(Arguments(positional: [.frame(frame)], at: arguments.location), interpreter, at: arguments.location)
            }
            guard let column = value.column(rows: frame.rowCount) else {
                throw BuiltinError("column '\(name)' must be a vector, a single value or a function of the frame, got \(value.kindName)")
            }
            frame = try frame.withColumn(name, column)
        }
        return .frame(frame)
    },
    Builtin(
        "rows(df)",
        doc: "The rows of a dataframe as a list of records (missing values are null); dataframe(list) turns such a list back into a frame.",
        example: #"rows(head(df, 2))"#
    ) { arguments, _ in
        let frame = try arguments.frame(0, "df")
        try MemoryLimit.reserve(Double(frame.rowCount * max(frame.columnCount, 1)) * 48, for: "\(frame.rowCount) records")
        return .list((0..<frame.rowCount).map { row in .record(frame.record(at: row)) })
    },
    Builtin(
        "pivot_longer(df, columns, names_to: \"name\", values_to: \"value\")",
        doc: "The long form, as tidyr's pivot_longer: for each row, one row per named column (in that order), with the other columns, the column's name under names_to and its value under values_to. The columns gathered must share a type.",
        example: #"pivot_longer(head(df, 2), ["age", "income"], names_to: "feature")"#
    ) { arguments, _ in
        let frame = try arguments.frame(0, "df")
        return .frame(try frame.pivotedLonger(
            try arguments.strings(1, "columns"), namesTo: try arguments.string(nil, "names_to", default: "name"),
            valuesTo: try arguments.string(nil, "values_to", default: "value")))
    },
    Builtin(
        "pivot_wider(df, names_from:, values_from:)",
        doc: "The wide form, as tidyr's pivot_wider: one row per distinct combination of the other columns (in order of first appearance), one column per distinct value of the string column names_from (in order of first appearance) holding values_from, missing where a combination has none. Rows whose name is missing are left out; two values for one cell are an error (aggregate first).",
        example: #"pivot_wider(pivot_longer(head(df, 2), ["age", "income"], names_to: "feature"), names_from: "feature", values_from: "value")"#
    ) { arguments, _ in
        let frame = try arguments.frame(0, "df")
        return .frame(try frame.pivotedWider(namesFrom: try arguments.string(nil, "names_from"), valuesFrom: try arguments.string(nil, "values_from")))
    },
]
