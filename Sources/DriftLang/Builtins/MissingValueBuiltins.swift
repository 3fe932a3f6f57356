// Missing-value builtins: finding, filling and dropping missing values, and choosing element-wise between
// two values. Thin bindings to DriftCore's Column+Missing and DataFrame+Missing.
import DriftCore

let missingValueBuiltins: [Builtin] = [
    Builtin(
        "is_missing(v)",
        doc: "True where a value is missing: a boolean vector as long as a vector or list (a list's element is missing when it is null), a dataframe of boolean columns for a dataframe, and one boolean for any other value (true for null). The result is never missing itself.",
        example: "is_missing([1, null, 3])  # [false, true, false]"
    ) { arguments, _ in
        let value = try arguments.required(0, "v")
        switch value {
        case .vector(let column): return .vector(.boolean(column.missingMask()))
        case .list(let items): return .vector(.boolean(BoolColumn(items.map { $0.isMissingScalar })))
        case .frame(let frame):
            return .frame(try DataFrame(zip(frame.names, frame.columns).map { ($0, .boolean($1.missingMask())) }))
        default: return .bool(value.isMissingScalar)
        }
    },
    Builtin(
        "fill_missing(v, value = null, method: null)",
        doc: #"A copy with the missing values filled: by `value` (a single value, or a vector as long as v whose element in the same position is taken), or by method: "forward" (the last present value before, as pandas' ffill; leading missing values stay), "backward" (the next present value after; trailing ones stay), "mean" or "median" (of the present values; numeric vectors only). The value must be of the vector's kind. On a dataframe, a method fills every column ("mean" and "median" only the numeric ones), a record of values fills the columns it names, and a single value the columns of its kind. A missing single value (null) becomes the value."#,
        example: #"fill_missing([1, null, 3, null], method: "forward")  # [1, 1, 3, 3]"#
    ) { arguments, _ in
        return try fillMissing(arguments)
    },
    Builtin(
        "drop_missing(df, columns: null)",
        doc: "The rows of a dataframe with no missing value in the named columns (a string vector; every column by default). On a vector or list, its present elements.",
        example: #"nrow(drop_missing(dataframe({x: [1, null, 3], y: ["a", "b", null]}), columns: ["x"]))  # 2"#
    ) { arguments, _ in
        let value = try arguments.required(0, "df")
        let names = try arguments.optional(nil, "columns").flatMap { $0.isNull ? nil : try arguments.strings(nil, "columns") }
        if case .frame(let frame) = value { return .frame(try frame.droppingMissing(in: names)) }
        if names != nil { throw BuiltinError("columns: applies to a dataframe, not to a \(value.kindName)") }
        if case .list(let items) = value { return Value.collection(items.filter { !$0.isNull }) }
        let column = try arguments.column(0, "df")
        var present = column.missingMask()
        present.values = present.values.map { 1 - $0 }
        return .vector(column.filtered(by: present))
    },
    Builtin(
        "ifelse(mask, a, b)",
        doc: "Element-wise choice: a where the boolean mask is true, b where it is false, missing where it is missing. a and b are single values (repeated) or vectors as long as the mask, of one kind: numbers, strings or booleans (null stands for a missing value of the other's kind). With a single boolean and single values, gives a single value.",
        example: #"ifelse([1, 5, null] > 2, "high", "low")  # ["low", "high", null]"#
    ) { arguments, _ in
        return try choose(arguments)
    },
]

extension Value {
    /// Whether a single value is missing: null, or a NaN number.
    fileprivate var isMissingScalar: Bool {
        switch self {
        case .null: return true
        case .number(let number): return number.isNaN
        default: return false
        }
    }
}

/// fill_missing: a value or a method (exactly one), on a dataframe, a vector, a list or a single value.
private func fillMissing(_ arguments: Arguments) throws -> Value {
    let target = try arguments.required(0, "v")
    let fill = arguments.optional(1, "value").flatMap { $0.isNull ? nil : $0 }
    let method = try arguments.optional(nil, "method").flatMap { $0.isNull ? nil : try fillMethod(arguments) }
    switch (fill, method) {
    case (nil, nil): throw BuiltinError(#"give a value to fill with, or method: "forward", "backward", "mean" or "median""#)
    case (_?, _?): throw BuiltinError("give either a value or a method, not both")
    default: break
    }
    switch target {
    case .frame(let frame):
        if let method { return .frame(try frame.fillingMissing(method)) }
        return .frame(try frame.fillingMissing(from: try frameFills(fill!, for: frame, arguments)))
    case .null:
        return fill ?? .null
    default:
        var column = try arguments.column(0, "v")
        if case .list(let items) = target, items.allSatisfy(\.isNull), let type = fill?.asColumn?.type {
            column = .missing(type, count: items.count)  // a list of nulls takes the fill's kind
        }
        if let method, method == .mean || method == .median, column.type != .numeric {
            throw BuiltinError("method \"\(method.rawValue)\" needs a numeric vector, got \(Value.vector(column).kindName)")
        }
        let filled = try method.map { try column.fillingMissing($0) } ?? column.fillingMissing(from: try fillColumn(fill!, for: column, arguments))
        switch target {
        case .vector, .list: return .vector(filled)
        default: return filled.element(at: 0)
        }
    }
}

/// The `method:` option of fill_missing.
private func fillMethod(_ arguments: Arguments) throws -> FillMethod {
    let name = try arguments.string(nil, "method")
    guard let method = FillMethod(rawValue: name) else {
        let known = FillMethod.allCases.map { #""\#($0.rawValue)""# }.joined(separator: ", ")
        throw BuiltinError("unknown method \(Renderer.quote(name)); use one of \(known)")
    }
    return method
}

/// What a value must be to fill, or stand in for, values of a column of `type`.
private func expectedKind(_ type: ColumnType) -> String {
    switch type {
    case .numeric: return "a number or numeric vector"
    case .text: return "a string or string vector"
    case .boolean: return "a boolean or boolean vector"
    case .datetime, .date, .duration: return "a \(type.rawValue) or \(type.rawValue) vector"
    }
}

/// The fill value as a column of the column's kind.
private func fillColumn(_ fill: Value, for column: Column, _ arguments: Arguments, name: String = "value") throws -> Column {
    guard let values = fill.asColumn, values.type == column.type else {
        throw arguments.mismatch(name, expected: "\(expectedKind(column.type)) to fill a \(Value.vector(column).kindName)", got: fill)
    }
    return values
}

/// A record's fields, or a single value for each column of its kind, as the columns' fill values.
private func frameFills(_ fill: Value, for frame: DataFrame, _ arguments: Arguments) throws -> [(name: String, values: Column)] {
    switch fill {
    case .record(let record):
        return try record.fields.map { name, value in
            guard let column = frame.column(named: name) else {
                throw BuiltinError("no column named '\(name)'; available: \(frame.names.joined(separator: ", "))")
            }
            return (name, try fillColumn(value, for: column, arguments, name: "value.\(name)"))
        }
    case .number, .string, .bool:
        let single = fill.asColumn!
        return zip(frame.names, frame.columns).filter { $0.1.type == single.type }.map { ($0.0, single) }
    default:
        throw arguments.mismatch("value", expected: "a single value or a record of values per column", got: fill)
    }
}

/// ifelse: the mask, a and b brought to one length, then each row gathered from a, b or a missing value.
private func choose(_ arguments: Arguments) throws -> Value {
    let mask = try arguments.required(0, "mask"), a = try arguments.required(1, "a"), b = try arguments.required(2, "b")
    var flags: [Int8]?, single: Int8 = -1
    switch mask {
    case .vector(.boolean(let column)): flags = column.values
    case .bool(let flag): single = flag ? 1 : 0
    case .null: break
    case .list(let items) where items.isEmpty: flags = []
    default: throw arguments.mismatch("mask", expected: "a boolean vector", got: mask)
    }
    let kind = try branchKind(a, "a", arguments), otherKind = try branchKind(b, "b", arguments)
    if let kind, let otherKind, kind != otherKind { throw BuiltinError("a and b must be of one kind, got \(a.kindName) and \(b.kindName)") }
    var lengths: [(String, Int)] = flags.map { [("mask", $0.count)] } ?? []
    if case .vector(let column) = a { lengths.append(("a", column.count)) }
    if case .vector(let column) = b { lengths.append(("b", column.count)) }
    guard let count = lengths.first?.1 else { return single == 1 ? a : single == 0 ? b : .null }
    if lengths.contains(where: { $0.1 != count }) {
        throw BuiltinError("mask, a and b differ in length (\(lengths.map { "\($0.0) has \($0.1)" }.joined(separator: ", ")))")
    }
    let type = kind ?? otherKind ?? .numeric
    let rows = try Column.concatenating(Column.concatenating(branch(a, type, count), branch(b, type, count)), Column.missing(type, count: 1))
    return .vector(rows.gathering((0..<count).map { row in
        switch flags?[row] ?? single {
        case 1: row
        case 0: count + row
        default: 2 * count
        }
    }))
}

/// The column kind a branch of ifelse gives, or nil for null (which takes the other's kind).
private func branchKind(_ value: Value, _ name: String, _ arguments: Arguments) throws -> ColumnType? {
    switch value {
    case .null: return nil
    case .number, .string, .bool, .vector: return value.asColumn?.type
    default: throw arguments.mismatch(name, expected: "a number, string, boolean or a vector of them", got: value)
    }
}

/// A branch as a column of `count` rows: a vector as it is, a single value (or null) repeated.
private func branch(_ value: Value, _ type: ColumnType, _ count: Int) -> Column {
    if case .vector(let column) = value { return column }
    return (value.asColumn ?? .missing(type, count: 1)).repeated(count)
}
