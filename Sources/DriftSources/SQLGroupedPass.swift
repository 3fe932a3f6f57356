// SQLGroupedPass: the one GROUP BY scan that gives every column's distribution at once: each row of the table
// turned into one row per column (`SQLDialect.unpivot`) and the copies grouped by (column, [chunk,] key), or,
// where the engine has them, a grouping set per column (the same groups, without copying rows). A numeric
// column's key is its value (while it has at most the sketch's capacity of values) or its fine-grid bin
// floor(x / 2^e) (beyond), with count, min, max, Σ x and Σ (x − mean)² (and ³ on request) per group; a text
// or boolean column's key is the value itself, kept in a column of its own so its type survives. A window
// function keeps at most `limit` groups per column (and chunk), so a column of unique strings returns no more
// than the category limit allows. With a chunk expression, every group is per chunk too, and one more copy
// (or set) with no key counts each chunk's rows.
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

/// The SQL expressions of one column in the grouped pass, its values bound on the query.
struct GroupedExpressions {
    /// A numeric column's group key: its value or its grid bin.
    var key: String?
    /// A text or boolean column's value, the key of its own slot.
    var category: String?
    /// A numeric column's value, and its deviation from the mean squared and cubed (when asked for).
    var x, squared, cubed: String?

    init(_ column: GroupedColumn, cubes: Bool, dialect: SQLDialect, query: inout SQLSummaryQuery) {
        let x = dialect.number(column.name)
        switch column.key {
        case .category:
            category = dialect.quoted(column.name)
            return
        case .value: key = x
        case .grid(let exponent): key = "floor(\(x) / \(query.bind(Double(sign: .plus, exponent: exponent, significand: 1))))"
        }
        self.x = x
        if column.mean.isFinite {
            let deviation = "(\(x) - \(query.bind(column.mean)))"
            squared = "\(deviation) * \(deviation)"
            if cubes { cubed = "\(deviation) * \(deviation) * \(deviation)" }
        }
    }
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

extension ColumnGroups {
    /// Adds one numeric group and its sums.
    mutating func add(_ group: ValueGroup, squared: Double, cubed: Double, sum: Double) {
        groups.append(group)
        squaredDeviations += squared
        cubedDeviations += cubed
        self.sum += sum
    }
}

/// The grouped pass's result: per chunk (nil: unchunked), per column position.
struct GroupedResult {
    var columns: [Int?: [ColumnGroups]] = [:]
    /// Rows per chunk (when chunked).
    var rows: [Int?: Int] = [:]
}

extension SQLSummaryPass {
    /// Runs the grouped pass over `columns` (per chunk when the pass has a chunk expression); `cubes` adds
    /// Σ (x − mean)³; at most `limit` present categories per column are kept (more: `truncated`). Where the
    /// dialect has grouping sets each column is a set of its own, else every row is unpivoted; both give rows
    /// (drift_copy, drift_chunk, drift_key, one slot per category column, count, min, max, Σ d², Σ d³, Σ x).
    func grouped(_ columns: [GroupedColumn], cubes: Bool, limit: Int) throws -> GroupedResult {
        var query = self.query()
        let categoryColumns = columns.indices.filter { if case .category = columns[$0].key { true } else { false } }
        let expressions = columns.map { GroupedExpressions($0, cubes: cubes, dialect: dialect, query: &query) }
        var sql = dialect.unpivot.map { unpivotSQL(expressions, categoryColumns: categoryColumns, query: query, unpivot: $0) }
            ?? groupingSetsSQL(expressions, categoryColumns: categoryColumns, query: query)
        // limit + 2: the group of missing values may take one place.
        if !categoryColumns.isEmpty { sql = "SELECT * FROM (\(sql)) AS drift_groups WHERE drift_rank <= \(limit + 2)" }
        let frame = try run(sql, query.parameters, for: "the grouped pass (distributions and categories)")
        return try Self.parse(frame, columns, categoryColumns: categoryColumns, limit: limit)
    }

    /// Every row turned into one row per column (and, chunked, one more that counts the chunk's rows), grouped.
    private func unpivotSQL(_ expressions: [GroupedExpressions], categoryColumns: [Int], query: SQLSummaryQuery,
                            unpivot: (_ copies: [[String]], _ names: [String]) -> String) -> String {
        let slots = categoryColumns.indices.map { "drift_s\($0)" }
        let null = dialect.nullNumber
        let chunkValue = chunk == nil ? null : "CAST(drift_chunk AS \(dialect.doubleType))"
        var copies: [[String]] = expressions.enumerated().map { k, column in
            var copy = [column.key ?? null, column.x ?? null, column.squared ?? null, column.cubed ?? null, chunkValue]
                + slots.map { _ in "NULL" }
            if let slot = categoryColumns.firstIndex(of: k) { copy[5 + slot] = column.category ?? "NULL" }
            return copy
        }
        if chunk != nil { copies.append([null, null, null, null, chunkValue] + slots.map { _ in "NULL" }) }
        let keys = ["drift_copy", "drift_chunk", "drift_key"] + slots
        let unpivoted = unpivot(copies, ["drift_key", "drift_x", "drift_d2", "drift_d3", "drift_chunk"] + slots)
        let aggregates = ["count(*)", "min(drift_x)", "max(drift_x)", "sum(drift_d2)", "sum(drift_d3)", "sum(drift_x)"]
        var select = (keys + aggregates.enumerated().map { "\($1) AS drift_a\($0)" }).joined(separator: ", ")
        if !slots.isEmpty { select += ", row_number() OVER (PARTITION BY drift_copy, drift_chunk ORDER BY drift_copy) AS drift_rank" }
        return query.from(unpivoted, select: select, groupBy: keys.joined(separator: ", "))
    }

    /// One grouping set per column (with the chunk, and chunked one of the chunk alone, counting its rows), over
    /// a derived table of each column's key and value expressions: the rows are read once and never copied.
    /// Every aggregate runs in every set; each result row takes its own column's.
    private func groupingSetsSQL(_ expressions: [GroupedExpressions], categoryColumns: [Int], query: SQLSummaryQuery) -> String {
        let null = dialect.nullNumber
        var inner = chunk == nil ? [] : ["CAST(drift_chunk AS \(dialect.doubleType)) AS drift_chunk"]
        for (k, column) in expressions.enumerated() {
            inner.append("\(column.key ?? column.category ?? "NULL") AS drift_k\(k)")
            for (name, value) in [("x", column.x), ("d2", column.squared), ("d3", column.cubed)] {
                if let value { inner.append("\(value) AS drift_\(name)\(k)") }
            }
        }
        let chunkKey = chunk == nil ? "" : "drift_chunk, "
        var sets = expressions.indices.map { "(\(chunkKey)drift_k\($0))" }
        if chunk != nil { sets.append("(drift_chunk)") }
        /// CASE over the sets: each column's set gives `value(k)`, the chunk's set (or a category's) `otherwise`.
        func perSet(_ value: (Int) -> String?, otherwise: String = null) -> String {
            let cases = expressions.indices.compactMap { k in value(k).map { "WHEN GROUPING(drift_k\(k)) = 0 THEN \($0)" } }
            return cases.isEmpty ? otherwise : "CASE \(cases.joined(separator: " ")) ELSE \(otherwise) END"
        }
        let numeric = { (k: Int) in expressions[k].x == nil ? nil : k }
        let copy = perSet({ "\($0)" }, otherwise: "\(expressions.count)")
        var select = ["\(copy) AS drift_copy", chunk == nil ? "\(null) AS drift_chunk" : "drift_chunk",
                      "\(perSet { numeric($0).map { "drift_k\($0)" } }) AS drift_key"]
        select += categoryColumns.enumerated().map { "drift_k\($1) AS drift_s\($0)" }
        select.append("count(*) AS drift_a0")
        let aggregates: [(String, (Int) -> String?)] = [
            ("min", { numeric($0).map { "drift_x\($0)" } }), ("max", { numeric($0).map { "drift_x\($0)" } }),
            ("sum", { k in expressions[k].squared.map { _ in "drift_d2\(k)" } }),
            ("sum", { k in expressions[k].cubed.map { _ in "drift_d3\(k)" } }),
            ("sum", { k in chunk == nil ? nil : numeric(k).map { "drift_x\($0)" } }),  // a chunk's mean
        ]
        for (position, (function, argument)) in aggregates.enumerated() {
            select.append("\(perSet { argument($0).map { "\(function)(\($0))" } }) AS drift_a\(position + 1)")
        }
        if !categoryColumns.isEmpty {
            // Spark's row_number needs an ORDER BY: the copy, the same in the whole partition.
            select.append("row_number() OVER (PARTITION BY \(copy)\(chunk == nil ? "" : ", drift_chunk") ORDER BY \(copy)) AS drift_rank")
        }
        let table = "(SELECT \(inner.joined(separator: ", ")) FROM drift_rows) AS drift_columns"
        return query.from(table, select: select.joined(separator: ", "), groupBy: "GROUPING SETS (\(sets.joined(separator: ", ")))")
    }

    /// The pass's rows sorted into groups per chunk and column.
    private static func parse(_ frame: DataFrame, _ columns: [GroupedColumn], categoryColumns: [Int], limit: Int) throws -> GroupedResult {
        var result = GroupedResult()
        var categoryRows: [Int?: [Int: [Int]]] = [:]
        let empty = columns.map { _ in ColumnGroups() }
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
            // Changed in place: a copy of the chunk's groups per row would copy every column's groups so far.
            if result.columns[chunk] == nil { result.columns[chunk] = empty }
            if let slot = categoryColumns.firstIndex(of: copy) {
                guard !frame.columns[3 + slot].isMissing(at: row) else { continue }
                categoryRows[chunk, default: [:]][copy, default: []].append(row)
                continue
            }
            let key = frame.number(2, row: row)
            guard !key.isNaN else { continue }
            let first = 4 + categoryColumns.count
            let group = ValueGroup(key: key, count: count, smallest: frame.number(first, row: row), largest: frame.number(first + 1, row: row))
            let squared = frame.number(first + 2, row: row).zeroIfNaN, cubed = frame.number(first + 3, row: row).zeroIfNaN
            let sum = frame.number(first + 4, row: row)
            result.columns[chunk, default: empty][copy].add(group, squared: squared, cubed: cubed, sum: sum)
        }
        for (chunk, byColumn) in categoryRows {
            var groups = result.columns[chunk] ?? empty
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
