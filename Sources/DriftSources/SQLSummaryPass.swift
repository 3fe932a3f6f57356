// SQLSummaryPass: the aggregate queries of one `SQLTableSource.summarize` call, on one open database, turned
// into `ColumnSummary` values and exact bin counts (see SQLTableSource for the queries and their guarantees).
import DriftCore

struct SQLSummaryPass {
    let source: SQLTableSource
    let database: any SQLDatabase
    let options: ColumnSummary.Options

    init(source: SQLTableSource, database: any SQLDatabase, options: ColumnSummary.Options) {
        self.source = source
        self.database = database
        self.options = options
    }

    private var dialect: SQLDialect { database.dialect }

    /// What the first query says about one column.
    private struct Overview {
        var present = 0
        var type = ColumnType.numeric
        var minimum = Double.nan, maximum = Double.nan, mean = Double.nan
    }

    /// Finished summaries of the columns at `indices`.
    func summaries(_ indices: [Int]) throws -> [ColumnSummary] {
        let (rowCount, overviews) = try overview(indices)
        let deviations = try squaredDeviations(indices, overviews)
        return try zip(indices, overviews).map { index, overview in
            let column = source.columnNames[index]
            try Cancellation.check()
            guard overview.type == .numeric else {
                let categories = try categoryCounts(column, numeric: false, limit: options.textCategoryLimit)
                return ColumnSummary(options: options, type: overview.type, rowCount: rowCount,
                                     missing: rowCount - overview.present, categories: categories)
            }
            let moments = Moments(count: overview.present, mean: overview.mean, squaredDeviations: deviations[column] ?? 0,
                                  minimum: overview.minimum, maximum: overview.maximum)
            let (sketch, grid) = try distribution(column, overview)
            return ColumnSummary(options: options, type: .numeric, rowCount: rowCount, missing: rowCount - overview.present,
                                 moments: moments, sketch: sketch, grid: grid,
                                 categories: try categoryCounts(column, numeric: true, limit: options.numberCategoryLimit))
        }
    }

    /// count(*), and per column count, type counts (dynamically typed engines) and min, max, avg.
    private func overview(_ indices: [Int]) throws -> (rows: Int, [Overview]) {
        var fields = ["count(*)"]
        var layout: [(present: Int, text: Int?, nonFlag: Int?, numbers: Int?)] = []
        for index in indices {
            let name = source.columnNames[index], column = SQLSummaryQuery.column(name)
            let declared = source.declaredTypes[index]
            fields.append("count(\(column))")
            var entry: (present: Int, text: Int?, nonFlag: Int?, numbers: Int?) = (fields.count - 1, nil, nil, nil)
            if let conditions = dialect.valueTypeConditions?(column) {
                fields += ["count(CASE WHEN \(conditions.text) THEN 1 END)", "count(CASE WHEN \(conditions.nonFlagNumber) THEN 1 END)"]
                entry.text = fields.count - 2
                entry.nonFlag = fields.count - 1
            }
            if declared == .numeric || (dialect.valueTypeConditions != nil && declared != .text) {
                let x = SQLSummaryQuery.number(name)
                fields += ["min(\(x))", "max(\(x))", "avg(\(x))", "count(\(x))"]
                entry.numbers = fields.count - 4
            }
            layout.append(entry)
        }
        let query = source.query(dialect)
        let frame = try database.query(query.sql(fields), parameters: query.parameters)
        let overviews = zip(indices, layout).map { index, entry in
            var overview = Overview()
            overview.present = frame.integer(entry.present)
            overview.type = Self.resolvedType(declared: source.declaredTypes[index], text: entry.text.map { frame.integer($0) } ?? 0,
                                              nonFlag: entry.nonFlag.map { frame.integer($0) } ?? 0, dynamic: entry.text != nil)
            if let k = entry.numbers {
                overview.minimum = frame.number(k)
                overview.maximum = frame.number(k + 1)
                overview.mean = frame.number(k + 2)
                if overview.type == .numeric { overview.present = frame.integer(k + 3) }
            }
            return overview
        }
        return (frame.integer(0), overviews)
    }

    /// The column type read_sql would give: the declared one, widened as `ColumnCollector` widens by the values.
    private static func resolvedType(declared: ColumnType, text: Int, nonFlag: Int, dynamic: Bool) -> ColumnType {
        guard dynamic else { return declared }
        if text > 0 || declared == .text { return .text }
        return declared == .boolean && nonFlag == 0 ? .boolean : .numeric
    }

    /// Σ (x − mean)² per numeric column, with each exact mean bound (the second pass of a two-pass variance).
    private func squaredDeviations(_ indices: [Int], _ overviews: [Overview]) throws -> [String: Double] {
        var query = source.query(dialect)
        var columns: [String] = [], fields: [String] = []
        for (index, overview) in zip(indices, overviews) where overview.type == .numeric && overview.present > 1 && overview.mean.isFinite {
            let name = source.columnNames[index], x = SQLSummaryQuery.number(name)
            let mean = query.bind(overview.mean), again = query.bind(overview.mean)
            columns.append(name)
            fields.append("sum((\(x) - \(mean)) * (\(x) - \(again)))")
        }
        guard !fields.isEmpty else { return [:] }
        let frame = try database.query(query.sql(fields), parameters: query.parameters)
        return Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, frame.number($0)) })
    }

    /// Exact counts per distinct present value, or nil when there are more than `limit`.
    private func categoryCounts(_ name: String, numeric: Bool, limit: Int) throws -> CategoryCounts? {
        let query = source.query(dialect)
        let value = numeric ? SQLSummaryQuery.number(name) : SQLSummaryQuery.column(name)
        let sql = query.sql([value, "count(*)"], where: "\(value) IS NOT NULL", groupBy: "1", limit: limit + 1)
        let frame = try database.query(sql, parameters: query.parameters)
        guard frame.rowCount <= limit, case .numeric(let counts) = frame.columns[1] else { return nil }
        return CategoryCounts(values: frame.columns[0], counts: counts.values.map { Int($0) })
    }

    /// The quantile sketch and grid histogram: from the values while there are at most the sketch's capacity,
    /// else from a GROUP BY over the power-of-two grid.
    private func distribution(_ name: String, _ overview: Overview) throws -> (QuantileSketch, GridHistogram) {
        var sketch = QuantileSketch(capacity: options.sketchCapacity)
        var grid = GridHistogram(maximumBins: options.gridBins)
        let x = SQLSummaryQuery.number(name), present = "\(x) IS NOT NULL"
        var query = source.query(dialect)
        if overview.present <= options.sketchCapacity {
            let frame = try database.query(query.sql([x], where: present), parameters: query.parameters)
            let values = (0..<frame.rowCount).map { frame.number(0, row: $0) }
            sketch.add(values)
            grid.add(values)
            return (sketch, grid)
        }
        guard overview.minimum.isFinite, overview.maximum.isFinite else {
            throw DataError("\(source.name): column '\(name)' holds infinite values, which a pushed-down histogram cannot bin")
        }
        let exponent = GridHistogram.exponent(low: overview.minimum, high: overview.maximum, maximumBins: options.gridBins)
        let width = Double(sign: .plus, exponent: exponent, significand: 1)
        // All values equal: one bin and an exact sketch, no query (and no grid width that may underflow to 0).
        var bins = [(index: GridHistogram.index(overview.minimum, exponent), count: overview.present, smallest: overview.minimum)]
        if overview.minimum < overview.maximum {
            guard width > 0 else {
                throw DataError("\(source.name): column '\(name)' holds values too close to zero to bin in the database")
            }
            let sql = query.sql(["floor(\(x) / \(query.bind(width)))", "count(*)", "min(\(x))"], where: present, groupBy: "1")
            let frame = try database.query(sql, parameters: query.parameters)
            bins = (0..<frame.rowCount).map { (index: Int(frame.number(0, row: $0)), count: frame.integer(1, row: $0), smallest: frame.number(2, row: $0)) }
        }
        grid = GridHistogram(maximumBins: options.gridBins, exponent: exponent, indexCounts: bins.map { ($0.index, $0.count) })
        guard bins.count > 1 else {
            return (QuantileSketch(capacity: options.sketchCapacity, groups: [(overview.minimum, overview.present)], rankErrorBound: 0), grid)
        }
        let groups = try refined(name, bins.map { (index: $0.index, count: $0.count, smallest: $0.smallest) }, width: width)
        sketch = QuantileSketch(capacity: options.sketchCapacity, groups: groups.map { ($0.smallest, $0.count) },
                                rankErrorBound: groups.map(\.count).max() ?? 0)
        return (sketch, grid)
    }

    /// How many of the fullest grid bins are split again for the sketch, and into how many parts (a power of two).
    static let refinedBins = 16, refinement = 2048

    /// The grid's bins with the fullest ones (skewed data piles into a few) split on a grid `refinement` times
    /// finer, in one more GROUP BY (the finer grid is aligned with the coarse one, so the split bins' parts
    /// never share an index), so the sketch built from the groups has a smaller rank error.
    private func refined(_ name: String, _ bins: [(index: Int, count: Int, smallest: Double)], width: Double) throws -> [(count: Int, smallest: Double)] {
        let subWidth = width / Double(Self.refinement)
        let fullest = Set(bins.indices.sorted { bins[$0].count > bins[$1].count }.prefix(Self.refinedBins).filter { bins[$0].count > 1 })
        var groups = bins.indices.filter { !fullest.contains($0) }.map { (count: bins[$0].count, smallest: bins[$0].smallest) }
        guard !fullest.isEmpty, subWidth > 0 else { return bins.map { ($0.count, $0.smallest) } }
        let x = SQLSummaryQuery.number(name)
        var query = source.query(dialect)
        let index = "floor(\(x) / \(query.bind(subWidth)))"  // bound in the order of the text, for SQLite's `?`
        let ranges = fullest.sorted().map { k in
            "(\(x) >= \(query.bind(Double(bins[k].index) * width)) AND \(x) < \(query.bind(Double(bins[k].index + 1) * width)))"
        }
        let sql = query.sql([index, "count(*)", "min(\(x))"], where: ranges.joined(separator: " OR "), groupBy: "1")
        let frame = try database.query(sql, parameters: query.parameters)
        groups += (0..<frame.rowCount).map { (frame.integer(1, row: $0), frame.number(2, row: $0)) }
        return groups
    }

    /// Exact counts of the column's values between `edges`, as `BinEdges.counts` would count them in memory.
    func binCounts(_ name: String, _ edges: BinEdges) throws -> [Int] {
        let x = SQLSummaryQuery.number(name)
        // Cumulative counts whose successive differences are the bins.
        var conditions: [(comparison: String, edge: Double)] = edges.edges.map { (comparison: "<", edge: $0) }
        if edges.rule == .histogram, !conditions.isEmpty { conditions[conditions.count - 1].comparison = "<=" }
        var cumulative = edges.rule == .openEnds ? [0] : []
        let batch = 500
        for start in stride(from: 0, to: conditions.count, by: batch) {
            var query = source.query(dialect)
            let fields = conditions[start..<Swift.min(start + batch, conditions.count)].map { condition in
                "count(CASE WHEN \(x) \(condition.comparison) \(query.bind(condition.edge)) THEN 1 END)"
            }
            let frame = try database.query(query.sql(fields), parameters: query.parameters)
            cumulative += fields.indices.map { frame.integer($0) }
            try Cancellation.check()
        }
        if edges.rule == .openEnds {
            let query = source.query(dialect)
            let frame = try database.query(query.sql(["count(\(x))"]), parameters: query.parameters)
            cumulative.append(frame.integer(0))
        }
        return zip(cumulative.dropFirst(), cumulative).map { $0 - $1 }
    }
}

private extension DataFrame {
    /// A number of a query's result (NaN when NULL or not a number).
    func number(_ column: Int, row: Int = 0) -> Double {
        guard case .numeric(let values) = columns[column], row < values.count else { return .nan }
        return values.values[row]
    }

    /// A count of a query's result (0 when NULL).
    func integer(_ column: Int, row: Int = 0) -> Int {
        let value = number(column, row: row)
        return value.isFinite ? Int(value) : 0
    }
}
