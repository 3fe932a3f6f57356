// Ranking: sorting a column, the permutation that sorts it, and the ranks of its values (behind `sort`,
// `order` and `rank`). Missing values go last and keep their order; numbers sort by value, text by Unicode
// string order, booleans false before true.

extension Column {
    /// The row indices in sorted order: stable (equal values keep their order), missing rows last in
    /// either direction.
    public func ordering(descending: Bool = false) throws -> [Int] {
        try sortOrder(descending: descending)
    }

    /// The values in sorted order, missing values last in either direction.
    public func sorted(descending: Bool = false) throws -> Column {
        guard case .numeric(let column) = self else { return gathering(try sortOrder(descending: descending)) }
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
        let order = try sortOrder(descending: false)
        var ranks = [Double](repeating: .nan, count: count)
        var start = 0
        while start < order.count, !isMissing(at: order[start]) {
            var end = start + 1
            while end < order.count, !isMissing(at: order[end]), hasEqualValues(order[start], order[end]) { end += 1 }
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
        }
    }
}
