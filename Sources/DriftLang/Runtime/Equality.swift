// Equality: structural equality of values, used by `==`, `unique` and tests.

enum Equality {
    static func equal(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.time(let x), .time(let y)): return x.micros == y.micros && (x.kind == .duration) == (y.kind == .duration)
        case (.vector(let x), .vector(let y)): return x == y
        case (.list(let x), .list(let y)): return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (.record(let x), .record(let y)):
            return x.keys == y.keys && zip(x.values, y.values).allSatisfy { equal($0, $1) }
        case (.frame(let x), .frame(let y)): return x == y
        case (.function(let x), .function(let y)): return x === y
        case (.object(let x), .object(let y)): return x === y
        case (.list(let items), .vector(let column)), (.vector(let column), .list(let items)):
            return items.count == column.count && items.isEmpty
        default: return false
        }
    }
}
