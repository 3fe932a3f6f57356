// SQLTableSource: a table of a SQL database, or Parquet files a Spark server reads (optionally filtered by `where:`, optionally ordered by a column for
// row chunks) as a lazy summary source (`table(url, "schema.table")`). Summaries are pushed down: the database
// computes them with aggregates and returns only small results, in two scans of the rows for any number of
// columns (SQLSummaryQuery builds them, SQLSummaryPass runs them):
// - the overview: count(*), and per column count(col) (missing), min, max, avg (and var_pop where the dialect's
//   is stable), and on SQLite how many values are text or numbers other than 0/1, so a column is typed as
//   read_sql would type it;
// - the grouped pass (SQLGroupedPass): every row turned into one row per column and grouped by (column, key),
//   or, where the engine has them, one grouping set per column:
//   a text or boolean column's values give its exact category counts (or "too many"); a numeric column with at
//   most the sketch's capacity of values is grouped by value (its sketch exact, as a streaming one is), a
//   bigger one by floor(x / 2^e) on a grid 16 times finer than the grid histogram's, from which the grid
//   histogram is exact (the same power-of-two grid a streaming pass settles on) and the sketch is built
//   (SQLDistribution); each group also sums (x − mean)², a two-pass variance, unless the overview has it.
// - rarely a third: GROUP BY value for a numeric column whose ≤ 1000 fine bins do not each hold one value, to
//   tell whether it has few distinct values;
// - requested edges: count(CASE WHEN x < edge THEN 1 END) per edge, differenced into exact bin counts, all
//   columns in one query (SQLBinCounts).
// `queryCount` counts the queries run, for tests and benchmarks. Access goes through the database's own gate
// (FileAccess.checkRead for SQLite, the network check for PostgreSQL and Spark), as read_sql does, and through
// `connections`, which keeps a Spark session open for every source of a Drift session.
import DriftCore
import Foundation

public struct SQLTableSource: SummarySource {
    public let url: DatabaseURL
    public let table: String
    public let filter: String?
    public let parameters: [SQLValue]
    /// The column that orders the rows, for chunks of rows (monitor's size: and count:).
    public let order: String?
    public let columnNames: [String]
    /// Each column's type as the table declares it (SQLite's undeclared as numeric).
    let declaredTypes: [ColumnType]
    private let tableName: SQLTableName
    let connections: DatabaseConnections
    let queries = QueryCounter()

    public init(url: DatabaseURL, table: String, filter: String? = nil, parameters: [SQLValue] = [], order: String? = nil,
                connections: DatabaseConnections = DatabaseConnections()) throws {
        try self.init(url: url, tableName: try SQLTableName(table), table: table, filter: filter, parameters: parameters, order: order,
                      connections: connections)
    }

    /// The rows of Parquet files (a path or a glob), read by the database server itself: Spark only.
    public init(url: DatabaseURL, parquet path: String, filter: String? = nil, parameters: [SQLValue] = [], order: String? = nil,
                connections: DatabaseConnections = DatabaseConnections()) throws {
        guard case .spark = url else {
            throw SQLError("parquet: files are read by a Spark server and need a spark:// URL; read_parquet reads files here")
        }
        try self.init(url: url, tableName: SQLTableName(files: path, format: "parquet"), table: "parquet files '\(path)'",
                      filter: filter, parameters: parameters, order: order, connections: connections)
    }

    /// Checks the table, the filter and its parameters with a query returning no rows, which also names the columns.
    private init(url: DatabaseURL, tableName: SQLTableName, table: String, filter: String?, parameters: [SQLValue], order: String?,
                 connections: DatabaseConnections) throws {
        let probe = try connections.withDatabase(url) { database in
            let query = SQLSummaryQuery(dialect: database.dialect, table: tableName, filter: filter, parameters: parameters)
            return try database.query(query.sql("*", where: "1 = 0"), parameters: query.parameters)
        }
        if let order, !probe.names.contains(order) {
            throw DataError("\(table) has no column '\(order)' to order its rows by; columns: \(probe.names.joined(separator: ", "))")
        }
        self.url = url
        self.table = table
        self.filter = filter
        self.parameters = parameters
        self.order = order
        self.tableName = tableName
        self.connections = connections
        columnNames = probe.names
        declaredTypes = probe.columns.map(\.type)
    }

    public var name: String { "\(table) in \(url.displayName)" }

    /// How many queries summaries of this source have run so far.
    public var queryCount: Int { queries.value }

    public func summarize(_ columns: [String], _ request: SummaryRequest) throws -> SummaryResult {
        let indices = try indices(of: columns)
        return try connections.withDatabase(url) { database in
            let pass = SQLSummaryPass(source: self, database: database, options: request.options)
            var result = SummaryResult()
            if request.summaries {
                let summaries = try pass.summaries(indices)
                for (column, summary) in zip(columns, summaries) { result.summaries[column] = summary }
            }
            let requests = try zip(columns, indices).flatMap { column, index in
                let edges = request.edges[column] ?? []
                guard edges.isEmpty || declaredTypes[index] != .text else {
                    throw DataError("\(name): column '\(column)' holds text values; bins need numbers")
                }
                return edges.map { (column: column, edges: $0) }
            }
            guard !requests.isEmpty else { return result }
            let counts = try pass.binCounts(requests)[nil] ?? requests.map { [Int](repeating: 0, count: $0.edges.binCount) }
            for (request, binCounts) in zip(requests, counts) { result.binCounts[request.column, default: [:]][request.edges] = binCounts }
            return result
        }
    }

    /// The positions of `columns`; an unknown name is an error listing the columns.
    func indices(of columns: [String]) throws -> [Int] {
        try columns.map { column in
            guard let index = columnNames.firstIndex(of: column) else {
                throw DataError("\(name) has no column '\(column)'; columns: \(columnNames.joined(separator: ", "))")
            }
            return index
        }
    }

    func query(_ dialect: SQLDialect, chunk: String? = nil) -> SQLSummaryQuery {
        SQLSummaryQuery(dialect: dialect, table: tableName, filter: filter, parameters: parameters, chunk: chunk)
    }
}

/// A count shared by the copies of a source (a source is a value; its queries are counted in one place).
final class QueryCounter: @unchecked Sendable {
    private var count = 0
    private let lock = NSLock()

    var value: Int { lock.withLock { count } }

    func increment() { lock.withLock { count += 1 } }
}
