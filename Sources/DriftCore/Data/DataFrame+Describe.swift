// DataFrame+Describe: the per-column summary table behind the language's `describe`.

extension DataFrame {
    /// One row per column: column, type, count (present values), missing, mean, sd, min, q25, median, q75, max
    /// (NaN for non-numeric columns), unique (number of distinct present values) and note: the span of a time
    /// column, or for a string column most of whose values are numbers or times the first value that is not
    /// (why the column stayed strings).
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
            ("note", .text(TextColumn(columns.map(Self.note)))),
        ]
        return DataFrame(validNames: summary.map(\.name), columns: summary.map(\.column))
    }
}

extension DataFrame {
    /// describe's note on one column; nil when there is nothing to say.
    static func note(_ column: Column) -> String? {
        switch column {
        case .time(let times):
            guard let (first, last) = times.presentRange else { return nil }
            return ISOTime.text(TimeValue(micros: first, kind: times.kind)) + " to " + ISOTime.text(TimeValue(micros: last, kind: times.kind))
        case .text(let text):
            let used = Set(text.codes.filter { $0 >= 0 })
            guard !used.isEmpty else { return nil }
            let levels = used.sorted().map { text.levels[Int($0)] }
            let times = levels.filter { ISOTime.parse($0) != nil }.count
            let numbers = levels.filter { NumberParser.parse($0) != nil }.count
            // Say why when at least half the distinct values fit another kind: stray cells kept the column strings.
            let (fitting, kind, isFit): (Int, String, (String) -> Bool) = times >= numbers
                ? (times, "an ISO 8601 date or time", { ISOTime.parse($0) != nil })
                : (numbers, "a number", { NumberParser.parse($0) != nil })
            guard fitting * 2 >= levels.count, fitting < levels.count,
                  let stray = text.codes.firstIndex(where: { $0 >= 0 && !isFit(text.levels[Int($0)]) })
            else { return nil }
            return "strings: row \(stray) is \"\(text.levels[Int(text.codes[stray])].prefix(40))\", not \(kind)"
        case .numeric, .boolean:
            return nil
        }
    }
}
