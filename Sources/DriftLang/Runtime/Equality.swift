// Equality: structural equality of values, used by `==`, `unique` and tests. Lists and records are
// compared with a work list, not recursion, so values nested millions of levels deep compare safely.

enum Equality {
    static func equal(_ a: Value, _ b: Value) -> Bool {
        guard a.holdsStorage || b.holdsStorage else { return shallowEqual(a, b) }
        var pending = [(a, b)]
        while let (x, y) = pending.popLast() {
            switch (x, y) {
            case (.list(let x), .list(let y)):
                guard x.count == y.count else { return false }
                pending.append(contentsOf: zip(x, y))
            case (.record(let x), .record(let y)):
                guard x.keys == y.keys else { return false }
                pending.append(contentsOf: zip(x.values, y.values))
            default:
                guard shallowEqual(x, y) else { return false }
            }
        }
        return true
    }

    /// Equality of two values that are not both lists or both records.
    private static func shallowEqual(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.time(let x), .time(let y)): return x.micros == y.micros && (x.kind == .duration) == (y.kind == .duration)
        case (.vector(let x), .vector(let y)): return x == y
        case (.frame(let x), .frame(let y)): return x == y
        case (.function(let x), .function(let y)): return x === y
        case (.object(let x), .object(let y)): return x === y
        case (.list(let items), .vector(let column)), (.vector(let column), .list(let items)):
            return items.count == column.count && items.isEmpty
        default: return false
        }
    }
}
