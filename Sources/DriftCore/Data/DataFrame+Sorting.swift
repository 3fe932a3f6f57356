// DataFrame+Sorting: stable sort of the rows by one or more columns, missing values last in either
// direction (each key through Column.ordering, the radix sort behind `sort` and `order`).

extension DataFrame {
    /// The rows ordered by the columns `names`: the first decides, ties go to the next, and so on; each
    /// key ascending unless its `descending` flag is set. Stable (rows equal in every key keep their
    /// order); missing values go last in each key whichever the direction. Text sorts by Unicode string
    /// order, booleans false before true.
    public func sorted(by names: [String], descending: [Bool]) throws -> DataFrame {
        guard !names.isEmpty, descending.count == names.count else {
            throw DataError("sort by needs at least one column and one direction per column")
        }
        // Least significant key first: each stable pass keeps the order the later keys gave to ties.
        var order = Array(0..<rowCount)
        for (name, isDescending) in zip(names, descending).reversed() {
            let keys = columns[try index(of: name)].gathering(order)
            order = try keys.ordering(descending: isDescending).map { order[$0] }
        }
        return mapColumns { $0.gathering(order) }
    }

    /// The rows ordered by one column.
    public func sorted(by name: String, descending: Bool) throws -> DataFrame {
        try sorted(by: [name], descending: [descending])
    }
}
