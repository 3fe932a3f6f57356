// CategoricalHistogram: category counts of a text, bool or numeric column, most frequent first (ties by value),
// and the aligned reference/current counts over the union of categories that categorical drift tests compare.

/// Categories of one column with their counts and shares; missing values are dropped and counted.
public struct CategoricalHistogram: Sendable, Equatable {
    public let categories: [String]
    public let counts: [Int]
    public let missing: Int

    public var shares: [Double] {
        let total = counts.reduce(0, +)
        return counts.map { total > 0 ? Double($0) / Double(total) : 0 }
    }

    public init(_ column: Column) {
        self.init(column.valueCounts(), missing: column.missingCount)
    }

    /// From counts made elsewhere (a streaming pass).
    public init(_ counts: CategoryCounts, missing: Int) {
        self.init(counts.valueCounts(), missing: missing)
    }

    private init(_ valueCounts: (values: Column, counts: [Int]), missing: Int) {
        categories = CategoryTable.labels(of: valueCounts.values)
        counts = valueCounts.counts
        self.missing = missing
    }
}

/// Reference and current counts over the union of both columns' categories, in ascending category order.
public struct CategoryTable: Sendable {
    public private(set) var categories: [String] = []
    public private(set) var referenceCounts: [Int] = []
    public private(set) var currentCounts: [Int] = []
    public private(set) var referenceMissing = 0
    public private(set) var currentMissing = 0

    public init(reference: Column, current: Column) throws {
        try self.init(reference: CategoryCounts(reference), current: CategoryCounts(current),
                      referenceMissing: reference.missingCount, currentMissing: current.missingCount)
    }

    /// The table from counts already made (by a streaming pass or a database query).
    public init(reference: CategoryCounts, current: CategoryCounts, referenceMissing: Int, currentMissing: Int) throws {
        // Emptiness first: an all-missing vector has no type of its own (a list of nulls reads as numbers).
        guard reference.distinctCount > 0 else {
            throw DataError("categorical drift test: the reference sample is empty after dropping missing values")
        }
        guard current.distinctCount > 0 else {
            throw DataError("categorical drift test: the current sample is empty after dropping missing values")
        }
        guard reference.type == current.type else {
            throw DataError("categorical drift test: cannot compare a \(reference.type.rawValue) column with a \(current.type.rawValue) column")
        }
        self.referenceMissing = referenceMissing
        self.currentMissing = currentMissing
        // Union keyed by a sortable key: numbers and flags by value, text by string.
        var table: [CategoryKey: (Int, Int)] = [:]
        for (key, count) in reference.counts { table[key, default: (0, 0)].0 += count }
        for (key, count) in current.counts { table[key, default: (0, 0)].1 += count }
        let isBoolean = reference.type == .boolean
        for (key, pair) in table.sorted(by: { $0.key < $1.key }) {
            categories.append(isBoolean ? (key == .number(1) ? "true" : "false") : key.label)
            referenceCounts.append(pair.0)
            currentCounts.append(pair.1)
        }
    }

    enum CategoryKey: Hashable, Comparable {
        case number(Double)
        case text(String)

        var label: String {
            switch self {
            case .number(let x): CategoryTable.format(x)
            case .text(let s): s
            }
        }
    }

    static func keys(of values: Column) -> [CategoryKey] {
        switch values {
        case .numeric(let column): column.values.map { .number($0) }
        case .boolean(let column): column.values.map { .number(Double($0)) }
        case .text(let column): column.codes.map { .text(column.levels[Int($0)]) }
        case .time(let column): column.values.map { .text(ISOTime.text(TimeValue(micros: $0, kind: column.kind))) }
        }
    }

    static func labels(of values: Column) -> [String] {
        switch values {
        case .boolean(let column): column.values.map { $0 == 1 ? "true" : "false" }
        default: keys(of: values).map(\.label)
        }
    }

    static func format(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return "\(x)"
    }
}
