// DataFrame+Sorting: stable sort of the rows by one column, missing values last in either direction.

extension DataFrame {
    /// The rows ordered by the column `name`. Stable (equal keys keep their order); missing values go last
    /// whether ascending or descending. Text sorts by Unicode string order, booleans false before true.
    public func sorted(by name: String, descending: Bool) throws -> DataFrame {
        let order = try columns[index(of: name)].sortOrder(descending: descending)
        return mapColumns { $0.gathering(order) }
    }
}

extension Column {
    /// The row indices in sorted order (see `DataFrame.sorted(by:descending:)`).
    func sortOrder(descending: Bool) throws -> [Int] {
        switch self {
        case .numeric(let column):
            return try Self.sortOrder(column.values, descending: descending, isMissing: \.isNaN)
        case .text(let column):
            let ranks = column.levelRanks()
            let keys = column.codes.map { $0 < 0 ? -1 : ranks[Int($0)] }
            return try Self.sortOrder(keys, descending: descending) { $0 < 0 }
        case .boolean(let column):
            return try Self.sortOrder(column.values, descending: descending) { $0 < 0 }
        }
    }

    /// Sorts (key, row) pairs of the present keys, breaking ties by row so the result is stable whatever
    /// algorithm the standard library uses, then appends the missing rows in their original order.
    private static func sortOrder<Key: Comparable>(
        _ keys: [Key], descending: Bool, isMissing: (Key) -> Bool
    ) throws -> [Int] {
        var present: [(key: Key, row: Int)] = []
        var missing: [Int] = []
        present.reserveCapacity(keys.count)
        for (row, key) in keys.enumerated() {
            if isMissing(key) { missing.append(row) } else { present.append((key, row)) }
        }
        var comparisons = 0
        try present.sort { a, b in
            comparisons &+= 1
            if comparisons & 0xFFFF == 0 { try Cancellation.check() }
            if a.key != b.key { return descending ? a.key > b.key : a.key < b.key }
            return a.row < b.row
        }
        return present.map(\.row) + missing
    }
}
