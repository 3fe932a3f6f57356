// Membership: `x in values` and `isin(x, values)`, one rule for both, as pandas' isin: the answer is
// never missing, a missing element is among the values only when they hold null too, and values of
// another kind never match (1 is not "1"). Values may be a list of several kinds.
import DriftCore

enum Membership {
    /// Whether `element` (a single value, or each element of a vector) is among `values` (a vector, a
    /// single value or a list of numbers, strings, booleans and nulls).
    static func test(_ element: Value, in values: Value) throws(BuiltinError) -> Value {
        switch element {
        case .vector, .list:
            guard let column = element.asColumn else {
                throw BuiltinError("membership is tested for the elements of a vector, not of a list of several kinds")
            }
            return .vector(try test(column, in: values))
        case .null, .bool, .number, .string:
            let single = element.isNull ? Column.missing(.numeric, count: 1) : element.asColumn ?? .missing(.numeric, count: 1)
            return try test(single, in: values).element(at: 0)
        default:
            throw BuiltinError("membership is tested for a number, string, boolean, null or vector, got \(element.kindName)")
        }
    }

    /// True where an element of `column` is among `values`, whose kinds are looked up separately.
    private static func test(_ column: Column, in values: Value) throws(BuiltinError) -> Column {
        if values.isNull { return column.isIn(.missing(.numeric, count: 1)) }
        if let set = values.asColumn { return column.isIn(set) }
        guard case .list(let items) = values else {
            throw BuiltinError("the values to look in must be a vector, a list or a single value, got \(values.kindName)")
        }
        var groups: [ColumnType: [Value]] = [:]
        for item in items {
            switch item {
            case .number, .null: groups[.numeric, default: []].append(item)
            case .string: groups[.text, default: []].append(item)
            case .bool: groups[.boolean, default: []].append(item)
            default: throw BuiltinError("the values to look in must be numbers, strings, booleans or null, got \(item.kindName)")
            }
        }
        var flags = [Int8](repeating: 0, count: column.count)
        for group in groups.values {
            // A group of nulls only is an all-missing numeric column (asColumn's rule for such lists).
            guard let set = Value.collection(group).asColumn, case .boolean(let found) = column.isIn(set) else { continue }
            for row in flags.indices where found.values[row] == 1 { flags[row] = 1 }
        }
        return .boolean(BoolColumn(raw: flags))
    }
}
