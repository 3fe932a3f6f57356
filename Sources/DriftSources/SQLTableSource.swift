// SQLTableSource: a table of a SQL database (optionally filtered by `where:`) as a lazy summary source
// (`table(url, "schema.table")`). Summaries are pushed down: the database computes them with aggregates and
// returns only small results, built by `SQLSummaryQuery`:
// - one query for all columns: count(*), count(col) (missing), min, max, avg, and on SQLite how many values
//   are text or numbers other than 0/1, so a column is typed as read_sql would type it;
// - one query for all numeric columns: sum((x − mean)²) with the mean bound, a two-pass variance;
// - per column, GROUP BY value with LIMIT limit + 1: exact category counts, or "too many";
// - per numeric column, the quantile sketch and grid histogram: while the column has at most the sketch's
//   capacity of values they are fetched (at most 8192 numbers) and the sketch is exact, as a streaming one
//   is; beyond, GROUP BY floor(x / 2^e) gives the grid histogram exactly (the same power-of-two grid a
//   streaming pass settles on, from the exact min and max), and the sketch is built from its bins (the 16
//   fullest split again 2048 ways by one more GROUP BY, as skewed data piles into a few bins), each
//   group's count placed at the group's smallest value: every rank is then within the largest group's count
//   of the true one, which is the sketch's `rankErrorBound`;
// - requested edges: count(CASE WHEN x < edge THEN 1 END) per edge, differenced into exact bin counts.
// Access goes through the database's own gate (FileAccess.checkRead for SQLite, the network check for
// PostgreSQL), as read_sql does.
import DriftCore

public struct SQLTableSource: SummarySource {
    public let url: DatabaseURL
    public let table: String
    public let filter: String?
    public let parameters: [SQLValue]
    public let columnNames: [String]
    /// Each column's type as the table declares it (SQLite's undeclared as numeric).
    let declaredTypes: [ColumnType]
    private let tableName: SQLTableName

    /// Checks the table, the filter and its parameters with a query returning no rows, which also names the columns.
    public init(url: DatabaseURL, table: String, filter: String? = nil, parameters: [SQLValue] = []) throws {
        let tableName = try SQLTableName(table)
        let probe = try url.withDatabase { database in
            let query = SQLSummaryQuery(dialect: database.dialect, table: tableName, filter: filter, parameters: parameters)
            return try database.query(query.sql("*", where: "1 = 0"), parameters: query.parameters)
        }
        self.url = url
        self.table = table
        self.filter = filter
        self.parameters = parameters
        self.tableName = tableName
        columnNames = probe.names
        declaredTypes = probe.columns.map(\.type)
    }

    public var name: String { "\(table) in \(url.displayName)" }

    public func summarize(_ columns: [String], _ request: SummaryRequest) throws -> SummaryResult {
        let indices = try columns.map { column in
            guard let index = columnNames.firstIndex(of: column) else {
                throw DataError("\(name) has no column '\(column)'; columns: \(columnNames.joined(separator: ", "))")
            }
            return index
        }
        return try url.withDatabase { database in
            let pass = SQLSummaryPass(source: self, database: database, options: request.options)
            var result = SummaryResult()
            if request.summaries {
                let summaries = try pass.summaries(indices)
                for (column, summary) in zip(columns, summaries) { result.summaries[column] = summary }
            }
            for (column, index) in zip(columns, indices) {
                guard let requested = request.edges[column], !requested.isEmpty else { continue }
                guard declaredTypes[index] != .text else {
                    throw DataError("\(name): column '\(column)' holds text values; bins need numbers")
                }
                var counts: [BinEdges: [Int]] = [:]
                for edges in requested { counts[edges] = try pass.binCounts(column, edges) }
                result.binCounts[column] = counts
            }
            return result
        }
    }

    func query(_ dialect: SQLDialect) -> SQLSummaryQuery {
        SQLSummaryQuery(dialect: dialect, table: tableName, filter: filter, parameters: parameters)
    }
}
