// SQLDatabase: one open database (a SQLite file or a PostgreSQL connection) that runs a query into a data
// frame and writes a data frame into a table. `DatabaseURL.withDatabase` opens one for the length of a call.
//
// Pushdown: a lazy `table(url, "schema.table", where:)` source (SQLTableSource) keeps a DatabaseURL, a table
// name and a filter instead of rows; its summaries are aggregate queries (SQLSummaryQuery, SQLSummaryPass) run
// through `query(_:parameters:)`, which return small frames of counts.
import DriftCore

protocol SQLDatabase {
    var dialect: SQLDialect { get }
    /// Runs a query with bound parameters and returns its rows as typed columns.
    func query(_ sql: String, parameters: [SQLValue]) throws -> DataFrame
    /// Runs statements in one transaction: all of them take effect or none does.
    func transaction(_ body: (SQLStatementRunner) throws -> Void) throws
}

/// Runs statements inside a transaction. `run` prepares `sql` once and executes it for each parameter row.
protocol SQLStatementRunner {
    func execute(_ sql: String) throws
    func run(_ sql: String, rows: some Sequence<[SQLValue]>) throws
}

extension DatabaseURL {
    /// Opens the database, runs `body`, and closes it again, whether `body` succeeds or throws.
    func withDatabase<T>(_ body: (any SQLDatabase) throws -> T) throws -> T {
        switch self {
        case .sqlite(let path):
            return try body(SQLiteDatabase(path: path))
        case .postgres(let url):
            let database = try PostgresDatabase(try PostgresEndpoint(url))
            defer { database.close() }
            return try body(database)
        }
    }
}
