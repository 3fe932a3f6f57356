// GroupAggregation: one value per group from a column (`aggregate(grouped, mean_income: mean("income"))`).
// Each group's values are gathered once and handed to the same Statistics functions the ungrouped
// builtins use, so a group's mean is exactly the mean of its rows.

/// What to compute over each group's values of a column.
public enum GroupAggregation: Sendable, Equatable {
    /// Rows in the group (no column), or the present values of a column.
    case count
    case sum, mean, median, min, max, sd, variance
    case quantile(Double)
    /// Distinct present values.
    case distinctCount
    /// The first or last present value, in row order (as pandas' `first` and `last`).
    case first, last

    /// The name the language uses, for messages.
    public var name: String {
        switch self {
        case .count: "count"
        case .sum: "sum"
        case .mean: "mean"
        case .median: "median"
        case .min: "min"
        case .max: "max"
        case .sd: "sd"
        case .variance: "var"
        case .quantile: "quantile"
        case .distinctCount: "n_unique"
        case .first: "first"
        case .last: "last"
        }
    }
}

extension Grouping {
    /// The number of rows of each group.
    public func sizes() -> Column {
        .numeric(NumericColumn((0..<groupCount).map { Double(offsets[$0 + 1] - offsets[$0]) }))
    }

    /// `aggregation` over each group's values of `column` (a column of the grouped frame), one row per group.
    public func aggregate(_ column: Column, _ aggregation: GroupAggregation) throws -> Column {
        try Cancellation.check()
        switch aggregation {
        case .count:
            return .numeric(NumericColumn((0..<groupCount).map { group in
                Double(rows(of: group).count { !column.isMissing(at: $0) })
            }))
        case .first, .last:
            // A group with no present value gets a missing one (row −1).
            let picked = (0..<groupCount).map { group -> Int in
                let members = rows(of: group)
                let present = aggregation == .first ? members.first { !column.isMissing(at: $0) } : members.last { !column.isMissing(at: $0) }
                return present ?? -1
            }
            return column.gathering(orMissing: picked)
        case .distinctCount:
            return .numeric(NumericColumn((0..<groupCount).map { group in
                Double(Grouping.distinctCount(column.gathering(Array(rows(of: group)))))
            }))
        case .min where column.type.timeKind != nil, .max where column.type.timeKind != nil:
            guard case .time(let times) = column else { return column }
            return .time(TimeColumn((0..<groupCount).map { group in
                let present = rows(of: group).lazy.map { times.values[$0] }.filter { $0 != TimeValue.missing }
                return (aggregation == .min ? present.min() : present.max()) ?? TimeValue.missing
            }, kind: times.kind))
        case .sum, .mean, .median, .min, .max, .sd, .variance, .quantile:
            let values: [Double]
            switch column {
            case .numeric(let numbers): values = numbers.values
            case .boolean(let flags): values = flags.values.map { $0 < 0 ? .nan : Double($0) }
            case .text, .time:
                throw DataError("\(aggregation.name) needs a numeric or boolean column, got a \(column.type == .text ? "string" : column.typeName) column")
            }
            let statistic: ([Double]) -> Double
            switch aggregation {
            case .sum: statistic = Statistics.sum
            case .mean: statistic = Statistics.mean
            case .median: statistic = Statistics.median
            case .min: statistic = Statistics.min
            case .max: statistic = Statistics.max
            case .sd: statistic = Statistics.standardDeviation
            case .quantile(let q): statistic = { Statistics.quantile($0, q) }
            default: statistic = Statistics.variance
            }
            return .numeric(NumericColumn((0..<groupCount).map { group in statistic(rows(of: group).map { values[$0] }) }))
        }
    }

    private static func distinctCount(_ column: Column) -> Int {
        switch column {
        case .numeric(let numbers): Set(numbers.values.filter { !$0.isNaN }.map { $0 == 0 ? 0 : $0 }).count
        case .text(let text): Set(text.codes.filter { $0 >= 0 }.map { text.levels[Int($0)] }).count
        case .boolean(let flags): Set(flags.values.filter { $0 >= 0 }).count
        case .time(let times): Set(times.values.filter { $0 != TimeValue.missing }).count
        }
    }
}
