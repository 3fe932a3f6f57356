// Join: the rows of two frames matched on key columns (`join(left, right, on: "id", how: "left")`).
//
// The key columns of both sides are factorized together (Grouping's key codes), so a key is one
// integer and matching is a lookup in the right side's rows listed by code (JoinPairs); a single
// whole-number key (ids) is coded by its offset from the smallest key as it is read. Missing keys never
// match.

/// Which rows a join keeps.
public enum JoinKind: String, Sendable, CaseIterable {
    /// Matching pairs only.
    case inner
    /// Every left row, with its matches or with missing right values.
    case left
    /// Every right row, with its matches or with missing left values.
    case right
    /// Every row of both sides: the left join, then the right rows nothing matched.
    case outer
    /// The left rows that have a match (each once), left columns only.
    case semi
    /// The left rows that have no match, left columns only.
    case anti
}

extension DataFrame {
    /// The join of this frame (left) with `right` on `leftKeys` = `rightKeys`, pairwise. Rows come in
    /// left order, each left row's matches in right order (a right join: right order, each right row's
    /// matches in left order). The
    /// result has the left columns, then the right ones except its keys when they are named like the
    /// left keys; a right column named like a left one gets `suffix`.
    public func joined(with right: DataFrame, leftKeys: [String], rightKeys: [String], kind: JoinKind, suffix: String = "_right") throws -> DataFrame {
        guard !leftKeys.isEmpty, leftKeys.count == rightKeys.count else {
            throw DataError("a join needs as many right keys as left keys (at least one), got \(leftKeys.count) and \(rightKeys.count)")
        }
        let codes = try JoinKeys(left: self, right: right, leftKeys: leftKeys, rightKeys: rightKeys)
        // Each pair costs its two row numbers and then one row of every output column.
        let bytesPerPair = 16 + (columns + (kind == .semi || kind == .anti ? [] : right.columns)).reduce(0) { $0 + $1.type.bytesPerRow }
        let pairs = try codes.pairs(kind: kind, bytesPerPair: bytesPerPair)
        var names = self.names
        // Inner, semi, anti and left joins have a left row in every pair: a plain gather, no −1 check per row.
        let leftAlwaysThere = kind == .inner || kind == .semi || kind == .anti || kind == .left
        // No left rows listed: every left row once, in order, so the left columns stay as they are.
        var gathers = pairs.left.map { rows in self.columns.map { ColumnGather(column: $0, rows: .listed(rows), orMissing: !leftAlwaysThere) } } ?? []
        var sharedKeys: [(position: Int, column: Column)] = []
        if kind != .semi && kind != .anti {
            for (name, column) in zip(right.names, right.columns) {
                if let key = rightKeys.firstIndex(of: name), leftKeys[key] == name, let position = names.firstIndex(of: name) {
                    sharedKeys.append((position, column))
                    continue
                }
                var outputName = names.contains(name) ? name + suffix : name
                while names.contains(outputName) { outputName += suffix }
                names.append(outputName)
                gathers.append(ColumnGather(column: column, rows: pairs.right, orMissing: kind != .inner && kind != .right))
            }
        }
        var columns = pairs.left == nil ? self.columns + ColumnGather.run(gathers) : ColumnGather.run(gathers)
        try Cancellation.check()
        // A key column both sides share: the right side's value fills the rows only the right side has.
        if kind == .right || kind == .outer, let rows = pairs.left, case .listed(let rightRows) = pairs.right {
            let rightOnly = rows.indices.filter { rows[$0] < 0 }
            for (position, column) in sharedKeys where !rightOnly.isEmpty {
                columns[position] = try columns[position].replacing(rightOnly, with: column.gathering(rightOnly.map { rightRows[$0] }))
            }
        }
        return try DataFrame(zip(names, columns).map { (name: $0, column: $1) })
    }
}

/// The keys of both sides of a join as comparable integer codes (−1 where a key is missing).
struct JoinKeys: Sendable {
    enum Codes: Sendable {
        /// One code per row of each side.
        case stored(left: [Int], right: [Int])
        /// A single whole-number key: each key's code is its offset from `low`, the smallest key of both sides.
        case offsets(left: [Double], right: [Double], low: Double)
    }

    let codes: Codes
    /// Every code is below this.
    let cardinality: Int

    init(left: DataFrame, right: DataFrame, leftKeys: [String], rightKeys: [String]) throws {
        // Whole-number keys within a span of a few times the row count (ids) need no concatenation, hashing
        // or compaction, and no code array.
        if leftKeys.count == 1, case .numeric(let a)? = left.column(named: leftKeys[0]),
           case .numeric(let b)? = right.column(named: rightKeys[0]),
           let (low, span) = KeyCodes.integerSpan(of: [a.values, b.values]) {
            (codes, cardinality) = (.offsets(left: a.values, right: b.values, low: low), span)
            return
        }
        var combined: KeyCodes?
        var missing = [Int8](repeating: 0, count: left.rowCount + right.rowCount)
        for (leftName, rightName) in zip(leftKeys, rightKeys) {
            let a = left.columns[try left.index(of: leftName)]
            let b = right.columns[try right.index(of: rightName)]
            guard a.type == b.type else {
                throw DataError("join key '\(leftName)' holds \(a.typeName) values on the left but '\(rightName)' holds \(b.typeName) on the right")
            }
            let both = try Column.concatenating(a, b)
            for (row, flag) in both.missingMask().values.enumerated() where flag == 1 { missing[row] = 1 }
            let codes = try KeyCodes(both).compacted()
            combined = try combined.map { try $0.combined(with: codes) } ?? codes
        }
        let codes = combined?.codes ?? []
        let keyed = codes.indices.map { missing[$0] == 1 ? -1 : codes[$0] }
        self.codes = .stored(left: Array(keyed[0..<left.rowCount]), right: Array(keyed[left.rowCount...]))
        cardinality = combined?.cardinality ?? 0
    }

    /// The left side's row count.
    var leftCount: Int {
        switch codes {
        case .stored(let left, _): left.count
        case .offsets(let left, _, _): left.count
        }
    }

    /// Each side's codes, one per row.
    var perRow: (left: [Int], right: [Int]) {
        switch codes {
        case .stored(let left, let right): return (left, right)
        case .offsets(let left, let right, let low):
            func offsets(_ keys: [Double]) -> [Int] { keys.map { $0.isNaN ? -1 : Int($0 - low) } }
            return (offsets(left), offsets(right))
        }
    }
}

/// One output column of a join: `column`'s rows at `rows`, −1 giving a missing value where `orMissing`.
private struct ColumnGather: Sendable {
    let column: Column
    let rows: RightRows
    let orMissing: Bool

    func run() -> Column {
        switch rows {
        case .listed(let rows): orMissing ? column.gathering(orMissing: rows) : column.gathering(rows)
        case .lookedUp(let lookup): column.gathering(lookup)
        }
    }

    /// Every gather's column, in order. Each is a pass over memory of its own, so when they copy a million
    /// values or more together they run on every core (a join's output, as wide as both frames).
    static func run(_ gathers: [ColumnGather]) -> [Column] {
        guard gathers.count > 1, gathers.reduce(0, { $0 + $1.rowCount }) >= 1 << 20 else { return gathers.map { $0.run() } }
        return concurrentMap(gathers.count) { gathers[$0].run() }
    }

    private var rowCount: Int {
        switch rows {
        case .listed(let rows): rows.count
        case .lookedUp(let lookup): lookup.count
        }
    }
}

extension Column {
    /// Each left row's looked-up right row, missing where it has none.
    fileprivate func gathering(_ lookup: UniqueLookup) -> Column {
        switch self {
        case .numeric(let column): .numeric(NumericColumn(lookup.gathering(column.values, orMissing: .nan)))
        case .text(let column): .text(TextColumn(codes: lookup.gathering(column.codes, orMissing: -1), levels: column.levels))
        case .boolean(let column): .boolean(BoolColumn(raw: lookup.gathering(column.values, orMissing: -1)))
        case .time(let column): .time(TimeColumn(lookup.gathering(column.values, orMissing: TimeValue.missing), kind: column.kind))
        }
    }

    /// The rows at `indices`, in that order, with −1 giving a missing value. Indices are assumed valid.
    func gathering(orMissing indices: [Int]) -> Column {
        switch self {
        case .numeric(let column): .numeric(NumericColumn(column.values.gathering(indices, orMissing: .nan)))
        case .text(let column): .text(TextColumn(codes: column.codes.gathering(indices, orMissing: -1), levels: column.levels))
        case .boolean(let column): .boolean(BoolColumn(raw: column.values.gathering(indices, orMissing: -1)))
        case .time(let column): .time(TimeColumn(column.values.gathering(indices, orMissing: TimeValue.missing), kind: column.kind))
        }
    }
}
