// Statistics builtins: thin bindings to DriftCore.Statistics. All skip missing values.
import DriftCore

/// A builtin reducing one numeric vector (or a lazy column, from its summary) to a number; given a
/// column's name instead, it is that aggregation for `aggregate` (`mean("income")`).
private func reduction(_ signature: String, doc: String, example: String, _ aggregation: GroupAggregation, _ reduce: @escaping @Sendable ([Double]) -> Double) -> Builtin {
    Builtin(signature, doc: doc + " Given a column's name, it is an aggregation for aggregate.", example: example) { arguments, _ in
        if let aggregation = aggregationOfColumn(arguments, aggregation) { return aggregation }
        if let lazy = arguments.lazyColumn(0, "v") { return .number(try LazyColumns.reduce(String(signature.prefix { $0 != "(" }), lazy)) }
        if case .time(let times)? = arguments.optional(0, "v")?.asColumn { return try timeReduction(times, aggregation) }
        return .number(reduce(try arguments.numbers(0, "v")))
    }
}

/// min and max of dates, datetimes or durations; also sum, mean and median of durations, which add.
private func timeReduction(_ times: TimeColumn, _ aggregation: GroupAggregation) throws -> Value {
    let present = Array(times.presentValues)
    func time(_ micros: Int64?) -> Value { micros.map { .time(TimeValue(micros: $0, kind: times.kind)) } ?? .null }
    switch aggregation {
    case .min: return time(present.min())
    case .max: return time(present.max())
    case .sum where times.kind == .duration:
        guard let total = Micros.of(Statistics.sum(present.map(Double.init)), 1) else { throw BuiltinError("the sum of the durations is out of the range of times") }
        return time(total)
    case .mean where times.kind == .duration, .median where times.kind == .duration:
        let value = aggregation == .mean ? Statistics.mean(present.map(Double.init)) : Statistics.median(present.map(Double.init))
        return time(value.isNaN ? nil : Micros.of(value, 1))
    default:
        throw BuiltinError("\(aggregation.name) takes numbers\(times.kind == .duration ? "" : " or durations"), not a \(times.kind.rawValue) vector; min and max take any times")
    }
}

/// `mean("income")`: the aggregation of a named column, when the first argument is a name.
func aggregationOfColumn(_ arguments: Arguments, _ aggregation: GroupAggregation) -> Value? {
    guard case .string(let column)? = arguments.optional(0, "v") else { return nil }
    return .object(AggregationObject(aggregation, of: column))
}

/// `first(v)` or `last(v)`: the present value at that end of a vector, or that aggregation of a column.
private func endValue(_ signature: String, doc: String, example: String, _ aggregation: GroupAggregation) -> Builtin {
    Builtin(signature, doc: doc + " Given a column's name, it is an aggregation for aggregate.", example: example) { arguments, _ in
        if let aggregation = aggregationOfColumn(arguments, aggregation) { return aggregation }
        let column = try arguments.column(0, "v")
        let present = (0..<column.count).filter { !column.isMissing(at: $0) }
        return (aggregation == .first ? present.first : present.last).map(column.element(at:)) ?? .null
    }
}

let statisticsBuiltins: [Builtin] = [
    reduction("sum(v)", doc: "The sum of the non-missing values (0 for none). A boolean vector counts its true values.", example: "sum([1, 2, null])  # 3", .sum, Statistics.sum),
    reduction("mean(v)", doc: "The arithmetic mean of the non-missing values; NaN when there are none. On a boolean vector, the share that is true.", example: "mean([1, null, 3])  # 2", .mean, Statistics.mean),
    reduction("median(v)", doc: "The middle value of the non-missing values (the mean of the two middle ones for an even count). Infinities count as values: median([1, inf, 3]) is 3, as in numpy, pandas and R.", example: "median([3, 1, 2])  # 2", .median, Statistics.median),
    reduction("sd(v)", doc: "The sample standard deviation (n − 1 in the denominator) of the non-missing values; NaN for fewer than two.", example: "sd([1, 2, 3, 4])", .sd, Statistics.standardDeviation),
    reduction("var(v)", doc: "The sample variance (n − 1 in the denominator) of the non-missing values; NaN for fewer than two.", example: "var([1, 2, 3, 4])  # 1.6666666666666667", .variance, Statistics.variance),
    reduction("min(v)", doc: "The smallest non-missing value; NaN when there are none. Also the earliest of dates or datetimes and the shortest duration (null when there are none).", example: "min([3, 1, 2])  # 1", .min, Statistics.min),
    reduction("max(v)", doc: "The largest non-missing value; NaN when there are none. Also the latest of dates or datetimes and the longest duration (null when there are none).", example: "max([3, 1, 2])  # 3", .max, Statistics.max),
    Builtin(
        "quantile(v, q)",
        doc: "The q-quantile (0 ≤ q ≤ 1) of the non-missing values with linear interpolation between order statistics, as numpy.quantile's default; next to an infinity the quantile is that infinity (NaN only between −inf and +inf), as numpy's median and R's quantile give, where numpy.quantile gives NaN. q may be a vector of levels, giving a vector. quantile(\"col\", q) is an aggregation for aggregate. On a lazy column (scan_csv or table), from its quantile sketch: exact while the column has at most 8192 values, else within the sketch's rank error (the column's rank_error field, a share of the count).",
        example: "quantile([1, 2, 3, 4], 0.25)  # 1.75"
    ) { arguments, _ in
        if case .string = arguments.optional(0, "v") {
            let q = try arguments.number(1, "q")
            guard q >= 0, q <= 1 else { throw BuiltinError("argument 'q' must be between 0 and 1") }
            return aggregationOfColumn(arguments, .quantile(q)) ?? .null
        }
        let levels = try arguments.numbers(1, "q")
        guard levels.allSatisfy({ $0 >= 0 && $0 <= 1 }) else { throw BuiltinError("argument 'q' must be between 0 and 1") }
        let quantiles: [Double]
        if let lazy = arguments.lazyColumn(0, "v") {
            let sketch = try lazy.numericSummary("quantile").sketch
            quantiles = levels.map(sketch.quantile)
        } else {
            quantiles = Statistics.quantiles(try arguments.numbers(0, "v"), levels)
        }
        if case .number = try arguments.required(1, "q") { return .number(quantiles[0]) }
        return .vector(.numeric(NumericColumn(quantiles)))
    },
    Builtin(
        "n_unique(v)",
        doc: "How many distinct non-missing values a vector holds. Given a column's name, it is an aggregation for aggregate.",
        example: #"n_unique(["a", "b", "a", null])  # 2"#
    ) { arguments, _ in
        if let aggregation = aggregationOfColumn(arguments, .distinctCount) { return aggregation }
        return .number(Double(try arguments.column(0, "v").uniqued().count))
    },
    endValue("first(v)", doc: "The first non-missing value of a vector (null when there is none), as pandas' first.", example: "first([null, 2, 3])  # 2", .first),
    endValue("last(v)", doc: "The last non-missing value of a vector (null when there is none), as pandas' last.", example: "last([1, 2, null])  # 2", .last),
    Builtin(
        "cor(x, y)",
        doc: "The Pearson correlation of two numeric vectors of equal length, over the positions where both are present.",
        example: "cor([1, 2, 3], [2, 4, 7])"
    ) { arguments, _ in
        let x = try arguments.numbers(0, "x"), y = try arguments.numbers(1, "y")
        guard x.count == y.count else { throw BuiltinError("x and y have different lengths (\(x.count) and \(y.count))") }
        return .number(Statistics.correlation(x, y))
    },
]
