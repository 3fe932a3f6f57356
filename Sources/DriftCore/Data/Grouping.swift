// Grouping: the rows of a frame split by the values of key columns (`group_by`), in key order.
//
// Each key column is factorized into codes that sort as its values do (missing last), the codes of
// several keys are combined column by column and compacted again, so a group's number is its rank in
// key order and no hashing of whole rows is needed. A counting sort then lists each group's rows in
// row order. Hand-written because it is the core of group-by and joins, and its speed is measured.

/// Rows grouped by key columns: group g's rows are `rows[offsets[g]..<offsets[g + 1]]`, in row order,
/// and groups are numbered in ascending key order (missing keys form their own group, last).
public struct Grouping: Sendable {
    /// The key columns' names and one row per group with its key values.
    public let keys: DataFrame
    /// The group of each row of the frame.
    public let groupOfRow: [Int]
    /// Every row, group after group.
    public let rows: [Int]
    /// Where each group starts in `rows`, with `rows.count` at the end.
    public let offsets: [Int]

    public var groupCount: Int { offsets.count - 1 }

    /// Group g's rows, in row order.
    public func rows(of group: Int) -> ArraySlice<Int> { rows[offsets[group]..<offsets[group + 1]] }

    /// Groups `frame`'s rows by the columns named `names` (at least one).
    public init(_ frame: DataFrame, by names: [String]) throws {
        guard !names.isEmpty else { throw DataError("group by needs at least one key column") }
        if let repeated = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
            throw DataError("key column '\(repeated)' is named twice")
        }
        let keyColumns = try names.map { try frame.columns[frame.index(of: $0)] }
        var compact = try KeyCodes(keyColumns[0]).compacted()
        for column in keyColumns.dropFirst() {
            try Cancellation.check()
            compact = try compact.combined(with: KeyCodes(column).compacted())
        }
        let (rows, offsets) = Grouping.countingSort(compact.codes, groups: compact.cardinality)
        (groupOfRow, self.rows, self.offsets) = (compact.codes, rows, offsets)
        keys = DataFrame(validNames: names, columns: keyColumns.map { $0.gathering(Grouping.firstRows(rows, offsets)) })
    }

    /// The first row of each group (the group's smallest row number).
    public var firstRows: [Int] { Grouping.firstRows(rows, offsets) }

    private static func firstRows(_ rows: [Int], _ offsets: [Int]) -> [Int] {
        offsets.dropLast().map { rows[$0] }
    }

    /// The rows listed group after group (stable, so row order within a group) and the group offsets.
    private static func countingSort(_ groups: [Int], groups count: Int) -> ([Int], [Int]) {
        var offsets = [Int](repeating: 0, count: count + 1)
        groups.withUnsafeBufferPointer { groups in
            offsets.withUnsafeMutableBufferPointer { offsets in
                for group in groups { offsets[group + 1] += 1 }
                for g in 0..<count { offsets[g + 1] += offsets[g] }
            }
        }
        var next = offsets
        let rows = [Int](unsafeUninitializedCapacity: groups.count) { rows, initialized in
            HugePages.advise(rows)
            groups.withUnsafeBufferPointer { groups in
                next.withUnsafeMutableBufferPointer { next in
                    for row in 0..<groups.count {
                        rows[next[groups[row]]] = row
                        next[groups[row]] += 1
                    }
                }
            }
            initialized = groups.count
        }
        return (rows, offsets)
    }
}

/// Codes for the rows of one or more key columns that sort as the keys do: equal keys share a code,
/// and a smaller key has a smaller code. Missing is a value of its own, after every present one.
struct KeyCodes {
    var codes: [Int]
    /// Every code is below this.
    var cardinality: Int

    init(codes: [Int], cardinality: Int) {
        self.codes = codes
        self.cardinality = cardinality
    }

    init(_ column: Column) {
        switch column {
        case .numeric(let column):
            if let direct = KeyCodes(integers: column.values) {
                self = direct
                return
            }
            // -0 and 0 are one value.
            self.init(hashing: column.values) { $0.isNaN ? nil : ($0 == 0 ? 0 : $0) }
        case .time(let column):
            self.init(hashing: column.values) { $0 == TimeValue.missing ? nil : $0 }
        case .text(let column):
            let ranks = KeyCodes.ranks(of: column.levels)
            let missing = (ranks.max() ?? -1) + 1
            self.init(codes: column.codes.map { $0 < 0 ? missing : ranks[Int($0)] }, cardinality: missing + 1)
        case .boolean(let column):
            self.init(codes: column.values.map { $0 < 0 ? 2 : Int($0) }, cardinality: 3)
        }
    }

    /// Codes of the distinct present keys in sorted order, found by hashing; missing (a nil key) last.
    private init<Element, Key: Hashable & Comparable>(hashing values: [Element], key: (Element) -> Key?) {
        var index: [Key: Int] = [:]
        var distinct: [Key] = []
        let first = values.map { value -> Int in
            guard let key = key(value) else { return -1 }
            if let code = index[key] { return code }
            index[key] = distinct.count
            distinct.append(key)
            return distinct.count - 1
        }
        let ranks = KeyCodes.ranks(of: distinct)
        codes = first.map { $0 < 0 ? distinct.count : ranks[$0] }
        cardinality = distinct.count + 1
    }

    /// Whole numbers within a span of a few times their count (ids, codes, years): each value's offset
    /// from the smallest is its code, already in sort order, so no hashing is needed. Nil otherwise.
    init?(integers values: [Double]) {
        guard let (low, span) = KeyCodes.integerSpan(of: [values]) else { return nil }
        codes = [Int](unsafeUninitializedCapacity: values.count) { codes, initialized in
            HugePages.advise(codes)
            for (row, value) in values.enumerated() { codes[row] = value.isNaN ? span : Int(value - low) }
            initialized = values.count
        }
        cardinality = span + 1
    }

    /// The smallest present value and the span up to the largest, when every present value of every array
    /// is a whole number and the span is at most a few times their count; nil otherwise.
    static func integerSpan(of arrays: [[Double]]) -> (low: Double, span: Int)? {
        var low = Double.infinity, high = -Double.infinity, fractional = false
        for values in arrays {
            values.withUnsafeBufferPointer { values in
                // One branch-free pass. A missing value (NaN) fails every comparison, so it moves neither
                // bound and is not fractional; an infinite one leaves a span too wide to accept.
                for value in values {
                    low = value < low ? value : low
                    high = value > high ? value : high
                    // Below 2^52, adding and taking away 2^52 rounds to a whole number; above, all are whole.
                    let magnitude = value.magnitude
                    fractional = fractional || (magnitude < 0x1p52 && (magnitude + 0x1p52) - 0x1p52 != magnitude)
                }
            }
        }
        let span = low <= high ? high - low + 1 : 0
        guard !fractional, span <= Double(4 * arrays.reduce(0) { $0 + $1.count } + 1024) else { return nil }
        return (low, Int(span))
    }

    /// The rank of each value among the distinct values (equal values share a rank).
    private static func ranks<Value: Comparable>(of values: [Value]) -> [Int] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Int](repeating: 0, count: values.count)
        var rank = -1
        for (position, index) in order.enumerated() {
            if position == 0 || values[order[position - 1]] != values[index] { rank += 1 }
            ranks[index] = rank
        }
        return ranks
    }

    /// Codes for the pair (these keys, then `other`), compacted so the cardinality stays at most the
    /// row count plus one. Both sides are compacted already, so the product of their cardinalities fits.
    func combined(with other: KeyCodes) throws -> KeyCodes {
        let (product, overflow) = cardinality.multipliedReportingOverflow(by: other.cardinality)
        precondition(!overflow, "compacted key codes are below the row count + 1, so their product fits")
        var pairs = [Int](repeating: 0, count: codes.count)
        for row in codes.indices { pairs[row] = codes[row] * other.cardinality + other.codes[row] }
        return try KeyCodes(codes: pairs, cardinality: product).compacted()
    }

    /// The same order with the unused codes removed: dense ranks 0..<distinct count.
    func compacted() throws -> KeyCodes {
        if cardinality <= 4 * codes.count + 1024 {
            var rank = [Int](repeating: -1, count: cardinality)
            for code in codes { rank[code] = 0 }
            var next = 0
            for code in 0..<cardinality where rank[code] == 0 {
                rank[code] = next
                next += 1
            }
            // Only codes past the last used one unused (as the missing code of a column with none):
            // the codes are their ranks already.
            if next == 0 || rank[next - 1] == next - 1 { return KeyCodes(codes: codes, cardinality: next) }
            return KeyCodes(codes: codes.map { rank[$0] }, cardinality: next)
        }
        try Cancellation.check()
        // Sparse codes: rank them by sorting (equal codes share a rank).
        let compact = KeyCodes.ranks(of: codes)
        return KeyCodes(codes: compact, cardinality: (compact.max() ?? -1) + 1)
    }
}
