// GroupAggregation: one value per group from a column (`aggregate(grouped, mean_income: mean("income"))`).
// Counts, sums, means, minima and maxima take one pass over the rows, accumulating into each row's group
// (with the same compensated sum as the ungrouped builtins, in row order, so a group's mean is exactly the
// mean of its rows); quantiles gather the values group after group once and select the order statistics
// each group needs instead of sorting it (in runs of groups on every core); the other statistics run the
// ungrouped functions per group.

import Foundation

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
            let missing = column.missingMask().values
            var counts = [Double](repeating: 0, count: groupCount)
            for (row, group) in groupOfRow.enumerated() where missing[row] == 0 { counts[group] += 1 }
            return .numeric(NumericColumn(counts))
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
            switch aggregation {
            case .sum, .mean: return .numeric(NumericColumn(sums(values, mean: aggregation == .mean)))
            case .min, .max: return .numeric(NumericColumn(extremes(values, largest: aggregation == .max)))
            case .median: return .numeric(NumericColumn(try quantiles(values, 0.5)))
            case .quantile(let q): return .numeric(NumericColumn(try quantiles(values, q)))
            default:
                let statistic: ([Double]) -> Double
                if aggregation == .sd { statistic = Statistics.standardDeviation } else { statistic = Statistics.variance }
                return .numeric(NumericColumn((0..<groupCount).map { group in statistic(rows(of: group).map { values[$0] }) }))
            }
        }
    }

    /// Each group's compensated sum of its present values (or their mean: NaN for none), in row order.
    private func sums(_ values: [Double], mean: Bool) -> [Double] {
        // A group's sum and count side by side: one cache line per row when the groups are many.
        var totals = [(sum: CompensatedSum, count: Int)](repeating: (CompensatedSum(), 0), count: groupCount)
        values.withUnsafeBufferPointer { values in
            groupOfRow.withUnsafeBufferPointer { groupOfRow in
                totals.withUnsafeMutableBufferPointer { totals in
                    for row in 0..<values.count where !values[row].isNaN {
                        totals[groupOfRow[row]].sum.add(values[row])
                        totals[groupOfRow[row]].count += 1
                    }
                }
            }
        }
        return totals.map { total in mean ? (total.count > 0 ? total.sum.value / Double(total.count) : .nan) : total.sum.value }
    }

    /// Each group's smallest or largest present value; NaN for none.
    private func extremes(_ values: [Double], largest: Bool) -> [Double] {
        var result = [Double](repeating: .nan, count: groupCount)
        for (row, group) in groupOfRow.enumerated() {
            let value = values[row], current = result[group]
            if !value.isNaN && (current.isNaN || (largest ? value > current : value < current)) { result[group] = value }
        }
        return result
    }

    /// Each group's q-quantile of its present values, as `Statistics.quantile` gives it: the values are
    /// gathered group after group, and in each group the two order statistics around q are selected. The
    /// groups are split into runs of about equal row counts that gather and select on every core; each run
    /// works in its own buffer, so the result does not depend on how the runs were scheduled.
    private func quantiles(_ values: [Double], _ q: Double) throws -> [Double] {
        let runs = groupRuns()
        let perRun = concurrentMap(runs.count) { run in
            let groups = runs[run]
            var gathered = values.gathering(rows[offsets[groups.lowerBound]..<offsets[groups.upperBound]])
            return gathered.withUnsafeMutableBufferPointer { buffer in
                groups.map { group -> Double in
                    // A stop leaves the rest of the run: the check after the map throws.
                    guard !Cancellation.isRequested else { return .nan }
                    let start = offsets[group] - offsets[groups.lowerBound], end = offsets[group + 1] - offsets[groups.lowerBound]
                    return Statistics.quantile(selectingIn: UnsafeMutableBufferPointer(rebasing: buffer[start..<end]), q)
                }
            }
        }
        try Cancellation.check()
        return perRun.flatMap { $0 }
    }

    /// The groups cut into consecutive runs of about equal row counts, four per core so that uneven groups
    /// still keep every core busy; one run when the rows are too few to be worth the threads.
    private func groupRuns() -> [Range<Int>] {
        let rowCount = rows.count
        let runCount = rowCount < 100_000 ? 1 : Swift.min(groupCount, 4 * ProcessInfo.processInfo.activeProcessorCount)
        guard runCount > 1 else { return [0..<groupCount] }
        var runs: [Range<Int>] = [], start = 0
        for group in 0..<groupCount where offsets[group + 1] * runCount >= (runs.count + 1) * rowCount || group == groupCount - 1 {
            runs.append(start..<(group + 1))
            start = group + 1
        }
        return runs
    }

    private static func distinctCount(_ column: Column) -> Int {
        switch column {
        case .numeric(let numbers): Set(numbers.values.filter { !$0.isNaN }.map { $0 == 0 ? 0 : $0 }).count
        case .text(let text): Set(text.codes.filter { $0 >= 0 }.map { text.levels[Int($0)] }).count
        case .boolean(let flags): Set(flags.values.filter { $0 >= 0 }).count
        case .time(let times): Set(times.presentValues).count
        }
    }
}
