// ValueCounts: distinct values of a column and their counts (behind `unique`, `value_counts` and describe's unique).

extension Column {
    /// Distinct non-missing values in first-seen order.
    public func uniqued() -> Column {
        switch self {
        case .numeric(let column):
            var seen = Set<Double>()
            return .numeric(NumericColumn(column.values.filter { !$0.isNaN && seen.insert($0).inserted }))
        case .text(let column):
            let (codes, _) = column.usedCodesInFirstSeenOrder()
            return .text(TextColumn(codes: (0..<Int32(codes.count)).map { $0 }, levels: codes.map { column.levels[Int($0)] }))
        case .boolean(let column):
            var seen = Set<Int8>()
            return .boolean(BoolColumn(raw: column.values.filter { $0 >= 0 && seen.insert($0).inserted }))
        case .time(let column):
            var seen = Set<Int64>()
            return .time(TimeColumn(column.values.filter { $0 != TimeValue.missing && seen.insert($0).inserted }, kind: column.kind))
        }
    }

    /// The number of distinct non-missing values.
    public var distinctCount: Int {
        switch self {
        case .numeric(let column):
            var seen = Set<Double>()
            for value in column.values where !value.isNaN { seen.insert(value) }
            return seen.count
        case .text(let column):
            return column.usedCodesInFirstSeenOrder().codes.count
        case .boolean(let column):
            return Set(column.values.filter { $0 >= 0 }).count
        case .time(let column):
            return Set(column.presentValues).count
        }
    }

    /// Distinct non-missing values with how often each occurs, by count descending, ties by value ascending.
    public func valueCounts() -> (values: Column, counts: [Int]) {
        switch self {
        case .numeric(let column):
            let ordered = Self.countedByFrequency(column.values.lazy.filter { !$0.isNaN })
            return (.numeric(NumericColumn(ordered.map(\.key))), ordered.map(\.value))
        case .time(let column):
            let ordered = Self.countedByFrequency(column.presentValues)
            return (.time(TimeColumn(ordered.map(\.key), kind: column.kind)), ordered.map(\.value))
        case .text(let column):
            let (codes, counts) = column.usedCodesInFirstSeenOrder()
            let order = codes.indices.sorted {
                counts[$0] != counts[$1] ? counts[$0] > counts[$1] : column.levels[Int(codes[$0])] < column.levels[Int(codes[$1])]
            }
            let levels = order.map { column.levels[Int(codes[$0])] }
            return (.text(TextColumn(codes: (0..<Int32(levels.count)).map { $0 }, levels: levels)), order.map { counts[$0] })
        case .boolean(let column):
            let trues = column.values.count { $0 == 1 }
            let falses = column.values.count { $0 == 0 }
            let ordered = [(Int8(0), falses), (Int8(1), trues)]
                .filter { $0.1 > 0 }
                .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            return (.boolean(BoolColumn(raw: ordered.map(\.0))), ordered.map(\.1))
        }
    }

    /// Each distinct value with its count, by count descending, ties by value ascending.
    private static func countedByFrequency<Values: Sequence>(_ values: Values) -> [(key: Values.Element, value: Int)]
    where Values.Element: Hashable & Comparable {
        var counts: [Values.Element: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
    }
}

extension TextColumn {
    /// The level codes rows actually use, in first-seen order, with each one's row count.
    func usedCodesInFirstSeenOrder() -> (codes: [Int32], counts: [Int]) {
        var counts = [Int](repeating: 0, count: levels.count)
        var order: [Int32] = []
        codes.withUnsafeBufferPointer { buffer in
            for code in buffer where code >= 0 {
                if counts[Int(code)] == 0 { order.append(code) }
                counts[Int(code)] += 1
            }
        }
        return (order, order.map { counts[Int($0)] })
    }
}
