// List builtins: growing lists and vectors (`append`), and the joining behind `concat` (whose builtin lives
// with the dataframe ones, as it joins frames too). Vectors of one kind stay typed columns; anything mixed
// becomes a list, as a list literal would.
import DriftCore

let listBuiltins: [Builtin] = [
    Builtin(
        "append(list, x)",
        doc: "A new list (or vector) with x added at the end as one element; the argument is not changed. A vector stays a vector when x is a single value of its kind or null, and becomes a list otherwise; to join two vectors, use concat.",
        example: #"append(["a", "b"], "c")  # ["a", "b", "c"]"#
    ) { arguments, _ in
        let collection = try arguments.required(0, "list"), element = try arguments.required(1, "x")
        switch collection {
        case .vector(let column):
            let single: Column?
            switch element {
            case .null: single = .missing(column.type, count: 1)
            case .number, .string, .bool: single = element.asColumn
            default: single = nil
            }
            if let single, single.type == column.type { return .vector(try Column.concatenating(column, single)) }
            return .list(collection.elements! + [element])
        case .list(let items):
            return Value.collection(items + [element])
        default:
            throw arguments.mismatch("list", expected: "a list or vector", got: collection)
        }
    },
]

/// `concat(values...)`: frames joined by rows; vectors (and single values) of one kind joined as a vector;
/// anything else joined element by element into a list (or a vector, when the elements turn out of one kind).
func concatenated(_ values: [Value]) throws -> Value {
    guard !values.isEmpty else { throw BuiltinError("needs at least one value to join") }
    let frames = values.compactMap { value -> DataFrame? in if case .frame(let frame) = value { frame } else { nil } }
    if !frames.isEmpty {
        if let other = values.first(where: { if case .frame = $0 { false } else { true } }) {
            throw BuiltinError("cannot join a dataframe with a \(other.kindName)")
        }
        return .frame(try DataFrame.concatenating(frames))
    }
    let columns = values.compactMap { value -> Column? in
        switch value {
        case .vector(let column): column
        case .number, .string, .bool: value.asColumn
        default: nil
        }
    }
    if columns.count == values.count, columns.allSatisfy({ $0.type == columns[0].type }) {
        return .vector(try Column.concatenating(columns))
    }
    // A vector's numbers become values three times their size: checked before the list is made.
    let count = values.reduce(0.0) { total, value in
        switch value {
        case .vector(let column): total + Double(column.count)
        case .list(let items): total + Double(items.count)
        default: total + 1
        }
    }
    try MemoryLimit.reserve(count * Double(MemoryLayout<Value>.stride), for: "a list of \(Int(count)) values")
    var elements: [Value] = []
    for (position, value) in values.enumerated() {
        switch value {
        case .vector, .list: elements.append(contentsOf: value.elements!)
        case .null, .number, .string, .bool: elements.append(value)
        default: throw BuiltinError("argument \(position + 1) must be a vector, list, dataframe or single value, got \(value.kindName)")
        }
    }
    return Value.collection(elements)
}
