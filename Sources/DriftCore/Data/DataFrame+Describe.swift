// DataFrame+Describe: the per-column summary table behind the language's `describe`.

extension DataFrame {
    /// One row per column: column, type, count (present values), missing, mean, sd, min, q25, median, q75, max
    /// (NaN for non-numeric columns) and unique (number of distinct present values).
    public func describe() -> DataFrame {
        let statistics = ["mean", "sd", "min", "q25", "median", "q75", "max"]
        var table = [[Double]](repeating: [], count: statistics.count)
        for column in columns {
            var row = [Double](repeating: .nan, count: statistics.count)
            if case .numeric(let numeric) = column {
                let sorted = numeric.values.filter { !$0.isNaN }.sorted()
                let q = [0.25, 0.5, 0.75].map { Statistics.quantile(sortedPresent: sorted, $0) }
                row = [
                    Statistics.mean(sorted), Statistics.standardDeviation(sorted),
                    sorted.first ?? .nan, q[0], q[1], q[2], sorted.last ?? .nan,
                ]
            }
            for (k, value) in row.enumerated() { table[k].append(value) }
        }
        let summary: [(name: String, column: Column)] = [
            ("column", .text(TextColumn(names))),
            ("type", .text(TextColumn(columns.map(\.typeName)))),
            ("count", .numeric(NumericColumn(columns.map { Double($0.count - $0.missingCount) }))),
            ("missing", .numeric(NumericColumn(columns.map { Double($0.missingCount) }))),
        ] + zip(statistics, table).map { ($0, .numeric(NumericColumn($1))) } + [
            ("unique", .numeric(NumericColumn(columns.map { Double($0.distinctCount) }))),
        ]
        return DataFrame(validNames: summary.map(\.name), columns: summary.map(\.column))
    }
}
