// CategoryCounts: exact counts per distinct value of a text, boolean or numeric column, mergeable by adding.
// Keys are the categorical tests' own sortable keys (`CategoryTable.CategoryKey`), so tests built from these
// counts see exactly the table the in-memory tests build from whole columns.

/// How often each distinct present value occurs.
public struct CategoryCounts: Sendable, Equatable {
    /// The type of the column the counts come from.
    public let type: ColumnType
    private(set) var counts: [CategoryTable.CategoryKey: Int] = [:]

    public init(type: ColumnType) { self.type = type }

    /// The counts of one column's present values.
    public init(_ column: Column) {
        let (values, counts) = column.valueCounts()
        self.init(values: values, counts: counts)
    }

    /// Counts made elsewhere (a database's GROUP BY): distinct present values and how often each occurs.
    public init(values: Column, counts: [Int]) {
        type = values.type
        for (key, count) in zip(CategoryTable.keys(of: values), counts) { self.counts[key, default: 0] += count }
    }

    /// How many distinct values were counted.
    public var distinctCount: Int { counts.count }
    public var total: Int { counts.values.reduce(0, +) }

    public mutating func merge(_ other: CategoryCounts) {
        counts.merge(other.counts, uniquingKeysWith: +)
    }

    /// Distinct values with their counts, most frequent first, ties by value ascending — the order of
    /// `Column.valueCounts`.
    public func valueCounts() -> (values: Column, counts: [Int]) {
        let ordered = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let values: Column
        switch type {
        case .boolean: values = .boolean(BoolColumn(raw: ordered.map { $0.key == .number(1) ? 1 : 0 }))
        // Times are counted by their ISO text (see `CategoryTable.keys`).
        case .text, .datetime, .date, .duration: values = .text(TextColumn(ordered.map { $0.key.label }))
        case .numeric: values = .numeric(NumericColumn(ordered.map { if case .number(let x) = $0.key { x } else { .nan } }))
        }
        return (values, ordered.map(\.value))
    }
}

extension CategoryCounts {
    /// Counts the present numbers of a batch; false (and the counts no longer complete) as soon as there are
    /// more than `limit` distinct values.
    mutating func add(numbers values: [Double], limit: Int) -> Bool {
        for x in values where !x.isNaN {
            counts[.number(x), default: 0] += 1
            if counts.count > limit { return false }
        }
        return true
    }
}
