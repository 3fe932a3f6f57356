// Ranking: sorting a column, the permutation that sorts it (a radix sort: O(n)), and the ranks of its
// values (behind `sort`, `order` and `rank`). Missing values go last and keep their order; numbers sort by
// value, text by Unicode string order, booleans false before true.

extension Column {
    /// The row indices in sorted order: stable (equal values keep their order), missing rows last in
    /// either direction.
    public func ordering(descending: Bool = false) throws -> [Int] {
        // Unsigned keys of the present rows (flipped for descending), radix-ordered; then the missing rows.
        var keys: [UInt64] = [], rows: [Int] = [], missing: [Int] = []
        keys.reserveCapacity(count)
        rows.reserveCapacity(count)
        func add(_ row: Int, _ key: UInt64?) {
            guard let key else { missing.append(row); return }
            keys.append(descending ? ~key : key)
            rows.append(row)
        }
        switch self {
        case .numeric(let column):
            for (row, value) in column.values.enumerated() { add(row, value.isNaN ? nil : value.orderKey) }
        case .text(let column):
            let ranks = column.levelRanks()
            for (row, code) in column.codes.enumerated() { add(row, code < 0 ? nil : UInt64(ranks[Int(code)])) }
        case .boolean(let column):
            for (row, flag) in column.values.enumerated() { add(row, flag < 0 ? nil : UInt64(flag)) }
        case .time(let column):
            // Flipping the sign bit orders signed integers as unsigned ones.
            for (row, micros) in column.values.enumerated() {
                add(row, micros == TimeValue.missing ? nil : UInt64(bitPattern: micros) ^ (1 << 63))
            }
        }
        return try keys.stableOrder().map { rows[$0] } + missing
    }

    /// The values in sorted order, missing values last in either direction.
    public func sorted(descending: Bool = false) throws -> Column {
        guard case .numeric(let column) = self else { return gathering(try ordering(descending: descending)) }
        // Numbers need no stable permutation: sort the present values and put the missing ones after.
        var present = column.values.filter { !$0.isNaN }
        try present.sortAscending()
        if descending { present.reverse() }
        present.append(contentsOf: repeatElement(.nan, count: column.count - present.count))
        return .numeric(NumericColumn(present))
    }

    /// The 1-based rank of each value among the present ones, ties given the mean of the ranks they span
    /// (scipy.stats.rankdata's method "average"); missing values have a missing rank.
    public func ranks() throws -> [Double] {
        let order = try ordering()
        var ranks = [Double](repeating: .nan, count: count)
        let present = count - missingCount  // the missing rows come last in the order
        var start = 0
        while start < present {
            var end = start + 1
            while end < present, hasEqualValues(order[start], order[end]) { end += 1 }
            let rank = Double(start + 1 + end) / 2
            for position in start..<end { ranks[order[position]] = rank }
            start = end
        }
        return ranks
    }

    /// Whether two rows hold equal present values.
    private func hasEqualValues(_ a: Int, _ b: Int) -> Bool {
        switch self {
        case .numeric(let column): column.values[a] == column.values[b]
        case .text(let column): column.codes[a] == column.codes[b] || column[a] == column[b]
        case .boolean(let column): column.values[a] == column.values[b]
        case .time(let column): column.values[a] == column.values[b]
        }
    }
}
