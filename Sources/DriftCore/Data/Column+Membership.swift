// Column+Membership: whether each element of a column is among a set of values (behind `isin` and the `in`
// operator). As pandas' `isin`: the result is never missing; a missing element is among the values exactly
// when they hold a missing value too. Values of another kind never match (1 is not "1", nor true).

extension Column {
    /// A boolean column: true where the element equals one of `values` (hashing, so O(count + values.count)).
    public func isIn(_ values: Column) -> Column {
        let missingMatches: Int8 = values.missingCount > 0 ? 1 : 0
        let flags: [Int8]
        switch (self, values) {
        case (.numeric(let column), .numeric(let set)):
            let present = Set(set.values.filter { !$0.isNaN })
            flags = column.values.map { $0.isNaN ? missingMatches : present.contains($0) ? 1 : 0 }
        case (.boolean(let column), .boolean(let set)):
            flags = column.values.map { $0 < 0 ? missingMatches : set.values.contains($0) ? 1 : 0 }
        case (.text(let column), .text(let set)):
            // Decide once per level of the column, then look each row's code up.
            let present = Set(Set(set.codes).compactMap { $0 >= 0 ? set.levels[Int($0)] : nil })
            let levelIsIn: [Int8] = column.levels.map { present.contains($0) ? 1 : 0 }
            flags = column.codes.map { $0 < 0 ? missingMatches : levelIsIn[Int($0)] }
        default:
            flags = (0..<count).map { isMissing(at: $0) ? missingMatches : 0 }
        }
        return .boolean(BoolColumn(raw: flags))
    }
}
