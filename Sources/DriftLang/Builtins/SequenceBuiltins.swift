// Sequence builtins: running totals, differences, shifts, rolling windows, and making sequences and
// repetitions. Thin bindings to DriftCore's Cumulative, Rolling, ArithmeticSequence and Column+Rearranging.
import DriftCore

let sequenceBuiltins: [Builtin] = [
    Builtin(
        "cumsum(v)",
        doc: "The running sum of a numeric vector (a boolean one counts its true values): element i sums the present values up to i. A missing value stays missing in its position and the sum carries on past it, as pandas' cumsum.",
        example: "cumsum([1, 2, null, 4])  # [1, 3, null, 7]"
    ) { arguments, _ in
        return .vector(.numeric(NumericColumn(try Statistics.cumulativeSum(try arguments.numbers(0, "v")))))
    },
    Builtin(
        "cumprod(v)",
        doc: "The running product of a numeric vector: element i multiplies the present values up to i. A missing value stays missing in its position and the product carries on past it, as pandas' cumprod.",
        example: "cumprod([1, 2, null, 4])  # [1, 2, null, 8]"
    ) { arguments, _ in
        return .vector(.numeric(NumericColumn(try Statistics.cumulativeProduct(try arguments.numbers(0, "v")))))
    },
    Builtin(
        "diff(v, lag: 1)",
        doc: "The difference of each value and the one lag positions before it, same length as v: the first lag elements are missing (the last -lag for a negative lag), and so is any difference involving a missing value, as pandas' diff.",
        example: "diff([1, 4, 9, 16])  # [null, 3, 5, 7]"
    ) { arguments, _ in
        let lag = try arguments.integer(nil, "lag", default: 1, in: -Int(Int32.max)...Int(Int32.max))
        return .vector(.numeric(NumericColumn(Statistics.differences(try arguments.numbers(0, "v"), lag: lag))))
    },
    Builtin(
        "lag(v, n: 1)",
        doc: "The vector moved n positions later, same length: element i is v[i - n], and the first n elements are missing (pandas' shift(n)). A negative n moves it earlier, as lead. Works on vectors of any kind.",
        example: "lag([1, 2, 3])  # [null, 1, 2]"
    ) { arguments, _ in
        return .vector(try arguments.column(0, "v").shifted(by: try shiftCount(arguments)))
    },
    Builtin(
        "lead(v, n: 1)",
        doc: "The vector moved n positions earlier, same length: element i is v[i + n], and the last n elements are missing (pandas' shift(-n)). Works on vectors of any kind.",
        example: "lead([1, 2, 3])  # [2, 3, null]"
    ) { arguments, _ in
        return .vector(try arguments.column(0, "v").shifted(by: -(try shiftCount(arguments))))
    },
    Builtin(
        "rolling(v, window, f)",
        doc: "f applied to each window of `window` consecutive values ending at each position, same length as v: the first window − 1 elements are missing, and each later one is f of the window's present values (missing when there are none). For f one of the builtins mean, sum, min, max and sd (sample, n − 1; missing for fewer than two values) the windows are computed in one pass, whatever their length; any other function is called once per window with a vector.",
        example: "rolling([1, 2, null, 4, 5], 2, mean)  # [null, 1.5, 2, 4, 4.5]"
    ) { arguments, interpreter in
        let window = try arguments.integer(1, "window", in: 1...Int(Int32.max))
        let function = try arguments.function(2, "f")
        if let builtin = function as? BuiltinFunction, let statistic = RollingStatistic(rawValue: builtin.builtin.name) {
            return .vector(.numeric(NumericColumn(try Statistics.rolling(try arguments.numbers(0, "v"), window: window, statistic))))
        }
        return try rollingCalls(of: function, over: try arguments.column(0, "v"), window: window, arguments, interpreter)
    },
    Builtin(
        "seq(from, to, by: null)",
        doc: "The numbers from `from` to `to` in steps of by, as R's seq: `to` is included when a step lands on it (to a relative 1e-10), each value is from + i × by (computed, not accumulated), and none passes `to`. by defaults to 1, or −1 when to is below from; a step pointing away from `to` is an error.",
        example: "seq(0, 1, by: 0.25)  # [0, 0.25, 0.5, 0.75, 1]"
    ) { arguments, _ in
        let start = try arguments.number(0, "from"), end = try arguments.number(1, "to")
        let step = try arguments.number(nil, "by", default: end < start ? -1 : 1)
        return .vector(.numeric(NumericColumn(try Statistics.sequence(from: start, to: end, by: step))))
    },
    Builtin(
        "repeat(x, n)",
        doc: "x repeated n times: a single number, string or boolean gives a vector of n copies; a vector or list gives its elements n times over, one copy after another (as R's rep(x, times = n)); any other value a list of n copies.",
        example: "repeat([1, 2], 3)  # [1, 2, 1, 2, 1, 2]"
    ) { arguments, _ in
        let value = try arguments.required(0, "x")
        let times = try arguments.integer(1, "n")
        let length: Double
        switch value {
        case .vector(let column): length = Double(column.count)
        case .list(let items): length = Double(items.count)
        default: length = 1
        }
        try MemoryLimit.reserve(length * Double(times) * 8, for: "\(Renderer.plainText(.number(length * Double(times)))) repeated values")
        switch value {
        case .vector(let column): return .vector(column.repeated(times))
        case .number, .string, .bool: return .vector(value.asColumn!.repeated(times))
        case .list(let items): return .list(Array(repeatElement(items, count: times).joined()))
        default: return .list([Value](repeating: value, count: times))
        }
    },
]

/// rolling with a function other than the fast builtins: one call per window that has a present value.
private func rollingCalls(of function: Function, over column: Column, window: Int, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
    var results = [Value](repeating: .null, count: column.count)
    for end in results.indices.dropFirst(window - 1) {
        if end & 0xFFF == 0xFFF { try Cancellation.check() }
        let rows = Array((end - window + 1)...end).filter { !column.isMissing(at: $0) }
        if rows.isEmpty { continue }
        results[end] = try function.call(Arguments(positional: [.vector(column.gathering(rows))], at: arguments.location), interpreter, at: arguments.location)
    }
    // No window had a value: missing numbers, as the fast path gives (a list of nulls otherwise).
    if results.allSatisfy(\.isNull) { return .vector(.missing(.numeric, count: results.count)) }
    return Value.collection(results)
}

/// lag's and lead's `n:`.
private func shiftCount(_ arguments: Arguments) throws -> Int {
    try arguments.integer(nil, "n", default: 1, in: -Int(Int32.max)...Int(Int32.max))
}
