// Ordering builtins: sorting, the permutation that sorts, ranks, reversing, membership and the positions
// of true values. Thin bindings to DriftCore's Ranking and Column+Membership.
import DriftCore

let orderingBuiltins: [Builtin] = [
    Builtin(
        "sort(v, desc: false)",
        doc: "The values of a vector in ascending order (descending with desc: true): numbers by value, strings in Unicode order, booleans false first. Missing values go last either way. A list of mixed kinds has no order and is an error.",
        example: "sort([3, null, 1, 2])  # [1, 2, 3, null]"
    ) { arguments, _ in
        return .vector(try arguments.column(0, "v").sorted(descending: try arguments.bool(nil, "desc", default: false)))
    },
    Builtin(
        "order(v, desc: false)",
        doc: "The 0-based positions that sort a vector: v[order(v)] is sort(v). Stable (equal values keep their order), missing values last; desc: true for descending.",
        example: "order([30, 10, null, 20])  # [1, 3, 0, 2]"
    ) { arguments, _ in
        let order = try arguments.column(0, "v").ordering(descending: try arguments.bool(nil, "desc", default: false))
        return .vector(.numeric(NumericColumn(order.map { Double($0) })))
    },
    Builtin(
        "rank(v)",
        doc: "The 1-based rank of each value among the vector's present values, ties given the mean of the ranks they span, as scipy.stats.rankdata (method \"average\"). A missing value has a missing rank and does not count.",
        example: "rank([10, 20, 10, null, 30])  # [1.5, 3, 1.5, null, 4]"
    ) { arguments, _ in
        return .vector(.numeric(NumericColumn(try arguments.column(0, "v").ranks())))
    },
    Builtin(
        "reverse(v)",
        doc: "The elements of a vector or list in reverse order, or the characters of a string.",
        example: "reverse([1, 2, null])  # [null, 2, 1]"
    ) { arguments, _ in
        let value = try arguments.required(0, "v")
        switch value {
        case .vector(let column): return .vector(column.reversed())
        case .list(let items): return .list(items.reversed())
        case .string(let text): return .string(String(text.reversed()))
        default: throw arguments.mismatch("v", expected: "a vector, list or string", got: value)
        }
    },
    Builtin(
        "isin(v, values)",
        doc: "True where an element of v is one of values (a vector, a list or a single value), as pandas' isin, and as the operator `v in values`: never missing, a missing element is in values only when they hold null too, and values of another kind never match (1 is not \"1\"). On a single value, gives one boolean.",
        example: #"isin(["a", "b", null], ["a", "c"])  # [true, false, false]"#
    ) { arguments, _ in
        try Membership.test(try arguments.required(0, "v"), in: try arguments.required(1, "values"))
    },
    Builtin(
        "where(mask)",
        doc: "The 0-based positions where a boolean vector is true, as a numeric vector; missing counts as not true.",
        example: "where([false, true, null, true])  # [1, 3]"
    ) { arguments, _ in
        let value = try arguments.required(0, "mask")
        let flags: [Int8]
        switch value {
        case .vector(.boolean(let column)): flags = column.values
        case .bool(let flag): flags = [flag ? 1 : 0]
        case .list(let items) where items.isEmpty: flags = []
        default: throw arguments.mismatch("mask", expected: "a boolean vector", got: value)
        }
        return .vector(.numeric(NumericColumn(flags.indices.filter { flags[$0] == 1 }.map { Double($0) })))
    },
]

