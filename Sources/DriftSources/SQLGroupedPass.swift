// SQLGroupedPass: the one GROUP BY scan that gives every column's distribution at once. Each row of the table
// is turned into one row per column (`SQLDialect.unpivot`), and the copies are grouped by (column, [chunk,]
// key): a numeric column's key is its value (while it has at most the sketch's capacity of values) or its
// fine-grid bin floor(x / 2^e) (beyond), with count, min, max, Σ x and Σ (x − mean)² (and ³ on request) per
// group; a text or boolean column's key is the value itself, kept in a column of its own so its type
// survives. A window function keeps at most `limit` groups per column (and chunk), so a column of unique
// strings returns no more than the category limit allows. With a chunk expression, every group is per
// chunk too, and a copy of every row with no key counts each chunk's rows.
import DriftCore

/// How the grouped pass keys one column.
enum GroupedKey {
    /// The value itself (every distinct value is a group).
    case value
    /// The bin of the power-of-two grid with this exponent.
    case grid(exponent: Int)
    /// A text or boolean column's value, in a column of its own.
    case category
}

/// One column of a grouped pass: which column, how it is keyed, and the mean its deviations are taken from.
struct GroupedColumn {
    let name: String
    let key: GroupedKey
    /// Σ (x − mean)² (and ³) are summed when this is finite.
    let mean: Double
}

/// One group of a numeric column.
struct ValueGroup {
    let key: Double
    let count: Int
    let smallest: Double
    let largest: Double
}

/// What the pass found for one column in one chunk (or the whole source).
struct ColumnGroups {
    var groups: [ValueGroup] = []
    var squaredDeviations = 0.0
    var cubedDeviations = 0.0
    var sum = 0.0
    /// A category column's present values and their counts.
    var categories: (values: Column, counts: [Int])?
    /// More groups than the pass keeps.
    var truncated = false
}

/// The grouped pass's result: per chunk (nil: unchunked), per column position.
struct GroupedResult {
    var columns: [Int?: [ColumnGroups]] = [:]
    /// Rows per chunk (when chunked).
    var rows: [Int?: Int] = [:]
}

extension SQLSummaryPass {
    /// Runs the grouped pass over `columns` (per chunk when the pass has a chunk expression); `cubes` adds
    /// Σ (x − mean)³; at most `limit` present categories per column are kept (more: `truncated`).
    func grouped(_ columns: [GroupedColumn], cubes: Bool, limit: Int) throws -> GroupedResult {
        var query = self.query()
        let chunked = chunk != nil
        let categoryColumns = columns.indices.filter { if case .category = columns[$0].key { true } else { false } }
        let slots = categoryColumns.indices.map { "drift_s\($0)" }
        let null = "CAST(NULL AS \(dialect.doubleType))"
        var copies: [[String]] = columns.map { column in
            let x = dialect.number(column.name)
            var copy = [String](repeating: null, count: 5) + slots.map { _ in "NULL" }
            switch column.key {
            case .category:
                copy[5 + categoryColumns.firstIndex { columns[$0].name == column.name }!] = dialect.quoted(column.name)
            case .value, .grid:
                if case .grid(let exponent) = column.key {
                    copy[0] = "floor(\(x) / \(query.bind(Double(sign: .plus, exponent: exponent, significand: 1))))"
                } else {
                    copy[0] = x
                }
                copy[1] = x
                if column.mean.isFinite {
                    let deviation = "(\(x) - \(query.bind(column.mean)))"
                    copy[2] = "\(deviation) * \(deviation)"
                    if cubes { copy[3] = "\(deviation) * \(deviation) * \(deviation)" }
                }
            }
            if chunked { copy[4] = "CAST(drift_chunk AS \(dialect.doubleType))" }
            return copy
        }
        if chunked { copies.append([null, null, null, null, "CAST(drift_chunk AS \(dialect.doubleType))"] + slots.map { _ in "NULL" }) }
        let keys = ["drift_copy", "drift_chunk", "drift_key"] + slots
        let unpivoted = dialect.unpivot(copies, ["drift_key", "drift_x", "drift_d2", "drift_d3", "drift_chunk"] + slots)
        let aggregates = ["count(*)", "min(drift_x)", "max(drift_x)", "sum(drift_d2)", "sum(drift_d3)", "sum(drift_x)"]
        var select = (keys + aggregates.enumerated().map { "\($1) AS drift_a\($0)" }).joined(separator: ", ")
        let partition = "PARTITION BY drift_copy, drift_chunk"
        if !slots.isEmpty { select += ", row_number() OVER (\(partition) ORDER BY drift_copy) AS drift_rank" }
        var sql = query.from(unpivoted, select: select, groupBy: keys.joined(separator: ", "))
        // limit + 2: the group of missing values may take one place.
        if !slots.isEmpty { sql = "SELECT * FROM (\(sql)) AS drift_groups WHERE drift_rank <= \(limit + 2)" }
        let frame = try run(sql, query.parameters, for: "the grouped pass (distributions and categories)")
        return try Self.parse(frame, columns, categoryColumns: categoryColumns, limit: limit)
    }

    /// The pass's rows sorted into groups per chunk and column.
    private static func parse(_ frame: DataFrame, _ columns: [GroupedColumn], categoryColumns: [Int], limit: Int) throws -> GroupedResult {
        var result = GroupedResult()
        var categoryRows: [Int?: [Int: [Int]]] = [:]
        for row in 0..<frame.rowCount {
            if row & 0xFFF == 0 { try Cancellation.check() }
            let copy = frame.integer(0, row: row)
            let chunkValue = frame.number(1, row: row)
            let chunk = chunkValue.isNaN ? nil : Int(chunkValue)
            let count = frame.integer(3 + categoryColumns.count, row: row)
            guard copy < columns.count else {
                result.rows[chunk, default: 0] += count
                continue
            }
            var groups = result.columns[chunk] ?? columns.map { _ in ColumnGroups() }
            defer { result.columns[chunk] = groups }
            if let slot = categoryColumns.firstIndex(of: copy) {
                guard !frame.columns[3 + slot].isMissing(at: row) else { continue }
                categoryRows[chunk, default: [:]][copy, default: []].append(row)
                continue
            }
            let key = frame.number(2, row: row)
            guard !key.isNaN else { continue }
            let first = 4 + categoryColumns.count
            groups[copy].groups.append(ValueGroup(key: key, count: count, smallest: frame.number(first, row: row),
                                                  largest: frame.number(first + 1, row: row)))
            groups[copy].squaredDeviations += frame.number(first + 2, row: row).zeroIfNaN
            groups[copy].cubedDeviations += frame.number(first + 3, row: row).zeroIfNaN
            groups[copy].sum += frame.number(first + 4, row: row)
        }
        for (chunk, byColumn) in categoryRows {
            var groups = result.columns[chunk] ?? columns.map { _ in ColumnGroups() }
            for (copy, rows) in byColumn {
                let slot = try categoryColumns.firstIndex(of: copy).unwrapped()
                let counts = frame.columns[3 + categoryColumns.count].gathering(rows)
                guard case .numeric(let numbers) = counts else { continue }
                groups[copy].categories = (frame.columns[3 + slot].gathering(rows), numbers.values.map { Int($0) })
                groups[copy].truncated = rows.count > limit
            }
            result.columns[chunk] = groups
        }
        return result
    }
}

private extension Double {
    var zeroIfNaN: Double { isNaN ? 0 : self }
}

private extension Optional {
    func unwrapped() throws -> Wrapped {
        guard let self else { throw DataError("a pushed-down summary lost track of a column") }
        return self
    }
}
