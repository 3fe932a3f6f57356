// SQLSummaryPass: the aggregate queries of one `SQLTableSource.summarize` call, on one open database, turned
// into `ColumnSummary` values and exact bin counts (see SQLTableSource for the queries and their guarantees).
// Every query goes through `run`, which counts it on the source.
import DriftCore

struct SQLSummaryPass {
    let source: SQLTableSource
    let database: any SQLDatabase
    let options: ColumnSummary.Options
    /// The SQL of each row's chunk (an integer), for per-chunk summaries; nil for the whole source.
    let chunk: String?

    init(source: SQLTableSource, database: any SQLDatabase, options: ColumnSummary.Options, chunk: String? = nil) {
        self.source = source
        self.database = database
        self.options = options
        self.chunk = chunk
    }

    var dialect: SQLDialect { database.dialect }

    /// A query builder over the source's rows (with their chunk).
    func query() -> SQLSummaryQuery { source.query(dialect, chunk: chunk) }

    /// Runs one query, counted on the source; a database error names the query's purpose and the source.
    func run(_ sql: String, _ parameters: [SQLValue], for purpose: String) throws -> DataFrame {
        source.queries.increment()
        do {
            return try database.query(sql, parameters: parameters)
        } catch let error as SQLError {
            throw SQLError("\(source.name): \(purpose) failed: \(error.message)")
        }
    }

    /// What the first query says about one column.
    struct Overview {
        var present = 0
        var type = ColumnType.numeric
        var minimum = Double.nan, maximum = Double.nan, mean = Double.nan
        /// Σ (x − mean)², where the dialect's variance is stable (else the grouped pass sums it).
        var squaredDeviations: Double?
    }

    /// Finished summaries of the columns at `indices`: the overview query, then one grouped query for every
    /// column's distribution and categories (and, rarely, a GROUP BY of the values for a numeric column whose
    /// fine bins cannot tell whether it has few distinct values).
    func summaries(_ indices: [Int]) throws -> [ColumnSummary] {
        let (rowCount, overviews) = try overview(indices)
        let plan = try zip(indices, overviews).map {
            try groupedColumn($0, $1, bins: Self.fineBins(options), deviations: $1.squaredDeviations == nil)
        }
        let limit = Swift.max(options.textCategoryLimit, options.sketchCapacity, Self.fineBins(options))
        let groups = try grouped(plan, cubes: false, limit: limit).columns[nil] ?? plan.map { _ in ColumnGroups() }
        return try indices.indices.map { k in
            try Cancellation.check()
            var summary = summary(plan[k], overviews[k], groups[k], rows: rowCount)
            if summary.type == .numeric, summary.categories == nil, case .grid = plan[k].key,
               groups[k].groups.count <= options.numberCategoryLimit {
                summary = ColumnSummary(options: options, type: .numeric, rowCount: summary.rowCount, missing: summary.missing,
                                        moments: summary.moments, sketch: summary.sketch, grid: summary.grid,
                                        categories: try categoryCounts(plan[k].name, numeric: true, limit: options.numberCategoryLimit))
            }
            return summary
        }
    }

    /// count(*), and per column count, type counts (dynamically typed engines) and min, max, avg.
    func overview(_ indices: [Int]) throws -> (rows: Int, [Overview]) {
        var fields = ["count(*)"]
        var layout: [(present: Int, text: Int?, nonFlag: Int?, numbers: Int?)] = []
        for index in indices {
            let name = source.columnNames[index], column = dialect.quoted(name)
            let declared = source.declaredTypes[index]
            fields.append("count(\(column))")
            var entry: (present: Int, text: Int?, nonFlag: Int?, numbers: Int?) = (fields.count - 1, nil, nil, nil)
            if let conditions = dialect.valueTypeConditions?(column) {
                fields += ["count(CASE WHEN \(conditions.text) THEN 1 END)", "count(CASE WHEN \(conditions.nonFlagNumber) THEN 1 END)"]
                entry.text = fields.count - 2
                entry.nonFlag = fields.count - 1
            }
            if declared == .numeric || (dialect.valueTypeConditions != nil && declared != .text) {
                let x = dialect.number(name)
                fields += ["min(\(x))", "max(\(x))", "avg(\(x))", "count(\(x))"]
                entry.numbers = fields.count - 4
                if dialect.stableVariance { fields.append("var_pop(\(x))") }
            }
            layout.append(entry)
        }
        let query = source.query(dialect)
        let frame = try run(query.sql(fields), query.parameters, for: "the overview (rows, missing values, min, max, mean)")
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
                if dialect.stableVariance, overview.present > 0 { overview.squaredDeviations = frame.number(k + 4) * Double(overview.present) }
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

    /// The fine grid's bins: the sketch of a column beyond the sketch's capacity is built from them.
    static func fineBins(_ options: ColumnSummary.Options) -> Int { options.gridBins * 16 }

    /// How the grouped pass reads a column, given its overview: beyond the sketch's capacity, on a grid of at most
    /// `bins`; with `deviations`, summing (x − mean)² (and ³) about the overview's mean.
    func groupedColumn(_ index: Int, _ overview: Overview, bins: Int, deviations: Bool = true) throws -> GroupedColumn {
        let name = source.columnNames[index]
        guard overview.type == .numeric else { return GroupedColumn(name: name, key: .category, mean: .nan) }
        let mean = deviations ? overview.mean : .nan
        guard overview.present > options.sketchCapacity, overview.minimum < overview.maximum else {
            return GroupedColumn(name: name, key: .value, mean: mean)
        }
        guard overview.minimum.isFinite, overview.maximum.isFinite else {
            throw DataError("\(source.name): column '\(name)' holds infinite values, which a pushed-down histogram cannot bin")
        }
        let exponent = GridHistogram.exponent(low: overview.minimum, high: overview.maximum, maximumBins: bins)
        guard Double(sign: .plus, exponent: exponent, significand: 1) > 0 else {
            throw DataError("\(source.name): column '\(name)' holds values too close to zero to bin in the database")
        }
        return GroupedColumn(name: name, key: .grid(exponent: exponent), mean: mean)
    }

    /// The summary of a column from its overview (count, type, min, max, mean of the whole source) and groups.
    func summary(_ column: GroupedColumn, _ overview: Overview, _ groups: ColumnGroups, rows: Int) -> ColumnSummary {
        guard overview.type == .numeric else {
            let categories = groups.truncated ? nil : SQLCategories.counts(groups.categories, type: overview.type)
            return ColumnSummary(options: options, type: overview.type, rowCount: rows, missing: rows - overview.present,
                                 categories: categories)
        }
        let distribution = SQLDistribution(column.key, groups.groups, options: options)
        let moments = Moments(count: overview.present, mean: overview.mean,
                              squaredDeviations: overview.squaredDeviations ?? groups.squaredDeviations,
                              minimum: overview.minimum, maximum: overview.maximum)
        return ColumnSummary(options: options, type: .numeric, rowCount: rows, missing: rows - overview.present,
                             moments: moments, sketch: distribution.sketch, grid: distribution.grid, categories: distribution.categories)
    }

    /// Exact counts per distinct present value, or nil when there are more than `limit`.
    func categoryCounts(_ name: String, numeric: Bool, limit: Int) throws -> CategoryCounts? {
        let query = self.query()
        let value = numeric ? dialect.number(name) : dialect.quoted(name)
        let sql = query.sql([value, "count(*)"], where: "\(value) IS NOT NULL", groupBy: "1", limit: limit + 1)
        let frame = try run(sql, query.parameters, for: "counting the distinct values of '\(name)'")
        guard frame.rowCount <= limit, case .numeric(let counts) = frame.columns[1] else { return nil }
        return CategoryCounts(values: frame.columns[0], counts: counts.values.map { Int($0) })
    }
}

extension DataFrame {
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
